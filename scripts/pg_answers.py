"""Exit 0 if a PostgreSQL server answers at the given URL, else 1."""

import sys

import psycopg2

try:
    psycopg2.connect(sys.argv[1], connect_timeout=3).close()
except Exception:
    sys.exit(1)
