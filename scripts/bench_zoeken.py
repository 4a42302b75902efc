"""Uncached search latency over many distinct queries (the "zoeken zonder cache" figure of scripts/bench.py).

Calls the search view (apps.portaal.zoeken.zoeken) directly for an anonymous visitor, so the page cache
(a middleware) is not involved and no HTTP server is needed: the figure is view + queries + template, about
what `make bench` measures minus the loopback round trip. Uses the same query list as scripts/bench.py.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/leusden_bench .venv/bin/python scripts/bench_zoeken.py
    ... scripts/bench_zoeken.py --rondes 3 --traagste 15     # several passes, the slowest words per pass

Read-only: it only runs SELECTs.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leusden_portal.settings.dev")
os.environ["DJANGO_DEBUG"] = "false"  # no query log in memory
os.environ["PAGINACACHE_SECONDEN"] = "0"

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from apps.portaal.zoeken import zoeken  # noqa: E402


def zoekwoorden() -> list[str]:
    from apps.schaaldata.tekst import bench_zoekwoorden

    return bench_zoekwoorden()


def p95(tijden: list[float]) -> float:
    tijden = sorted(tijden)
    return tijden[int(0.95 * (len(tijden) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=1)
    parser.add_argument("--traagste", type=int, default=0)
    parser.add_argument("--woord", action="append", help="only these words")
    args = parser.parse_args()

    factory = RequestFactory()
    woorden = args.woord or zoekwoorden()
    if connection.vendor != "postgresql":
        print("Let op: geen PostgreSQL (zet DATABASE_URL).")
    # a gunicorn worker in `make bench` has served pages before: warm up imports, templates and the connection
    verzoek = factory.get("/zoeken/", {"q": "opwarmen"})
    verzoek.user = AnonymousUser()
    zoeken(verzoek)
    for ronde in range(1, args.rondes + 1):
        tijden = {}
        for woord in woorden:
            verzoek = factory.get("/zoeken/", {"q": woord})
            verzoek.user = AnonymousUser()
            begin = time.perf_counter()
            antwoord = zoeken(verzoek)
            tijden[woord] = (time.perf_counter() - begin) * 1000
            if antwoord.status_code != 200:
                print(f"  {woord}: HTTP {antwoord.status_code}")
        waarden = list(tijden.values())
        print(
            f"ronde {ronde}: {len(waarden)} verschillende zoekvragen: p50 {statistics.median(waarden):.1f} ms, "
            f"p95 {p95(waarden):.1f} ms, max {max(waarden):.1f} ms"
        )
        for woord, ms in sorted(tijden.items(), key=lambda x: -x[1])[: args.traagste]:
            print(f"    {ms:7.1f} ms  {woord}")


if __name__ == "__main__":
    main()
