#!/usr/bin/env bash
# Fetch the Nu Html Checker (vnu.jar) the HTML validity test runs, from the
# npm package vnu-jar at a pinned version, into var/vnu/ (ignored by git).
# npm checks the tarball against the registry's integrity hash; the jar's
# own SHA-256 is pinned here too. Running it again with the jar in place
# only checks it.
set -euo pipefail
cd "$(dirname "$0")/.."

VNU_VERSION="26.9.27"
VNU_SHA256="22f15dd39a33bed929d2a5c0cddf5946849a647eca9272bf4d5d00bc7e7a4d47"
TARGET="var/vnu/vnu.jar"

command -v java >/dev/null || { echo "fetch_vnu: java is required" >&2; exit 1; }

jar_ok() {
    [ -f "$TARGET" ] && echo "$VNU_SHA256  $TARGET" | sha256sum --check --status
}

if ! jar_ok; then
    command -v npm >/dev/null || { echo "fetch_vnu: npm is required" >&2; exit 1; }
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && npm pack --silent "vnu-jar@$VNU_VERSION" >/dev/null)
    tar -xzf "$work/vnu-jar-$VNU_VERSION.tgz" -C "$work" package/build/dist/vnu.jar
    mkdir -p "$(dirname "$TARGET")"
    mv "$work/package/build/dist/vnu.jar" "$TARGET"
    jar_ok || { echo "fetch_vnu: $TARGET does not match the pinned SHA-256" >&2; exit 1; }
fi

version="$(java -jar "$TARGET" --version)"
echo "fetch_vnu: $TARGET runs (version $version)"
