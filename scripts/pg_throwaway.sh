# Sourced by test.sh and bench.sh: start a throwaway PostgreSQL cluster with the machine's
# binaries, and stop and remove it afterwards.
pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  echo "No PostgreSQL binaries found (install the 'postgresql' package) and no server answers on localhost:5432." >&2
  return 1
}

pg_throwaway_start() {
  local bin port
  bin=$(pg_bin_dir)
  port=${PG_THROWAWAY_PORT:-55432}
  PG_TMP=$(mktemp -d /tmp/leusden-pg.XXXXXX)
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: run the cluster as the postgres (or nobody) user.
    local u=postgres; id "$u" >/dev/null 2>&1 || u=nobody
    chown "$u" "$PG_TMP"
    PG_AS=(runuser -u "$u" --)
  fi
  echo "Starting a throwaway PostgreSQL cluster in $PG_TMP on port $port"
  "${PG_AS[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1" \
      -l "$PG_TMP/log" -w start >/dev/null
  PG_CTL="$bin/pg_ctl"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

pg_throwaway_stop() {
  if [ -n "${PG_TMP:-}" ]; then
    "${PG_AS[@]}" "$PG_CTL" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
    echo "Throwaway PostgreSQL cluster stopped and removed"
  fi
}
