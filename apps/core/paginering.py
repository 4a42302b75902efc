"""Paging long lists at the same cost on every page, and counting them only where counting is cheap.

Django's Paginator counts the whole list (COUNT(*)) and reads a page with OFFSET, so page 3,000 of 90,000 rows
reads 75,000 rows first. `SleutelPaginator` instead:

- reads a page by its key (keyset): `WHERE (sort key) <= (first key of the page) ORDER BY ... LIMIT n`, through
  the index of the sort order, at the same cost on page 1 and page 3,000;
- finds the first key of each page once per cache generation (one index-only pass over the list, kept in the
  cache, shared by every worker and server) — only for lists longer than TELGRENS, and only when a page beyond
  the first OFFSETGRENS rows is asked for, or when the list is the unfiltered one (`altijd_grenzen`);
- counts exactly up to TELGRENS rows (`SELECT count(*) FROM (... LIMIT TELGRENS + 1)`); beyond that without
  the page keys it shows PostgreSQL's estimate of the row count, worded as one ("ongeveer 40.000"), or on
  other databases "meer dan 1.000".

The page keys are valid for one cache generation (apps.paginacache): every write to the portal's data starts
a new one. The interface is the part of Django's `Page`/`Paginator` the templates use.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import F, OrderBy, Q, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils.formats import number_format

TELGRENS = 1000
#: Pages whose rows start within the first OFFSETGRENS rows are read with OFFSET (cheap that close to the
#: start, and no page keys are needed); pages beyond through their key.
OFFSETGRENS = 250
#: Page keys kept in this process for the cache generation (by cache key; the key holds the generation), besides
#: the shared cache: unpickling 4,000 keys on every request cost more than reading one page. At most 16 lists
#: (about 0.5 MB each for the 4,000 pages of the unfiltered list).
IN_PROCES_MAX = 16
_in_proces: dict[str, tuple[list[tuple], int]] = {}


def _getal(n: int) -> str:
    return number_format(n, force_grouping=True)


def _afgerond(n: int) -> int:
    """Two significant digits, rounded down: 41,873 -> 41,000."""
    if n < 100:
        return n
    stap = 10 ** (int(math.log10(n)) - 1)
    return n // stap * stap


def geschat_aantal(qs) -> int | None:
    """PostgreSQL's estimate of the rows of qs (EXPLAIN, nothing is read); None on other databases."""
    verbinding = connections[qs.db]
    if verbinding.vendor != "postgresql":
        return None
    sql, params = qs.query.sql_with_params()
    with verbinding.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


@dataclass
class Telling:
    aantal: int  # exact, or the estimate (or the lower bound) when not exact
    exact: bool
    ondergrens: bool = False  # only known to be more than `aantal`

    @property
    def tekst(self) -> str:
        if self.exact:
            return _getal(self.aantal)
        if self.ondergrens:
            return f"meer dan {_getal(self.aantal)}"
        return f"ongeveer {_getal(_afgerond(self.aantal))}"


def vanaf(qs, velden: list[str] | tuple[str, ...], sleutel: tuple):
    """The rows of `qs` at or after `sleutel` in the descending order of `velden`."""
    # the first field's bound on its own as well: an index range condition instead of a filter
    voorwaarde = Q()
    gelijk = {}
    for veld, waarde in zip(velden, sleutel, strict=True):
        voorwaarde |= Q(**gelijk, **{f"{veld}__lt": waarde})
        gelijk[veld] = waarde
    voorwaarde |= Q(**gelijk)
    return qs.filter(Q(**{f"{velden[0]}__lte": sleutel[0]}) & voorwaarde)


class SleutelPaginator:
    """Pages of `qs` ordered by `sortering` (fields, each descending: '-veld'; the last one unique)."""

    ELLIPSIS = "…"

    def __init__(
        self,
        qs,
        per_pagina: int,
        *,
        sortering: tuple[str, ...],
        cache_sleutel: str,
        vingerafdruk: str | None = None,
        pagina_qs=None,
        altijd_grenzen: bool = False,
        zonder_sorteerindex: bool = False,
    ):
        """`zonder_sorteerindex`: the filters leave few rows, which lie anywhere in the sort order; the first sort
        key is then written as COALESCE(key, key), which no index matches, so the database sorts those rows
        instead of walking the order's index (and testing every row) until it reaches them. `vingerafdruk`: a
        name for the list that `cache_sleutel` and it identify completely (such as the whole list of a role); else
        the list is identified by its SQL (compiling it costs about 1 ms). `pagina_qs(sleutel)`: the rows of a page
        from its key (`vanaf` of the list, sliced to a page), for a caller that prepares that query
        (apps.core.voorbereid)."""
        self._basis = qs
        self._sortering = sortering
        self.qs = self._geordend(zonder_sorteerindex)
        self.per_page = per_pagina
        self.velden = [veld.lstrip("-") for veld in sortering]
        assert all(veld.startswith("-") for veld in sortering), "only descending sort keys"
        self.cache_sleutel = cache_sleutel
        self.vingerafdruk = vingerafdruk
        self.pagina_qs = pagina_qs
        self.altijd_grenzen = altijd_grenzen
        self._grenzen: list[tuple] | None = None
        self._laatste = 0
        self._telling: Telling | None = None

    def _geordend(self, zonder_sorteerindex: bool):
        volgorde = [OrderBy(F(veld.lstrip("-")), descending=True) for veld in self._sortering]
        if zonder_sorteerindex:
            eerste = self._sortering[0].lstrip("-")
            volgorde[0] = OrderBy(Coalesce(F(eerste), F(eerste)), descending=True)
        return self._basis.order_by(*volgorde)

    # --- the first key of every page ------------------------------------------------------------------------

    def _sleutel(self) -> str | None:
        if not getattr(settings, "FRAGMENTCACHE", True):
            return None
        from apps.paginacache.middleware import cache_versie

        vingerafdruk = self.vingerafdruk
        if vingerafdruk is None:
            sql, params = self.qs.query.sql_with_params()
            vingerafdruk = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()[:32]
        return f"paginagrenzen:{self.cache_sleutel}:{cache_versie()}:{self.per_page}:{vingerafdruk}"

    def grenzen(self) -> list[tuple]:
        """The sort key of the first row of each page, in page order (one pass over the list's index), and the
        number of rows on the last page; kept in the cache and, for the generation, in this process."""
        if self._grenzen is None:
            sleutel = self._sleutel()
            bewaard = (_in_proces.get(sleutel) or cache.get(sleutel)) if sleutel else None
            if bewaard is None:
                # the window is filtered in the database: only one row per page comes back
                rijen = (
                    self.qs.annotate(_rij=Window(RowNumber(), order_by=[F(v).desc() for v in self.velden]))
                    .annotate(_rest=(F("_rij") - 1) % self.per_page)
                    .filter(_rest=0)
                    .values_list(*self.velden)
                )
                grenzen = [tuple(r) for r in rijen]
                laatste = self._vanaf(grenzen[-1]).count() if grenzen else 0
                bewaard = (grenzen, laatste)
                if sleutel:
                    cache.set(sleutel, bewaard, settings.FRAGMENTCACHE_SECONDEN)
            if sleutel:
                if len(_in_proces) >= IN_PROCES_MAX:
                    _in_proces.clear()
                _in_proces[sleutel] = bewaard
            self._grenzen, self._laatste = bewaard
        return self._grenzen

    # --- counting ---------------------------------------------------------------------------------------------

    def telling(self) -> Telling:
        if self._telling is None:
            if self._grenzen is not None or self.altijd_grenzen:
                aantal = self._aantal_uit_grenzen()
                self._telling = Telling(aantal, exact=True)
            else:
                # counting needs no order: without it PostgreSQL stops at the first TELGRENS + 1 rows it finds
                # instead of sorting every match first (57 ms for a portefeuillehouder's 3,400 besluiten)
                aantal = self.qs.order_by()[: TELGRENS + 1].count()
                if aantal <= TELGRENS:
                    self._telling = Telling(aantal, exact=True)
                else:
                    schatting = geschat_aantal(self.qs.order_by())
                    if schatting is None or schatting <= TELGRENS:
                        self._telling = Telling(TELGRENS, exact=False, ondergrens=True)
                    else:
                        self._telling = Telling(schatting, exact=False)
        return self._telling

    def _aantal_uit_grenzen(self) -> int:
        grenzen = self.grenzen()
        if not grenzen:
            return 0
        # the full pages before the last one, and the rows of the last page (counted with the keys)
        return (len(grenzen) - 1) * self.per_page + self._laatste

    @property
    def count(self) -> int:
        return self.telling().aantal

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    # --- pages --------------------------------------------------------------------------------------------

    def _vanaf(self, sleutel: tuple):
        """The rows at or after `sleutel` in the (descending) sort order."""
        return vanaf(self.qs, self.velden, sleutel)

    def _rijen(self, qs, van: int, tot: int) -> list:
        """The rows van:tot of `qs`: first their ids, then the rows by id. The ids' query reads only the list's own
        table (and what its filters need), so PostgreSQL finds and sorts the matches before it joins anything;
        with the joins it joined every match first (a year's 4,000 besluiten: 22-40 ms, against 10 ms)."""
        ids = list(qs.values_list("pk", flat=True)[van:tot])
        per_id = self.qs.order_by().in_bulk(ids)
        return [per_id[i] for i in ids if i in per_id]

    def get_page(self, nummer) -> SleutelPagina:
        try:
            nummer = max(1, int(nummer))
        except (TypeError, ValueError):
            nummer = 1
        start = (nummer - 1) * self.per_page
        # a filtered list near its start: OFFSET; else (and always for the unfiltered list: the same queries on
        # page 1 as on page 3,000) through the page's key
        if not self.altijd_grenzen and (nummer == 1 or start < OFFSETGRENS):
            # A filtered list of at most TELGRENS rows (its exact count, which the page shows anyway): those rows are
            # sorted instead of walking the order's index to them, wherever they lie (a gremium without besluiten:
            # the walk read all 86,000 rows of the index to find none, 64 ms; sorting them takes 1-3 ms)
            telling = self.telling()
            weinig = telling.exact and telling.aantal <= TELGRENS
            rijen = self._rijen(self._geordend(True) if weinig else self.qs, start, start + self.per_page + 1)
            if rijen or nummer == 1:
                return SleutelPagina(self, nummer, rijen[: self.per_page], heeft_volgende=len(rijen) > self.per_page)
        grenzen = self.grenzen()
        if not grenzen:
            return SleutelPagina(self, 1, [], heeft_volgende=False)
        nummer = min(nummer, len(grenzen))
        if self.pagina_qs is not None:
            rijen = list(self.pagina_qs(grenzen[nummer - 1]))
        else:
            rijen = self._rijen(self._vanaf(grenzen[nummer - 1]), 0, self.per_page)
        return SleutelPagina(self, nummer, rijen, heeft_volgende=nummer < len(grenzen))

    def get_elided_page_range(self, number=1, *, on_each_side=2, on_ends=1):
        """As Django's: page numbers with ELLIPSIS for the gaps; without an exact count, no last page."""
        telling = self.telling()
        laatste = self.num_pages if telling.exact else number + on_each_side
        if telling.exact is False:
            laatste = max(laatste, number)
        links = sorted(
            {n for n in range(1, on_ends + 1)}
            | {n for n in range(number - on_each_side, number + on_each_side + 1)}
            | ({n for n in range(laatste - on_ends + 1, laatste + 1)} if telling.exact else set())
        )
        vorige = 0
        for n in links:
            if n < 1 or n > laatste:
                continue
            if n > vorige + 1:
                yield self.ELLIPSIS
            yield n
            vorige = n
        if not telling.exact:
            yield self.ELLIPSIS


class SleutelPagina:
    def __init__(self, paginator: SleutelPaginator, nummer: int, rijen: list, *, heeft_volgende: bool):
        self.paginator = paginator
        self.number = nummer
        self.object_list = rijen
        self._heeft_volgende = heeft_volgende

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._heeft_volgende

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1
