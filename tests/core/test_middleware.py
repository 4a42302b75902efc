"""NUL bytes never reach a view (every URL pattern), logged-in pages are private, every page has a CSP."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

VOORBEELD = {"int": "1", "uuid": str(uuid.uuid4()), "slug": "a%00b", "str": "a%00b", "path": "a%00b"}


def _patronen(resolver=None, voorvoegsel=""):
    for patroon in (resolver or get_resolver()).url_patterns:
        route = voorvoegsel + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            yield from _patronen(patroon, route)
        elif isinstance(patroon, URLPattern):
            yield route


def _pad(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "a%00b", route)  # admin's regex routes
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: VOORBEELD.get(m.group(1) or "str", "a%00b"), route)
    return "/" + route.replace("\\", "")


ROUTES = sorted(set(_patronen()))


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("rol", ["publiek", "griffie"])
def test_nul_byte_in_any_path_or_query_is_404_or_400(client, griffie_user, route, rol):
    if rol == "griffie":
        client.force_login(griffie_user)
    pad = _pad(route)
    if "%00" not in pad:
        pad = pad.rstrip("/") + "%00/"
    assert client.get(pad).status_code == 404, pad
    schoon = pad.replace("%00", "")
    for query in ("?q=%00", "?page=1%00", "?a%00=1"):
        assert client.get(schoon + query).status_code == 400, schoon + query
    assert client.post(pad).status_code in (403, 404), pad  # 403: CSRF refuses a POST without token first


def test_the_400_page_is_dutch(client):
    antwoord = client.get("/zoeken/?q=abc%00")
    assert antwoord.status_code == 400 and "Ongeldige vraag" in antwoord.content.decode()


def test_logged_in_pages_are_private_and_public_ones_are_not(client, griffie_user):
    publiek = client.get("/besluiten/")
    assert "private" not in publiek.get("Cache-Control", "")
    client.force_login(griffie_user)
    for url in ("/besluiten/", "/", "/griffie/", "/beheer/"):
        antwoord = client.get(url)
        assert "private" in antwoord["Cache-Control"], url
        assert "public" not in antwoord["Cache-Control"], url


def test_every_page_has_a_csp_without_inline_exceptions(client, griffie_user):
    for url in ("/", "/besluiten/", "/zoeken/?q=x", "/inloggen/"):
        csp = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "style-src 'self'" in csp and "object-src 'none'" in csp
