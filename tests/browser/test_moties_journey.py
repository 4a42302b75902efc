"""Issue 13 by keyboard alone (Tab, Shift+Tab, arrows, Space, Enter, typing; no mouse):

the griffie records the presence list, a motie vreemd aan de orde van de dag with two indieners, an
amendement that is adopted, the voorstel, and a hoofdelijke stemming in which one member votes against the
fractie, and publishes the besluitenlijst; then a citizen finds the motie by searching, sees the result per
fractie and downloads the besluitenlijst.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from apps.moties.models import Amendement, Motie, Stemming
from tests.browser.test_toetsenbord import druk_en_wacht, focus, inloggen_met_toetsenbord, tab_naar
from tests.factories import UserFactory
from tests.moties.conftest import raad_gegevens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_naar_id(page, element_id: str, *, max_stappen: int = 200) -> None:
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        gefocust = focus(page)
        if gefocust and gefocust["id"] == element_id:
            assert gefocust["outline"] or gefocust["schaduw"], f"focus op {gefocust} is niet zichtbaar"
            return
    pytest.fail(f"Met Tab niet bij #{element_id} gekomen")


def kies_fractie(page, fractie, keuze: str) -> None:
    """Tab into the fractie's radio group (voor, tegen, per lid) and choose with Space / arrow keys."""
    tab_naar_id(page, f"id_fractie_{fractie.pk}_0")
    if keuze == "voor":
        page.keyboard.press("Space")
    else:
        page.keyboard.press("ArrowRight")  # moves to "tegen" and selects it
    assert page.locator(f"#id_fractie_{fractie.pk}_{0 if keuze == 'voor' else 1}").is_checked()


def test_griffie_records_a_meeting_and_a_citizen_finds_the_result(page, live_server, browser):
    raad = raad_gegevens()
    vergadering, fracties, leden = raad["vergadering"], raad["fracties"], raad["leden"]
    afwezig, afwijker = leden[18], leden[0]  # Lokaal Voorbeeld absent; Groen Voorbeeld votes against the fractie
    UserFactory(username="griffier-moties", groep="griffie")
    inloggen_met_toetsenbord(page, live_server.url, "griffier-moties")
    page.goto(f"{live_server.url}/griffie/vergaderingen/{vergadering.uuid}/besluitvorming/")

    # 1. The presence list: everyone is ticked; untick the absent member.
    tab_naar(page, "Presentielijst vastleggen")
    druk_en_wacht(page)
    tab_naar_id(page, f"id_lid_{afwezig.persoon_id}")
    page.keyboard.press("Space")
    tab_naar(page, "Presentielijst opslaan")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("18 van 19 aanwezig")

    # 2. A motie vreemd aan de orde van de dag with two indieners, entered during the meeting.
    tab_naar(page, "Motie indienen")
    druk_en_wacht(page)
    tab_naar_id(page, "id_titel")
    page.keyboard.type("Zwemles voor ieder kind")
    tab_naar_id(page, "id_motietype_0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # gewone motie -> bij een voorstel -> vreemd aan de orde van de dag
    assert page.locator("#id_motietype_2").is_checked()
    tab_naar_id(page, "id_agendapunt")
    page.keyboard.type("9 Moties")
    tab_naar_id(page, "id_indieners_0")
    page.keyboard.press("Space")
    tab_naar_id(page, "id_indieners_7")
    page.keyboard.press("Space")
    tab_naar_id(page, "id_verzoek")
    page.keyboard.type("verzoekt het college elk kind in de gemeente een zwemdiploma te laten halen.")
    tab_naar(page, "Motie indienen")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen")
    motie = Motie.objects.get()
    assert motie.motietype == "vreemd" and motie.indieners.count() == 2

    # 3. An amendement on the voorstel, changing its second beslispunt.
    tab_naar(page, "Amendement indienen")
    druk_en_wacht(page)
    tab_naar_id(page, "id_titel")
    page.keyboard.type("Budget met plafond")
    tab_naar_id(page, "id_raadsvoorstel")
    page.keyboard.press("ArrowDown")
    tab_naar_id(page, "id_indieners_1")
    page.keyboard.press("Space")
    tab_naar_id(page, "id_beslispunten_1")
    page.keyboard.press("Space")
    tab_naar_id(page, "id_nieuwe_tekst")
    page.keyboard.type("een budget van ten hoogste 10.000 euro te ramen.")
    tab_naar(page, "Amendement indienen")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen")
    amendement = Amendement.objects.get()

    # 4. The stemming on the amendement (first, before the voorstel): regulier, per fractie.
    tab_naar(page, re.compile(rf"Stemming vastleggen\s*: {amendement.nummer}"))
    druk_en_wacht(page)
    for naam, keuze in [
        ("Groen Voorbeeld", "voor"),
        ("Liberaal Voorbeeld", "tegen"),
        ("Lokaal Voorbeeld", "tegen"),
        ("Sociaal Voorbeeld", "voor"),
    ]:
        kies_fractie(page, fracties[naam], keuze)
    tab_naar(page, "Opslaan en publiceren")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("gepubliceerd: aangenomen")

    # 5. The voorstel: everyone voor.
    tab_naar(page, "Stemming vastleggen", href=f"/griffie/vergaderingen/{vergadering.uuid}/stemmingen/nieuw/")
    druk_en_wacht(page)
    tab_naar_id(page, "id_stuk")
    page.keyboard.type("Raadsvoorstel")
    for naam in ["Groen Voorbeeld", "Liberaal Voorbeeld", "Lokaal Voorbeeld", "Sociaal Voorbeeld"]:
        kies_fractie(page, fracties[naam], "voor")
    tab_naar(page, "Opslaan en publiceren")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("gepubliceerd: aangenomen")

    # 6. A hoofdelijke stemming on the motie; one Groen member votes against the fractie.
    tab_naar(page, re.compile(rf"Stemming vastleggen\s*: {motie.nummer}"))
    druk_en_wacht(page)
    tab_naar_id(page, "id_soort_1")  # the checked radio of the group (regulier)
    page.keyboard.press("ArrowRight")
    assert page.locator("#id_soort_2").is_checked()
    kies_fractie(page, fracties["Groen Voorbeeld"], "tegen")
    tab_naar(page, "Afwijkende stem per lid (Groen Voorbeeld)")
    page.keyboard.press("Enter")  # opens the details
    tab_naar_id(page, f"id_lid_{afwijker.persoon_id}_0")
    page.keyboard.press("ArrowRight")  # als de fractie -> voor
    assert page.locator(f"#id_lid_{afwijker.persoon_id}_1").is_checked()
    for naam, keuze in [("Liberaal Voorbeeld", "tegen"), ("Lokaal Voorbeeld", "voor"), ("Sociaal Voorbeeld", "voor")]:
        kies_fractie(page, fracties[naam], keuze)
    tab_naar(page, "Opslaan en publiceren")
    druk_en_wacht(page)
    # Voor: Lokaal 2 + Sociaal 5 + the one Groen member = 8; tegen: Groen 5 + Liberaal 5 = 10.
    expect(page.get_by_role("status").first).to_contain_text("gepubliceerd: verworpen")
    stemming = Stemming.objects.get(motie=motie)
    assert (stemming.soort, stemming.stemmen.filter(keuze="voor").count()) == ("hoofdelijk", 8)

    # 7. The besluitenlijst: published, its PDF stored.
    tab_naar(page, "Besluitenlijst publiceren")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("besluitenlijst (versie 1) is gepubliceerd")

    # 8. A citizen searches for the motie, sees the result per fractie and downloads the besluitenlijst.
    burger = browser.new_context(accept_downloads=True, locale="nl-NL")
    pagina = burger.new_page()
    pagina.goto(live_server.url + "/")
    pagina.keyboard.press("Tab")
    assert focus(pagina)["tekst"] == "Naar de inhoud"
    tab_naar(pagina, "", max_stappen=1)
    assert tab_naar(pagina, "", max_stappen=1)["id"] == "portal-zoekterm"
    pagina.keyboard.type("zwemles")
    druk_en_wacht(pagina)
    tab_naar(pagina, f"Motie {motie.nummer}: Zwemles voor ieder kind")
    druk_en_wacht(pagina)
    expect(pagina).to_have_url(re.compile(rf"/moties/{motie.nummer}/$"))
    tabel = pagina.locator("table.stemming-tabel")
    expect(tabel).to_contain_text("Groen Voorbeeld")
    expect(tabel.locator("tr", has_text="Groen Voorbeeld")).to_contain_text("verdeeld")
    expect(tabel.locator("tr", has_text="Liberaal Voorbeeld")).to_contain_text("tegen")
    expect(pagina.locator("main")).to_contain_text("met 8 stemmen voor en 10 tegen")
    tab_naar(pagina, "Besluitenlijst van deze vergadering")
    druk_en_wacht(pagina)
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("Besluitenlijst")
    tab_naar(pagina, "Download de besluitenlijst (PDF)")
    with pagina.expect_download() as download_info:
        pagina.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.startswith("besluitenlijst-2021-09-30")
    with open(download.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"
    burger.close()
