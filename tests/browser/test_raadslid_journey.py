"""A raadslid prepares a meeting: calendar -> agenda of 30 September 2021 -> the Lariks timeline.

Also: the calendar and the agenda work by keyboard alone, and axe-core finds nothing on any page type.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import login
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "geheim-wachtwoord-123"


@pytest.fixture
def demo(transactional_db):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture
def raadslid(demo):
    return UserFactory(username="raadslid-anne", groep="raadslid")


def _tab_naar(page, tekst: str, max_stappen: int = 200) -> None:
    """Press Tab until the focused element's text contains `tekst` (as a keyboard user would)."""
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        gefocust = page.evaluate(
            "() => { const e = document.activeElement; return e && e !== document.body ? e.innerText : ''; }"
        )
        if tekst in gefocust:
            return
    pytest.fail(f"Met Tab niet bij {tekst!r} gekomen")


def test_raadslid_follows_lariks_from_calendar_to_timeline(page, live_server, raadslid):
    login(page, live_server, "raadslid-anne", WACHTWOORD)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vergaderingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vergaderingen")

    page.get_by_role("link", name="Raadsvergadering 30 september 2021").click()
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-30/$"))
    expect(page).to_have_title(re.compile(r"^Raadsvergadering 30 september 2021"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsvergadering 30 september 2021")
    agenda = page.get_by_role("list", name="Agenda van raadsvergadering")
    punten = agenda.locator(":scope > li")
    expect(punten).to_have_count(3)
    expect(punten.nth(0)).to_contain_text("Afhandeling motie raad juli 2020")
    expect(punten.nth(1)).to_contain_text("Investeringsvoorstel Lariks")
    expect(punten.nth(2)).to_contain_text("Regiovisie 'Samen Werken aan de specialistische jeugdhulp'")
    for i in range(3):
        expect(punten.nth(i)).to_contain_text("Bespreekstuk")
    expect(punten.nth(2)).to_contain_text("Aangenomen")

    punten.nth(1).get_by_role("link", name="Lariks", exact=True).click()
    expect(page).to_have_url(re.compile(r"/onderwerpen/lariks/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lariks")
    tijdlijn = page.get_by_role("list", name="Besluitvormingsproces")
    datums = tijdlijn.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    vergaderingen = [d for d in datums if d in ("2021-09-09", "2021-09-16", "2021-09-30")]
    assert vergaderingen[:3] == ["2021-09-09", "2021-09-16", "2021-09-30"]
    expect(tijdlijn).to_contain_text("9 september 2021")
    expect(tijdlijn).to_contain_text("Uitwisseling")
    expect(tijdlijn).to_contain_text("Informatieavond")
    expect(tijdlijn).to_contain_text("Besluit van de raad")


def test_calendar_and_agenda_by_keyboard_alone(page, live_server, raadslid):
    login(page, live_server, "raadslid-anne", WACHTWOORD)

    # filter by soort with the keyboard: only the informatieavond remains in September
    page.goto(f"{live_server.url}/vergaderingen/?maand=2021-09")
    _tab_naar(page, "Alle soorten")  # the <select> of "Soort vergadering"
    expect(page.get_by_label("Soort vergadering")).to_be_focused()
    page.keyboard.press("i")  # type-ahead picks "Informatieavond"
    expect(page.get_by_label("Soort vergadering")).to_have_value("informatieavond")
    _tab_naar(page, "Filteren")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"soort=informatieavond"))
    expect(page.locator("caption")).to_have_text("september 2021")
    expect(page.locator(".kalender__item")).to_have_count(1)

    # month navigation: from October back to September 2021
    page.goto(f"{live_server.url}/vergaderingen/?maand=2021-10")
    _tab_naar(page, "Vorige maand")
    page.keyboard.press("Enter")
    expect(page.locator("caption")).to_have_text("september 2021")

    # open the agenda of 30 September from the month grid
    _tab_naar(page, "Raadsvergadering")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-30/$"))

    # on the agenda: previous meeting date, then into the zaak timeline
    _tab_naar(page, "Vorige vergaderdatum")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-16/$"))
    _tab_naar(page, "Volgende vergaderdatum")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vergaderingen/2021-09-30/$"))
    _tab_naar(page, "L275141: Regiovisie")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zaken/L275141/$"))
    # seven steps of the seed documents, and the demo's motie of July 2020 handled at this zaak's meeting
    expect(page.get_by_role("list", name="Besluitvormingsproces").locator(":scope > li")).to_have_count(8)


@pytest.mark.parametrize(
    "pad",
    [
        "/vergaderingen/",
        "/vergaderingen/?maand=2021-09&soort=raadsvergadering&gremium=bestaat-niet",
        "/vergaderingen/2021-09-30/",
        "/vergaderingen/2018-02-05/",
        "/vergaderingen/2021-09-20/",
        "/zaken/L275141/",
        "/onderwerpen/lariks/",
        "/onderwerpen/sociaal-domein/",
    ],
)
def test_axe_finds_nothing_on_any_page_type(page, live_server, raadslid, pad):
    login(page, live_server, "raadslid-anne", WACHTWOORD)
    page.goto(f"{live_server.url}{pad}")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("pad", ["/vergaderingen/?maand=2021-09", "/vergaderingen/2021-09-30/", "/zaken/L275141/"])
def test_axe_anonymous_and_on_a_phone(page, live_server, demo, pad):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}{pad}")
    assert_no_axe_violations(page)
