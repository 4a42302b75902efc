"""Where the time of one request goes, per page type, without the page cache (profiling before optimising).

For each URL (default: one of each public page type, picked from the database): the wall time of a few runs
through Django's test client, the number of SQL statements, the slowest statements with their time, and with
--explain the EXPLAIN (ANALYZE, BUFFERS) of the slowest; with --profiel the top of a cProfile run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/leusden_bench .venv/bin/python scripts/bench_profiel.py
    ... scripts/bench_profiel.py --url /besluiten/?page=3000 --explain --profiel

Read-only: it only runs SELECTs (and EXPLAIN of them).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leusden_portal.settings.dev")
os.environ["DJANGO_DEBUG"] = "false"
os.environ["PAGINACACHE_SECONDEN"] = "0"
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402


def standaard_urls() -> list[str]:
    from apps.besluiten.models import Besluit
    from apps.core.models import Onderwerp
    from apps.vergaderagenda.models import Vergadering

    publiek = Besluit.objects.openbaar().order_by("-gepubliceerd_op", "-id")
    besluit = publiek[700]
    datum = Vergadering.objects.openbaar().filter(soort="raadsvergadering").order_by("-datum")[40].datum
    onderwerp = Onderwerp.objects.order_by("id")[3]
    return [
        "/",
        "/besluiten/",
        "/besluiten/?page=2",
        "/besluiten/?page=3000",
        "/besluiten/?jaar=2015&uitkomst=aangenomen",
        f"/besluiten/?onderwerp={onderwerp.slug}&gremium=gemeenteraad",
        f"/besluiten/{besluit.zaak.zaaknummer}/",
        f"/besluiten/{besluit.zaak.zaaknummer}/raadsbesluit.pdf",
        f"/zaken/{publiek[1900].zaak.zaaknummer}/",
        f"/onderwerpen/{onderwerp.slug}/",
        "/onderwerpen/",
        f"/vergaderingen/{datum.isoformat()}/",
        "/vergaderingen/",
        "/vergaderingen/?maand=2019-03&jaar=2019",
        "/zoeken/?q=jeugdhulp",
        "/zoeken/?q=begroting",
        "/zoeken/?q=duurzaamheid&sorteer=datum",
    ]


def meet(client, url, rondes):
    statements = []

    def log(execute, sql, params, many, context):
        begin = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append(((time.perf_counter() - begin) * 1000, sql, params))

    client.get(url)  # warm
    tijden = []
    for _ in range(rondes):
        statements.clear()
        begin = time.perf_counter()
        with connection.execute_wrapper(log):
            antwoord = client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
    return antwoord, sorted(tijden)[len(tijden) // 2], list(statements)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", action="append")
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--profiel", action="store_true")
    parser.add_argument("--sorteer", default="cumulative", help="pstats order: cumulative, tottime, ...")
    parser.add_argument("--sql", type=int, default=3, help="show the N slowest statements")
    args = parser.parse_args()
    client = Client()
    for url in args.url or standaard_urls():
        antwoord, ms, statements = meet(client, url, args.rondes)
        sql_ms = sum(s[0] for s in statements)
        grootte = len(b"".join(antwoord.streaming_content)) if antwoord.streaming else len(antwoord.content)
        print(
            f"{url:55} HTTP {antwoord.status_code}  {ms:7.1f} ms  {len(statements):2d} queries "
            f"({sql_ms:.1f} ms SQL)  {grootte // 1024} kB"
        )
        for t, sql, _ in sorted(statements, key=lambda s: -s[0])[: args.sql]:
            print(f"      {t:6.1f} ms  {sql[:260]}")
        if args.explain and statements:
            t, sql, params = max(statements, key=lambda s: s[0])
            with connection.cursor() as c:
                c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                print("\n".join("        " + r[0] for r in c.fetchall()))
        if args.profiel:
            profiel = cProfile.Profile()
            profiel.enable()
            client.get(url)
            profiel.disable()
            uit = io.StringIO()
            pstats.Stats(profiel, stream=uit).sort_stats(args.sorteer).print_stats(25)
            print(uit.getvalue())


if __name__ == "__main__":
    main()
