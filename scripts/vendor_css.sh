#!/usr/bin/env bash
# Vendor the NL Design System CSS and the portal's open font into static/.
#
# Pinned versions: bump them here, run `make vendor-css`, look at the pages, commit.
#   - @utrecht/component-library-css: the NL Design System component CSS (EUPL-1.2).
#     dist/index.css (the component classes) and dist/html.css (the same styles for
#     plain HTML elements inside `.utrecht-html`, used for Django's `{{ field }}`
#     widgets). Only component rules are taken; the portal's own design tokens
#     live in static/css/tokens.css, so Utrecht's branding is not used.
#   - @fontsource/source-sans-3: Source Sans 3 (SIL OFL 1.1), latin subset.
#
# Needs npm (registry access) and tar. Writes only below static/vendor and static/fonts.
set -euo pipefail

UTRECHT_CSS_VERSION="9.0.4"
SOURCE_SANS_VERSION="5.3.1"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UTRECHT_DEST="$ROOT/static/vendor/utrecht"
FONT_DEST="$ROOT/static/fonts/source-sans-3"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fetch() {
    # fetch <package> <version> <dir>: npm pack the tarball and unpack it into <dir>.
    local pkg="$1" version="$2" dir="$3"
    mkdir -p "$dir"
    (cd "$WORK" && npm pack --silent "${pkg}@${version}" >"$dir.name")
    tar -xzf "$WORK/$(cat "$dir.name")" -C "$dir"
}

echo "vendor-css: @utrecht/component-library-css@${UTRECHT_CSS_VERSION}"
fetch "@utrecht/component-library-css" "$UTRECHT_CSS_VERSION" "$WORK/utrecht"
mkdir -p "$UTRECHT_DEST"
vendor_file() {
    # vendor_file <dist file> <destination name>: copy with a provenance header.
    {
        printf '/* @utrecht/component-library-css %s dist/%s, vendored by scripts/vendor_css.sh.\n' \
            "$UTRECHT_CSS_VERSION" "$1"
        printf '   Licence: EUPL-1.2, see LICENSE.md beside this file. Do not edit: re-run the script. */\n'
        cat "$WORK/utrecht/package/dist/$1"
    } >"$UTRECHT_DEST/$2"
}
vendor_file index.css component-library.css
vendor_file html.css html.css
cp "$WORK/utrecht/package/LICENSE.md" "$UTRECHT_DEST/LICENSE.md"

size=$(cat "$UTRECHT_DEST/component-library.css" "$UTRECHT_DEST/html.css" | wc -c)
if [ "$size" -ge 1048576 ]; then
    echo "vendor-css: the vendored CSS is $size bytes, over the 1 MB budget" >&2
    exit 1
fi

echo "vendor-css: @fontsource/source-sans-3@${SOURCE_SANS_VERSION}"
fetch "@fontsource/source-sans-3" "$SOURCE_SANS_VERSION" "$WORK/font"
mkdir -p "$FONT_DEST"
for face in 400-normal 400-italic 600-normal 700-normal; do
    cp "$WORK/font/package/files/source-sans-3-latin-${face}.woff2" "$FONT_DEST/"
done
cp "$WORK/font/package/LICENSE" "$FONT_DEST/LICENSE"

echo "vendor-css: done ($size bytes of component CSS)"
