"""Parts of pages that do not depend on the URL (the options of a filter form, a list of subjects), kept per
cache generation: computed once per generation per process and valid until the next write to the portal's data
starts a new one (see middleware.py). FRAGMENTCACHE=false (the test settings' default) computes them on every
call."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from .middleware import cache_versie

T = TypeVar("T")

_bewaard: dict[str, tuple[str, object]] = {}


def per_generatie(naam: str, maak: Callable[[], T]) -> T:
    """`maak()`, or its result of an earlier call in this process during the same cache generation."""
    if not getattr(settings, "FRAGMENTCACHE", True):
        return maak()
    generatie = cache_versie()
    bewaard = _bewaard.get(naam)
    if bewaard is not None and bewaard[0] == generatie:
        return bewaard[1]
    waarde = maak()
    _bewaard[naam] = (generatie, waarde)
    return waarde


def fragment_sleutel(request) -> dict:
    """For `{% cache fragment.seconden <name> fragment.versie ... %}` in a template: a rendered part kept in the
    cache for this cache version, role and date (the template adds what else it depends on); `seconden` is 0
    (nothing kept) with FRAGMENTCACHE off."""
    from django.utils import timezone

    from apps.core.permissions import rol_van

    if not getattr(settings, "FRAGMENTCACHE", True):
        return {"seconden": 0, "versie": ""}
    return {
        "seconden": settings.FRAGMENTCACHE_SECONDEN,
        "versie": f"{cache_versie()}:{rol_van(request.user)}:{timezone.localdate().isoformat()}",
    }
