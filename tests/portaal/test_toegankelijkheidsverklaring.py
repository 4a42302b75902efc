"""The toegankelijkheidsverklaring and the open data page say what is true."""

import re
from importlib import metadata
from pathlib import Path

import pytest
from django.urls import reverse

from apps.portaal.views import TOEGANKELIJKHEIDSTOETS


def test_statement_names_the_installed_test_tools():
    """The versions in the statement are those of the tools the browser tests really use."""
    import axe_playwright_python

    axe_js = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v(\S+)", axe_js).group(1) == TOEGANKELIJKHEIDSTOETS["axe_versie"]
    assert metadata.version("axe-playwright-python") == TOEGANKELIJKHEIDSTOETS["axe_playwright_versie"]
    assert metadata.version("playwright") == TOEGANKELIJKHEIDSTOETS["playwright_versie"]


@pytest.mark.django_db
def test_statement_says_what_how_result_limits_contact_and_date(client, settings):
    settings.GRIFFIE_EMAIL = "griffie@example.nl"
    html = client.get(reverse("portaal:toegankelijkheid")).content.decode()
    for tekst in (
        "WCAG 2.1",
        "axe-core 4.12.1",
        "axe-playwright-python",
        "Chromium",
        "toetsenbord",
        "320, 375 en 1280 pixels",
        "0 overtredingen",
        "Bekende beperkingen",
        'href="mailto:griffie@example.nl"',
        'datetime="2026-11-24"',
    ):
        assert tekst in html, tekst


@pytest.mark.django_db
def test_every_page_links_the_statement_and_open_data_from_the_footer(client):
    html = client.get(reverse("portaal:home")).content.decode()
    footer = html[html.index("<footer") :]
    assert f'href="{reverse("portaal:toegankelijkheid")}"' in footer
    assert f'href="{reverse("portaal:open-data")}"' in footer


@pytest.mark.django_db
def test_open_data_links_the_real_feeds(client, demo_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("portaal:open-data"))
    html = response.content.decode()
    hrefs = re.findall(r'href="([^"]+\.ics|[^"]*/feed/[^"]*)"', html)
    assert reverse("vergaderagenda:ical") in hrefs
    assert reverse("vergaderagenda:ical-gremium", kwargs={"gremium": "gemeenteraad"}) in hrefs
    assert reverse("besluiten:feed") in hrefs
    assert reverse("besluiten:feed-onderwerp", kwargs={"slug": "lariks"}) in hrefs
    for href in hrefs:
        antwoord = client.get(href)
        assert antwoord.status_code == 200, href
    assert "urn:uuid:" in html and "UUID" in html
