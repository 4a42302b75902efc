"""axe-core on every griffie page, including forms that come back with errors: 0 violations."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import login
from tests.factories import BesluitFactory, UserFactory
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


def test_admin_change_forms_and_publish_confirmation_pass_axe(page, live_server):
    """The admin pages a griffie uses (change forms of besluit, zaak, vergadering; their history) and the
    confirmation step of publishing: 0 violations, and no CSP violation in the console."""
    from apps.besluiten.models import Besluit

    UserFactory(username="griffie-axe", groep="griffie")
    g = maak_gegevens(1)
    besluit = g["besluit"]
    if besluit.status == "concept":
        Besluit.objects.filter(pk=besluit.pk).update(status="vastgesteld", uitkomst="aangenomen")
    gepubliceerd = BesluitFactory(gepubliceerd=True, raadsvoorstel__status="besloten")
    csp = []
    # Violations by the page itself (its markup or its scripts); axe-core's own injected style has no source file.
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => { if (e.sourceFile) console.log('CSP-overtreding '"
        " + e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber); });"
    )
    page.on("console", lambda m: csp.append(m.text) if m.text.startswith("CSP-overtreding") else None)
    login(page, live_server, "griffie-axe", "geheim-wachtwoord-123")
    urls = [
        reverse("griffie:besluit-publiceren", kwargs={"uuid": besluit.uuid}),
        reverse("admin:besluiten_besluit_change", args=[besluit.pk]),
        reverse("admin:besluiten_besluit_history", args=[besluit.pk]),
        reverse("admin:core_zaak_change", args=[besluit.zaak_id]),
        reverse("admin:vergaderagenda_vergadering_change", args=[g["vergadering"].pk]),
        reverse("admin:vergaderagenda_vergadering_history", args=[g["vergadering"].pk]),
        # read-only forms of what a published besluit states or rests on, with their notice
        reverse("admin:besluiten_besluit_change", args=[gepubliceerd.pk]),
        reverse("admin:core_zaak_change", args=[gepubliceerd.zaak_id]),
        reverse("admin:vergaderagenda_vergadering_change", args=[gepubliceerd.vergadering_id]),
        reverse("admin:raadsvoorstellen_raadsvoorstel_change", args=[gepubliceerd.raadsvoorstel_id]),
    ]
    fouten = []
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        try:
            assert_no_axe_violations(page)
        except AssertionError as exc:
            fouten.append(str(exc))
    assert not fouten, "\n".join(fouten)
    assert not csp, csp
