#!/usr/bin/env bash
# Set up sim-checklist on a fresh Debian or Ubuntu machine, then do one thing:
#   bash scripts/setup.sh render   # install, then render the default sheet
#   bash scripts/setup.sh test     # install, then run the test suite (what CI runs)
# Safe to run again: it installs only what is missing. Uses sudo for apt when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

action="${1:-render}"

# System packages: Pango for WeasyPrint, HarfBuzz subsetting (without it a render is ~19x
# slower), the fonts the sheet needs, the tools the tests use to look at PDFs (poppler
# renders pages, qpdf checks the file, zbarimg decodes the QR code), and the spell checkers
# of the language gates (tests/quality/test_language_gates.py), and Chromium for the browser
# tests (tests/browser/, driven by Playwright with this system browser: no browser download).
system_packages=(
  python3 python3-venv python3-pip
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  fonts-noto-cjk fonts-dejavu-core fontconfig
  poppler-utils qpdf zbar-tools
  hunspell hunspell-ru hunspell-en-us
  chromium
)
# Node.js and npm install axe-core for the browser tests; a machine that already has npm (from
# another source whose nodejs conflicts with Debian's npm package) keeps its own.
if ! command -v npm >/dev/null 2>&1; then
  system_packages+=(nodejs npm)
fi

missing=()
for package in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The distribution's own Python when it is new enough: Debian builds it with profile-guided
# optimisation, and WeasyPrint's layout is pure Python (about 1.6x faster than a python3 that
# comes earlier on PATH, e.g. pyenv's). PYTHON=... overrides the choice.
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
if [ -n "${PYTHON:-}" ]; then
  python="$PYTHON"
elif [ -x /usr/bin/python3 ] && python_ok /usr/bin/python3; then
  python=/usr/bin/python3
else
  python=python3
fi
# A .venv made from another interpreter is made again from this one.
wanted="$("$python" -c 'import os, sys; print(os.path.realpath(sys.executable))')"
if [ -x .venv/bin/python ]; then
  current="$(.venv/bin/python -c 'import os, sys; print(os.path.realpath(sys._base_executable))' 2>/dev/null || true)"
  if [ "$current" != "$wanted" ]; then
    echo "Recreating .venv with $python (it was made with ${current:-an unknown Python})"
    rm -rf .venv
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# pip does not byte-compile an editable install; where PYTHONDONTWRITEBYTECODE is set, every
# command would compile the package again (about 20 ms of `list` or `validate`).
.venv/bin/python -m compileall -q generator >/dev/null
# Noto Sans CJK cut to the characters a sheet can use, into fonts/ (git-ignored): half the PDF
# size. Rebuilt only when the system font or the content's characters change.
.venv/bin/sim-checklist fonts
# axe-core for the browser tests, exactly as tests/browser/package-lock.json pins it.
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

case "$action" in
  render)
    .venv/bin/sim-checklist doctor
    .venv/bin/sim-checklist render
    ;;
  test)
    .venv/bin/sim-checklist doctor
    .venv/bin/ruff check .
    .venv/bin/python -m pytest -q
    ;;
  install) ;;
  *)
    echo "usage: bash scripts/setup.sh [render|test|install]" >&2
    exit 2
    ;;
esac
