"""The registry of search sources: how a domain app's record becomes a search document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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


def afhankelijken_van(model: type) -> list[Callable]:
    return _AFHANKELIJK.get(model, [])


def bron_van(obj) -> Zoekbron | None:
    for klasse in type(obj).__mro__:
        if klasse in _BRONNEN:
            return _BRONNEN[klasse]
    return None


def alle_bronnen() -> list[Zoekbron]:
    return list(_BRONNEN.values())
