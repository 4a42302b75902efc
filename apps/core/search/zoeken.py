"""Reading the index: the ranked documents a role may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apps.core.permissions import ROLLEN, zichtbare_niveaus

from . import config
from .config import ZOEKCONFIG, is_postgres
from .plan import kandidaten_postgres
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


def zoekdocumenten(*, rol: str, vraag: Zoekvraag, soort: str | None = None, jaar: int | None = None):
    """The ranked matching documents this role may see (the newest KANDIDATEN matches, ranked).

    PostgreSQL: a `Zoekresultaten` (count() and slices, for a Paginator) that fetches the candidates
    with their rank in one query and the shown rows in a second. SQLite: a queryset, newest first.
    """
    from apps.core.models import Zoekdocument

    zichtbaar = zichtbare_niveaus(rol)
    if is_postgres():
        return Zoekresultaten(vraag=vraag, zichtbaar=zichtbaar, soort=soort, jaar=jaar)
    basis = Zoekdocument.objects.filter(zichtbaarheid__in=zichtbaar)
    if soort:
        basis = basis.filter(soort=soort)
    if jaar:
        basis = basis.filter(jaar=jaar)
    kandidaten = filter_zoekvraag(basis, vraag).order_by("-datum", "-id").values("id")[: config.KANDIDATEN]
    return (
        Zoekdocument.objects.filter(id__in=kandidaten)
        .only("id", "soort", "titel", "url", "datum", "zaaknummer")
        .order_by("-datum", "-id")
    )


class Zoekresultaten:
    """The ranked candidates of one search on PostgreSQL, for a Paginator: count() and slices.

    The candidates (id, date, rank) are fetched once; a slice fetches only its rows (one query), in
    rank order (rank descending, then newest first), each with a `rang` attribute.
    """

    def __init__(self, *, vraag: Zoekvraag, zichtbaar: list[str], soort: str | None, jaar: int | None):
        self._args: dict[str, Any] = {"vraag": vraag, "zichtbaar": zichtbaar, "soort": soort, "jaar": jaar}
        self._ids: list[int] | None = None
        self._rang: dict[int, float] = {}

    def _kandidaten(self) -> list[int]:
        if self._ids is None:
            rijen = kandidaten_postgres(**self._args)
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
        from apps.core.models import Zoekdocument

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
                op_id[pk].rang = self._rang[pk]  # type: ignore[attr-defined]  # a rank on a model instance
                uit.append(op_id[pk])
        return uit

    def __iter__(self):
        return iter(self[:])
