"""Querysets compiled to SQL once per process and run again with other values (issue 14).

Building a queryset and compiling it (the columns of every joined model, the visibility conditions, the ordering)
costs more Python than running it: 2 ms for the besluit of a besluit page, 2 ms for its stemmingen, while
PostgreSQL answers in well under 1 ms. A page that runs the same query for every zaaknummer compiles the same SQL
with another value each time.

`Voorbereid(bouw)` compiles `bouw(user, *sleutel, **waarden)` once per role of `user` and `sleutel` (what else
shapes the query, such as which conditions apply: hashable), and afterwards returns a queryset that runs that SQL
with the new values and builds its rows as the ORM does (select_related, deferred fields, prefetches). Every
process has one database per alias, so its SQL is the same for the whole process.

Safe by construction, or not at all:

- The first call builds the queryset twice, with the real visitor and values, and with a stand-in visitor of the
  same role (no identity: visibility follows the role, `apps.core.query.ZichtbaarheidQuerySet`) and marker values
  of the same type, and compiles both. The two must give the same SQL; every parameter must be either the marker
  of one value (it is replaced on later calls) or the same constant in both. Anything else (a value transformed
  into its parameter, such as `__icontains`; a value used in Python to choose the query; a date or time anywhere
  in the query, which would go stale; a value of a type without a marker; a condition on the visitor's own
  identity) and the query is never prepared: every call then builds and compiles it as usual.
- Its prefetches are reused as they are: they must compile to the same SQL in both builds (so they hold neither
  a value nor anything of the visitor).
- The prepared state belongs to that one queryset object: chaining it (`.filter()`, `.first()`, `.count()`, a
  slice) gives an ordinary queryset, compiled as usual.

`bouw` must shape its query from the role and `sleutel` alone, never from `waarden` (its values only go into
conditions): the check above finds most breaches, but not a value that chooses between two shapes and happened to
choose the same one for the real value and its marker.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from django.db.models import Lookup, Prefetch, QuerySet, Value
from django.db.models.sql.query import Query
from django.db.models.sql.where import WhereNode

from .permissions import PUBLIEK, rol_van

_teller = itertools.count(1)


_TIJD = (datetime.date, datetime.time, datetime.timedelta)


def _bevat_tijd(obj: Any, markers: frozenset = frozenset(), diepte: int = 0) -> bool:
    """Whether a date, time or duration other than `markers` lies anywhere in a query's conditions and
    expressions (subqueries included): such a constant (today, now) would go stale in a prepared query. On SQLite
    it reaches the parameters as text, so the parameters cannot tell."""
    if diepte > 50:
        return True  # too deep to be sure: not prepared
    if isinstance(obj, _TIJD):
        return obj not in markers
    if isinstance(obj, list | tuple | set | frozenset):
        return any(_bevat_tijd(o, markers, diepte + 1) for o in obj)
    if isinstance(obj, Query):
        return (
            _bevat_tijd(obj.where, markers, diepte + 1)
            or _bevat_tijd(list(obj.annotations.values()), markers, diepte + 1)
            or _bevat_tijd(list(obj.combined_queries), markers, diepte + 1)
        )
    if isinstance(obj, QuerySet):
        return _bevat_tijd(obj.query, markers, diepte + 1)
    if isinstance(obj, WhereNode):
        return any(_bevat_tijd(c, markers, diepte + 1) for c in obj.children)
    if isinstance(obj, Lookup):
        return _bevat_tijd(obj.lhs, markers, diepte + 1) or _bevat_tijd(obj.rhs, markers, diepte + 1)
    if isinstance(obj, Value):
        return isinstance(obj.value, _TIJD) and obj.value not in markers
    if hasattr(obj, "query") and isinstance(obj.query, Query):  # Subquery, Exists
        return _bevat_tijd(obj.query, markers, diepte + 1)
    if hasattr(obj, "get_source_expressions"):
        return any(_bevat_tijd(e, markers, diepte + 1) for e in obj.get_source_expressions())
    return False


def _marker(waarde: Any) -> Any:
    """A value of waarde's type that no real value has (compiled, never sent to the database); None: no marker."""
    n = next(_teller)
    if type(waarde) is int:
        # within the range of every integer column, positive ones included (an out-of-range value compiles to
        # another condition, so such a query would not be prepared)
        return 2_000_000_000 + n
    if type(waarde) is str:
        return f"\x1fvoorbereid:{n}\x1f"
    if type(waarde) is datetime.datetime:
        # on PostgreSQL a datetime reaches the parameters as itself; elsewhere as text, which no marker matches
        return datetime.datetime(1901, 1, 1, tzinfo=waarde.tzinfo) + datetime.timedelta(microseconds=n)
    return None


class _VoorbereideQuery(Query):
    """A Query whose compiler returns the prepared SQL and the state its rows are built from; a clone is an
    ordinary Query again."""

    _voorbereid: tuple[str, tuple, tuple]

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        compiler = super().get_compiler(using, connection, elide_empty)
        sql, params, staat = self._voorbereid
        (
            compiler.select,
            compiler.klass_info,
            compiler.annotation_col_map,
            compiler.col_count,
            compiler.has_extra_select,
        ) = staat
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return compiler

    def clone(self):
        kopie = super().clone()
        kopie.__class__ = Query
        kopie.__dict__.pop("_voorbereid", None)
        return kopie


class _Sjabloon:
    def __init__(self, qs: QuerySet, sql: str, params: tuple, posities: dict[int, str], staat: tuple, typen: dict):
        self.qs, self.sql, self.params, self.posities, self.staat = qs, sql, params, posities, staat
        self.typen: dict[str, type] = typen  # the type of each value it was prepared for

    def queryset(self, waarden: dict[str, Any]) -> QuerySet:
        params = list(self.params)
        for positie, naam in self.posities.items():
            params[positie] = waarden[naam]
        qs = self.qs._chain()
        query = qs.query  # a fresh clone: an ordinary Query
        query.__class__ = _VoorbereideQuery
        query._voorbereid = (self.sql, tuple(params), self.staat)
        return qs


def _plaatsvervanger(rol: str):
    """A visitor of `rol` without identity: all that `rol_van` reads."""
    if rol == PUBLIEK:
        return None
    return SimpleNamespace(is_authenticated=True, is_superuser=False, _portaal_rol=rol)


class Voorbereid:
    """`bouw(user, *sleutel, **waarden)`, compiled once per role and `sleutel` (see the module's docstring)."""

    def __init__(self, bouw: Callable[..., QuerySet]):
        self.bouw = bouw
        self._sjablonen: dict[tuple, _Sjabloon | None] = {}

    def __call__(self, user, *sleutel: Any, **waarden: Any) -> QuerySet:
        rol = rol_van(user)
        cache_sleutel = (rol, sleutel, tuple(sorted(waarden)))
        if cache_sleutel not in self._sjablonen:
            qs = self.bouw(user, *sleutel, **waarden)
            sjabloon = self._sjablonen[cache_sleutel] = self._voorbereiden(qs, rol, sleutel, waarden)
            return qs if sjabloon is None else sjabloon.queryset(waarden)
        sjabloon = self._sjablonen[cache_sleutel]
        if sjabloon is None or any(type(w) is not sjabloon.typen[n] for n, w in waarden.items()):
            return self.bouw(user, *sleutel, **waarden)  # not preparable, or another type than prepared: as usual
        return sjabloon.queryset(waarden)  # neither built nor compiled again

    @classmethod
    def _prefetches(cls, qs: QuerySet) -> list:
        """What the prefetches of `qs` run (they are reused as they are): their paths and SQL, nested ones too."""
        uit: list = []
        for lookup in qs._prefetch_related_lookups:
            if isinstance(lookup, Prefetch):
                uit.append((lookup.prefetch_through, lookup.to_attr))
                if lookup.queryset is not None:
                    uit.append(lookup.queryset.query.sql_with_params())
                    uit.extend(cls._prefetches(lookup.queryset))
            else:
                uit.append(lookup)
        return uit

    @staticmethod
    def _compileer(qs: QuerySet):
        compiler = qs.query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        staat = (
            compiler.select,
            compiler.klass_info,
            compiler.annotation_col_map,
            compiler.col_count,
            compiler.has_extra_select,
        )
        return sql, tuple(params), staat

    def _voorbereiden(self, qs: QuerySet, rol: str, sleutel: tuple, waarden: dict[str, Any]) -> _Sjabloon | None:
        markers = {naam: _marker(waarde) for naam, waarde in waarden.items()}
        if any(m is None for m in markers.values()):
            return None
        try:
            met_markers = self.bouw(_plaatsvervanger(rol), *sleutel, **markers)
            if _bevat_tijd(met_markers.query, frozenset(m for m in markers.values() if isinstance(m, _TIJD))):
                return None
            # The prefetches of the first call serve every later one: they must not hold a value or the visitor
            if self._prefetches(qs) != self._prefetches(met_markers) or qs._known_related_objects:
                return None
            sql, params, staat = self._compileer(qs)
            sql_m, params_m, _ = self._compileer(met_markers)
        except Exception:  # e.g. EmptyResultSet, or the stand-in has no identity: such a query is not prepared
            return None
        if sql != sql_m or len(params) != len(params_m):
            return None
        naam_van = {m: naam for naam, m in markers.items()}
        posities: dict[int, str] = {}
        for i, (echt, met_marker) in enumerate(zip(params, params_m, strict=True)):
            naam = naam_van.get(met_marker) if type(met_marker) in (int, str, datetime.datetime) else None
            if naam is not None:
                if echt != waarden[naam]:
                    return None
                posities[i] = naam
            elif echt != met_marker or isinstance(echt, _TIJD):
                return None  # a value changed on its way into the SQL, or a constant that goes stale
        if set(posities.values()) != set(waarden):
            return None  # a value that never reached the SQL shaped the query in Python
        return _Sjabloon(qs, sql, params, posities, staat, {naam: type(w) for naam, w in waarden.items()})
