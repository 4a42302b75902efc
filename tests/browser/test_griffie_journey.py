"""The griffie's whole journey in Chromium, by the accessible labels of fields and buttons only.

Log in as griffie; create a raadsvoorstel with a PDF bijlage; schedule a raadsvergadering; put
the voorstel on its agenda; register the besluit; vaststellen; publish. Then, as an anonymous
visitor, open the published besluit and download its PDF.
"""

import re

import pytest
from playwright.sync_api import expect

from apps.besluiten.models import Besluit
from apps.core.models import Rol
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import login
from tests.factories import GremiumFactory, OnderwerpFactory, PersoonFactory, RolFactory, UserFactory
from tests.griffie.helpers import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "geheim-wachtwoord-123"


def test_griffie_journey_from_voorstel_to_published_besluit(page, live_server, browser, tmp_path):
    UserFactory(username="griffier-anna", groep="griffie")
    GremiumFactory(naam="Gemeenteraad Leusden")
    OnderwerpFactory(naam="Jeugdhulp")
    PersoonFactory(naam="P.J. Kiel")
    RolFactory(soort=Rol.Soort.GRIFFIER, persoon=PersoonFactory(naam="M. de Griffier"))
    RolFactory(soort=Rol.Soort.BURGEMEESTER, persoon=PersoonFactory(naam="G. Bouwmeester"))
    bijlage = tmp_path / "Regiovisie jeugdhulp.pdf"
    bijlage.write_bytes(pdf_bytes("Regiovisie Samen Werken aan de specialistische jeugdhulp"))

    login(page, live_server, "griffier-anna", WACHTWOORD)
    page.get_by_role("link", name="Griffie", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Griffie")

    # 1. The raadsvoorstel, with a beslispunt and a PDF bijlage; saved as concept, then offered.
    page.get_by_role("link", name="Nieuw raadsvoorstel").first.click()
    page.get_by_label("Neem het volgende vrije zaaknummer").check()
    page.get_by_label("Onderwerp", exact=True).fill("Regiovisie specialistische jeugdhulp")
    page.get_by_label("Jeugdhulp").check()
    page.get_by_label("Datum collegebesluit").fill("2021-06-29")
    page.get_by_label("Datum raadsvergadering").fill("2021-09-30")
    page.get_by_label("Portefeuillehouder").select_option(label="P.J. Kiel")
    page.get_by_label("Voorstel (niet verplicht)", exact=True).fill("De regiovisie vast te stellen.")
    page.get_by_role("group", name="Beslispunt 1").get_by_label("Tekst").fill(
        "de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen."
    )
    page.get_by_label("Nieuwe bijlage (niet verplicht)", exact=True).set_input_files(str(bijlage))
    page.get_by_label("Titel van de nieuwe bijlage").fill("Regiovisie")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    expect(page.get_by_role("link", name="Regiovisie", exact=True)).to_be_visible()
    zaaknummer = page.locator("dt:text('Zaaknummer') + dd").inner_text().strip()
    assert re.fullmatch(r"L\d{6}", zaaknummer)
    page.get_by_role("button", name="Aanbieden aan de raad").click()
    expect(page.get_by_role("status")).to_contain_text("aangeboden")

    # 2. The raadsvergadering.
    page.get_by_role("link", name="Griffie", exact=True).click()
    page.get_by_role("link", name="Nieuwe vergadering").click()
    page.get_by_label("Gremium").select_option(label="Gemeenteraad Leusden")
    page.get_by_label("Soort").select_option(label="raadsvergadering")
    page.get_by_label("Titel", exact=True).fill("Raadsvergadering")
    page.get_by_label("Datum", exact=True).fill("2021-09-30")
    page.get_by_label("Aanvang").fill("20:00")
    page.get_by_label("Einde").fill("23:00")
    page.get_by_label("Locatie").fill("Raadzaal, Hamersveldseweg 1")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsvergadering, 30 september 2021")

    # 3. The voorstel on its agenda; publish the agenda.
    page.get_by_role("link", name="Agendapunt toevoegen").click()
    page.get_by_label("Titel (niet verplicht)", exact=True).fill("Regiovisie specialistische jeugdhulp")
    page.get_by_label("hamerstuk").check()
    page.get_by_label("Raadsvoorstel (niet verplicht)", exact=True).select_option(
        label=f"{zaaknummer} — Regiovisie specialistische jeugdhulp (aangeboden)"
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=3)).to_have_text("1. Regiovisie specialistische jeugdhulp")
    page.get_by_role("button", name="Agenda publiceren").click()
    expect(page.get_by_role("status")).to_contain_text("De agenda is gepubliceerd")

    # 4. The besluit: dictum and signatories prefilled; uitkomst chosen.
    page.get_by_role("link", name=re.compile(r"^Besluit registreren\W+Regiovisie specialistische")).click()
    dictum = page.get_by_role("group", name="Dictumpunt 1").get_by_label("Tekst")
    expect(dictum).to_have_value("de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen.")
    expect(page.get_by_label("Griffier")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("aangenomen", exact=True).check()
    page.get_by_label("unaniem (zonder stemming)").check()
    page.get_by_role("button", name="Besluit registreren").click()
    expect(page.get_by_role("status")).to_contain_text("Het besluit is geregistreerd")
    page.get_by_role("button", name="Besluit vaststellen").click()
    expect(page.get_by_role("status")).to_contain_text("vastgesteld")
    page.get_by_role("link", name="Besluit publiceren").click()
    expect(page.get_by_role("status").first).to_contain_text("Publiceren kan niet ongedaan worden gemaakt")
    page.get_by_role("button", name="Definitief publiceren").click()
    expect(page.get_by_text("Vink aan dat u begrijpt").first).to_be_visible()  # one click is not enough
    page.get_by_label("Ik begrijp dat publiceren niet ongedaan kan worden gemaakt").check()
    page.get_by_role("button", name="Definitief publiceren").click()
    expect(page.get_by_role("status").first).to_contain_text("Het besluit is gepubliceerd")
    expect(page.get_by_role("link", name="Besluit bewerken")).to_have_count(0)
    besluit = Besluit.objects.get()
    assert besluit.status == "gepubliceerd" and besluit.pdf

    # 5. An anonymous visitor opens the published besluit and downloads its PDF.
    bezoeker = browser.new_context(locale="nl-NL")
    try:
        anoniem = bezoeker.new_page()
        anoniem.goto(f"{live_server.url}/besluiten/{zaaknummer}/")
        expect(anoniem.get_by_role("heading", level=1)).to_have_text("Regiovisie specialistische jeugdhulp")
        link = anoniem.get_by_role("link", name=re.compile("raadsbesluit \\(PDF\\)"))
        href = link.get_attribute("href")
        antwoord = anoniem.request.get(f"{live_server.url}{href}")
        assert antwoord.status == 200
        assert antwoord.headers["content-type"] == "application/pdf"
        assert antwoord.body().startswith(b"%PDF")
        # The bijlage of the voorstel can be downloaded too, with its original name.
        bijlage_url = f"{live_server.url}/bijlagen/{besluit.raadsvoorstel.bijlagen.get().uuid}/"
        bijlage_antwoord = anoniem.request.get(bijlage_url)
        assert bijlage_antwoord.status == 200
        assert "Regiovisie jeugdhulp.pdf" in bijlage_antwoord.headers["content-disposition"]
        assert_no_axe_violations(anoniem)
    finally:
        bezoeker.close()
