"""A clerk uploads a PDF raadsvoorstel, corrects one field in the review form, saves it and finds it in the list."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import login
from tests.factories import UserFactory
from tests.importeren.conftest import RAADSVOORSTEL, als_pdf, seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_imports_a_pdf_raadsvoorstel_corrects_and_saves(page, live_server, tmp_path):
    UserFactory(username="griffie-import", groep="griffie")
    pdf = tmp_path / "raadsvoorstel-L275141.pdf"
    pdf.write_bytes(als_pdf(seed(RAADSVOORSTEL)))
    login(page, live_server, "griffie-import", "geheim-wachtwoord-123")

    page.goto(f"{live_server.url}/griffie/")
    page.get_by_role("link", name="Importeren: documenten en exports inlezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importeren")
    page.get_by_label("Document", exact=True).set_input_files(str(pdf))
    page.get_by_role("button", name="Document inlezen").click()

    # The normal griffie form, the imported fields marked, the source text beside it.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Raadsvoorstel L275141 bewerken")
    expect(page.get_by_text("Ingelezen uit “raadsvoorstel-L275141.pdf”")).to_be_visible()
    expect(page.get_by_role("heading", name="Brontekst")).to_be_visible()
    expect(page.locator(".import-veld").first).to_be_visible()
    titel = page.get_by_label("Onderwerp", exact=True)
    expect(titel).to_have_value("Regiovisie 'Samen Werken aan de specialistische jeugdhulp'")
    assert_no_axe_violations(page)

    titel.fill("Regiovisie specialistische jeugdhulp 2021-2026")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_text("is opgeslagen")).to_be_visible()

    page.goto(f"{live_server.url}/griffie/raadsvoorstellen/")
    rij = page.get_by_role("row").filter(has_text="L275141")
    expect(rij).to_contain_text("Regiovisie specialistische jeugdhulp 2021-2026")
    expect(rij).to_contain_text("concept")
