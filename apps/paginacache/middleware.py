"""The page cache: whole pages, shared by everyone *of the same role*, never across roles.

What is cached: GET/HEAD answers (200, HTML, Atom/RSS or iCalendar, at most 1 MB).
- Visitors without any session state (no session cookie, no messages cookie) share the public pages.
- Logged-in raadsleden share the raadslid pages, logged-in griffie members the griffie pages: the role is part of
  the key, so a page rendered for one role is never served to another. Such a page differs per user only in the
  CSRF token of its forms and the name in the header; both are stored as placeholders and filled in for the user
  who asks (a page where the token stands anywhere else, or the name not exactly once, is not stored). Logged-in
  users always read the generation from the database, so a clerk never sees a page from before their own write.
  PAGINACACHE_INGELOGD=false switches this part off.
- Never cached: pages with pending messages, an anonymous request that carries a session, the admin, login,
  bijlagen, the API, and answers that set a cookie or say `Cache-Control: private/no-store`.

Invalidation: the key holds a generation number (one row, `CacheGeneratie`). Any save, delete or m2m change of a
model of the portal's domain apps raises it when the transaction commits, so the next request after a publish or
change renders afresh (in the writing process at once; for anonymous visitors in other workers and servers within
PAGINACACHE_GENERATIE_SECONDEN, default 1 s, the time a process may reuse the number it read; with a cache
shared by several servers, such as Redis, a write counter in that cache makes it at once on every server).
Services that write with `QuerySet.update()` (no signals) call `cache_ongeldig_maken()` themselves. The key
also holds today's date (pages say "upcoming"), the host and the scheme. Entries expire after
PAGINACACHE_SECONDEN anyway; 0 switches the cache off (the default in dev/test).

Conditional GET: every answer from the cache carries the ETag of the stored page; Django's
ConditionalGetMiddleware (outside this one) answers a matching If-None-Match with 304. With FRAGMENTCACHE on
(the default outside tests), an anonymous page's ETag is derived from the cache generation, the date and the
address, so a crawler's If-None-Match is answered with 304 before anything is rendered or read, with the page
cache on or off.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.html import escape

from apps.core.permissions import PUBLIEK, rol_van

DOMEIN_APPS = {"core", "raadsvoorstellen", "memos", "vergaderagenda", "besluiten", "moties", "registers"}
NIET_CACHEN = ("/beheer/", "/inloggen/", "/uitloggen/", "/static/", "/bench/", "/bijlagen/", "/api/")
TYPES = ("text/html", "application/atom+xml", "application/rss+xml", "text/calendar", "application/xml")
MAX_GROOTTE = 1024 * 1024
BEWAARDE_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Cache-Control",
    "Vary",
    "Last-Modified",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


# The generation as this process last read it, and until when it may use it without asking the database
# (PAGINACACHE_GENERATIE_SECONDEN, default 1 s). A write in this process forgets it at once; other processes
# and servers see a change at most that long after its commit.
_gelezen = {"nummer": None, "tot": 0.0}


def cache_generatie(*, vers: bool = False) -> int:
    """The current generation; `vers=True` always asks the database (logged-in users, who just wrote)."""
    from .models import CacheGeneratie

    nu = time.monotonic()
    if not vers and _gelezen["nummer"] is not None and nu < _gelezen["tot"]:
        return _gelezen["nummer"]
    with connection.cursor() as cursor:  # raw: compiling the ORM query cost more than running it
        cursor.execute(
            f"SELECT {connection.ops.quote_name('nummer')} FROM "
            f"{connection.ops.quote_name(CacheGeneratie._meta.db_table)} WHERE id = 1"
        )
        rij = cursor.fetchone()
    nummer = rij[0] if rij else 0
    _gelezen.update(nummer=nummer, tot=nu + getattr(settings, "PAGINACACHE_GENERATIE_SECONDEN", 0))
    return nummer


# With a cache shared by several servers (Redis, Memcached), every write also raises a counter in that cache,
# and every request reads it: another server's pages are stale from the write on, not up to
# PAGINACACHE_GENERATIE_SECONDEN later. A cache of one process (locmem) has no use for it.
TELLER = "paginacache:schrijfteller"
LOKALE_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def gedeelde_cache() -> bool:
    return settings.CACHES["default"]["BACKEND"] not in LOKALE_CACHES


def cache_versie(*, vers: bool = False) -> str:
    """What cached pages and page parts are keyed by: the generation, and with a shared cache its write counter."""
    versie = str(cache_generatie(vers=vers))
    if gedeelde_cache():
        versie += f".{cache.get(TELLER, 0)}"
    return versie


def _teller_ophogen() -> None:
    try:
        cache.incr(TELLER)
    except ValueError:  # not in the cache (yet, or any more): start it
        if not cache.add(TELLER, 1, timeout=None):
            cache.incr(TELLER)


def _ophogen() -> None:
    from .models import CacheGeneratie

    _gelezen["nummer"] = None
    if gedeelde_cache():
        _teller_ophogen()
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


# Logged-in pages differ per user in two places only: the CSRF token of the forms and the name in the header
# ("Ingelogd als ..."). They are stored with placeholders and filled in for the user who asks.
CSRF_PLEK = b"__paginacache_csrf__"
NAAM_PLEK = b"__paginacache_naam__"
CSRF_VELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")([^"]+)(")')


def _naam_html(user) -> bytes:
    naam = user.get_full_name() or user.get_username()
    return f'<span class="portal-nav__user">Ingelogd als {escape(naam)}</span>'.encode()


def _cache_rol(request) -> str | None:
    """Whose cache this request may use: PUBLIEK without session state, else the logged-in user's role.

    None means: render it afresh and store nothing (pending messages, an anonymous session, or the
    logged-in cache switched off).
    """
    if "messages" in request.COOKIES:
        return None
    if _zonder_sessie(request):
        return PUBLIEK
    if not getattr(settings, "PAGINACACHE_INGELOGD", True) or request.session.get("_messages"):
        return None
    if not request.user.is_authenticated:
        return None
    return rol_van(request.user)


def _persoonlijk_maken(inhoud: bytes, request) -> bytes:
    inhoud = inhoud.replace(NAAM_PLEK, _naam_html(request.user))
    if CSRF_PLEK in inhoud:
        inhoud = inhoud.replace(CSRF_PLEK, get_token(request).encode())
    return inhoud


def _onpersoonlijk_maken(inhoud: bytes, request) -> bytes | None:
    """The page with placeholders for the user's own parts, or None when it cannot be made safely."""
    naam = _naam_html(request.user)
    if inhoud.count(naam) != 1:
        return None
    inhoud = inhoud.replace(naam, NAAM_PLEK)
    tokens = {m.group(2) for m in CSRF_VELD.finditer(inhoud)}
    inhoud = CSRF_VELD.sub(rb"\1" + CSRF_PLEK + rb"\3", inhoud)
    if any(token in inhoud for token in tokens):  # the token also stands somewhere else: do not store
        return None
    return inhoud


def _etag(inhoud: bytes) -> str:
    return f'"{hashlib.md5(inhoud, usedforsecurity=False).hexdigest()}"'


class PaginaCacheMiddleware:
    """Place it after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        etag = self._generatie_etag(request)
        if etag is not None and etag in request.headers.get("If-None-Match", ""):
            # A crawler revalidating: nothing changed since this generation began, so no page is rendered.
            niet_gewijzigd = HttpResponseNotModified()
            niet_gewijzigd["ETag"] = etag
            return niet_gewijzigd
        response = self._antwoord(request)
        if (
            etag is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("ETag")
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and response.get("Content-Type", "").startswith(TYPES)
        ):
            response["ETag"] = etag
        return response

    @staticmethod
    def _generatie_etag(request) -> str | None:
        """For anonymous visitors: an ETag from the cache generation, the date and the address, known before the
        page is rendered (a weak one: the same page, not necessarily the same bytes). None where it does not apply
        (FRAGMENTCACHE off, a session, not a GET, the admin, the API, bijlagen, ...)."""
        if (
            not getattr(settings, "FRAGMENTCACHE", True)
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(NIET_CACHEN)
            or not _zonder_sessie(request)
        ):
            return None
        sleutel = "|".join(
            [
                cache_versie(),
                timezone.localdate().isoformat(),
                request.scheme,
                request.get_host(),
                request.get_full_path(),
            ]
        )
        return 'W/"g' + hashlib.sha256(sleutel.encode()).hexdigest()[:32] + '"'

    def _antwoord(self, request):
        seconden = getattr(settings, "PAGINACACHE_SECONDEN", 0)
        if (
            not seconden
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(NIET_CACHEN)
            or len(request.get_full_path()) > 1000
            or (settings.BENCH_BASELINE and request.headers.get("X-Bench-Geen-Cache") == "1")
        ):
            return self.get_response(request)
        rol = _cache_rol(request)
        if rol is None:
            return self.get_response(request)
        ingelogd = rol != PUBLIEK
        # The role is part of the key: a page is only ever served to the role it was rendered for.
        sleutel = (
            "paginacache:"
            + hashlib.sha256(
                "|".join(
                    [
                        cache_versie(vers=ingelogd),
                        timezone.localdate().isoformat(),
                        rol,
                        request.scheme,
                        request.get_host(),
                        request.get_full_path(),
                    ]
                ).encode()
            ).hexdigest()
        )
        bewaard = cache.get(sleutel)
        if bewaard is not None:
            inhoud, headers, etag = bewaard
            if ingelogd:
                inhoud = _persoonlijk_maken(inhoud, request)
            response = HttpResponse(inhoud, headers=headers)
            response["ETag"] = etag
            response["X-Paginacache"] = "hit"
            return response
        response = self.get_response(request)
        if self._bewaarbaar(request, response, ingelogd=ingelogd):
            inhoud = _onpersoonlijk_maken(response.content, request) if ingelogd else response.content
            if inhoud is not None:
                etag = response.get("ETag") or _etag(inhoud)
                headers = {k: response[k] for k in BEWAARDE_HEADERS if k in response}
                cache.set(sleutel, (inhoud, headers, etag), seconden)
                response["ETag"] = etag
                response["X-Paginacache"] = "miss"
        return response

    @staticmethod
    def _bewaarbaar(request, response, *, ingelogd: bool) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not ingelogd and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # an anonymous page with a CSRF token
            return False
        if ingelogd and getattr(request, "_messages", None) is not None and request._messages._queued_messages:
            return False
        if not response.get("Content-Type", "").startswith(TYPES):
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control:
            return False
        return len(response.content) <= MAX_GROOTTE
