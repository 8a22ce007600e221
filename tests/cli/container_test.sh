#!/usr/bin/env bash
# The container image's runtime stage (packaging/docker/Dockerfile) without a container engine,
# which cannot run where the tests do: builds the oficina-cli package from the build tree
# (cpack, no rebuild), the image's Debian 12 root filesystem with mmdebstrap, runs the
# Dockerfile's own runtime-setup.sh in it (the package installed with its dependencies from the
# mirror, the unprivileged user, /models), then starts the Dockerfile's ENTRYPOINT + CMD with
# chroot as the Dockerfile's USER (on loopback and a free port instead of 0.0.0.0:8080), waits
# for its HEALTHCHECK command to pass, asks for predictions from here with curl, checks that
# the server runs as that user and that neither LibTorch nor Qt is installed, linked (ldd in the
# root) or mapped (/proc/PID/maps), and that SIGTERM stops it with status 0.
#
# Needs root (chroot, mount, mmdebstrap), mmdebstrap and curl (packaging/install-deps.sh), and
# a Debian mirror (OFICINA_DEBIAN_MIRROR, default http://deb.debian.org/debian; proxies from
# http_proxy and friends). Without them it fails, saying what is missing, unless
# OFICINA_SKIP_CONTAINER_TEST=1, when it is reported skipped (exit 77, CTest's SKIP_RETURN_CODE).
#
# The base root filesystem and the downloaded packages are cached in BUILD/container-cache
# (the base for a week): a first run takes about half a minute with a near mirror, the next
# ones about ten seconds.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
cpack=${2:-cpack} # CTest passes the CPack of the CMake that configured the build
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
dockerfile=$source_dir/packaging/docker/Dockerfile
setup_script=$source_dir/packaging/docker/runtime-setup.sh
mirror=${OFICINA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${OFICINA_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
suite=bookworm # debian:12-slim, checked against the Dockerfile below
start_time=$SECONDS

scratch=
root=
server=
cleanup() {
    if [[ -n $server ]]; then
        kill -KILL "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    if [[ -n $root ]] && mountpoint -q "$root/proc"; then
        umount "$root/proc" || umount -l "$root/proc" || true
    fi
    # Never across a file system that is still mounted in the root.
    [[ -n $scratch ]] && rm -rf --one-file-system "$scratch"
    return 0
}
trap cleanup EXIT
fail() {
    echo "container_test: $*" >&2
    [[ -n $scratch && -s $scratch/server.log ]] && sed 's/^/  server: /' "$scratch/server.log" >&2
    exit 1
}
# What the test needs and does not have: a failure, unless the environment opts out.
unavailable() {
    if [[ ${OFICINA_SKIP_CONTAINER_TEST:-} == 1 ]]; then
        echo "container_test: SKIPPED (OFICINA_SKIP_CONTAINER_TEST=1): $*" >&2
        exit 77
    fi
    fail "$* (set OFICINA_SKIP_CONTAINER_TEST=1 to skip this test where it cannot run)"
}
phase() { echo "container_test: [$((SECONDS - start_time)) s] $*"; }

[[ $(id -u) -eq 0 ]] || unavailable "needs root (mmdebstrap, chroot, mount)"
for tool in mmdebstrap curl chroot mount mountpoint flock tar dpkg-deb "$cpack"; do
    command -v "$tool" >/dev/null || unavailable "$tool is missing; run packaging/install-deps.sh"
done
[[ -f $build_dir/CPackConfig.cmake ]] || fail "$build_dir has no CPackConfig.cmake"
[[ -x $build_dir/bin/oficina-cli ]] || fail "$build_dir/bin/oficina-cli is not built"
curl -fsS --max-time 20 -o /dev/null "$mirror/dists/$suite/InRelease" 2>/dev/null ||
    unavailable "the Debian mirror $mirror cannot be reached (OFICINA_DEBIAN_MIRROR names another)"

# --- What the Dockerfile's runtime stage says, so that the test runs what the image runs. ---
# Each instruction of the runtime stage on one line (continuations joined).
runtime_stage=$(awk '
    /^FROM / { runtime = ($0 ~ / AS runtime$/) }
    runtime {
        line = line $0
        if (line ~ /\\$/) { sub(/\\$/, "", line); next }
        print line
        line = ""
    }
' "$dockerfile")
[[ -n $runtime_stage ]] || fail "the Dockerfile has no stage named runtime"
grep -qx 'FROM debian:12-slim AS runtime' <<<"$runtime_stage" ||
    fail "the runtime stage is no longer debian:12-slim: update this test's suite ($suite)"
# shellcheck disable=SC2016 # the Dockerfile's text
grep -q '^RUN sh /tmp/runtime-setup.sh /tmp/debs ${OFICINA_PACKAGES}' <<<"$runtime_stage" ||
    fail "the runtime stage no longer runs runtime-setup.sh as this test does"
# The exec-form JSON array (["a", "b"]) after KEYWORD in the INSTRUCTION, one item a line (the
# items hold no quotes or commas).
# Usage: exec_form INSTRUCTION KEYWORD
exec_form() {
    grep "^$1 " <<<"$runtime_stage" | sed -n "s/.*$2 *\[\(.*\)\] *\$/\1/p" |
        sed 's/", *"/\n/g; s/^ *"//; s/" *$//'
}
mapfile -t entrypoint < <(exec_form ENTRYPOINT ENTRYPOINT)
mapfile -t command_args < <(exec_form CMD CMD)
mapfile -t healthcheck < <(exec_form HEALTHCHECK CMD)
user=$(sed -n 's/^USER \([0-9]*:[0-9]*\)$/\1/p' <<<"$runtime_stage")
workdir=$(sed -n 's/^WORKDIR \(.*\)$/\1/p' <<<"$runtime_stage")
packages=$(sed -n 's/^ARG OFICINA_PACKAGES="\(.*\)"$/\1/p' <<<"$runtime_stage")
[[ ${#entrypoint[@]} -ge 2 && ${entrypoint[1]} == serve ]] ||
    fail "no ENTRYPOINT [\"oficina-cli\", \"serve\", …] in the runtime stage"
[[ ${#command_args[@]} -eq 1 && ${command_args[0]} == /models/* ]] ||
    fail "no CMD [\"/models/….ofmodel\"] in the runtime stage"
[[ ${#healthcheck[@]} -ge 2 && ${healthcheck[1]} == health ]] ||
    fail "no HEALTHCHECK CMD [\"oficina-cli\", \"health\", …] in the runtime stage"
[[ -n $user && ${user%%:*} != 0 ]] || fail "the runtime stage has no numeric, non-root USER"
[[ $packages == oficina-cli ]] || fail "the image installs '$packages', not only oficina-cli"
# The server and its health check must agree on the port.
option_value() { # NAME ITEMS...: the item after NAME
    local name=$1 previous=
    shift
    for item in "$@"; do
        [[ $previous == "$name" ]] && { echo "$item"; return; }
        previous=$item
    done
}
[[ $(option_value --port "${entrypoint[@]}") == "$(option_value --port "${healthcheck[@]}")" ]] ||
    fail "ENTRYPOINT and HEALTHCHECK name different ports"
# Swaps the values of --host and --port in an argument list.
swap_address() { # HOST PORT ITEMS...
    local host=$1 port=$2 previous=
    shift 2
    for item in "$@"; do
        case $previous in
        --host) echo "$host" ;;
        --port) echo "$port" ;;
        *) echo "$item" ;;
        esac
        previous=$item
    done
}

cache_dir=$build_dir/container-cache
mkdir -p "$cache_dir/archives"
# One run at a time per build tree: they share the cache.
exec 9>"$cache_dir/lock"
flock 9
scratch=$(mktemp -d)
chmod 755 "$scratch"

# --- The package, as the Dockerfile's build stage makes it. ---
phase "cpack: the oficina-cli package"
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$scratch/out" \
    -D CPACK_COMPONENTS_ALL=cli >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
mkdir "$scratch/debs"
mv "$scratch"/out/oficina-cli_*.deb "$scratch/debs/" 2>/dev/null ||
    fail "cpack made no oficina-cli package: $(ls "$scratch/out")"
deb=$(echo "$scratch"/debs/oficina-cli_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
if grep -Eiq 'libtorch|libc10|qt6' <<<"$depends"; then
    fail "oficina-cli depends on LibTorch or Qt: $depends"
fi

# A model package made from the bundled Iris example, as a user makes one.
(cd "$scratch" && "$build_dir/bin/oficina-cli" run \
    "$source_dir/resources/examples/iris_classification.oficina" --quiet \
    --save-model logreg=model.ofmodel >/dev/null) || fail "could not make the Iris model package"

# --- The base: Debian 12 as debian:12-slim has it (minbase: Essential and Priority required,
# apt; the same three suites), cached by its sources and refreshed weekly. ---
sources=("deb $mirror $suite main" "deb $mirror $suite-updates main"
    "deb $security_mirror $suite-security main")
key=$(printf '%s\n' "${sources[@]}" | sha256sum | cut -c1-12)
base=$cache_dir/debian-$suite-minbase-$(dpkg --print-architecture)-$key.tar
if [[ -f $base && -z $(find "$base" -mtime +7) ]]; then
    phase "base root filesystem from the cache: $base"
else
    phase "mmdebstrap: Debian $suite minbase (cached in $cache_dir)"
    rm -f "$cache_dir"/debian-*.tar
    mmdebstrap --variant=minbase --format=tar "$suite" "$scratch/base.tar" "${sources[@]}" \
        >"$scratch/mmdebstrap.log" 2>&1 ||
        { tail -n 30 "$scratch/mmdebstrap.log" >&2; fail "mmdebstrap failed"; }
    mv "$scratch/base.tar" "$base"
fi
root=$scratch/root
mkdir "$root"
tar --numeric-owner -xpf "$base" -C "$root"
# What a container engine provides: the host's resolver, /proc.
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
# Packages downloaded by earlier runs (apt checks them against the mirror's lists).
cp "$cache_dir"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true

# Inside the root: a clean environment, as in the image (proxies passed on, as build args are).
path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
environment=("PATH=$path")
for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [[ -n ${!name:-} ]] && environment+=("$name=${!name}")
done
in_root() { chroot "$root" /usr/bin/env -i "${environment[@]}" "$@"; }
# As the image's user, in its WORKDIR, with the environment a container gets.
as_user=(chroot --userspec="$user" "$root" /usr/bin/env -i -C "$workdir" "PATH=$path"
    HOME=/nonexistent)

# --- The runtime stage's RUN: the Dockerfile's own script. ---
phase "runtime-setup.sh in the root: $packages and its dependencies"
mkdir "$root/tmp/debs"
cp "$deb" "$root/tmp/debs/"
cp "$setup_script" "$root/tmp/runtime-setup.sh"
# shellcheck disable=SC2086 # the package names, one word each
in_root sh /tmp/runtime-setup.sh /tmp/debs $packages >"$scratch/setup.log" 2>&1 ||
    { cat "$scratch/setup.log" >&2; fail "runtime-setup.sh failed"; }
rm -rf "$root/tmp/debs" "$root/tmp/runtime-setup.sh"
# Keep what was downloaded for the next run, and only that.
rm -f "$cache_dir"/archives/*.deb
cp "$root"/var/cache/apt/archives/*.deb "$cache_dir/archives/" 2>/dev/null || true

# shellcheck disable=SC2016 # dpkg-query's format
installed=$(in_root dpkg-query -W -f='${Package}\n')
unwanted=$(grep -E '^(libtorch|libc10|libqt6|qt6-)' <<<"$installed" || true)
[[ -z $unwanted ]] || fail "the runtime root has LibTorch or Qt installed: ${unwanted//$'\n'/ }"
grep -qx oficina-cli <<<"$installed" || fail "oficina-cli is not installed in the runtime root"
[[ ! -e $root/usr/lib/oficina/liboficina_nn.so ]] || fail "the runtime root has the network module"
linked=$(in_root ldd /usr/bin/oficina-cli) || fail "ldd failed in the root: $linked"
! grep -q 'not found' <<<"$linked" || fail "a library is missing in the root: $linked"
grep -q 'liboficina_core\.so => /usr/bin/\.\./lib/oficina/liboficina_core\.so' <<<"$linked" ||
    fail "ldd does not find core in /usr/lib/oficina: $linked"
! grep -Eiq 'libtorch|libc10|libQt' <<<"$linked" || fail "oficina-cli links LibTorch or Qt: $linked"
[[ $(stat -c %U "$root/models") == root ]] || fail "/models is not root's"

# --- The model mounted read-only at the CMD's path, as `docker run -v …:ro` does. ---
model=${command_args[0]}
install -m 0444 "$scratch/model.ofmodel" "$root$model"
model_name=$(basename "$model" .ofmodel)

# --- ENTRYPOINT + CMD as USER, on loopback and a free port (the image: 0.0.0.0:8080). ---
mapfile -t server_command < <(swap_address 127.0.0.1 0 "${entrypoint[@]}")
phase "serving: ${server_command[*]} ${command_args[*]}, as $user in the root"
: >"$scratch/server.log" # before the loop below reads it: the child opens it only once forked
"${as_user[@]}" "${server_command[@]}" "${command_args[@]}" 2>>"$scratch/server.log" &
server=$! # chroot and env exec the next: this is the server's process
port=
for ((i = 0; i < 300; i++)); do
    port=$(sed -n 's|.*serving .* on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' \
        "$scratch/server.log")
    [[ -n $port ]] && break
    kill -0 "$server" 2>/dev/null || fail "the server exited before listening"
    sleep 0.1
done
[[ -n $port ]] || fail "the server did not say its port within 30 s"

# The HEALTHCHECK's command, in the root as the user, passes (bounded: 30 s).
mapfile -t health_command < <(swap_address 127.0.0.1 "$port" "${healthcheck[@]}")
ready=false
for ((i = 0; i < 60; i++)); do
    status=0
    "${as_user[@]}" "${health_command[@]}" >"$scratch/health.log" 2>&1 || status=$?
    [[ $status -eq 0 ]] && { ready=true; break; }
    # 1 is "not ready yet"; anything else will not get better.
    [[ $status -eq 1 ]] ||
        fail "the HEALTHCHECK command exited $status: $(cat "$scratch/health.log")"
    sleep 0.5
done
$ready || fail "the HEALTHCHECK command did not pass within 30 s: $(cat "$scratch/health.log")"
grep -q ": ready$" "$scratch/health.log" || fail "health said: $(cat "$scratch/health.log")"

# Predictions, asked from here: chroot shares the network.
base_url=http://127.0.0.1:$port
answer=$(curl -sS --max-time 10 "$base_url/v2/models/$model_name/infer" \
    -H 'Content-Type: application/json' -d '{"id": "c1", "inputs": [
        {"name": "sepal length (cm)", "shape": [2], "datatype": "FP64", "data": [5.1, 6.7]},
        {"name": "sepal width (cm)",  "shape": [2], "datatype": "FP64", "data": [3.5, 3.0]},
        {"name": "petal length (cm)", "shape": [2], "datatype": "FP64", "data": [1.4, 5.2]},
        {"name": "petal width (cm)",  "shape": [2], "datatype": "FP64", "data": [0.2, 2.3]}]}') ||
    fail "the infer request failed"
[[ $answer == *'{"name":"label","datatype":"BYTES","shape":[2],"data":["setosa","virginica"]}'* &&
    $answer == *'"id":"c1"'* ]] || fail "unexpected infer answer: $answer"
csv=$'sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n5.9,3.0,5.1,1.8\n'
answer=$(curl -sS --max-time 10 "$base_url/invocations" -H 'Content-Type: text/csv' \
    --data-binary "$csv") || fail "the /invocations request failed"
[[ $answer == '{"predictions":["virginica"]}' ]] || fail "unexpected /invocations answer: $answer"

# The process: the image's user (real, effective, saved, file system), no capabilities, in the
# root, running the installed binary, mapping core and neither LibTorch nor Qt.
uid=${user%%:*}
gid=${user##*:}
[[ $(awk '/^Uid:/ { print $2, $3, $4, $5 }' "/proc/$server/status") == "$uid $uid $uid $uid" ]] ||
    fail "the server does not run as uid $uid: $(grep ^Uid: "/proc/$server/status")"
[[ $(awk '/^Gid:/ { print $2, $3, $4, $5 }' "/proc/$server/status") == "$gid $gid $gid $gid" ]] ||
    fail "the server does not run as gid $gid: $(grep ^Gid: "/proc/$server/status")"
[[ $(awk '/^CapEff:/ { print $2 }' "/proc/$server/status") == 0000000000000000 ]] ||
    fail "the server has capabilities: $(grep ^CapEff: "/proc/$server/status")"
[[ $(ps -o user= -p "$server" 2>/dev/null || echo "$uid") != root ]] || fail "ps says root"
[[ $(readlink "/proc/$server/root") == "$root" ]] || fail "the server is not in the root"
[[ $(readlink "/proc/$server/exe") == "$root/usr/bin/oficina-cli" ]] ||
    fail "the server runs $(readlink "/proc/$server/exe")"
maps=$(cat "/proc/$server/maps")
grep -q '/usr/lib/oficina/liboficina_core\.so' <<<"$maps" || fail "core is not mapped"
if grep -Eiq 'libtorch|libc10|libQt|liboficina_nn' <<<"$maps"; then
    fail "the server maps: $(grep -Eio '[^/ ]*(torch|c10|Qt|oficina_nn)[^ ]*' <<<"$maps" | sort -u)"
fi

# SIGTERM, as `docker stop` sends: exit 0; the health check then fails (exit 1).
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
[[ $status -eq 0 ]] || fail "the server exited $status after SIGTERM"
status=0
"${as_user[@]}" "${health_command[@]}" >"$scratch/health.log" 2>&1 || status=$?
[[ $status -eq 1 ]] || fail "health exited $status, not 1, with the server stopped"
grep -q 'not ready: cannot connect' "$scratch/health.log" ||
    fail "health said: $(cat "$scratch/health.log")"

umount "$root/proc"
size=$(du -sm "$root" | cut -f1)
phase "passed: the runtime root ($size MiB, $(wc -l <<<"$installed") packages) serves Iris as" \
    "uid $uid without LibTorch or Qt; SIGTERM exits 0"
