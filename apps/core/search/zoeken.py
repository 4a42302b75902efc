"""Reading the index: the ranked documents a role may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apps.core.permissions import ROLLEN, zichtbare_niveaus

from . import config
from .config import ZOEKCONFIG, is_postgres
from .plan import kandidaten_postgres, titel_kandidaten_postgres
from .zoekvraag import Zoekvraag, enkelvoud, normaliseer, ontleed_zoekvraag, tsquery_tekst

#: Per role the values of Zoekdocument.zichtbaarheid it may see, from the role order in apps.core.permissions.
ZICHTBAAR_PER_ROL = {rol: zichtbare_niveaus(rol) for rol in ROLLEN}


def zoekquery(vraag: Zoekvraag):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(tsquery_tekst(vraag), search_type="raw", config=ZOEKCONFIG)


def filter_zoekvraag(qs, vraag: Zoekvraag):
    if is_postgres():
        return qs.filter(zoekvector=zoekquery(vraag))
    for term in vraag.termen:
        # a substring test: the singular (a prefix of the plural) covers both
        qs = qs.filter(zoektekst__contains=normaliseer((enkelvoud(term) or [term])[0]))
    for frase in vraag.frases:
        qs = qs.filter(zoektekst__contains=normaliseer(" ".join(frase)))
    return qs


def zoek_object_ids(q: str, *, soort: str):
    """A subquery of the record ids of `soort` that match q (for a domain list's free-text
    filter; visibility is the caller's queryset's business). None when q has no usable term."""
    from apps.core.models import Zoekdocument

    vraag = ontleed_zoekvraag(q)
    if vraag.leeg:
        return None
    return filter_zoekvraag(Zoekdocument.objects.filter(soort=soort), vraag).values("object_id")


@dataclass
class Zoekresultaat:
    soort: str
    soort_label: str
    titel: str
    url: str
    datum: object
    zaaknummer: str
    fragment: str


#: Ranking: relevance (ts_rank on PostgreSQL, weighted term hits on SQLite) times a recency factor
#: 1 / (1 + age in years / RECENTHEID_JAREN): a document of 20 years ago counts for half as much as one of today.
RECENTHEID_JAREN = 20
#: How many of the newest title matches join the candidates besides the newest KANDIDATEN matches of any field:
#: the most relevant documents of all years (a word in the title, weight A), however old.
TITEL_KANDIDATEN = 100
SORTERINGEN = ("relevantie", "datum")


def recentheid(datum, vandaag) -> float:
    if datum is None:
        return 1.0
    jaren = max((vandaag - datum).days, 0) / 365.25
    return 1.0 / (1.0 + jaren / RECENTHEID_JAREN)


def zoekdocumenten(
    *, rol: str, vraag: Zoekvraag, soort: str | None = None, jaar: int | None = None, sortering: str = "relevantie"
):
    """The matching documents this role may see, for a Paginator (count() and slices), each with `rang`.

    The candidates are the newest KANDIDATEN matches of any field plus the newest TITEL_KANDIDATEN matches in a
    title (these reach back over all years). `sortering="relevantie"` orders them by relevance times recency
    (`recentheid`), `"datum"` newest first. `afgekapt` says whether more documents match than were ranked.
    """
    zichtbaar = zichtbare_niveaus(rol)
    return Zoekresultaten(vraag=vraag, zichtbaar=zichtbaar, soort=soort, jaar=jaar, sortering=sortering)


class Zoekresultaten:
    """The ranked candidates of one search, for a Paginator: count() and slices.

    The candidates (id, date, relevance) are fetched once (PostgreSQL: two queries, see plan.py; SQLite: two
    queries and the scoring in Python); a slice fetches only its rows (one query), each with a `rang` attribute.
    """

    def __init__(self, *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None, sortering):
        self._args: dict[str, Any] = {"vraag": vraag, "zichtbaar": zichtbaar, "soort": soort, "jaar": jaar}
        self.sortering = sortering if sortering in SORTERINGEN else "relevantie"
        self._ids: list[int] | None = None
        self._rang: dict[int, float] = {}
        self._rijen: dict[int, tuple] = {}
        self.afgekapt = False

    def _kandidaten(self) -> list[int]:
        if self._ids is None:
            from django.utils import timezone

            if is_postgres():
                nieuwste = kandidaten_postgres(**self._args)
                titel = titel_kandidaten_postgres(**self._args) if self.sortering == "relevantie" else []
            else:
                nieuwste, titel = _kandidaten_sqlite(**self._args, met_titel=self.sortering == "relevantie")
            self.afgekapt = len(nieuwste) >= config.KANDIDATEN
            rijen = {r[0]: r for r in nieuwste}
            rijen.update({r[0]: r for r in titel})
            vandaag = timezone.localdate()
            score = {r[0]: r[2] * recentheid(r[1], vandaag) for r in rijen.values()}

            def nieuwste_eerst(r):  # ORDER BY datum DESC NULLS FIRST, id DESC
                return (r[1] is not None, -(r[1].toordinal() if r[1] else 0), -r[0])

            if self.sortering == "datum":
                volgorde = sorted(rijen.values(), key=nieuwste_eerst)
            else:
                volgorde = sorted(rijen.values(), key=lambda r: (-score[r[0]], *nieuwste_eerst(r)))
            self._ids = [r[0] for r in volgorde]
            self._rang = score
            self._rijen = {r[0]: r for r in volgorde if len(r) > 3}
        return self._ids

    def count(self) -> int:
        return len(self._kandidaten())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, k):
        from apps.core.models import Zoekdocument

        if isinstance(k, int):
            return self[k : k + 1][0]
        ids = self._kandidaten()[k]
        if not ids:
            return []
        if all(pk in self._rijen for pk in ids):  # fetched with the candidates: no query
            op_id = {
                pk: Zoekdocument(id=pk, datum=datum, soort=soort, titel=titel, url=url, zaaknummer=zaaknummer)
                for pk, datum, _, soort, titel, url, zaaknummer in (self._rijen[pk] for pk in ids)
            }
        else:
            rijen = Zoekdocument.objects.filter(id__in=ids).only("id", "soort", "titel", "url", "datum", "zaaknummer")
            op_id = {r.id: r for r in rijen}
        uit = []
        for pk in ids:
            if pk in op_id:
                op_id[pk].rang = self._rang[pk]  # type: ignore[attr-defined]  # a rank on a model instance
                uit.append(op_id[pk])
        return uit

    def __iter__(self):
        return iter(self[:])


def _kandidaten_sqlite(*, vraag, zichtbaar, soort, jaar, met_titel: bool):
    """SQLite: the newest KANDIDATEN matches and the newest TITEL_KANDIDATEN title matches as (id, datum, rang),
    rang from term hits: a term in the title counts 1.0, each hit in the text 0.1 (at most 5), as the weights A and
    B of the PostgreSQL vector do."""
    from apps.core.models import Zoekdocument

    basis = Zoekdocument.objects.filter(zichtbaarheid__in=zichtbaar)
    if soort:
        basis = basis.filter(soort=soort)
    if jaar:
        basis = basis.filter(jaar=jaar)
    velden = ("id", "datum", "titel", "zaaknummer", "zoektekst")
    nieuwste = list(filter_zoekvraag(basis, vraag).order_by("-datum", "-id").values_list(*velden)[: config.KANDIDATEN])
    titel = []
    if met_titel:
        in_titel = basis
        for term in vraag.termen:
            in_titel = in_titel.filter(titel__icontains=(enkelvoud(term) or [term])[0])
        for frase in vraag.frases:
            in_titel = in_titel.filter(titel__icontains=" ".join(frase))
        titel = list(
            filter_zoekvraag(in_titel, vraag).order_by("-datum", "-id").values_list(*velden)[:TITEL_KANDIDATEN]
        )
    termen = [normaliseer((enkelvoud(t) or [t])[0]) for t in vraag.termen] + [
        normaliseer(" ".join(f)) for f in vraag.frases
    ]

    def rang(rij):
        _, _, titeltekst, zaaknummer, zoektekst = rij
        kop = normaliseer(f"{zaaknummer} {titeltekst}")
        totaal = 0.0
        for term in termen:
            totaal += 1.0 if term in kop else 0.0
            totaal += 0.1 * min(zoektekst.count(term) - kop.count(term), 5)
        return totaal / max(len(termen), 1)

    return [(r[0], r[1], rang(r)) for r in nieuwste], [(r[0], r[1], rang(r)) for r in titel]
