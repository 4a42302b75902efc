"""The portal's search index: a contract between the domain apps and the search page.

Domain apps register how one of their records becomes a search document (in their
AppConfig.ready()), and their services call `zoekindex_bijwerken(obj)` after every
write and `zoekindex_verwijderen(obj)` before a delete. core itself knows none of the
domain apps.

The index is one denormalised table (core.Zoekdocument). On PostgreSQL it holds a stored
tsvector (text search configuration `dutch_unaccent`: Dutch stemming, accents ignored)
with a GIN index; on SQLite the same interface searches a normalised copy of the text.

Ranking at scale: a common word can match hundreds of thousands of rows, and ranking them
all is the expensive part. So only the newest `KANDIDATEN` matches are ranked with ts_rank;
rare words (fewer matches) are ranked in full. On PostgreSQL a tiny query stems the terms, then
(usually) one query finds the candidates with their rank, through a plan chosen from the lexeme
statistics (see
"finding the newest KANDIDATEN matches" below); the result count is capped at the same number
("300 of meer" with the default ZOEK_KANDIDATEN). Snippets (ts_headline) are computed only for
the rows on the shown page, in a separate query.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

ZOEKCONFIG = "dutch_unaccent"
# How many of the newest matches are ranked (and counted: "300 of meer"). Measured at a million documents
# with cold database buffers: 1,000 candidates gave p95 129 ms over 175 distinct searches, 300 gave 47 ms,
# because each candidate's stored tsvector must be read for ts_rank.
KANDIDATEN = settings.ZOEK_KANDIDATEN
MAX_ZOEKLENGTE = 200
MAX_TERMEN = 10
MAX_TEKST = 100_000
STUKGROOTTE = 500


@dataclass(frozen=True)
class Zoekbron:
    model: type
    bouwer: Callable | None
    soort: str | None = None
    queryset: Callable | None = None
    verwant: Callable | None = None


_BRONNEN: dict[type, Zoekbron] = {}


def registreer_zoekbron(
    model: type,
    bouwer: Callable | None,
    *,
    soort: str | None = None,
    queryset: Callable | None = None,
    verwant: Callable | None = None,
) -> None:
    """Register a searchable model.

    - `bouwer(obj)` returns the fields of the search document for obj (titel, tekst, url,
      datum, zaaknummer, zichtbaarheid), or None to drop it from the index;
    - `soort` is the Zoekdocument.Soort of its documents (None: the model has no documents
      of its own, only `verwant` records, e.g. a meeting whose status decides its items);
    - `queryset()` gives every record for a rebuild, with select/prefetch_related for the bouwer;
    - `verwant(obj)` gives records whose documents depend on obj and must be rebuilt with it.
    """
    _BRONNEN[model] = Zoekbron(model=model, bouwer=bouwer, soort=soort, queryset=queryset, verwant=verwant)


_AFHANKELIJK: dict[type, list[Callable]] = {}


def registreer_afhankelijk(model: type, verwant: Callable) -> None:
    """Let another app name its records whose documents depend on `model`'s records (e.g. a register item
    whose visibility follows its meeting): `verwant(obj)` gives them, and they are rebuilt with obj. The
    dependency points from that app to `model`'s app, so `model`'s app need not know it."""
    _AFHANKELIJK.setdefault(model, []).append(verwant)


def _bron_van(obj) -> Zoekbron | None:
    for klasse in type(obj).__mro__:
        if klasse in _BRONNEN:
            return _BRONNEN[klasse]
    return None


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def eerste_url(kandidaten: Iterable[tuple[str, dict]], standaard: str) -> str:
    """The first of (url name, kwargs) that resolves, else `standaard`. Lets a builder link to
    pages another app may or may not provide yet (a rebuild picks up new routes)."""
    from django.urls import NoReverseMatch, reverse

    for naam, kwargs in kandidaten:
        try:
            return reverse(naam, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return standaard


# --- Writing the index ------------------------------------------------------


def normaliseer(tekst: str) -> str:
    """Lower case without accents: the SQLite fallback's text and terms."""
    ontleed = unicodedata.normalize("NFKD", tekst or "")
    return "".join(c for c in ontleed if not unicodedata.combining(c)).casefold()


def _document_velden(bron: Zoekbron, obj) -> dict | None:
    velden = bron.bouwer(obj)
    if velden is None:
        return None
    tekst = (velden.get("tekst") or "")[:MAX_TEKST]
    datum = velden.get("datum")
    document = {
        "titel": (velden.get("titel") or "")[:500],
        "tekst": tekst,
        "url": velden["url"][:300],
        "datum": datum,
        "jaar": datum.year if datum else None,
        "zaaknummer": velden.get("zaaknummer") or "",
        "zichtbaarheid": velden["zichtbaarheid"],
        "zoektekst": "",
    }
    if not is_postgres():
        document["zoektekst"] = normaliseer(" ".join([document["zaaknummer"], document["titel"], tekst]))
    return document


def _vectoren_bijwerken(soort: str, object_ids: Iterable[int]) -> None:
    if not is_postgres():
        return
    from django.contrib.postgres.search import SearchVector

    from .models import Zoekdocument

    vector = SearchVector("zaaknummer", "titel", weight="A", config=ZOEKCONFIG) + SearchVector(
        "tekst", weight="B", config=ZOEKCONFIG
    )
    Zoekdocument.objects.filter(soort=soort, object_id__in=list(object_ids)).update(zoekvector=vector)


def zoekindex_bijwerken(obj, *, _diepte: int = 0) -> None:
    """Bring the search document of obj (and of records that depend on it) up to date."""
    from .models import Zoekdocument

    bron = _bron_van(obj)
    if bron is None:
        return
    with transaction.atomic():
        if bron.soort and bron.bouwer:
            velden = _document_velden(bron, obj)
            if velden is None:
                Zoekdocument.objects.filter(soort=bron.soort, object_id=obj.pk).delete()
            else:
                Zoekdocument.objects.update_or_create(soort=bron.soort, object_id=obj.pk, defaults=velden)
                _vectoren_bijwerken(bron.soort, [obj.pk])
        if bron.verwant and _diepte < 2:
            for ander in bron.verwant(obj):
                zoekindex_bijwerken(ander, _diepte=_diepte + 1)
        if _diepte < 2:
            for verwant in _AFHANKELIJK.get(type(obj), ()):
                for ander in verwant(obj):
                    zoekindex_bijwerken(ander, _diepte=_diepte + 1)


def zoekindex_verwijderen(obj) -> None:
    """Drop the search document of obj (call before deleting obj)."""
    from .models import Zoekdocument

    bron = _bron_van(obj)
    if bron is None or not bron.soort or obj.pk is None:
        return
    Zoekdocument.objects.filter(soort=bron.soort, object_id=obj.pk).delete()


def zoekindex_herbouwen(*, voortgang: Callable | None = None) -> dict[str, int]:
    """Rebuild the whole index from the registered sources. Returns documents per soort.

    Works in chunks (upsert + one vector update per chunk) and removes documents whose
    record is gone or no longer indexable. `voortgang(aantal)` is called after each chunk.
    """
    from .models import Zoekdocument

    resultaat = {}
    for bron in _BRONNEN.values():
        if not (bron.soort and bron.bouwer and bron.queryset):
            continue
        gezien: set[int] = set()
        stuk: list[Zoekdocument] = []

        def wegschrijven(stuk, soort=bron.soort):
            if not stuk:
                return
            with transaction.atomic():
                Zoekdocument.objects.bulk_create(
                    stuk,
                    update_conflicts=True,
                    unique_fields=["soort", "object_id"],
                    update_fields=[
                        "titel",
                        "tekst",
                        "url",
                        "datum",
                        "jaar",
                        "zaaknummer",
                        "zichtbaarheid",
                        "zoektekst",
                        "bijgewerkt_op",
                    ],
                )
                _vectoren_bijwerken(soort, [d.object_id for d in stuk])
            if voortgang:
                voortgang(len(stuk))

        for obj in bron.queryset().iterator(chunk_size=STUKGROOTTE):
            velden = _document_velden(bron, obj)
            if velden is None:
                continue
            gezien.add(obj.pk)
            stuk.append(Zoekdocument(soort=bron.soort, object_id=obj.pk, **velden))
            if len(stuk) >= STUKGROOTTE:
                wegschrijven(stuk)
                stuk = []
        wegschrijven(stuk)
        bestaand = set(Zoekdocument.objects.filter(soort=bron.soort).values_list("object_id", flat=True))
        weg = list(bestaand - gezien)
        for i in range(0, len(weg), 5000):
            Zoekdocument.objects.filter(soort=bron.soort, object_id__in=weg[i : i + 5000]).delete()
        resultaat[bron.soort] = len(gezien)
    return resultaat


def zoekindex_ordenen() -> bool:
    """PostgreSQL: rewrite the search table in the order of its (zichtbaarheid, datum desc) index (CLUSTER).

    A search reads its candidates from that stretch of newest documents of the visible kinds; in index order
    they lie on neighbouring pages instead of all over the table, which matters when those pages have to come
    from disk (measured on 594,184 documents, cold caches: p95 54 -> 46 ms, slowest search 107 -> 67 ms).
    A live portal writes its documents roughly in date order anyway; a bulk load or a full rebuild writes them
    per kind. CLUSTER locks the table while it runs (about 30 s at that size), so it is for bulk loads and
    maintenance windows. Returns whether it ran.
    """
    from .models import Zoekdocument

    if not is_postgres():
        return False
    tabel = connection.ops.quote_name(Zoekdocument._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"CLUSTER {tabel} USING zoekdoc_zicht_datum_idx")
    return True


def zoekindex_omvang() -> int:
    """How many records the rebuild will visit (for a progress bar)."""
    return sum(b.queryset().count() for b in _BRONNEN.values() if b.soort and b.bouwer and b.queryset)


# --- Reading the index --------------------------------------------------------

ZICHTBAAR_PER_ROL = {
    "publiek": ["publiek"],
    "raadslid": ["publiek", "raadslid"],
    "griffie": ["publiek", "raadslid", "griffie"],
}

_FRASE = re.compile(r'"([^"]*)"')
_WOORD = re.compile(r"[^\W_]+")


@dataclass
class Zoekvraag:
    """A user's query, sanitised: prefix terms and exact phrases (each a list of words)."""

    termen: list[str] = field(default_factory=list)
    frases: list[list[str]] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not self.termen and not self.frases


def ontleed_zoekvraag(q: str) -> Zoekvraag:
    """Split user input into word tokens and quoted phrases. Everything else is dropped.

    Only letters and digits survive, so no operator of the tsquery syntax (& | ! : * ( ) <->)
    can reach PostgreSQL. Single characters are ignored (they would match nearly everything).
    """
    q = (q or "")[:MAX_ZOEKLENGTE]
    vraag = Zoekvraag()
    frases = _FRASE.findall(q)
    rest = _FRASE.sub(" ", q)
    for frase in frases:
        woorden = [w.lower() for w in _WOORD.findall(frase)]
        if len(woorden) == 1 and len(woorden[0]) > 1:
            vraag.termen.append(woorden[0])
        elif len(woorden) > 1:
            vraag.frases.append(woorden[:MAX_TERMEN])
    for woord in _WOORD.findall(rest):
        woord = woord.lower()
        if len(woord) > 1 and woord not in vraag.termen:
            vraag.termen.append(woord)
    vraag.termen = vraag.termen[:MAX_TERMEN]
    vraag.frases = vraag.frases[:3]
    return vraag


def _enkelvoud(term: str) -> list[str]:
    """A likely singular of a Dutch plural, so "regiovisies" also finds "regiovisie" (the
    Dutch stemmer keeps the -s after a vowel, and a prefix only widens to longer words)."""
    if term.isdigit():
        return []
    if term.endswith("s") and len(term) > 4:
        return [term[:-1]]
    if term.endswith("en") and len(term) > 5:
        return [term[:-2]]
    return []


def tsquery_tekst(vraag: Zoekvraag) -> str:
    """The to_tsquery() input for a sanitised query: 'term':* for each term (prefix match,
    so "regiovisie" also finds "regiovisies" and compounds that start with it), phrases as
    'a' <-> 'b', all combined with &. Tokens contain only letters and digits."""
    delen = []
    for term in vraag.termen:
        varianten = " | ".join(f"'{v}':*" for v in [term, *_enkelvoud(term)])
        delen.append(f"({varianten})" if "|" in varianten else varianten)
    delen += ["(" + " <-> ".join(f"'{w}'" for w in frase) + ")" for frase in vraag.frases]
    return " & ".join(delen)


def _zoekquery(vraag: Zoekvraag):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(tsquery_tekst(vraag), search_type="raw", config=ZOEKCONFIG)


def _filter_zoekvraag(qs, vraag: Zoekvraag):
    if is_postgres():
        return qs.filter(zoekvector=_zoekquery(vraag))
    for term in vraag.termen:
        # a substring test: the singular (a prefix of the plural) covers both
        qs = qs.filter(zoektekst__contains=normaliseer((_enkelvoud(term) or [term])[0]))
    for frase in vraag.frases:
        qs = qs.filter(zoektekst__contains=normaliseer(" ".join(frase)))
    return qs


def zoek_object_ids(q: str, *, soort: str):
    """A subquery of the record ids of `soort` that match q (for a domain list's free-text
    filter; visibility is the caller's queryset's business). None when q has no usable term."""
    from .models import Zoekdocument

    vraag = ontleed_zoekvraag(q)
    if vraag.leeg:
        return None
    return _filter_zoekvraag(Zoekdocument.objects.filter(soort=soort), vraag).values("object_id")


def is_zaaknummer(q: str) -> str | None:
    kandidaat = (q or "").strip().upper()
    if len(kandidaat) <= 30 and re.fullmatch(settings.ZAAKNUMMER_PATROON, kandidaat):
        return kandidaat
    return None


@dataclass
class Zoekresultaat:
    soort: str
    soort_label: str
    titel: str
    url: str
    datum: object
    zaaknummer: str
    fragment: str


def zoekdocumenten(*, rol: str, vraag: Zoekvraag, soort: str | None = None, jaar: int | None = None):
    """The ranked matching documents this role may see (the newest KANDIDATEN matches, ranked).

    PostgreSQL: a `Zoekresultaten` (count() and slices, for a Paginator) that fetches the candidates
    with their rank in one query and the shown rows in a second. SQLite: a queryset, newest first.
    """
    from .models import Zoekdocument

    zichtbaar = ZICHTBAAR_PER_ROL.get(rol, ["publiek"])
    if is_postgres():
        return Zoekresultaten(vraag=vraag, zichtbaar=zichtbaar, soort=soort, jaar=jaar)
    basis = Zoekdocument.objects.filter(zichtbaarheid__in=zichtbaar)
    if soort:
        basis = basis.filter(soort=soort)
    if jaar:
        basis = basis.filter(jaar=jaar)
    kandidaten = _filter_zoekvraag(basis, vraag).order_by("-datum", "-id").values("id")[:KANDIDATEN]
    return (
        Zoekdocument.objects.filter(id__in=kandidaten)
        .only("id", "soort", "titel", "url", "datum", "zaaknummer")
        .order_by("-datum", "-id")
    )


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


def _lexeem_statistiek(cursor) -> dict:
    """The planner statistics the choice needs, read once per process, refreshed every STATISTIEK_SECONDEN:
    the tsvector's most common lexemes (sorted) with their document fractions and the least fraction on the
    list, the number of documents, the date column's distribution (most common dates + histogram) and the
    share of each soort."""
    import datetime
    import time

    from .models import Zoekdocument

    if time.monotonic() < _statistiek["tot"]:
        return _statistiek
    tabel = Zoekdocument._meta.db_table
    cursor.execute(
        "SELECT attname, most_common_elems::text::text[], most_common_elem_freqs, most_common_vals::text::text[], "
        "most_common_freqs, histogram_bounds::text::text[], null_frac FROM pg_stats "
        "WHERE schemaname = current_schema() AND tablename = %s AND attname IN ('zoekvector', 'datum', 'soort')",
        [tabel],
    )
    kolommen = {rij[0]: rij[1:] for rij in cursor.fetchall()}
    cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [tabel])
    lexemen, fracties, minimum = [], [], 0.0
    elementen, element_fracties = (kolommen.get("zoekvector") or [None, None])[:2]
    if elementen and element_fracties:
        paren = sorted(zip(elementen, element_fracties[: len(elementen)], strict=True))
        lexemen = [lexeem for lexeem, _ in paren]
        fracties = [fractie for _, fractie in paren]
        minimum = element_fracties[len(elementen)]  # after the per-lexeme fractions: minimum, maximum (, nulls)
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
    delen = [[term, *_enkelvoud(term)] for term in vraag.termen]
    teksten = [f"'{v}':*" for deel in delen for v in deel] + [
        " <-> ".join(f"'{w}'" for w in frase) for frase in vraag.frases
    ]
    cursor.execute(
        "SELECT ARRAY[" + ", ".join(["to_tsquery(%s::regconfig, %s)::text"] * len(teksten)) + "]",
        [x for tekst in teksten for x in (ZOEKCONFIG, tekst)],
    )
    uitkomsten = iter(cursor.fetchone()[0])
    zeldzaam = statistiek["minimum"] / 4  # not on the list: rarer than its least frequent lexeme, usually far

    def fractie_van(tsqueries: list[str]) -> float | None:
        """An OR of tsqueries, each an AND (or phrase) of lexemes."""
        schattingen, indexen = [], set()
        for tsquery in tsqueries:
            lexemen = _LEXEEM.findall(tsquery)
            if not lexemen:
                continue  # only stop words: no condition
            per_lexeem = [_lexeem_indexen(statistiek, lex.replace("''", "'"), bool(ster)) for lex, ster in lexemen]
            if any(x is None for x in per_lexeem):
                schattingen.append(zeldzaam)
            else:
                # the least common lexeme bounds an AND from above
                indexen |= min(per_lexeem, key=lambda ix: sum(statistiek["fracties"][i] for i in ix))
        if not schattingen and not indexen:
            return None
        return min(sum(schattingen) + sum(statistiek["fracties"][i] for i in indexen), 1.0)

    schattingen = [fractie_van([next(uitkomsten) for _ in deel]) for deel in delen]
    schattingen += [fractie_van([next(uitkomsten)]) for _ in vraag.frases]
    schattingen = sorted(s for s in schattingen if s is not None)
    if not schattingen:
        return None
    # ANDed: the rarest part bounds the result from above; the others thin it out, far less than they would
    # if independent (words of one subject come together): the fourth root of their product (fitted on
    # "wmo ondersteuning", "verbonden partijen", "jeugdhulp begroting"; a wrong guess costs time, not results)
    return schattingen[0] * math.prod(schattingen[1:]) ** 0.25


def _kandidaten_postgres(
    *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None
) -> list[tuple[int, object, float]]:
    """(id, datum, rang) of the newest KANDIDATEN matching documents, newest first."""
    import datetime

    from .models import Zoekdocument

    tabel = connection.ops.quote_name(Zoekdocument._meta.db_table)
    tsquery = tsquery_tekst(vraag)
    filters, filter_params = [], []
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
        cursor.execute(f"SELECT id, datum, {rang} FROM ({binnen}) kandidaat", [tsquery, *params])
        return cursor.fetchall()

    def gewoon() -> list[tuple]:
        return gerangschikt(
            f"SELECT id, datum, zoekvector FROM {tabel} WHERE zichtbaarheid = ANY(%s) AND {vergelijk}{extra} "
            f"ORDER BY datum DESC, id DESC LIMIT {KANDIDATEN}",
            [list(zichtbaar), tsquery, *filter_params],
        )

    with connection.cursor() as cursor:
        statistiek = _lexeem_statistiek(cursor)
        fractie = _geschatte_fractie(cursor, vraag, statistiek)
        documenten = statistiek["documenten"]
        logger.debug("zoeken %r: geschatte fractie %s", tsquery, fractie)
        if fractie is None or fractie * documenten <= VENSTER_VANAF * KANDIDATEN:
            return gewoon()
        if fractie >= WANDELEN_VANAF:
            # newest first through the date index per visibility value, each stopping at KANDIDATEN
            delen = " UNION ALL ".join(
                f"(SELECT id, datum, zoekvector FROM {tabel} WHERE zichtbaarheid = %s{extra} "
                f"AND ts_match_vq(zoekvector, to_tsquery('{ZOEKCONFIG}', %s)) "
                f"ORDER BY datum DESC, id DESC LIMIT {KANDIDATEN})"
                for _ in zichtbaar
            )
            params = [x for waarde in zichtbaar for x in (waarde, *filter_params, tsquery)]
            return gerangschikt(
                f"SELECT * FROM ({delen}) deel ORDER BY datum DESC NULLS FIRST, id DESC LIMIT {KANDIDATEN}",
                params,
            )
        # the window: the newest documents that should hold VENSTER_MARGE x KANDIDATEN matches. If it holds
        # fewer (the estimate was too high, or the word is rarer lately), the next older stretch, sized by the
        # density seen so far; after three windows, the rest without a lower bound.
        deel = statistiek["soorten"].get(soort, 0.0) if soort else 1.0
        if jaar or not deel or not documenten:
            return gewoon()
        breedte = VENSTER_MARGE * KANDIDATEN / (fractie * deel * documenten)
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
                f"SELECT id, datum, zoekvector FROM {tabel} WHERE zichtbaarheid = ANY(%s) AND {vergelijk}{extra} "
                f"AND {' AND '.join(voorwaarden)} ORDER BY datum DESC, id DESC LIMIT {KANDIDATEN - len(rijen)}",
                [list(zichtbaar), tsquery, *filter_params, *params],
            )
            if len(rijen) >= KANDIDATEN or grens is None:
                return rijen
            boven = grens
            # the share of documents to reach back to, from the density of matches seen so far (at least
            # twice as far: the windows must move back, never overlap)
            dichtheid = max(len(rijen), 1) / breedte
            breedte = max(VENSTER_MARGE * KANDIDATEN / dichtheid, 2 * breedte)
        return rijen


class Zoekresultaten:
    """The ranked candidates of one search on PostgreSQL, for a Paginator: count() and slices.

    The candidates (id, date, rank) are fetched once; a slice fetches only its rows (one query), in
    rank order (rank descending, then newest first), each with a `rang` attribute.
    """

    def __init__(self, *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None):
        self._args = {"vraag": vraag, "zichtbaar": zichtbaar, "soort": soort, "jaar": jaar}
        self._ids: list[int] | None = None
        self._rang: dict[int, float] = {}

    def _kandidaten(self) -> list[int]:
        if self._ids is None:
            rijen = _kandidaten_postgres(**self._args)
            # as ORDER BY rang DESC, datum DESC, id DESC (NULL dates count as newest)
            rijen.sort(key=lambda r: (-r[2], r[1] is not None, -(r[1].toordinal() if r[1] else 0), -r[0]))
            self._ids = [r[0] for r in rijen]
            self._rang = {r[0]: r[2] for r in rijen}
        return self._ids

    def count(self) -> int:
        return len(self._kandidaten())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, k):
        from .models import Zoekdocument

        if isinstance(k, int):
            return self[k : k + 1][0]
        ids = self._kandidaten()[k]
        if not ids:
            return []
        rijen = Zoekdocument.objects.filter(id__in=ids).only("id", "soort", "titel", "url", "datum", "zaaknummer")
        op_id = {r.id: r for r in rijen}
        uit = []
        for pk in ids:
            if pk in op_id:
                op_id[pk].rang = self._rang[pk]
                uit.append(op_id[pk])
        return uit

    def __iter__(self):
        return iter(self[:])


_BEGIN, _EIND = "\x02", "\x03"


def _veilig_fragment(kop: str) -> str:
    """Escape a headline, then turn the sentinels into <mark>."""
    return mark_safe(escape(kop).replace(_BEGIN, "<mark>").replace(_EIND, "</mark>"))


def _fragment_python(tekst: str, vraag: Zoekvraag, lengte: int = 220) -> str:
    """SQLite: a snippet around the first match, the matches marked."""
    gewoon = normaliseer(tekst)
    zoektermen = [normaliseer(t) for t in vraag.termen] + [normaliseer(" ".join(f)) for f in vraag.frases]
    posities = [gewoon.find(t) for t in zoektermen if t and gewoon.find(t) >= 0]
    start = max(0, min(posities) - 60) if posities else 0
    if start:
        spatie = tekst.find(" ", start, min(posities))  # begin at a whole word
        start = spatie + 1 if spatie >= 0 else start
    stuk = tekst[start : start + lengte]
    # normaliseer keeps the length for precomposed letters; mark on the normalised copy.
    gewoon_stuk = normaliseer(stuk)
    if len(gewoon_stuk) != len(stuk):
        return escape(("…" if start else "") + stuk + ("…" if start + lengte < len(tekst) else ""))
    markeringen = []
    for term in zoektermen:
        for m in re.finditer(re.escape(term), gewoon_stuk):
            markeringen.append((m.start(), m.end()))
    uit, pos = [], 0
    for begin, eind in sorted(markeringen):
        if begin < pos:
            continue
        uit += [escape(stuk[pos:begin]), "<mark>", escape(stuk[begin:eind]), "</mark>"]
        pos = eind
    uit.append(escape(stuk[pos:]))
    return mark_safe(("…" if start else "") + "".join(uit) + ("…" if start + lengte < len(tekst) else ""))


def fragmenten(rijen, vraag: Zoekvraag) -> dict[int, str]:
    """Highlighted snippets for the rows of one page only (one query on PostgreSQL)."""
    from .models import Zoekdocument

    ids = [r.id for r in rijen]
    if not ids:
        return {}
    if is_postgres():
        from django.contrib.postgres.search import SearchHeadline
        from django.db.models.functions import Left

        koppen = (
            Zoekdocument.objects.filter(id__in=ids)
            .annotate(
                kop=SearchHeadline(
                    Left("tekst", 20_000),
                    _zoekquery(vraag),
                    config=ZOEKCONFIG,
                    start_sel=_BEGIN,
                    stop_sel=_EIND,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("id", "kop")
        )
        return {pk: _veilig_fragment(kop or "") for pk, kop in koppen}
    teksten = Zoekdocument.objects.filter(id__in=ids).values_list("id", "tekst")
    return {pk: _fragment_python(tekst, vraag) for pk, tekst in teksten}
