#!/usr/bin/env bash
# Builds a Debian client image without a container registry: debootstrap a minimal root filesystem from the
# apt mirror this machine already uses, then `docker import` it. Idempotent: does nothing when the image exists.
# Needs root, debootstrap and Docker.
#   containers/build-client-image.sh                          ats-client:bookworm (curl, openssl, ca-certificates)
#   containers/build-client-image.sh IMAGE PACKAGE,PACKAGE    the same plus those Debian packages
set -euo pipefail
image="${1:-ats-client:bookworm}"
extra="${2:+,$2}"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image exists"
  exit 0
fi
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)}
if [ -z "$mirror" ]; then
  echo "build-client-image: no apt mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list" >&2
  exit 2
fi
rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase --include="curl,ca-certificates,openssl$extra" bookworm "$rootfs" "$mirror" >/dev/null
tar -C "$rootfs" -c . | docker import - "$image" >/dev/null
echo "built $image"
