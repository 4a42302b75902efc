"""PostgreSQL: choosing the plan that finds the newest KANDIDATEN matches cheaply."""

from __future__ import annotations

import datetime
import logging
import math
import re
from typing import Any

from django.db import connection

from . import config
from .config import ZOEKCONFIG
from .zoekvraag import Zoekvraag, enkelvoud, tsquery_tekst

logger = logging.getLogger(__name__)

# --- PostgreSQL: finding the newest KANDIDATEN matches cheaply ------------------------------------
#
# The candidates are the newest KANDIDATEN matches (date descending, id descending, NULL dates first as
# in ORDER BY datum DESC). Three ways to find them; which is cheapest depends on how common the query is
# (measured on 594,184 documents, scripts/bench_zoeken.py):
#
# - "gewoon" (rare queries): the GIN index gives every match; all are read from the table and sorted.
#   Cost grows with the number of matches.
# - "venster" (mid-frequency queries): the GIN bitmap is intersected (BitmapAnd) with the date index
#   restricted to the newest K documents, K chosen so that the window holds about KANDIDATEN x 1.5 matches.
#   Only the matches inside the window are read from the table. If the window holds too few (the estimate
#   was too high), the "gewoon" query runs after all, so the result is always exactly the newest matches.
# - "wandelen" (common queries): walk the date index newest first and test each row, stopping at
#   KANDIDATEN matches; the GIN index is kept out (ts_match_vq instead of @@), because building the GIN
#   bitmap of a word in tens of thousands of documents costs more than testing a few thousand rows. With the
#   table in the index's order (zoekindex_ordenen) the walk reads neighbouring pages: a word in 5 % of the
#   documents took 3-6 ms walking against 25-30 ms through a window, a word in 0.5 % 80-130 ms walking.
#
# How common a query is comes from the column statistics ANALYZE keeps for the tsvector
# (pg_stats.most_common_elems: the most frequent lexemes and the fraction of documents holding each),
# read once per process and refreshed every STATISTIEK_SECONDEN. A lexeme missing from that list is
# rarer than its least frequent entry.

STATISTIEK_SECONDEN = 600
VENSTER_MARGE = 1.5  # the window should hold this many times KANDIDATEN matches
VENSTER_VANAF = 2.0  # use a window when more than this many times KANDIDATEN matches are expected
WANDELEN_VANAF = 0.025  # walk the date index when at least this fraction of documents matches (was 0.07
# before the table was put in date order)

_statistiek: dict = {"tot": 0.0}
# The columns a result row shows, fetched with the candidates (they are read from the table for the rank anyway):
# each candidate row is (id, datum, rang, soort, titel, url, zaaknummer).
TONEN = "soort, titel, url, zaaknummer"
KOLOMMEN = "id, datum, zoekvector, " + TONEN
# The stemmed forms of query words, per process (the two candidate queries of one search need the same).
_gestemd: dict[tuple, list] = {}


def _lexeem_statistiek(cursor) -> dict:
    """The planner statistics the choice needs, read once per process, refreshed every STATISTIEK_SECONDEN:
    the tsvector's most common lexemes (sorted) with their document fractions and the least fraction on the
    list, the number of documents, the date column's distribution (most common dates + histogram) and the
    share of each soort."""
    import datetime
    import time

    from apps.core.models import Zoekdocument

    if time.monotonic() < _statistiek["tot"]:
        return _statistiek
    tabel = Zoekdocument._meta.db_table
    cursor.execute(
        "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs, most_common_vals::text::text[], "
        "most_common_freqs, histogram_bounds::text::text[], null_frac FROM pg_stats "
        "WHERE schemaname = current_schema() AND tablename = %s "
        "AND attname IN ('zoekvector', 'datum', 'soort', 'titelvector')",
        [tabel],
    )
    kolommen = {rij[0]: rij[1:] for rij in cursor.fetchall()}
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [tabel])
    lexemen, fracties, minimum = [], [], 0.0

    def elementen_van(kolom):
        elementen, element_fracties = (kolommen.get(kolom) or [None, None])[:2]
        if not (elementen and element_fracties):
            return [], [], 0.0
        paren = sorted(zip(elementen, element_fracties[: len(elementen)], strict=True))
        # after the per-lexeme fractions: minimum, maximum (, nulls)
        return [lexeem for lexeem, _ in paren], [fractie for _, fractie in paren], element_fracties[len(elementen)]

    lexemen, fracties, minimum = elementen_van("zoekvector")
    titel_lexemen, titel_fracties, titel_minimum = elementen_van("titelvector")
    datums = []  # (date, fraction of documents on it) for the most common dates, then the histogram
    _, _, waarden, waarde_fracties, grenzen, leeg = kolommen.get("datum") or [None] * 6
    if grenzen:
        rest = 1.0 - sum(waarde_fracties or []) - (leeg or 0.0)
        # each bound but the last stands for the histogram bucket above it (equal shares)
        datums += [(datetime.date.fromisoformat(g), rest / max(len(grenzen) - 1, 1)) for g in grenzen[:-1]]
    datums += [(datetime.date.fromisoformat(w), f) for w, f in zip(waarden or [], waarde_fracties or [], strict=True)]
    _, _, soorten, soort_fracties, _, _ = kolommen.get("soort") or [None] * 6
    _statistiek.update(
        tot=time.monotonic() + STATISTIEK_SECONDEN,
        lexemen=lexemen,
        fracties=fracties,
        minimum=minimum,
        documenten=max(int(cursor.fetchone()[0] or 0), 0),
        datums=sorted(datums, reverse=True),
        soorten=dict(zip(soorten or [], soort_fracties or [], strict=True)),
        titel={"lexemen": titel_lexemen, "fracties": titel_fracties, "minimum": titel_minimum},
    )
    return _statistiek


def _venstergrens(statistiek: dict, fractie: float):
    """The newest date such that documents on or after it make up at least `fractie` of all (an estimate
    from the column statistics, leaning towards a wider window); None when that is (nearly) everything."""
    totaal = 0.0
    for datum, deel in statistiek["datums"]:
        totaal += deel
        if totaal >= fractie:
            return datum
    return None


_LEXEEM = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def _lexeem_indexen(statistiek: dict, lexeem: str, prefix: bool) -> set[int] | None:
    """The positions in the common-lexeme list that lexeem matches (a prefix: every lexeme starting with
    it); None when it matches none of them (it is rarer than the list's least frequent lexeme)."""
    import bisect

    lexemen = statistiek["lexemen"]
    i = bisect.bisect_left(lexemen, lexeem)
    indexen = set()
    while i < len(lexemen) and (lexemen[i].startswith(lexeem) if prefix else lexemen[i] == lexeem):
        indexen.add(i)
        i += 1
    return indexen or None


def _geschatte_fractie(cursor, vraag: Zoekvraag, statistiek: dict) -> float | None:
    """An estimate of the fraction of all documents that match vraag, from above for the common lexemes
    (a term is an OR of prefixes: the sum over the common lexemes it covers; terms and phrases are ANDed).
    None when the query has no lexeme (only stop words)."""
    if not statistiek["lexemen"]:
        return None
    delen = [[term, *enkelvoud(term)] for term in vraag.termen]
    teksten = [f"'{v}':*" for deel in delen for v in deel] + [
        " <-> ".join(f"'{w}'" for w in frase) for frase in vraag.frases
    ]
    sleutel = tuple(teksten)
    if sleutel not in _gestemd:
        cursor.execute(
            "SELECT ARRAY[" + ", ".join(["to_tsquery(%s::regconfig, %s)::text"] * len(teksten)) + "]",
            [x for tekst in teksten for x in (ZOEKCONFIG, tekst)],
        )
        if len(_gestemd) > 1000:
            _gestemd.clear()
        _gestemd[sleutel] = cursor.fetchone()[0]
    uitkomsten = iter(_gestemd[sleutel])
    zeldzaam = statistiek["minimum"] / 4  # not on the list: rarer than its least frequent lexeme, usually far

    def fractie_van(tsqueries: list[str]) -> float | None:
        """An OR of tsqueries, each an AND (or phrase) of lexemes."""
        schattingen: list[float] = []
        indexen: set[int] = set()
        for tsquery in tsqueries:
            lexemen = _LEXEEM.findall(tsquery)
            if not lexemen:
                continue  # only stop words: no condition
            per_lexeem = [_lexeem_indexen(statistiek, lex.replace("''", "'"), bool(ster)) for lex, ster in lexemen]
            bekend = [ix for ix in per_lexeem if ix is not None]
            if len(bekend) < len(per_lexeem):
                schattingen.append(zeldzaam)
            else:
                # the least common lexeme bounds an AND from above
                indexen |= min(bekend, key=lambda ix: sum(statistiek["fracties"][i] for i in ix))
        if not schattingen and not indexen:
            return None
        return min(sum(schattingen) + sum(statistiek["fracties"][i] for i in indexen), 1.0)

    per_deel = [fractie_van([next(uitkomsten) for _ in deel]) for deel in delen]
    per_deel += [fractie_van([next(uitkomsten)]) for _ in vraag.frases]
    schattingen = sorted(s for s in per_deel if s is not None)
    if not schattingen:
        return None
    # ANDed: the rarest part bounds the result from above; the others thin it out, far less than they would
    # if independent (words of one subject come together): the fourth root of their product (fitted on
    # "wmo ondersteuning", "verbonden partijen", "jeugdhulp begroting"; a wrong guess costs time, not results)
    return schattingen[0] * math.prod(schattingen[1:]) ** 0.25


def kandidaten_postgres(
    *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None
) -> list[tuple[int, datetime.date | None, float]]:
    """(id, datum, rang) of the newest KANDIDATEN matching documents, newest first."""
    from apps.core.models import Zoekdocument

    tabel = connection.ops.quote_name(Zoekdocument._meta.db_table)
    tsquery = tsquery_tekst(vraag)
    filters: list[str] = []
    filter_params: list[object] = []
    if soort:
        filters.append("soort = %s")
        filter_params.append(soort)
    if jaar:
        # the date range as well, so the date index can serve a year too (jaar is datum's year)
        filters.append("jaar = %s AND datum >= %s AND datum < %s")
        filter_params += [jaar, datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)]
    extra = "".join(f" AND {f}" for f in filters)
    rang = f"ts_rank(zoekvector, to_tsquery('{ZOEKCONFIG}', %s))"
    vergelijk = f"zoekvector @@ to_tsquery('{ZOEKCONFIG}', %s)"

    def gerangschikt(binnen: str, params: list) -> list[tuple]:
        # ts_rank only for the KANDIDATEN rows that are left (the subquery is not flattened: LIMIT)
        cursor.execute(f"SELECT id, datum, {rang}, {TONEN} FROM ({binnen}) kandidaat", [tsquery, *params])
        return cursor.fetchall()

    def gewoon() -> list[tuple]:
        return gerangschikt(
            f"SELECT {KOLOMMEN} FROM {tabel} WHERE zichtbaarheid = ANY(%s) AND {vergelijk}{extra} "
            f"ORDER BY datum DESC, id DESC LIMIT {config.KANDIDATEN}",
            [list(zichtbaar), tsquery, *filter_params],
        )

    with connection.cursor() as cursor:
        statistiek = _lexeem_statistiek(cursor)
        fractie = _geschatte_fractie(cursor, vraag, statistiek)
        documenten = statistiek["documenten"]
        logger.debug("zoeken %r: geschatte fractie %s", tsquery, fractie)
        if fractie is None or fractie * documenten <= VENSTER_VANAF * config.KANDIDATEN:
            return gewoon()
        if fractie >= WANDELEN_VANAF:
            # newest first through the date index per visibility value, each stopping at KANDIDATEN
            delen = " UNION ALL ".join(
                f"(SELECT {KOLOMMEN} FROM {tabel} WHERE zichtbaarheid = %s{extra} "
                f"AND ts_match_vq(zoekvector, to_tsquery('{ZOEKCONFIG}', %s)) "
                f"ORDER BY datum DESC, id DESC LIMIT {config.KANDIDATEN})"
                for _ in zichtbaar
            )
            params = [x for waarde in zichtbaar for x in (waarde, *filter_params, tsquery)]
            return gerangschikt(
                f"SELECT * FROM ({delen}) deel ORDER BY datum DESC NULLS FIRST, id DESC LIMIT {config.KANDIDATEN}",
                params,
            )
        # the window: the newest documents that should hold VENSTER_MARGE x KANDIDATEN matches. If it holds
        # fewer (the estimate was too high, or the word is rarer lately), the next older stretch, sized by the
        # density seen so far; after three windows, the rest without a lower bound.
        deel = statistiek["soorten"].get(soort, 0.0) if soort else 1.0
        if jaar or not deel or not documenten:
            return gewoon()
        breedte = VENSTER_MARGE * config.KANDIDATEN / (fractie * deel * documenten)
        rijen: list[tuple] = []
        boven = None  # the previous window's lower bound: everything on or after it is in rijen
        for poging in range(4):
            grens = _venstergrens(statistiek, breedte) if poging < 3 else None
            if grens is None and boven is None:
                return gewoon()
            voorwaarden, params = [], []
            if grens is not None:
                voorwaarden.append("datum >= %s" if boven is not None else "(datum >= %s OR datum IS NULL)")
                params.append(grens)
            if boven is not None:
                voorwaarden.append("datum < %s")
                params.append(boven)
            rijen += gerangschikt(
                f"SELECT {KOLOMMEN} FROM {tabel} WHERE zichtbaarheid = ANY(%s) AND {vergelijk}{extra} "
                f"AND {' AND '.join(voorwaarden)} ORDER BY datum DESC, id DESC LIMIT {config.KANDIDATEN - len(rijen)}",
                [list(zichtbaar), tsquery, *filter_params, *params],
            )
            if len(rijen) >= config.KANDIDATEN or grens is None:
                return rijen
            boven = grens
            # the share of documents to reach back to, from the density of matches seen so far (at least
            # twice as far: the windows must move back, never overlap)
            dichtheid = max(len(rijen), 1) / breedte
            breedte = max(VENSTER_MARGE * config.KANDIDATEN / dichtheid, 2 * breedte)
        return rijen


# Walking the date index costs about TITEL_KANDIDATEN / fraction rows, the GIN index about fraction x documents
# rows (to sort them by date): equal near sqrt(TITEL_KANDIDATEN / documents), 0.01 at a million documents.
TITEL_WANDELEN_VANAF = 0.01


def titel_kandidaten_postgres(
    *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None
) -> list[tuple[int, datetime.date | None, float]]:
    """(id, datum, rang) of the newest TITEL_KANDIDATEN documents whose zaaknummer or title holds every term,
    however old: the most relevant documents of all years. Through the small stored `titelvector` (migration
    core 0005): its GIN index for a rare word, the date index for a common one (the same choice as for the
    newest matches)."""
    import datetime

    from apps.core.models import Zoekdocument

    from .zoeken import TITEL_KANDIDATEN

    tabel = connection.ops.quote_name(Zoekdocument._meta.db_table)
    tsquery = tsquery_tekst(vraag)
    filters, params = "", []  # type: tuple[str, list[Any]]
    if soort:
        filters += " AND soort = %s"
        params.append(soort)
    if jaar:
        filters += " AND jaar = %s AND datum >= %s AND datum < %s"
        params += [jaar, datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)]
    rang = f"ts_rank(zoekvector, to_tsquery('{ZOEKCONFIG}', %s))"
    with connection.cursor() as cursor:
        # how common the words are in titles (the small vector's own statistics)
        fractie = _geschatte_fractie(cursor, vraag, _lexeem_statistiek(cursor)["titel"])
        if fractie is not None and fractie >= TITEL_WANDELEN_VANAF:
            # a common word: newest first through the date index per visibility value, testing the small vector
            delen = " UNION ALL ".join(
                f"(SELECT {KOLOMMEN} FROM {tabel} WHERE zichtbaarheid = %s{filters} "
                f"AND ts_match_vq(titelvector, to_tsquery('{ZOEKCONFIG}', %s)) "
                f"ORDER BY datum DESC, id DESC LIMIT {TITEL_KANDIDATEN})"
                for _ in zichtbaar
            )
            binnen_params: list[Any] = [x for waarde in zichtbaar for x in (waarde, *params, tsquery)]
            binnen = f"SELECT * FROM ({delen}) deel ORDER BY datum DESC NULLS FIRST, id DESC LIMIT {TITEL_KANDIDATEN}"
        else:
            binnen = (
                f"SELECT {KOLOMMEN} FROM {tabel} WHERE zichtbaarheid = ANY(%s) "
                f"AND titelvector @@ to_tsquery('{ZOEKCONFIG}', %s){filters} "
                f"ORDER BY datum DESC NULLS FIRST, id DESC LIMIT {TITEL_KANDIDATEN}"
            )
            binnen_params = [list(zichtbaar), tsquery, *params]
        cursor.execute(f"SELECT id, datum, {rang}, {TONEN} FROM ({binnen}) kandidaat", [tsquery, *binnen_params])
        return cursor.fetchall()
