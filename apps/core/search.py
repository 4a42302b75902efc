"""The portal's search index: a contract between the domain apps and the search page.

Domain apps register how one of their records becomes a search document (in their
AppConfig.ready()), and their services call `zoekindex_bijwerken(obj)` after every
write and `zoekindex_verwijderen(obj)` before a delete. core itself knows none of the
domain apps.

The index is one denormalised table (core.Zoekdocument). On PostgreSQL it holds a stored
tsvector (text search configuration `dutch_unaccent`: Dutch stemming, accents ignored)
with a GIN index; on SQLite the same interface searches a normalised copy of the text.

Ranking at scale: a common word can match hundreds of thousands of rows, and ranking them
all is the expensive part. So only the newest `KANDIDATEN` matches (found through the
date-ordered index or the GIN bitmap, whichever the planner prefers) are ranked with
ts_rank; rare words (fewer matches) are ranked in full. The result count is capped at
the same number ("meer dan 1.000"). Snippets (ts_headline) are computed only for the
rows on the shown page, in a separate query.
"""

from __future__ import annotations

import logging
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
KANDIDATEN = 1000
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


def registreer_zoekbron(model: type, bouwer: Callable | None, *, soort: str | None = None,
                        queryset: Callable | None = None, verwant: Callable | None = None) -> None:
    """Register a searchable model.

    - `bouwer(obj)` returns the fields of the search document for obj (titel, tekst, url,
      datum, zaaknummer, zichtbaarheid), or None to drop it from the index;
    - `soort` is the Zoekdocument.Soort of its documents (None: the model has no documents
      of its own, only `verwant` records, e.g. a meeting whose status decides its items);
    - `queryset()` gives every record for a rebuild, with select/prefetch_related for the bouwer;
    - `verwant(obj)` gives records whose documents depend on obj and must be rebuilt with it.
    """
    _BRONNEN[model] = Zoekbron(model=model, bouwer=bouwer, soort=soort, queryset=queryset, verwant=verwant)


def zoekbronnen() -> dict[type, Zoekbron]:
    return dict(_BRONNEN)


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
                    stuk, update_conflicts=True, unique_fields=["soort", "object_id"],
                    update_fields=["titel", "tekst", "url", "datum", "jaar", "zaaknummer", "zichtbaarheid",
                                   "zoektekst", "bijgewerkt_op"],
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
            Zoekdocument.objects.filter(soort=bron.soort, object_id__in=weg[i:i + 5000]).delete()
        resultaat[bron.soort] = len(gezien)
    return resultaat


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
    """The ranked queryset of matching documents this role may see (newest KANDIDATEN ranked)."""
    from .models import Zoekdocument

    basis = Zoekdocument.objects.filter(zichtbaarheid__in=ZICHTBAAR_PER_ROL.get(rol, ["publiek"]))
    if soort:
        basis = basis.filter(soort=soort)
    if jaar:
        basis = basis.filter(jaar=jaar)
    kandidaten = _filter_zoekvraag(basis, vraag).order_by("-datum", "-id").values("id")[:KANDIDATEN]
    qs = Zoekdocument.objects.filter(id__in=kandidaten).only(
        "id", "soort", "titel", "url", "datum", "zaaknummer"
    )
    if is_postgres():
        from django.contrib.postgres.search import SearchRank
        from django.db.models import F

        qs = qs.annotate(rang=SearchRank(F("zoekvector"), _zoekquery(vraag))).order_by("-rang", "-datum", "-id")
    else:
        qs = qs.order_by("-datum", "-id")
    return qs


_BEGIN, _EIND = "\x02", "\x03"


def _veilig_fragment(kop: str) -> str:
    """Escape a headline, then turn the sentinels into <mark>."""
    return mark_safe(escape(kop).replace(_BEGIN, "<mark>").replace(_EIND, "</mark>"))  # noqa: S308


def _fragment_python(tekst: str, vraag: Zoekvraag, lengte: int = 220) -> str:
    """SQLite: a snippet around the first match, the matches marked."""
    gewoon = normaliseer(tekst)
    zoektermen = [normaliseer(t) for t in vraag.termen] + [normaliseer(" ".join(f)) for f in vraag.frases]
    posities = [gewoon.find(t) for t in zoektermen if t and gewoon.find(t) >= 0]
    start = max(0, min(posities) - 60) if posities else 0
    if start:
        spatie = tekst.find(" ", start, min(posities))  # begin at a whole word
        start = spatie + 1 if spatie >= 0 else start
    stuk = tekst[start:start + lengte]
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
    return mark_safe(("…" if start else "") + "".join(uit) + ("…" if start + lengte < len(tekst) else ""))  # noqa: S308


def fragmenten(rijen, vraag: Zoekvraag) -> dict[int, str]:
    """Highlighted snippets for the rows of one page only (one query on PostgreSQL)."""
    from .models import Zoekdocument

    ids = [r.id for r in rijen]
    if not ids:
        return {}
    if is_postgres():
        from django.contrib.postgres.search import SearchHeadline
        from django.db.models.functions import Left

        koppen = Zoekdocument.objects.filter(id__in=ids).annotate(
            kop=SearchHeadline(
                Left("tekst", 20_000), _zoekquery(vraag), config=ZOEKCONFIG, start_sel=_BEGIN, stop_sel=_EIND,
                max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
            )
        ).values_list("id", "kop")
        return {pk: _veilig_fragment(kop or "") for pk, kop in koppen}
    teksten = Zoekdocument.objects.filter(id__in=ids).values_list("id", "tekst")
    return {pk: _fragment_python(tekst, vraag) for pk, tekst in teksten}
