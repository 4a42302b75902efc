"""The anonymous page cache: shared by anonymous visitors only, stale after every change; conditional GET."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from apps.besluiten.services import besluit_publiceren
from apps.paginacache import middleware as paginacache_module
from apps.schaaldata.bench import QueryTellerMiddleware
from tests.factories import BesluitFactory


@pytest.fixture
def paginacache(settings):
    settings.PAGINACACHE_SECONDEN = 600
    paginacache_module._gelezen["nummer"] = None
    cache.clear()
    yield
    cache.clear()
    paginacache_module._gelezen["nummer"] = None


@pytest.mark.django_db
def test_the_generation_is_read_once_per_interval_and_forgotten_on_a_write(
    settings, paginacache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.PAGINACACHE_GENERATIE_SECONDEN = 60
    with django_assert_num_queries(1):
        eerste = paginacache_module.cache_generatie()
        assert paginacache_module.cache_generatie() == eerste
    with django_capture_on_commit_callbacks(execute=True):
        BesluitFactory(gepubliceerd=True)
    assert paginacache_module.cache_generatie() > eerste


@pytest.mark.django_db
def test_anonymous_pages_are_served_from_the_cache(client, paginacache):
    BesluitFactory(gepubliceerd=True, titel="Vaststellen speelruimteplan")
    eerste = client.get("/besluiten/")
    tweede = client.get("/besluiten/")
    assert eerste["X-Paginacache"] == "miss" and tweede["X-Paginacache"] == "hit"
    assert tweede.content == eerste.content and b"speelruimteplan" in tweede.content
    assert tweede["ETag"] == eerste["ETag"]
    assert client.get("/besluiten/", HTTP_IF_NONE_MATCH=eerste["ETag"]).status_code == 304


@pytest.mark.django_db
def test_a_change_or_a_publication_makes_the_cached_page_stale(client, paginacache, django_capture_on_commit_callbacks):
    besluit = BesluitFactory(gepubliceerd=True, titel="Vaststellen speelruimteplan")
    client.get("/besluiten/")
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = BesluitFactory(vastgesteld=True, titel="Krediet voor de brandweerkazerne")
        besluit_publiceren(besluit=nieuw)
    na_publicatie = client.get("/besluiten/")
    assert na_publicatie["X-Paginacache"] == "miss"
    assert b"brandweerkazerne" in na_publicatie.content
    client.get(f"/besluiten/{besluit.zaak.zaaknummer}/")
    with django_capture_on_commit_callbacks(execute=True):
        besluit.zaak.titel = "Gewijzigde zaak"
        besluit.zaak.save()
    assert client.get(f"/besluiten/{besluit.zaak.zaaknummer}/")["X-Paginacache"] == "miss"

    # The stored PDF of the published besluit answers conditional GETs.
    pdf = client.get(f"/besluiten/{nieuw.zaak.zaaknummer}/raadsbesluit.pdf")
    assert pdf.status_code == 200 and (pdf.has_header("ETag") or pdf.has_header("Last-Modified"))
    kop = (
        {"HTTP_IF_NONE_MATCH": pdf["ETag"]}
        if pdf.has_header("ETag")
        else {"HTTP_IF_MODIFIED_SINCE": pdf["Last-Modified"]}
    )
    assert client.get(f"/besluiten/{nieuw.zaak.zaaknummer}/raadsbesluit.pdf", **kop).status_code == 304


@pytest.mark.django_db
def test_a_page_cached_for_the_public_is_never_served_to_a_raadslid_and_vice_versa(client, raadslid_user, paginacache):
    BesluitFactory(gepubliceerd=True, titel="Openbaar besluit over de bibliotheek")
    BesluitFactory(gepubliceerd=True, vertrouwelijk=True, titel="Vertrouwelijke grondaankoop")
    publiek = client.get("/besluiten/")
    assert b"grondaankoop" not in publiek.content

    client.force_login(raadslid_user)
    raadslid = client.get("/besluiten/")
    # Rendered afresh for the raadslid role (its own cache key), never the public copy.
    assert raadslid.status_code == 200 and raadslid["X-Paginacache"] == "miss"
    assert b"grondaankoop" in raadslid.content
    client.logout()

    cache.clear()
    client.force_login(raadslid_user)
    client.get("/besluiten/")  # rendered for the raadslid first: stored for raadsleden only
    client.logout()
    weer_publiek = client.get("/besluiten/")
    assert weer_publiek["X-Paginacache"] == "miss" and b"grondaankoop" not in weer_publiek.content


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/besluiten/feed/", "/vergaderingen.ics"])
def test_feeds_answer_conditional_get(client, pad):
    BesluitFactory(gepubliceerd=True)
    eerste = client.get(pad)
    assert eerste.status_code == 200 and eerste.has_header("ETag")
    assert client.get(pad, HTTP_IF_NONE_MATCH=eerste["ETag"]).status_code == 304


@pytest.mark.django_db
def test_the_cache_is_off_by_default_in_tests_and_the_baseline_is_not_mounted(client):
    BesluitFactory(gepubliceerd=True)
    client.get("/besluiten/")
    assert "X-Paginacache" not in client.get("/besluiten/")
    assert client.get("/bench/hallo/").status_code == 404


@pytest.mark.django_db
def test_query_counter_only_counts_when_asked():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    middleware = QueryTellerMiddleware(view)
    gevraagd = middleware(RequestFactory().get("/", HTTP_X_BENCH_QUERIES="1"))
    assert gevraagd["X-Query-Count"] == "2"
    assert "X-Query-Count" not in middleware(RequestFactory().get("/"))


@pytest.mark.django_db
def test_a_crawler_revalidates_without_a_page_being_rendered(
    client, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """With FRAGMENTCACHE on, an anonymous page's ETag comes from the cache generation: If-None-Match is
    answered with 304 before the view runs (page cache on or off), and a write gives a new ETag."""
    settings.FRAGMENTCACHE = True
    settings.PAGINACACHE_GENERATIE_SECONDEN = 0
    paginacache_module._gelezen["nummer"] = None
    BesluitFactory(gepubliceerd=True, titel="Vaststellen speelruimteplan")
    eerste = client.get("/besluiten/")
    etag = eerste["ETag"]
    assert eerste.status_code == 200 and etag.startswith('W/"g')
    with django_assert_max_num_queries(1):  # the generation, nothing else
        niet_gewijzigd = client.get("/besluiten/", HTTP_IF_NONE_MATCH=etag)
    assert niet_gewijzigd.status_code == 304 and niet_gewijzigd["ETag"] == etag
    assert client.get("/besluiten/?page=2")["ETag"] != etag  # per address
    with django_capture_on_commit_callbacks(execute=True):
        BesluitFactory(gepubliceerd=True, titel="Vaststellen bomenverordening")
    daarna = client.get("/besluiten/", HTTP_IF_NONE_MATCH=etag)
    assert daarna.status_code == 200 and "bomenverordening" in daarna.content.decode()
