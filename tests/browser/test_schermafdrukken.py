"""Screenshots of the main pages on a phone (375 px) and a desktop (1280 px), and the pages on paper.

The PNGs land in screenshots/ (git-ignored) for a reviewer to look at. Alongside, what can be
measured is asserted:
- at 320 px no page scrolls sideways (WCAG 1.4.10 Reflow): scrollWidth <= clientWidth;
- on a phone the tables of besluiten and agenda items become stacked cards, each cell labelled;
- printed (emulated print media, page.pdf), the agenda, besluit and timeline drop header, navigation,
  search and footer and keep their content. With pdftoppm installed the PDF pages are rendered to
  PNG too (screenshots/print-*.png).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.core.management import call_command

from tests.browser.conftest import login
from tests.browser.screenshots import SCREENSHOT_DIR, screenshot
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "geheim-wachtwoord-123"

PUBLIEK = [
    ("home", "/"),
    ("vergaderingen-maand", "/vergaderingen/?maand=2021-09"),
    ("vergaderingen-lijst", "/vergaderingen/?jaar=2021"),
    ("agenda-2021-09-30", "/vergaderingen/2021-09-30/"),
    ("agenda-2018-02-05", "/vergaderingen/2018-02-05/"),
    ("zaak-L275141", "/zaken/L275141/"),
    ("onderwerp-lariks", "/onderwerpen/lariks/"),
    ("besluiten", "/besluiten/"),
    ("besluit-L275141", "/besluiten/L275141/"),
    ("zoeken-jeugdhulp", "/zoeken/?q=jeugdhulp"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("open-data", "/open-data/"),
    ("inloggen", "/inloggen/"),
    ("niet-gevonden", "/vergaderingen/2021-09-20/"),
]

GRIFFIE = [
    ("griffie-dashboard", "/griffie/"),
    ("griffie-besluiten", "/griffie/besluiten/"),
    ("griffie-raadsvoorstel-nieuw", "/griffie/raadsvoorstellen/nieuw/"),
    ("griffie-vergaderingen", "/griffie/vergaderingen/"),
]

AFDRUKKEN = [
    ("agenda-2021-09-30", "/vergaderingen/2021-09-30/"),
    ("besluit-L275141", "/besluiten/L275141/"),
    ("zaak-L275141", "/zaken/L275141/"),
]

BREEDTES = (375, 1280)


@pytest.fixture
def demo(transactional_db):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))


def _zijwaarts_scrollen(page) -> dict | None:
    """None when the page fits its width; otherwise the widths and the widest offending elements."""
    return page.evaluate("""() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= doc.clientWidth) return null;
      const te_breed = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1)
        .slice(0, 8)
        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : ''));
      return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, elementen: te_breed};
    }""")


def _schermafdrukken(page, base_url: str, paginas: list[tuple[str, str]]) -> list[str]:
    fouten = []
    for naam, pad in paginas:
        page.set_viewport_size({"width": 320, "height": 800})
        page.goto(base_url + pad)
        te_breed = _zijwaarts_scrollen(page)
        if te_breed:
            fouten.append(f"{naam} scrolt zijwaarts op 320 px: {te_breed}")
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 900})
            screenshot(page, f"{naam}-{breedte}", full_page=True)
    return fouten


def test_screenshots_and_reflow_public_pages(page, live_server, demo):
    fouten = _schermafdrukken(page, live_server.url, PUBLIEK)
    assert not fouten, "\n".join(fouten)


def test_screenshots_and_reflow_griffie_pages(page, live_server, demo):
    UserFactory(username="griffie-foto", groep="griffie")
    login(page, live_server, "griffie-foto", WACHTWOORD)
    fouten = _schermafdrukken(page, live_server.url, GRIFFIE)
    # a form with its errors showing
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(live_server.url + "/griffie/memos/nieuw/")
    page.get_by_role("button", name="Opslaan").first.click()
    page.locator('[role="alert"]').first.wait_for()
    screenshot(page, "griffie-memo-fouten-375", full_page=True)
    assert not fouten, "\n".join(fouten)


def test_tables_become_labelled_cards_on_a_phone(page, live_server, demo):
    """On a phone every data table is a stack of cards; each cell but the card's title names its column."""
    UserFactory(username="griffie-tabel", groep="griffie")
    login(page, live_server, "griffie-tabel", WACHTWOORD)
    page.set_viewport_size({"width": 375, "height": 800})
    for pad in (
        "/griffie/besluiten/",
        "/griffie/raadsvoorstellen/",
        "/griffie/memos/",
        "/griffie/vergaderingen/",
        "/vergaderingen/?maand=2021-09",
    ):
        page.goto(live_server.url + pad)
        tabellen = page.locator("main table.utrecht-table")
        for i in range(tabellen.count()):
            tabel = tabellen.nth(i)
            assert "portal-table--responsive" in tabel.get_attribute("class"), f"{pad}: tabel {i} stapelt niet"
            rijen_zonder_labels = tabel.locator("tbody tr").evaluate_all(
                "trs => trs.filter(tr => [...tr.cells].filter(td => !td.dataset.label).length > 1).length"
            )
            assert rijen_zonder_labels == 0, f"{pad}: {rijen_zonder_labels} rijen met cellen zonder data-label"
            assert tabel.locator("tbody tr").first.evaluate("tr => getComputedStyle(tr).display") != "table-row", pad


def test_print_agenda_besluit_and_timeline(page, live_server, demo, tmp_path):
    """Printed pages keep the content and leave out the site chrome."""
    pdftoppm = shutil.which("pdftoppm")
    for naam, pad in AFDRUKKEN:
        page.goto(live_server.url + pad)
        page.emulate_media(media="print")
        verborgen = page.evaluate("""() => ['.portal-skip-link', '.portal-search', '.portal-nav', '.portal-footer',
                                            '.portal-breadcrumbs']
          .map(sel => [...document.querySelectorAll(sel)])
          .flat()
          .filter(e => getComputedStyle(e).display !== 'none')
          .map(e => e.className)""")
        assert verborgen == [], f"{naam}: op papier nog zichtbaar: {verborgen}"
        assert page.locator("h1").is_visible()
        main_tekst = page.locator("main").inner_text()
        assert len(main_tekst) > 200, f"{naam}: op papier bijna geen inhoud"
        pdf = tmp_path / f"{naam}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF")
        if pdftoppm:
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [pdftoppm, "-png", "-r", "60", str(pdf), str(SCREENSHOT_DIR / f"print-{naam}")], check=True, timeout=60
            )
        page.emulate_media(media="screen")
