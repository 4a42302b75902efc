"""The portal's search index: a contract between the domain apps and the search page.

Domain apps register how one of their records becomes a search document (in their
AppConfig.ready()), and their services call `zoekindex_bijwerken(obj)` after every
write and `zoekindex_verwijderen(obj)` before a delete. core itself knows none of the
domain apps.
"""

from collections.abc import Callable

_BRONNEN: dict[type, Callable] = {}


def registreer_zoekbron(model: type, bouwer: Callable) -> None:
    """`bouwer(obj)` returns the fields of the search document for obj, or None to drop it."""
    _BRONNEN[model] = bouwer


def zoekbronnen() -> dict[type, Callable]:
    return dict(_BRONNEN)


def zoekindex_bijwerken(obj) -> None:
    """Bring the search document of obj up to date (implemented by the search issue)."""
    return None


def zoekindex_verwijderen(obj) -> None:
    return None
