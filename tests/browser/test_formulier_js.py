"""Progressive enhancement in the griffie forms, in Chromium under the portal's Content-Security-Policy."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import RaadsvoorstelFactory, UserFactory, VergaderingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_a_voorstel_fills_the_agenda_items_title(page, live_server):
    UserFactory(username="griffie-js", groep="griffie")
    vergadering = VergaderingFactory(concept=True)
    RaadsvoorstelFactory(titel="Herinrichting Hamersveldseweg", status="aangeboden", zaak__zaaknummer="L450001")
    RaadsvoorstelFactory(titel="Kadernota sport", status="aangeboden", zaak__zaaknummer="L450002")
    login(page, live_server, "griffie-js", "geheim-wachtwoord-123")
    page.goto(f"{live_server.url}{reverse('griffie:agendapunt-nieuw', kwargs={'vergadering_uuid': vergadering.uuid})}")
    titel = page.get_by_label("Titel (niet verplicht)", exact=True)
    voorstel = page.get_by_label("Raadsvoorstel (niet verplicht)")
    voorstel.select_option(label="L450001 — Herinrichting Hamersveldseweg (aangeboden)")
    expect(titel).to_have_value("Herinrichting Hamersveldseweg")
    voorstel.select_option(label="L450002 — Kadernota sport (aangeboden)")
    expect(titel).to_have_value("Kadernota sport")  # still the automatic title: follows the choice
    titel.fill("Eigen titel")
    voorstel.select_option(label="L450001 — Herinrichting Hamersveldseweg (aangeboden)")
    expect(titel).to_have_value("Eigen titel")  # typed by the clerk: never overwritten
