"""axe-core on every griffie page, including forms that come back with errors: 0 violations."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import login
from tests.factories import UserFactory
from tests.griffie.conftest import maak_gegevens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_griffie_page_passes_axe(page, live_server):
    UserFactory(username="griffie-axe", groep="griffie")
    g = maak_gegevens(2)
    from tests.griffie.test_views import pagina_urls

    login(page, live_server, "griffie-axe", "geheim-wachtwoord-123")
    fouten = []
    for url in pagina_urls(g):
        page.goto(f"{live_server.url}{url}")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        try:
            assert_no_axe_violations(page)
        except AssertionError as exc:
            fouten.append(str(exc))
    assert not fouten, "\n".join(fouten)


def test_griffie_forms_with_errors_pass_axe(page, live_server):
    UserFactory(username="griffie-axe", groep="griffie")
    g = maak_gegevens(1)
    login(page, live_server, "griffie-axe", "geheim-wachtwoord-123")

    page.goto(f"{live_server.url}{reverse('griffie:raadsvoorstel-nieuw')}")
    page.get_by_label("Gebruik een bestaand zaaknummer").check()
    page.get_by_label("Bestaand zaaknummer (niet verplicht)").fill("X-12")
    page.get_by_label("Datum collegebesluit").fill("2021-10-01")
    page.get_by_label("Datum raadsvergadering").fill("2021-09-30")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("alert").first).to_contain_text("Het formulier is nog niet goed ingevuld")
    expect(page.locator("#id_zaaknummer_error")).to_contain_text("geen geldig zaaknummer")
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}{reverse('griffie:vergadering-nieuw')}")
    page.get_by_label("Aanvang").fill("20:00")
    page.get_by_label("Einde").fill("19:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_einde_error")).to_contain_text("na de aanvang")
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}{reverse('griffie:memo-nieuw')}")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_betreft_error")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}{reverse('griffie:besluit-bewerken', kwargs={'uuid': g['besluit'].uuid})}")
    page.get_by_label("met stemming (voor/tegen)").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_stemmen_voor_error")).to_be_visible()
    assert_no_axe_violations(page)
