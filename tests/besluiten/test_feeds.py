import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from .conftest import publiceer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href")) for e in root.findall(f"{ATOM}entry")]


def test_feed_parses_and_lists_only_public_besluiten(raadslid_client):
    publiceer("Openbaar", zaaknummer="L800001")
    publiceer("Vertrouwelijk", zaaknummer="L800002", vertrouwelijk=True)
    publiceer("Concept", zaaknummer="L800003", gepubliceerd=False)
    for client in (Client(), raadslid_client):  # a feed is public, whoever asks
        lijst = entries(client.get("/besluiten/feed/"))
        assert [t for t, _ in lijst] == ["L800001: Openbaar"]
        assert lijst[0][1].endswith("/besluiten/L800001/")


def test_feed_per_onderwerp(client, onderwerpen):
    jeugd, wonen = onderwerpen
    publiceer("Jeugd", zaaknummer="L800004", onderwerpen=[jeugd])
    publiceer("Wonen", zaaknummer="L800005", onderwerpen=[wonen])
    assert [t for t, _ in entries(client.get("/besluiten/feed/onderwerp/jeugdzorg/"))] == ["L800004: Jeugd"]
    assert client.get("/besluiten/feed/onderwerp/bestaat-niet/").status_code == 404


def test_feed_constant_queries(client, django_assert_max_num_queries):
    publiceer("Een")
    with django_assert_max_num_queries(4) as klein:
        client.get("/besluiten/feed/")
    for i in range(10):
        publiceer(f"Besluit {i}")
    with django_assert_max_num_queries(len(klein.captured_queries)):
        assert len(entries(client.get("/besluiten/feed/"))) == 11


def test_clerk_markup_reaches_feed_readers_as_text_not_html(client):
    from .conftest import publiceer

    publiceer(
        "Titel <b>vet</b>\x07",
        zaaknummer="L700901",
        dictum=['<script>alert(1)</script><a href="https://example.org">klik</a>\x0b'],
    )
    xml = client.get("/besluiten/feed/").content.decode()
    assert 'type="html"' not in xml
    assert '<summary type="text">' in xml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml and "<script>" not in xml
    assert "\x07" not in xml and "\x0b" not in xml
