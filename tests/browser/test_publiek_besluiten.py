"""An anonymous visitor searches, opens a besluit and downloads the PDF raadsbesluit."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    return live_server


def test_search_jeugdhulp_open_besluit_download_pdf(page, demo):
    page.goto(demo.url + "/")
    zoekveld = page.get_by_role("searchbox", name="Zoekterm")
    zoekveld.fill("jeugdhulp")
    zoekveld.press("Enter")
    expect(page).to_have_url(f"{demo.url}/zoeken/?q=jeugdhulp")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    expect(page.get_by_role("status").first).to_contain_text("resultaten voor “jeugdhulp”")
    assert_no_axe_violations(page)

    page.locator(".zoekresultaat a[href='/besluiten/L275141/']").first.click()
    expect(page).to_have_url(f"{demo.url}/besluiten/L275141/")
    titel = "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'"
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)
    expect(page.get_by_role("main")).to_contain_text("vast te stellen")
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download het raadsbesluit (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "raadsbesluit-L275141.pdf"
    with open(download.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"


def test_besluiten_list_filters_without_javascript_and_passes_axe(browser, demo):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(demo.url + "/besluiten/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Besluiten")
        expect(page.get_by_text("1 besluit gevonden")).to_be_visible()
        page.get_by_label("Uitkomst").select_option("verworpen")
        page.get_by_role("button", name="Filteren").click()
        expect(page).to_have_url(
            f"{demo.url}/besluiten/?q=&onderwerp=&jaar=&van=&tot=&uitkomst=verworpen&gremium=&portefeuillehouder="
        )
        expect(page.get_by_text("0 besluiten gevonden")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize(
    "pad",
    [
        "/besluiten/",
        "/besluiten/?jaar=abc&van=2022-01-01&tot=2021-01-01",
        "/zoeken/",
        "/zoeken/?q=a",
        "/zoeken/?q=regiovisie&soort=besluit",
        "/zoeken/?q=geenresultaat",
    ],
)
def test_axe_on_each_page_type(page, demo, pad):
    page.goto(demo.url + pad)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_no_axe_violations(page)


def test_superseded_version_page_passes_axe(page, live_server):
    from tests.factories import BesluitFactory

    oud = BesluitFactory(titel="Besluit met een fout", gepubliceerd=True)
    BesluitFactory(
        raadsvoorstel=oud.raadsvoorstel,
        zaak=oud.zaak,
        vergadering=oud.vergadering,
        versie=2,
        vervangt=oud,
        titel="Besluit zonder fout",
        gepubliceerd=True,
        rectificatie_reden="Tikfout.",
    )
    page.goto(f"{live_server.url}/besluiten/{oud.zaak.zaaknummer}/versie/1/")
    expect(page.get_by_role("main")).to_contain_text("vervangen door een rectificatie")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="bekijk de geldende versie (versie 2)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluit zonder fout")
    assert_no_axe_violations(page)
