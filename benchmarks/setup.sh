#!/usr/bin/env bash
# What the benchmark needs beyond the project's own set-up: the project (scripts/setup.sh
# install, which also cuts the fonts) and Chromium, the peer it compares against.
# Safe to run again: installs only what is missing. Uses sudo for apt when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh install

if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing chromium (the benchmark's peer)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    chromium >/dev/null
fi
