#!/usr/bin/env bash
# make bench: the scale dataset and a load test of the portal under gunicorn (production settings, PostgreSQL),
# on loopback only. See README, "Benchmark". Bounded: generation (once per database) + about 5 minutes of load.
#
# Database, in this order: BENCH_DATABASE_URL; else the database `leusden_bench` on the server of DATABASE_URL;
# else `leusden_bench` on the PostgreSQL server at 127.0.0.1:5432 (user postgres); else a throwaway cluster
# (scripts/pg_throwaway.sh). The dataset is generated once and kept: a second run skips generation.
#
# Knobs: BENCH_BESLUITEN (100000), BENCH_DUUR (10 s per page), BENCH_DUUR_ZONDER_CACHE (5 s, 0 = skip),
# BENCH_WORKERS (4), BENCH_PORT (8765), BENCH_SEED (7).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export BENCH_BESLUITEN=${BENCH_BESLUITEN:-100000}
export BENCH_SEED=${BENCH_SEED:-7}

if ! command -v wrk >/dev/null 2>&1; then
  echo "== wrk installeren (Debian-pakket wrk)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk
fi

cleanup() { :; }
trap 'cleanup' EXIT
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  DB_URL=$BENCH_DATABASE_URL
else
  SERVER=""
  if [ -n "${DATABASE_URL:-}" ] && [[ "$DATABASE_URL" == postgres* ]]; then
    SERVER=$DATABASE_URL
  elif $BIN/python scripts/pg_answers.py "postgres://postgres@127.0.0.1:5432/postgres"; then
    SERVER="postgres://postgres@127.0.0.1:5432/postgres"
  else
    source scripts/pg_throwaway.sh
    pg_throwaway_start
    cleanup() { pg_throwaway_stop; }
    SERVER=$DATABASE_URL
  fi
  DB_URL=$($BIN/python - "$SERVER" <<'EOF'
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg2

deel = urlsplit(sys.argv[1])
beheer = urlunsplit(deel._replace(path="/postgres"))
conn = psycopg2.connect(beheer)
conn.autocommit = True
with conn.cursor() as c:
    c.execute("SELECT 1 FROM pg_database WHERE datname = 'leusden_bench'")
    if not c.fetchone():
        c.execute("CREATE DATABASE leusden_bench")
print(urlunsplit(deel._replace(path="/leusden_bench")))
EOF
)
fi

export DATABASE_URL=$DB_URL
export DJANGO_SETTINGS_MODULE=leusden_portal.settings.production
# A fresh secret per run, never stored: production settings refuse a short or missing one.
DJANGO_SECRET_KEY=$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false   # plain HTTP on loopback
export BENCH_BASELINE=1            # mounts /bench/hallo/ and the X-Query-Count header; installs apps.schaaldata
export STATIC_ROOT=${STATIC_ROOT:-/tmp/leusden-bench-static}
export MEDIA_ROOT=${MEDIA_ROOT:-/tmp/leusden-bench-media}
export LOG_LEVEL=${LOG_LEVEL:-ERROR}

echo "== Database: ${DATABASE_URL%%\?*}"
$BIN/python manage.py migrate --noinput -v0
LEEG=$($BIN/python manage.py shell -v0 -c 'from apps.core.models import Zaak; print(not Zaak.objects.exists())' | tail -n 1)
if [ "$LEEG" = "True" ]; then
  echo "== Demodata"
  $BIN/python manage.py demo_laden --zonder-accounts >/dev/null
fi
echo "== Schaaldata: $BENCH_BESLUITEN besluiten (wordt overgeslagen als ze er al zijn)"
$BIN/python manage.py schaaldata_genereren --besluiten "$BENCH_BESLUITEN" --seed "$BENCH_SEED"
echo "== collectstatic"
$BIN/python manage.py collectstatic --noinput -v0
echo "== Belasting"
$BIN/python scripts/bench.py
