#!/usr/bin/env bash
# Refresh the vendored Det Fælles Designsystem (npm package "dkfds") in
# static/dkfds/. Only maintainers run this; `make run` and the tests use the
# committed files and never need Node.
#
#   scripts/update_dkfds.sh            # newest release
#   scripts/update_dkfds.sh 11.2.0     # a given version
#
# Only the compiled files the site uses are copied: the stylesheet, the
# script, every font and icon the stylesheet refers to, and the licence.
set -euo pipefail

version="${1:-latest}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/static/dkfds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v npm >/dev/null || { echo "npm is needed to refresh DKFDS." >&2; exit 1; }

(cd "$work" && npm pack --silent "dkfds@$version" >/dev/null && tar xzf dkfds-*.tgz)
dist="$work/package/dist"
resolved="$(node -p "require('$work/package/package.json').version")"

rm -rf "$target"
mkdir -p "$target/css" "$target/js"
cp "$dist/css/dkfds.min.css" "$dist/css/dkfds.min.css.map" "$target/css/"
cp "$dist/js/dkfds.min.js" "$dist/js/dkfds.min.js.map" "$target/js/"
cp -r "$dist/img" "$target/img"
cp "$work/package/LICENSE.md" "$target/LICENSE.md"

# Fonts: exactly the files the stylesheet loads (relative to css/).
grep -o 'url([^)]*fonts/[^)]*)' "$dist/css/dkfds.min.css" \
    | sed -e 's/^url(\.\.\///' -e 's/)$//' -e 's/["'\'']//g' -e 's/[?#].*$//' \
    | sort -u \
    | while read -r font; do
        mkdir -p "$target/$(dirname "$font")"
        cp "$dist/$font" "$target/$font"
    done

# Every file the stylesheet refers to must exist, or collectstatic fails.
missing=0
while read -r ref; do
    [ -e "$target/$ref" ] || { echo "missing: $ref" >&2; missing=1; }
done < <(grep -o 'url([^)]*)' "$target/css/dkfds.min.css" \
    | sed -e 's/^url(\.\.\///' -e 's/)$//' -e 's/["'\'']//g' -e 's/[?#].*$//' \
    | grep -v '^data:' | sort -u)
[ "$missing" -eq 0 ] || exit 1

echo "$resolved" > "$target/VERSION"
echo "DKFDS $resolved vendored into static/dkfds/."
