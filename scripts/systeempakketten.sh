#!/usr/bin/env bash
# The Debian packages the portal needs beside its Python requirements, installed when missing.
#   scripts/systeempakketten.sh run    WeasyPrint's Pango, HarfBuzz's subsetter and a font (PDF raadsbesluiten),
#                                      python3-venv
#   scripts/systeempakketten.sh test   the same, plus Chromium (browser tests) and PostgreSQL (a throwaway
#                                      cluster when no server answers on localhost:5432) and Redis (the
#                                      shared-cache tests)
# Without root and without sudo it names what is missing and carries on.
set -euo pipefail
doel=${1:-run}

need=()
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# HarfBuzz's subsetter: WeasyPrint's font subsets without it (fontTools) differ between two renders of the same
# besluit, so a re-rendered raadsbesluit would never match its recorded checksum.
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need+=(libharfbuzz-subset0)
python3 -c 'import ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
if [ "$doel" = test ]; then
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)  # the shared-cache tests
fi
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "Let op: deze Debian-pakketten ontbreken: ${need[*]} (installeer ze met apt-get install)." >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Let op: deze pakketten ontbreken: ${need[*]} (geen apt-get op deze machine)." >&2
  exit 0
fi
echo "== Debian-pakketten installeren: ${need[*]}"
$SUDO apt-get update -qq
log=$(mktemp)
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
