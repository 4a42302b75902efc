"""The anonymous page cache: whole public pages, shared by every anonymous visitor, never by anyone else.

What is cached: GET/HEAD answers (200, HTML, Atom/RSS or iCalendar, at most 1 MB) to visitors *without any
session state*: no session cookie and no messages cookie. A logged-in raadslid or griffie always has a session
cookie, so they never get a page that was cached for the public, and nothing rendered for them is ever stored.
A page that put a CSRF token in its HTML, set a cookie or said `Cache-Control: private/no-store` is not stored.

Invalidation: the key holds a generation number (one row, `CacheGeneratie`). Any save, delete or m2m change of a
model of the portal's domain apps raises it when the transaction commits, so the next request after a publish or
change renders afresh (in the writing process at once; in other workers and servers within
PAGINACACHE_GENERATIE_SECONDEN, default 1 s, the time a process may reuse the number it read). Services that write
with `QuerySet.update()` (no signals) call `cache_ongeldig_maken()` themselves. The key also holds today's date
(pages say "upcoming"), the host and the scheme. Entries expire after PAGINACACHE_SECONDEN anyway; 0 switches the
cache off (the default in dev/test).

Conditional GET: every answer from the cache carries an ETag; a matching If-None-Match gets 304.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone

from apps.core.permissions import PUBLIEK

DOMEIN_APPS = {"core", "raadsvoorstellen", "memos", "vergaderagenda", "besluiten"}
NIET_CACHEN = ("/griffie/", "/beheer/", "/inloggen/", "/uitloggen/", "/static/", "/bench/", "/bijlagen/")
TYPES = ("text/html", "application/atom+xml", "application/rss+xml", "text/calendar", "application/xml")
MAX_GROOTTE = 1024 * 1024
BEWAARDE_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Cache-Control", "Vary",
                    "Last-Modified", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
                    "Cross-Origin-Opener-Policy")


# The generation as this process last read it, and until when it may use it without asking the database
# (PAGINACACHE_GENERATIE_SECONDEN, default 1 s). A write in this process forgets it at once; other processes
# and servers see a change at most that long after its commit.
_gelezen = {"nummer": None, "tot": 0.0}


def cache_generatie() -> int:
    from .models import CacheGeneratie

    nu = time.monotonic()
    if _gelezen["nummer"] is not None and nu < _gelezen["tot"]:
        return _gelezen["nummer"]
    nummer = CacheGeneratie.objects.filter(pk=1).values_list("nummer", flat=True).first() or 0
    _gelezen.update(nummer=nummer, tot=nu + getattr(settings, "PAGINACACHE_GENERATIE_SECONDEN", 0))
    return nummer


def _ophogen() -> None:
    from .models import CacheGeneratie

    _gelezen["nummer"] = None
    if not CacheGeneratie.objects.filter(pk=1).update(nummer=F("nummer") + 1):
        CacheGeneratie.objects.get_or_create(pk=1, defaults={"nummer": 1})


def cache_ongeldig_maken() -> None:
    """Every cached page is stale from the moment the current transaction commits (at once without one)."""
    transaction.on_commit(_ophogen)


def _bij_wijziging(sender, **kwargs):
    if sender._meta.app_label in DOMEIN_APPS and not sender.__name__.startswith("Historical"):
        cache_ongeldig_maken()


def signalen_verbinden() -> None:
    post_save.connect(_bij_wijziging, dispatch_uid="paginacache.post_save", weak=False)
    post_delete.connect(_bij_wijziging, dispatch_uid="paginacache.post_delete", weak=False)
    m2m_changed.connect(_bij_wijziging, dispatch_uid="paginacache.m2m_changed", weak=False)


def _zonder_sessie(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _etag(inhoud: bytes) -> str:
    return f'"{hashlib.md5(inhoud, usedforsecurity=False).hexdigest()}"'


class PaginaCacheMiddleware:
    """Place it after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconden = getattr(settings, "PAGINACACHE_SECONDEN", 0)
        if (
            not seconden
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(NIET_CACHEN)
            or not _zonder_sessie(request)
            or len(request.get_full_path()) > 1000
            or (settings.BENCH_BASELINE and request.headers.get("X-Bench-Geen-Cache") == "1")
        ):
            return self.get_response(request)
        # No session cookie: this visitor is anonymous; the role is part of the key all the same.
        rol = PUBLIEK
        sleutel = "paginacache:" + hashlib.sha256("|".join([
            str(cache_generatie()), timezone.localdate().isoformat(), rol, request.scheme, request.get_host(),
            request.get_full_path(),
        ]).encode()).hexdigest()
        bewaard = cache.get(sleutel)
        if bewaard is not None:
            inhoud, headers, etag = bewaard
            if etag in request.headers.get("If-None-Match", ""):
                response = HttpResponseNotModified()
                response["ETag"] = etag
                return response
            response = HttpResponse(inhoud, headers=headers)
            response["ETag"] = etag
            response["X-Paginacache"] = "hit"
            return response
        response = self.get_response(request)
        if self._bewaarbaar(request, response):
            etag = response.get("ETag") or _etag(response.content)
            headers = {k: response[k] for k in BEWAARDE_HEADERS if k in response}
            cache.set(sleutel, (response.content, headers, etag), seconden)
            response["ETag"] = etag
            response["X-Paginacache"] = "miss"
        return response

    @staticmethod
    def _bewaarbaar(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
            return False
        if not response.get("Content-Type", "").startswith(TYPES):
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        return len(response.content) <= MAX_GROOTTE
