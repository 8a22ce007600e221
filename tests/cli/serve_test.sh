#!/usr/bin/env bash
# oficina-cli serve, end to end, on a free loopback port: every example of docs/serving.md run
# as written (the port swapped) with the fragments the page says the answer holds; promtool on
# /metrics; a reload and a SIGTERM while a request's body is half sent (both answered 200, the
# server then exiting 0); SIGHUP; the token; the exit codes for bad input. Needs curl.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
cli=${OFICINA_CLI:-$build_dir/bin/oficina-cli}
doc=$source_dir/docs/serving.md
scratch=$(mktemp -d)
server=
cleanup() {
    [[ -n $server ]] && kill -KILL "$server" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() {
    echo "serve_test: $*" >&2
    [[ -f $scratch/server.log ]] && sed 's/^/  server: /' "$scratch/server.log" >&2
    exit 1
}
command -v curl >/dev/null || fail "curl is needed (packaging/install-deps.sh installs it)"

# Waits (bounded) until `condition` succeeds.
until_true() {
    local i
    for ((i = 0; i < 400; i++)); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}

# Starts `oficina-cli serve ARGS… --port 0` and sets $server and $port.
start_server() {
    : >"$scratch/server.log"
    "$cli" serve "$@" --port 0 2>"$scratch/server.log" &
    server=$!
    port_known() {
        port=$(sed -n 's|.*serving .* on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' \
            "$scratch/server.log")
        [[ -n $port ]] && return 0
        kill -0 "$server" 2>/dev/null || fail "the server exited before listening"
        return 1
    }
    until_true port_known || fail "the server did not say its port"
}

# Stops the server with `signal` and checks it exits 0.
stop_server() {
    kill "-$1" "$server"
    local status=0
    wait "$server" || status=$?
    server=
    [[ $status -eq 0 ]] || fail "the server exited $status after SIG$1"
}

# The package of the bundled Iris example, as docs/serving.md makes it.
cd "$scratch"
"$cli" run "$source_dir/resources/examples/iris_classification.oficina" --quiet \
    --save-model logreg=iris.ofmodel >/dev/null || fail "could not make iris.ofmodel"

start_server iris.ofmodel --access-log
base=http://127.0.0.1:$port

# Every example of the page, in order.
examples=$(sed -n 's/^<!-- serve-example: \([a-z0-9-]*\) -->$/\1/p' "$doc")
[[ $(wc -w <<<"$examples") -ge 5 ]] || fail "docs/serving.md lists too few examples"
for name in $examples; do
    # The fenced block after the marker, with the port swapped.
    command=$(awk -v name="$name" '
        $0 == "<!-- serve-example: " name " -->" { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        found && inside { print }' "$doc" | sed "s|127\.0\.0\.1:8080|127.0.0.1:$port|g")
    [[ -n $command ]] || fail "example $name has no command"
    expect=$(sed -n "s/^<!-- serve-expect: $name: \(.*\) -->\$/\1/p" "$doc")
    [[ -n $expect ]] || fail "example $name has no serve-expect line"
    answer=$(bash -c "set -o pipefail; $command") || fail "example $name failed: $command"
    while IFS= read -r fragment; do
        fragment=$(sed 's/^ *//; s/ *$//' <<<"$fragment")
        [[ $answer == *"$fragment"* ]] || fail "example $name: no $fragment in $answer"
    done < <(sed 's/ | /\n/g' <<<"$expect")
done

# /metrics is valid Prometheus text and counts what was asked.
# (A request is counted once its answer is written: the last may lag its client a moment.)
counted() {
    curl -sf "$base/metrics" >metrics.txt &&
        grep -q '^oficina_requests_total{model="iris",route="/invocations",code="200"} 2$' \
            metrics.txt
}
until_true counted || fail "the /invocations requests are not counted in /metrics"
promtool check metrics <metrics.txt || fail "promtool rejects /metrics"
grep -q '^oficina_rows_predicted_total{model="iris"} 5$' metrics.txt ||
    fail "/metrics does not count the 5 rows predicted"

# A request whose body is half sent when something happens, then finished.
tensor() { printf '{"name":"%s","shape":[1],"datatype":"FP64","data":[%s]}' "$1" "$2"; }
body="{\"id\":\"held\",\"inputs\":[$(tensor 'sepal length (cm)' 5.9),"
body+="$(tensor 'sepal width (cm)' 3.0),$(tensor 'petal length (cm)' 5.1),"
body+="$(tensor 'petal width (cm)' 1.8)]}"
half=$((${#body} / 2))
send_half() {
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'POST /v2/models/iris/infer HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\n%s\r\n%s\r\n\r\n%s' \
        'Content-Type: application/json' "Content-Length: ${#body}" 'Connection: close' \
        "${body:0:half}" >&3
    # The server holds it when two requests are in flight: it and the /metrics asking.
    in_flight() { curl -sf "$base/metrics" | grep -c '^oficina_requests_in_flight 2$' >/dev/null; }
    until_true in_flight || fail "the half-sent request is not in flight"
}
send_rest() {
    printf '%s' "${body:half}" >&3
    reply=$(cat <&3)
    exec 3<&-
    [[ $reply == "HTTP/1.1 200 OK"* ]] || fail "the held request got: $reply"
    [[ $reply == *'"id":"held"'* ]] || fail "the held request got: $reply"
}

# A reload meanwhile: answered 200, by the new version.
send_half
curl -sf -X POST "$base/v2/repository/models/iris/load" | grep -c '"version":"3"' >/dev/null ||
    fail "the reload did not give version 3"
send_rest
[[ $reply == *'"model_version":"3"'* ]] || fail "the held request was not answered by version 3"

# SIGHUP reloads too.
kill -HUP "$server"
version_4() { curl -sf "$base/v2/models/iris" | grep -c '"versions":\["4"\]' >/dev/null; }
until_true version_4 || fail "SIGHUP did not reload the model"

# SIGTERM meanwhile: new connections are refused, the held request answered, exit 0.
send_half
kill -TERM "$server"
closed() { ! curl -s -o /dev/null "$base/v2/health/live"; }
until_true closed || fail "the server still accepts connections after SIGTERM"
send_rest
status=0
wait "$server" || status=$?
server=
[[ $status -eq 0 ]] || fail "the server exited $status after SIGTERM"
grep -q '^oficina-serve: POST /v2/models/iris/infer 200 rows=2 us=[0-9]*$' \
    "$scratch/server.log" ||
    fail "no access-log line for the examples' request"
grep -q 'oficina-cli: stopped' "$scratch/server.log" || fail "the server did not say it stopped"

# The token: health probes open, the rest 401 without it, 200 with it.
printf '  s3cret-token \n' >token.txt
start_server iris.ofmodel --name flowers --token-file token.txt
base=http://127.0.0.1:$port
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[[ $(code "$base/v2/health/ready") == 200 ]] || fail "readiness needs a token"
[[ $(code "$base/v2/models/flowers") == 401 ]] || fail "metadata without a token is not 401"
[[ $(code -H 'Authorization: Bearer wrong' "$base/metrics") == 401 ]] ||
    fail "a wrong token is not 401"
[[ $(code -H 'Authorization: Bearer s3cret-token' "$base/v2/models/flowers") == 200 ]] ||
    fail "the token is refused"
stop_server INT

# Bad input: exit 2, with a message.
expect_bad() {
    local status=0
    "$cli" serve "$@" --port 0 2>bad.log || status=$?
    [[ $status -eq 2 ]] || fail "serve $* exited $status, not 2: $(cat bad.log)"
    [[ -s bad.log ]] || fail "serve $* said nothing"
}
expect_bad missing.ofmodel
expect_bad iris.ofmodel --name a --name b
expect_bad iris.ofmodel --name 'a b'
expect_bad iris.ofmodel --token-file missing.txt
printf 'not a zip' >junk.ofmodel
expect_bad junk.ofmodel
echo "serve_test: docs/serving.md's examples, metrics, reload, SIGHUP, SIGTERM drain, token" \
    "and exit codes pass"
