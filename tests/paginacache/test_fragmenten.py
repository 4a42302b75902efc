"""Page parts kept per cache generation (FRAGMENTCACHE): read once, read again after any write (issue 14)."""

import pytest

from apps.core.models import Onderwerp
from apps.paginacache import fragmenten
from apps.paginacache import middleware as paginacache_module
from tests.factories import OnderwerpFactory


@pytest.fixture
def aan(settings):
    settings.FRAGMENTCACHE = True
    settings.PAGINACACHE_GENERATIE_SECONDEN = 0
    paginacache_module._gelezen["nummer"] = None
    fragmenten._bewaard.clear()
    yield
    fragmenten._bewaard.clear()


@pytest.mark.django_db
def test_filter_options_are_read_once_per_generation(client, aan, django_capture_on_commit_callbacks):
    OnderwerpFactory(naam="Bomen", slug="bomen")
    assert '<option value="bomen">Bomen</option>' in client.get("/besluiten/").content.decode()
    Onderwerp.objects.bulk_create([Onderwerp(naam="Wegen", slug="wegen")])  # no signal: the generation stays
    assert "wegen" not in client.get("/besluiten/").content.decode()  # so the kept options are used
    with django_capture_on_commit_callbacks(execute=True):
        OnderwerpFactory(naam="Water", slug="water")  # a write: a new generation
    tekst = client.get("/besluiten/").content.decode()
    assert '<option value="water">Water</option>' in tekst and '<option value="wegen">Wegen</option>' in tekst


@pytest.mark.django_db
def test_without_fragmentcache_everything_is_read_per_request(client, settings):
    settings.FRAGMENTCACHE = False
    OnderwerpFactory(naam="Bomen", slug="bomen")
    client.get("/besluiten/")
    Onderwerp.objects.bulk_create([Onderwerp(naam="Wegen", slug="wegen")])
    assert '<option value="wegen">Wegen</option>' in client.get("/besluiten/").content.decode()
