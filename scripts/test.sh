#!/usr/bin/env bash
# The whole suite: first on SQLite, then on PostgreSQL (DATABASE_URL if set; else a server on
# localhost:5432 if one answers; else a throwaway cluster from the machine's PostgreSQL binaries).
# Browser tests (Chromium + axe-core) run in the PostgreSQL pass only.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=leusden_portal.settings.test
PYTEST_ARGS=("$@")

echo "== Lint and migrations check"
$BIN/ruff check .
$BIN/ruff format --check .
$BIN/djhtml --check --tabwidth 2 templates
$BIN/mypy
DATABASE_URL= $BIN/python manage.py makemigrations --check --dry-run

# The shared-cache tests (tests/paginacache/test_gedeelde_cache.py) need Redis on 127.0.0.1:6379: start it when
# it is installed and not running (in memory only, no files); without it those tests are skipped.
if command -v redis-server >/dev/null 2>&1 && ! (command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1); then
  echo "== Redis starten (127.0.0.1:6379)"
  redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --daemonize yes >/dev/null
fi

echo "== Pass 1/2: SQLite"
DATABASE_URL= $BIN/pytest -m "not browser" -p no:cacheprovider "${PYTEST_ARGS[@]}"

echo "== Pass 2/2: PostgreSQL"
cleanup() { :; }
if [ -z "${DATABASE_URL:-}" ]; then
  if $BIN/python scripts/pg_answers.py "postgres://postgres@127.0.0.1:5432/postgres"; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    echo "Using the PostgreSQL server on localhost:5432"
  else
    source scripts/pg_throwaway.sh
    pg_throwaway_start
    cleanup() { pg_throwaway_stop; }
  fi
fi
trap cleanup EXIT
export BROWSER_TESTS=1
$BIN/pytest -p no:cacheprovider "${PYTEST_ARGS[@]}"
