import datetime

import pytest
from django.core.cache import cache

from tests.factories import BesluitFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lege_cache():
    cache.clear()


def alle_sitemaps(client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    inhoud = index.content.decode()
    for sectie in ["paginas", "besluiten", "zaken", "agenda", "onderwerpen"]:
        assert f"sitemap-{sectie}.xml" in inhoud
        response = client.get(f"/sitemap-{sectie}.xml")
        assert response.status_code == 200
        inhoud += response.content.decode()
    return inhoud


def test_sitemap_lists_only_what_the_public_may_see(client, demo_data):
    BesluitFactory(titel="Concept", raadsvoorstel__zaak__zaaknummer="L900001")
    BesluitFactory(gepubliceerd=True, vertrouwelijk=True, raadsvoorstel__zaak__zaaknummer="L900002")
    VergaderingFactory(besloten=True, datum=datetime.date(2022, 3, 3))
    VergaderingFactory(concept=True, datum=datetime.date(2022, 4, 4))
    inhoud = alle_sitemaps(client)
    assert "/besluiten/L275141/" in inhoud
    assert "/zaken/L275141/" in inhoud
    assert "/vergaderingen/2021-09-30/" in inhoud
    assert "/onderwerpen/lariks/" in inhoud
    for verborgen in ["L900001", "L900002", "2022-03-03", "2022-04-04"]:
        assert verborgen not in inhoud


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_griffie(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    tekst = response.content.decode()
    assert "Disallow: /griffie/" in tekst
    assert "Sitemap: http://testserver/sitemap.xml" in tekst


@pytest.mark.parametrize("aantal", [1, 30])
def test_sitemap_sections_use_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    for i in range(aantal):
        BesluitFactory(gepubliceerd=True, raadsvoorstel__zaak__zaaknummer=f"L7{i:05d}")
    for sectie in ["besluiten", "zaken", "agenda", "onderwerpen"]:
        with django_assert_max_num_queries(4):
            assert client.get(f"/sitemap-{sectie}.xml").status_code == 200


def test_a_besluit_with_a_concept_rectificatie_stays_in_the_sitemap(client):
    oud = BesluitFactory(gepubliceerd=True, raadsvoorstel__zaak__zaaknummer="L600001")
    BesluitFactory(raadsvoorstel=oud.raadsvoorstel, zaak=oud.zaak, versie=2, vervangt=oud)
    assert "/besluiten/L600001/" in client.get("/sitemap-besluiten.xml").content.decode()


def test_sitemap_follows_the_page_cache_generation(client, settings, django_capture_on_commit_callbacks):
    """A meeting made besloten leaves the (cached) sitemap at once, not after a fixed hour."""
    from apps.vergaderagenda.models import Vergadering

    settings.PAGINACACHE_SECONDEN = 600
    cache.clear()
    vergadering = VergaderingFactory(datum=datetime.date(2031, 2, 3))
    assert "/vergaderingen/2031-02-03/" in client.get("/sitemap-agenda.xml").content.decode()
    assert client.get("/sitemap-agenda.xml").get("ETag")  # served from the page cache
    vergadering = Vergadering.objects.get(pk=vergadering.pk)
    vergadering.openbaar = False
    with django_capture_on_commit_callbacks(execute=True):
        vergadering.save()
    assert "/vergaderingen/2031-02-03/" not in client.get("/sitemap-agenda.xml").content.decode()
