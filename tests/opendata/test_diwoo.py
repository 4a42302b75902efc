"""The DiWoo sitemaps for the Woo-index: robots.txt -> sitemap index -> sitemaps of direct file links."""

from pathlib import Path

import pytest
from django.core.cache import cache
from lxml import etree

from tests.factories import (
    BesluitFactory,
    MemoBijlageFactory,
    MemoFactory,
    RaadsvoorstelBijlageFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
BASIS = "https://raad.example.nl"
INDEX = "/sitemapindex-diwoo-infocat008.xml"


@pytest.fixture(autouse=True)
def _instellingen(settings):
    settings.PORTAAL_BASIS_URL = BASIS
    cache.clear()
    yield
    cache.clear()


def geldig(response, xsd: str):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / xsd)))
    assert schema.validate(document), schema.error_log
    return document


def lokaal(url: str) -> str:
    assert url.startswith(BASIS + "/"), url
    return url.removeprefix(BASIS)


def alle_entries(client) -> list:
    index = geldig(client.get(INDEX), "siteindex.xsd")
    entries = []
    for loc in index.iter(f"{SM}loc"):
        sitemap = geldig(client.get(lokaal(loc.text)), "sitemap.xsd")
        urls = sitemap.findall(f"{SM}url")
        assert 0 < len(urls) <= 50_000
        entries.append(urls)
    return entries


def sitemaps_tekst(client) -> str:
    index = etree.fromstring(client.get(INDEX).content)
    return "".join(client.get(lokaal(loc.text)).content.decode() for loc in index.iter(f"{SM}loc"))


def diwoo(url, pad):
    element = url.find(f"{DIWOO}Document/{DIWOO}DiWoo/" + "/".join(f"{DIWOO}{p}" for p in pad.split("/")))
    assert element is not None, pad
    return element


def test_robots_txt_points_to_the_sitemap_index(client):
    inhoud = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemapindex-diwoo-infocat008.xml" in inhoud


def test_each_entry_links_directly_to_the_file_with_the_diwoo_metadata(client):
    besluit = BesluitFactory(gepubliceerd=True)
    memo = MemoFactory(betreft="Memo over de Lariks")
    bijlage = RaadsvoorstelBijlageFactory(raadsvoorstel=besluit.raadsvoorstel, titel="Kaart van het plangebied")
    MemoBijlageFactory(memo=memo)
    entries = [url for sitemap in alle_entries(client) for url in sitemap]
    assert len(entries) == 5  # besluit, raadsvoorstel, memo, two bijlagen
    titels = set()
    for url in entries:
        loc = url.find(f"{SM}loc").text
        assert url.find(f"{SM}lastmod").text
        bestand = client.get(lokaal(loc))
        assert bestand.status_code == 200, loc
        formaat = diwoo(url, "format").get("resource").rsplit("/", 1)[1]
        verwacht = {"PDF": "application/pdf", "ODT": "application/vnd.oasis.opendocument.text"}[formaat]
        assert bestand["Content-Type"] == verwacht
        assert diwoo(url, "publisher").get("resource") == "https://identifier.overheid.nl/tooi/id/gemeente/gm0327"
        categorie = diwoo(url, "classificatiecollectie/informatiecategorieen/informatiecategorie")
        assert categorie.get("resource") == "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"
        assert diwoo(url, "classificatiecollectie/documentsoorten/documentsoort").text
        assert len(diwoo(url, "creatiedatum").text) == 10
        assert diwoo(url, "documenthandelingen/documenthandeling/atTime").text
        titels.add(diwoo(url, "titelcollectie/officieleTitel").text)
    assert {"Memo over de Lariks", "Kaart van het plangebied"} <= titels
    assert any(besluit.zaak.zaaknummer in t and t.startswith("Raadsbesluit") for t in titels)
    assert bijlage.titel in titels


def test_sitemaps_are_split_at_the_configured_size(client, settings):
    settings.DIWOO_SITEMAP_MAX = 2
    for _ in range(5):
        MemoFactory()
    sitemaps = alle_entries(client)
    assert [len(s) for s in sitemaps] == [2, 2, 1]
    locs = [u.find(f"{SM}loc").text for s in sitemaps for u in s]
    assert len(set(locs)) == 5
    assert client.get("/sitemaps/diwoo-infocat008-4.xml").status_code == 404
    assert client.get("/sitemapindex-diwoo-infocat001.xml").status_code == 404


def test_only_public_published_documents_and_hidden_ones_leave_at_the_next_generation(client):
    openbaar = MemoFactory(betreft="Openbare memo")
    MemoFactory(betreft="Concept memo", concept=True)
    MemoFactory(betreft="Vertrouwelijke memo", vertrouwelijk=True)
    RaadsvoorstelFactory(titel="Concept voorstel", concept=True)
    RaadsvoorstelFactory(titel="Geheim voorstel", vertrouwelijk=True)
    BesluitFactory(titel="Concept besluit")
    BesluitFactory(titel="Geheim besluit", gepubliceerd=True, vertrouwelijk=True, raadsvoorstel__vertrouwelijk=True)
    VergaderingFactory(besloten=True)
    MemoBijlageFactory(memo=openbaar, vertrouwelijk=True, titel="Geheime bijlage")
    tekst = sitemaps_tekst(client)
    assert "Openbare memo" in tekst
    for verborgen in ("Concept", "Vertrouwelijke", "Geheim"):
        assert verborgen not in tekst, verborgen
    openbaar.vertrouwelijkheid = "vertrouwelijk"
    openbaar.save()
    cache.clear()  # the next generation
    assert "Openbare memo" not in sitemaps_tekst(client)
