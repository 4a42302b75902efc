"""The page cache for logged-in users: per role, personal parts filled in per user, fresh after a write."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from apps.paginacache import middleware as paginacache_module
from tests.factories import BesluitFactory, UserFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paginacache(settings):
    settings.PAGINACACHE_SECONDEN = 600
    settings.PAGINACACHE_INGELOGD = True
    paginacache_module._gelezen["nummer"] = None
    cache.clear()
    yield
    cache.clear()


def ingelogd(username, groep, **kwargs):
    client = Client(**kwargs)
    client.force_login(UserFactory(username=username, groep=groep))
    return client


def csrf_tokens(html: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def test_two_clerks_share_the_page_but_each_gets_their_own_name_and_a_working_token(paginacache):
    anna = ingelogd("anna", "griffie", enforce_csrf_checks=True)
    bram = ingelogd("bram", "griffie", enforce_csrf_checks=True)
    eerste = anna.get("/griffie/")
    tweede = bram.get("/griffie/")
    assert eerste["X-Paginacache"] == "miss" and tweede["X-Paginacache"] == "hit"
    html = tweede.content.decode()
    assert "Ingelogd als bram" in html and "anna" not in html
    assert "__paginacache" not in html
    tokens = csrf_tokens(html)
    assert tokens and tokens.isdisjoint(csrf_tokens(eerste.content.decode()))
    # Bram's token from the cached page is accepted: logging out with it works.
    assert bram.post("/uitloggen/", {"csrfmiddlewaretoken": tokens.pop()}).status_code == 302


def test_a_page_is_never_served_to_another_role(paginacache):
    VergaderingFactory(titel="Conceptagenda kraanvogel", concept=True)
    griffie = ingelogd("griet", "griffie")
    raadslid = ingelogd("rik", "raadslid")
    assert b"kraanvogel" in griffie.get("/vergaderingen/?maand=2021-09").content
    response = raadslid.get("/vergaderingen/?maand=2021-09")
    assert response["X-Paginacache"] == "miss"
    assert b"kraanvogel" not in response.content
    assert Client().get("/vergaderingen/?maand=2021-09")["X-Paginacache"] == "miss"


def test_a_clerk_sees_their_own_change_at_once(paginacache, settings, django_capture_on_commit_callbacks):
    settings.PAGINACACHE_GENERATIE_SECONDEN = 600  # anonymous visitors may wait; a logged-in clerk never does
    griffie = ingelogd("gerda", "griffie")
    griffie.get("/besluiten/")
    with django_capture_on_commit_callbacks(execute=True):
        BesluitFactory(gepubliceerd=True, titel="Besluit over de ooievaar")
    response = griffie.get("/besluiten/")
    assert response["X-Paginacache"] == "miss" and b"ooievaar" in response.content


def test_pages_with_pending_messages_are_neither_served_nor_stored(paginacache):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    griffie = ingelogd("gijs", "griffie")
    griffie.get("/griffie/")
    storage = CookieStorage(type("R", (), {"COOKIES": {}})())
    griffie.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Opgeslagen: fazant")])
    response = griffie.get("/griffie/")
    assert "X-Paginacache" not in response
    assert b"fazant" in response.content


def test_logged_in_cache_can_be_switched_off(paginacache, settings):
    settings.PAGINACACHE_INGELOGD = False
    griffie = ingelogd("guus", "griffie")
    griffie.get("/griffie/")
    assert "X-Paginacache" not in griffie.get("/griffie/")
