#!/bin/sh
# The runtime stage of packaging/docker/Dockerfile, in one script that the Dockerfile runs and
# tests/cli/container_test.sh runs too (in a Debian 12 root filesystem built with mmdebstrap, as
# container engines cannot run where the tests do): what the test checks is what the image does.
#
#   runtime-setup.sh DEB_FOLDER PACKAGE...     e.g. runtime-setup.sh /tmp/debs oficina-cli
#
# Installs the named Oficina packages from DEB_FOLDER (PACKAGE_VERSION_ARCH.deb, as cpack names
# them) with their dependencies from the Debian mirror, then adds the unprivileged user and group
# the server runs as (oficina, 10001: a number, so that Kubernetes' runAsNonRoot can check it)
# and /models, where the model packages are mounted. POSIX sh: the slim image's /bin/sh is dash.
set -eu
if [ $# -lt 2 ]; then
    echo "usage: runtime-setup.sh DEB_FOLDER PACKAGE..." >&2
    exit 2
fi
folder=$1
shift
debs=
for package in "$@"; do
    found=
    for deb in "$folder/${package}"_*.deb; do
        [ -f "$deb" ] && found=$deb
    done
    if [ -z "$found" ]; then
        echo "runtime-setup: no ${package}_*.deb in $folder" >&2
        exit 1
    fi
    debs="$debs $found"
done

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Local files (a path with a slash) are installed with what they depend on; no recommends.
# shellcheck disable=SC2086 # one word per file; cpack's names have no spaces
apt-get install -y -qq --no-install-recommends $debs >/dev/null
# The package lists are not needed at run time. (Debian's images delete the downloaded .deb
# files themselves: /etc/apt/apt.conf.d/docker-clean.)
rm -rf /var/lib/apt/lists/*

groupadd --system --gid 10001 oficina
useradd --system --uid 10001 --gid oficina --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin oficina
install -d -m 0755 /models
# The installed program starts: every library it links is there.
oficina-cli --version
