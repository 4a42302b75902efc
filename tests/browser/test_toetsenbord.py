"""The three main journeys by keyboard alone: Tab, Shift+Tab, Enter, Space and typing; no mouse clicks.

1. The griffie publishes an existing concept besluit (vaststellen, then publiceren).
2. A raadslid opens the agenda of a date from the vergaderkalender.
3. A citizen searches, opens the besluit and downloads the PDF raadsbesluit.

Every element that receives focus on the way is checked for a visible focus indicator
(an outline of at least 2px or a box-shadow), and the skip link is used where a keyboard
user would use it.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import AgendapuntFactory, BesluitFactory, RaadsvoorstelFactory, UserFactory, VergaderingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "geheim-wachtwoord-123"

GEFOCUST = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(),
    id: e.id,
    href: e.getAttribute('href') || '',
    tekst: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim(),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    schaduw: !!s.boxShadow && s.boxShadow !== 'none',
  };
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))


def focus(page) -> dict | None:
    return page.evaluate(GEFOCUST)


def druk_en_wacht(page, toets: str = "Enter") -> None:
    """Press a key on the focused element and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(toets)


def tab_naar(page, tekst: str | re.Pattern, *, href: str = "", max_stappen: int = 120, terug: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element's text (and href) match; it must show its focus."""
    bezocht = []
    for _ in range(max_stappen):
        page.keyboard.press("Shift+Tab" if terug else "Tab")
        gefocust = focus(page)
        if gefocust is None:
            continue
        bezocht.append(gefocust["tekst"][:40])
        treffer = tekst.search(gefocust["tekst"]) if isinstance(tekst, re.Pattern) else tekst in gefocust["tekst"]
        treffer = treffer and gefocust["href"].endswith(href)
        if treffer:
            assert gefocust["outline"] or gefocust["schaduw"], f"focus op {gefocust} is niet zichtbaar"
            return gefocust
    pytest.fail(f"Met Tab niet bij {tekst!r} gekomen; gefocust waren: {bezocht}")


def inloggen_met_toetsenbord(page, base_url: str, gebruikersnaam: str) -> None:
    page.goto(f"{base_url}/inloggen/")
    page.keyboard.press("Tab")
    assert focus(page)["tekst"] == "Naar de inhoud"
    page.keyboard.press("Enter")  # skip link: straight to the form
    gefocust = tab_naar(page, "", max_stappen=1)
    assert gefocust["id"] == "id_username", gefocust
    page.keyboard.type(gebruikersnaam)
    page.keyboard.press("Tab")
    assert focus(page)["id"] == "id_password"
    page.keyboard.type(WACHTWOORD)
    druk_en_wacht(page)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_griffie_publishes_a_besluit_by_keyboard(page, live_server):
    from apps.besluiten.models import Besluit

    vergadering = VergaderingFactory(datum=datetime.date(2021, 11, 11), titel="Raadsvergadering")
    voorstel = RaadsvoorstelFactory(titel="Verordening speelruimte", status="geagendeerd")
    punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, titel="Verordening speelruimte")
    besluit = BesluitFactory(
        raadsvoorstel=voorstel,
        agendapunt=punt,
        vergadering=vergadering,
        titel="Vaststelling verordening speelruimte 2021",
        uitkomst="aangenomen",
    )
    UserFactory(username="griffier-toetsen", groep="griffie")

    inloggen_met_toetsenbord(page, live_server.url, "griffier-toetsen")
    tab_naar(page, re.compile(r"^Griffie$"))
    druk_en_wacht(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Griffie")

    # On the dashboard the concept besluit waits under "Besluiten, nog niet gepubliceerd".
    tab_naar(page, f"{besluit.zaak.zaaknummer} — Vaststelling verordening speelruimte 2021")
    druk_en_wacht(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vaststelling verordening speelruimte 2021")

    tab_naar(page, "Besluit vaststellen")
    druk_en_wacht(page, "Space")
    expect(page.get_by_role("status")).to_contain_text("vastgesteld")

    tab_naar(page, "Besluit publiceren")
    druk_en_wacht(page)
    # The confirmation step: it says publishing cannot be undone; tick the box, then publish.
    expect(page.get_by_role("status").first).to_contain_text("Publiceren kan niet ongedaan worden gemaakt")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            break
    page.keyboard.press("Space")
    expect(page.get_by_label("Ik begrijp dat publiceren niet ongedaan kan worden gemaakt")).to_be_checked()
    tab_naar(page, "Definitief publiceren")
    druk_en_wacht(page)
    expect(page.get_by_role("status").first).to_contain_text("Het besluit is gepubliceerd")
    besluit = Besluit.objects.get(pk=besluit.pk)
    assert besluit.status == "gepubliceerd"
    assert besluit.pdf


def test_raadslid_opens_an_agenda_by_date_from_the_calendar(page, live_server, demo):
    UserFactory(username="raadslid-toetsen", groep="raadslid")
    inloggen_met_toetsenbord(page, live_server.url, "raadslid-toetsen")

    tab_naar(page, re.compile(r"^Vergaderingen$"))
    druk_en_wacht(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Vergaderingen")

    # From the list of earlier meetings in the calendar page.
    tab_naar(page, "Raadsvergadering 30 september 2021")
    druk_en_wacht(page)
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-30/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsvergadering 30 september 2021")

    # Back to the month of that meeting, then open another date from the month grid.
    tab_naar(page, "Kalender van september 2021")
    druk_en_wacht(page)
    expect(page.locator("caption")).to_have_text("september 2021")
    tab_naar(page, "Informatieavond raad")
    druk_en_wacht(page)
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-16/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("16 september 2021")

    # Shift+Tab walks back: the previous meeting date is reachable from below as well.
    page.keyboard.press("End")
    tab_naar(page, "Vorige vergaderdatum", terug=True)
    druk_en_wacht(page)
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-09/$"))


def test_citizen_finds_and_downloads_a_besluit_by_keyboard(page, live_server, demo):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert focus(page)["tekst"] == "Naar de inhoud"
    assert tab_naar(page, "", max_stappen=1)["tekst"].startswith("Gemeente")  # the logo, home
    assert tab_naar(page, "", max_stappen=1)["id"] == "portal-zoekterm"
    page.keyboard.type("jeugdhulp")
    druk_en_wacht(page)
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=jeugdhulp$"))

    # Skip the header and the navigation, then go through the results.
    page.keyboard.press("Tab")
    assert focus(page)["tekst"] == "Naar de inhoud"
    page.keyboard.press("Enter")
    tab_naar(page, "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'", href="/besluiten/L275141/")
    druk_en_wacht(page)
    expect(page).to_have_url(re.compile(r"/besluiten/L275141/$"))

    tab_naar(page, "Download het raadsbesluit (PDF)")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "raadsbesluit-L275141.pdf"
    with open(download.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"
