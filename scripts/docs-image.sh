#!/usr/bin/env bash
# Regenerate docs/sheet-page1.png, the picture of a rendered sheet in the README:
#   bash scripts/docs-image.sh [carrier]      (default: mts)
set -euo pipefail
cd "$(dirname "$0")/.."
carrier="${1:-mts}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/sim-checklist render --quiet -c "$carrier" -o "$work/sheet.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/sheet.pdf" "$work/page"
mkdir -p docs
mv "$work/page.png" docs/sheet-page1.png
echo "docs/sheet-page1.png ($(stat -c %s docs/sheet-page1.png) bytes)"
