"""Highlighted snippets for the rows of one result page."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .config import ZOEKCONFIG, is_postgres
from .zoeken import zoekquery
from .zoekvraag import Zoekvraag, normaliseer

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
    from apps.core.models import Zoekdocument

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
                    zoekquery(vraag),
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
