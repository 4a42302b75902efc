"""WCAG 2.1 AA in a real browser: every page type, as anonymous visitor, raadslid and griffie.

For each role one test loads the demo data once (plus a few records from the factories), then
visits every page type that role may see. Forms are scanned twice: empty, and after submitting
them empty/invalid in the browser so the error summary and field errors are on screen.

On each page:
- axe-core (bundled with axe-playwright-python, offline) finds 0 violations of any impact;
- exactly one <h1>;
- a meaningful <title>: "<what this page is> — Gemeenteraad Leusden", with the expected words;
- <html lang="nl">;
- the first Tab lands on the skip link "Naar de inhoud", which is visibly focused and leads to <main>.

All pages of a role are checked, the failures are collected and reported together, so one run
shows every defect at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command

from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import VIEWPORT, login
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    RaadsvoorstelFactory,
    UserFactory,
    VergaderingFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "geheim-wachtwoord-123"
SUFFIX = " — Gemeenteraad Leusden"
ALLE = ("publiek", "raadslid", "griffie")
INGELOGD = ("raadslid", "griffie")
GRIFFIE = ("griffie",)


@dataclass
class Pagina:
    naam: str
    pad: str  # may contain {placeholders} filled from the data fixture
    rollen: tuple = ALLE
    titel: str = ""  # words the <title> must contain
    status: int = 200
    actie: str = ""  # "leeg-versturen": empty the text fields and submit the form; "inlogfout"; "rectificatie"
    extra: dict = field(default_factory=dict)


PAGINAS = [
    Pagina("home", "/", titel="Raadsinformatie"),
    Pagina("vergaderingen-maand", "/vergaderingen/?maand=2021-09", titel="Vergaderingen"),
    Pagina("vergaderingen-lijst", "/vergaderingen/?weergave=lijst&jaar=2021", titel="Vergaderingen"),
    Pagina("vergaderingen-filter", "/vergaderingen/?maand=2021-09&soort=raadsvergadering", titel="Vergaderingen"),
    Pagina("vergaderingen-onzin", "/vergaderingen/?maand=2021-99&soort=xx&gremium=bestaat-niet", titel="Vergaderingen"),
    Pagina("agenda-2021-09-30", "/vergaderingen/2021-09-30/", titel="Raadsvergadering 30 september 2021"),
    Pagina("agenda-2018-02-05", "/vergaderingen/2018-02-05/", titel="5 februari 2018"),
    Pagina("agenda-geen-vergadering", "/vergaderingen/2021-09-20/", titel="20 september 2021", status=404),
    Pagina("zaak-L275141", "/zaken/L275141/", titel="L275141"),
    Pagina("onderwerp-lariks", "/onderwerpen/lariks/", titel="Lariks"),
    Pagina("onderwerpen", "/onderwerpen/", titel="Onderwerpen"),
    Pagina("besluiten", "/besluiten/", titel="Besluiten"),
    Pagina("besluiten-filter", "/besluiten/?uitkomst=aangenomen&jaar=2021", titel="Besluiten"),
    Pagina("besluiten-foute-filter", "/besluiten/?jaar=abc&van=2022-01-01&tot=2021-01-01", titel="Besluiten"),
    Pagina("besluit-L275141", "/besluiten/L275141/", titel="Regiovisie"),
    Pagina("zoeken-leeg", "/zoeken/", titel="Zoeken"),
    Pagina("zoeken-resultaten", "/zoeken/?q=jeugdhulp", titel="jeugdhulp"),
    Pagina("zoeken-niets", "/zoeken/?q=geenresultaatxyz", titel="geenresultaatxyz"),
    Pagina("toegankelijkheid", "/toegankelijkheid/", titel="Toegankelijkheid"),
    Pagina("open-data", "/open-data/", titel="Open data"),
    Pagina("niet-gevonden", "/bestaat-niet/", titel="niet gevonden", status=404),
    Pagina("inloggen", "/inloggen/", rollen=("publiek",), titel="Inloggen"),
    Pagina("inloggen-fout", "/inloggen/", rollen=("publiek",), titel="Inloggen", actie="inlogfout"),
    Pagina("geen-toegang", "/griffie/", rollen=("raadslid",), titel="Geen toegang", status=403),
    # Griffie
    Pagina("griffie-dashboard", "/griffie/", GRIFFIE, titel="Griffie"),
    Pagina("griffie-raadsvoorstellen", "/griffie/raadsvoorstellen/", GRIFFIE, titel="Raadsvoorstellen"),
    Pagina("griffie-memos", "/griffie/memos/", GRIFFIE, titel="Memo"),
    Pagina("griffie-vergaderingen", "/griffie/vergaderingen/", GRIFFIE, titel="Vergaderingen"),
    Pagina("griffie-besluiten", "/griffie/besluiten/", GRIFFIE, titel="Besluiten"),
    Pagina("griffie-archief", "/griffie/archief/", GRIFFIE, titel="Archiefexport"),
    Pagina("griffie-aanleveringen", "/griffie/aanleveringen/", GRIFFIE, titel="Aanleveringen"),
    Pagina("griffie-raadsvoorstel", "/griffie/raadsvoorstellen/{raadsvoorstel}/", GRIFFIE, titel="L275141"),
    Pagina("griffie-memo", "/griffie/memos/{memo}/", GRIFFIE, titel="Memo"),
    Pagina("griffie-vergadering", "/griffie/vergaderingen/{vergadering}/", GRIFFIE, titel="30 september 2021"),
    Pagina("griffie-besluit-concept", "/griffie/besluiten/{concept_besluit}/", GRIFFIE, titel="Besluit"),
    Pagina("griffie-besluit-geschiedenis", "/griffie/besluiten/{besluit}/", GRIFFIE, titel="L275141"),
    Pagina(
        "griffie-besluit-rectificatie-fout",
        "/griffie/besluiten/{besluit}/",
        GRIFFIE,
        titel="L275141",
        actie="rectificatie",
    ),
    Pagina("form-raadsvoorstel", "/griffie/raadsvoorstellen/nieuw/", GRIFFIE, titel="raadsvoorstel"),
    Pagina(
        "form-raadsvoorstel-fout",
        "/griffie/raadsvoorstellen/nieuw/",
        GRIFFIE,
        titel="raadsvoorstel",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-raadsvoorstel-bewerken-fout",
        "/griffie/raadsvoorstellen/{concept_voorstel}/bewerken/",
        GRIFFIE,
        titel="bewerken",
        actie="leeg-versturen",
    ),
    Pagina("form-memo", "/griffie/memos/nieuw/", GRIFFIE, titel="memo"),
    Pagina("form-memo-fout", "/griffie/memos/nieuw/", GRIFFIE, titel="memo", actie="leeg-versturen"),
    Pagina("form-vergadering", "/griffie/vergaderingen/nieuw/", GRIFFIE, titel="vergadering"),
    Pagina(
        "form-vergadering-fout", "/griffie/vergaderingen/nieuw/", GRIFFIE, titel="vergadering", actie="leeg-versturen"
    ),
    Pagina("form-agendapunt", "/griffie/vergaderingen/{vergadering}/agendapunten/nieuw/", GRIFFIE, titel="Agendapunt"),
    Pagina(
        "form-agendapunt-fout",
        "/griffie/vergaderingen/{vergadering}/agendapunten/nieuw/",
        GRIFFIE,
        titel="Agendapunt",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-besluit-registreren",
        "/griffie/agendapunten/{agendapunt_zonder_besluit}/besluit/",
        GRIFFIE,
        titel="Besluit registreren",
    ),
    Pagina(
        "form-besluit-registreren-fout",
        "/griffie/agendapunten/{agendapunt_zonder_besluit}/besluit/",
        GRIFFIE,
        titel="Besluit registreren",
        actie="leeg-versturen",
    ),
    # The griffie's registers (issue 17)
    Pagina("registers", "/registers/", titel="Registers"),
    Pagina("toezeggingen", "/toezeggingen/", titel="Toezeggingen"),
    Pagina("toezeggingen-filter", "/toezeggingen/?toestand=overschreden&jaar=abc", titel="Toezeggingen"),
    Pagina("toezegging", "/toezeggingen/{toezegging}/", titel="Toezegging"),
    Pagina("motiemonitor", "/motiemonitor/", titel="Motiemonitor"),
    Pagina("motiemonitor-motie", "/motiemonitor/{opgevolgde_motie}/", titel="Motiemonitor"),
    Pagina("ingekomen-stukken", "/ingekomen-stukken/", titel="Ingekomen stukken"),
    Pagina("ingekomen-stukken-fout", "/ingekomen-stukken/?van=2022-01-01&tot=2021-01-01", titel="Ingekomen"),
    Pagina("ingekomen-stuk", "/ingekomen-stukken/{ingekomen_stuk}/", titel="Ingekomen stuk"),
    Pagina("lis", "/ingekomen-stukken/lijst/{lis}/", titel="Lijst ingekomen stukken"),
    Pagina("schriftelijke-vragen", "/schriftelijke-vragen/", titel="Schriftelijke vragen"),
    Pagina("schriftelijke-vraag", "/schriftelijke-vragen/{vraag}/", titel="Schriftelijke vragen"),
    Pagina("lange-termijnagenda", "/lange-termijnagenda/", titel="Lange termijnagenda"),
    Pagina("lange-termijnagenda-item", "/lange-termijnagenda/{lta}/", titel="Lange termijnagenda"),
    Pagina("griffie-registers", "/griffie/registers/", GRIFFIE, titel="Registers"),
    Pagina("griffie-toezeggingen", "/griffie/registers/toezeggingen/", GRIFFIE, titel="Toezeggingen"),
    Pagina("griffie-motiemonitor", "/griffie/registers/motiemonitor/", GRIFFIE, titel="Motiemonitor"),
    Pagina("griffie-motie", "/griffie/registers/motiemonitor/{opgevolgde_motie}/", GRIFFIE, titel="Motiemonitor"),
    Pagina("griffie-toezegging", "/griffie/registers/toezeggingen/{toezegging_uuid}/", GRIFFIE, titel="Toezegging"),
    Pagina("griffie-ingekomen-stuk", "/griffie/registers/ingekomen-stukken/{stuk_uuid}/", GRIFFIE, titel="Ingekomen"),
    Pagina("form-toezegging", "/griffie/registers/toezeggingen/nieuw/", GRIFFIE, titel="toezegging"),
    Pagina(
        "form-toezegging-fout",
        "/griffie/registers/toezeggingen/nieuw/",
        GRIFFIE,
        titel="toezegging",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-ingekomen-stuk-fout",
        "/griffie/registers/ingekomen-stukken/nieuw/",
        GRIFFIE,
        titel="ingekomen stuk",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-schriftelijke-vraag-fout",
        "/griffie/registers/schriftelijke-vragen/nieuw/",
        GRIFFIE,
        titel="schriftelijke vraag",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-lange-termijnagenda-fout",
        "/griffie/registers/lange-termijnagenda/nieuw/",
        GRIFFIE,
        titel="lange termijnagenda",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-stand-van-zaken-fout",
        "/griffie/registers/motiemonitor/{opgevolgde_motie}/stand/",
        GRIFFIE,
        titel="Stand van zaken",
        actie="leeg-versturen",
    ),
    Pagina(
        "form-besluit-bewerken-fout",
        "/griffie/besluiten/{concept_besluit}/bewerken/",
        GRIFFIE,
        titel="bewerken",
        actie="leeg-versturen",
    ),
    # Importer (griffie) and the public "Mist u een stuk?" page
    Pagina("importeren", "/griffie/importeren/", GRIFFIE, titel="Importeren"),
    Pagina("importeren-runs", "/griffie/importeren/runs/", GRIFFIE, titel="Importruns"),
    Pagina("importeren-run", "/griffie/importeren/runs/{import_run}/", GRIFFIE, titel="Importrun"),
    Pagina("importeren-item", "/griffie/importeren/items/{import_item}/", GRIFFIE, titel="import"),
    Pagina("importeren-dekking", "/griffie/importeren/dekking/", GRIFFIE, titel="Dekking"),
    Pagina("importeren-beoordelen", "/griffie/raadsvoorstellen/{import_voorstel}/bewerken/", GRIFFIE, titel="bewerken"),
    Pagina("mist-u-een-stuk", "/mist-u-een-stuk/", titel="Mist u een stuk"),
    # Moties, amendementen, stemmingen, besluitenlijsten, persons and fracties
    Pagina("moties", "/moties/", titel="Moties"),
    Pagina("amendementen", "/amendementen/", titel="Amendementen"),
    Pagina("motie", "/moties/{motie}/", titel="Motie"),
    Pagina("amendement", "/amendementen/{amendement}/", titel="Amendement"),
    Pagina("besluitenlijst", "/besluitenlijsten/2020-07-09/gemeenteraad/", titel="Besluitenlijst"),
    Pagina("agenda-met-moties", "/vergaderingen/2020-07-09/", titel="9 juli 2020"),
    Pagina("fracties", "/fracties/", titel="Fracties"),
    Pagina("fractie", "/fracties/{fractie}/", titel="Fractie"),
    Pagina("persoon", "/personen/{persoon}/", titel="Voorbeeldlid"),
    Pagina("griffie-besluitvorming", "/griffie/vergaderingen/{juli}/besluitvorming/", GRIFFIE, titel="Besluitvorming"),
    Pagina(
        "griffie-presentielijst", "/griffie/vergaderingen/{november}/presentielijst/", GRIFFIE, titel="Presentielijst"
    ),
    Pagina(
        "form-stemming", "/griffie/vergaderingen/{november_met_presentie}/stemmingen/nieuw/", GRIFFIE, titel="Stemming"
    ),
    Pagina(
        "form-stemming-fout",
        "/griffie/vergaderingen/{november_met_presentie}/stemmingen/nieuw/",
        GRIFFIE,
        titel="Stemming",
        actie="leeg-versturen",
    ),
    Pagina("form-motie", "/griffie/vergaderingen/{november}/moties/nieuw/", GRIFFIE, titel="Motie indienen"),
    Pagina(
        "form-motie-fout",
        "/griffie/vergaderingen/{november}/moties/nieuw/",
        GRIFFIE,
        titel="Motie indienen",
        actie="leeg-versturen",
    ),
    Pagina("form-amendement", "/griffie/vergaderingen/{november}/amendementen/nieuw/", GRIFFIE, titel="Amendement"),
    Pagina(
        "form-amendement-fout",
        "/griffie/vergaderingen/{november}/amendementen/nieuw/",
        GRIFFIE,
        titel="Amendement",
        actie="leeg-versturen",
    ),
]


@pytest.fixture
def gegevens(transactional_db):
    """The demo data plus a concept besluit and an agenda item still waiting for its besluit."""
    from apps.besluiten.models import Besluit
    from apps.core.models import Gremium
    from apps.memos.models import Memo
    from apps.vergaderagenda.models import Vergadering

    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    raad = Gremium.objects.get(slug="gemeenteraad")
    vergadering = VergaderingFactory(gremium=raad, datum=datetime.date(2021, 11, 11), titel="Raadsvergadering")
    concept_punt = AgendapuntFactory(
        vergadering=vergadering,
        raadsvoorstel=RaadsvoorstelFactory(titel="Verordening speelruimte", status="geagendeerd"),
        titel="Verordening speelruimte",
    )
    concept = BesluitFactory(
        raadsvoorstel=concept_punt.raadsvoorstel,
        agendapunt=concept_punt,
        vergadering=vergadering,
        titel="Verordening speelruimte",
    )
    open_punt = AgendapuntFactory(
        vergadering=vergadering,
        raadsvoorstel=RaadsvoorstelFactory(titel="Kadernota 2022", status="aangeboden"),
        titel="Kadernota 2022",
    )
    concept_voorstel = RaadsvoorstelFactory(titel="Nota grondbeleid", concept=True)
    besluit = Besluit.objects.get(zaak__zaaknummer="L275141")
    # The demo's motie of July 2020, an amendement in November, and a meeting with a presence list.
    from apps.moties import services as motie_services
    from apps.moties.models import Motie
    from tests.factories import AmendementFactory

    motie = Motie.objects.select_related("vergadering").get()
    lid = motie.indieners.select_related("persoon", "fractie").first()
    leden = motie_services.leden_op_datum(vergadering=vergadering)
    amendement = AmendementFactory(
        vergadering=vergadering, raadsvoorstel=concept_punt.raadsvoorstel, agendapunt=concept_punt, indieners=leden[:2]
    )
    met_presentie = VergaderingFactory(gremium=raad, datum=datetime.date(2021, 12, 16), titel="Raadsvergadering")
    AgendapuntFactory(
        vergadering=met_presentie,
        raadsvoorstel=RaadsvoorstelFactory(titel="Begroting 2022", status="geagendeerd"),
        titel="Begroting 2022",
    )
    motie_services.aanwezigheid_vastleggen(vergadering=met_presentie, aanwezig=[r.persoon_id for r in leden[1:]])
    from apps.importeren.services import documenten_importeren
    from tests.importeren.conftest import RAADSVOORSTEL, seed

    run = documenten_importeren(
        bestanden=[("voorstel.txt", seed(RAADSVOORSTEL).replace("L275141", "L999001").encode())], bronnaam="axe"
    )
    import_item = run.items.get()
    from apps.registers.models import IngekomenStuk, LangetermijnItem, SchriftelijkeVraag, Toezegging
    from tests.factories import StandVanZakenFactory

    stand = StandVanZakenFactory(opvolging__motie__vergadering=vergadering, opvolging__motie__titel="Motie speelruimte")
    toezegging = Toezegging.objects.order_by("pk").first()
    stuk = IngekomenStuk.objects.filter(afzender_is_privepersoon=True).first()
    stuk.lijst = AgendapuntFactory(vergadering=vergadering, titel="Lijst ingekomen stukken", volgorde=99)
    stuk.save(update_fields=["lijst"])
    return {
        "motie": motie.nummer,
        "amendement": amendement.nummer,
        "fractie": lid.fractie.slug,
        "persoon": lid.persoon.slug,
        "juli": motie.vergadering.uuid,
        "november": vergadering.uuid,
        "november_met_presentie": met_presentie.uuid,
        "toezegging": toezegging.nummer,
        "toezegging_uuid": toezegging.uuid,
        "opgevolgde_motie": stand.opvolging.motie.nummer,
        "ingekomen_stuk": stuk.nummer,
        "stuk_uuid": stuk.uuid,
        "lis": stuk.lijst.uuid,
        "vraag": SchriftelijkeVraag.objects.order_by("pk").first().nummer,
        "lta": LangetermijnItem.objects.order_by("pk").first().uuid,
        "besluit": besluit.uuid,
        "raadsvoorstel": besluit.raadsvoorstel.uuid,
        "vergadering": Vergadering.objects.get(datum=datetime.date(2021, 9, 30), soort="raadsvergadering").uuid,
        "memo": Memo.objects.order_by("datum").first().uuid,
        "concept_besluit": concept.uuid,
        "concept_voorstel": concept_voorstel.uuid,
        "agendapunt_zonder_besluit": open_punt.uuid,
        "import_run": run.pk,
        "import_item": import_item.pk,
        "import_voorstel": import_item.herkomst.record.uuid,
    }


def _leeg_versturen(page) -> None:
    """Empty every text field of the main form and press its first submit button."""
    formulier = page.locator("main form.griffie-formulier")
    tekstvelden = "input[type=text], input[type=date], input[type=time], input[type=number], textarea"
    formulier.locator(tekstvelden).evaluate_all("els => els.forEach(e => { e.value = ''; })")
    formulier.locator("select").evaluate_all("els => els.forEach(e => { e.selectedIndex = 0; })")
    with page.expect_navigation():
        formulier.locator("button[type=submit]").first.click()


def _actie(page, pagina: Pagina) -> None:
    if pagina.actie == "leeg-versturen":
        _leeg_versturen(page)
    elif pagina.actie == "inlogfout":
        page.get_by_label("Gebruikersnaam", exact=True).fill("bestaat-niet")
        page.get_by_label("Wachtwoord", exact=True).fill("fout-wachtwoord")
        with page.expect_navigation():
            page.get_by_role("button", name="Inloggen", exact=True).click()
    elif pagina.actie == "rectificatie":
        with page.expect_navigation():
            page.get_by_role("button", name="Rectificatie maken").click()
    if pagina.actie:
        assert page.locator('[role="alert"]').count() >= 1, "geen foutmelding zichtbaar na versturen"
        ongeldig = page.locator('[aria-invalid="true"]')
        if pagina.actie != "inlogfout":
            assert ongeldig.count() >= 1, "geen veld met aria-invalid na versturen"
        for i in range(ongeldig.count()):
            veld = ongeldig.nth(i)
            beschreven = (veld.get_attribute("aria-describedby") or "").split()
            assert any(page.locator(f"#{ref}.portal-form-field__error, #{ref}").count() for ref in beschreven), (
                f"foutmelding niet aan veld {veld.get_attribute('name')} gekoppeld"
            )


FOCUS_ZICHTBAAR = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
}"""


def controleer_pagina(page, base_url: str, pagina: Pagina, ids: dict) -> list[str]:
    """Visit one page and return the list of problems found (empty when all is well)."""
    fouten = []
    url = base_url + pagina.pad.format(**ids)
    antwoord = page.goto(url)
    if antwoord.status != pagina.status:
        return [f"HTTP {antwoord.status} in plaats van {pagina.status}"]
    try:
        _actie(page, pagina)
    except Exception as exc:
        fouten.append(f"{pagina.actie}: {exc}")

    # Skip link: the first Tab stop, visibly focused, and it moves focus into <main>.
    page.locator("body").evaluate("b => { document.activeElement && document.activeElement.blur(); }")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    eerste = page.evaluate(
        "() => { const e = document.activeElement; return e ? [e.tagName, e.getAttribute('href'), e.innerText] : []; }"
    )
    if eerste[:2] != ["A", "#inhoud"] or eerste[2].strip() != "Naar de inhoud":
        fouten.append(f"eerste Tab-stop is niet de skiplink maar {eerste}")
    elif not page.evaluate(FOCUS_ZICHTBAAR):
        fouten.append("skiplink heeft geen zichtbare focus")

    h1 = page.locator("h1").count()
    if h1 != 1:
        fouten.append(f"{h1} h1-koppen in plaats van 1")
    if page.locator("html").get_attribute("lang") != "nl":
        fouten.append("html lang is niet nl")
    titel = page.title()
    onderwerp = titel.removesuffix(SUFFIX)
    if not titel.endswith(SUFFIX) or len(onderwerp.strip()) < 4:
        fouten.append(f"titel {titel!r} zegt niet waar je bent")
    elif pagina.titel.lower() not in onderwerp.lower():
        fouten.append(f"titel {titel!r} noemt {pagina.titel!r} niet")
    landmarks = page.evaluate(
        "() => [document.querySelectorAll('main').length, document.querySelectorAll('header').length > 0,"
        " document.querySelectorAll('footer').length > 0, document.querySelectorAll('nav').length > 0]"
    )
    if landmarks != [1, True, True, True]:
        fouten.append(f"landmarks main/header/footer/nav: {landmarks}")

    violations = axe_violations(page)
    if violations:
        fouten.append("axe-core:\n" + format_violations(violations))
    return fouten


@pytest.mark.parametrize("rol", ALLE)
def test_every_page_type_is_accessible(browser, live_server, gegevens, rol):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=VIEWPORT)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        if rol != "publiek":
            UserFactory(username=f"{rol}-a11y", groep=rol)
            login(page, live_server, f"{rol}-a11y", WACHTWOORD)
        paginas = [p for p in PAGINAS if rol in p.rollen]
        rapport = []
        for pagina in paginas:
            fouten = controleer_pagina(page, live_server.url, pagina, gegevens)
            if fouten:
                rapport.append(f"## {pagina.naam} ({pagina.pad})\n" + "\n".join(fouten))
        assert not rapport, f"{len(rapport)} van {len(paginas)} pagina's als {rol}:\n\n" + "\n\n".join(rapport)
    finally:
        context.close()


def test_statement_names_the_chromium_that_ran_these_tests(browser):
    from apps.portaal.views import TOEGANKELIJKHEIDSTOETS

    assert browser.version.split(".")[0] == TOEGANKELIJKHEIDSTOETS["chromium_versie"]


def test_no_information_by_colour_alone(page, live_server, gegevens):
    """Status badges and timeline steps say in words what their colour shows."""
    from django.utils import timezone

    voorstel = RaadsvoorstelFactory(titel="Speelruimteplan", status="geagendeerd")
    toekomst = VergaderingFactory(datum=timezone.localdate() + datetime.timedelta(days=30), titel="Raadsvergadering")
    AgendapuntFactory(vergadering=toekomst, raadsvoorstel=voorstel, titel="Speelruimteplan")

    page.goto(f"{live_server.url}/zaken/{voorstel.zaak.zaaknummer}/")
    gepland = page.locator(".tijdlijn__stap--gepland")
    assert gepland.count() >= 1, "geen geplande stap in de tijdlijn"
    for i in range(gepland.count()):
        assert "Gepland" in gepland.nth(i).inner_text()
    for pad in ("/besluiten/", "/vergaderingen/2021-09-30/", "/zaken/L275141/"):
        page.goto(live_server.url + pad)
        badges = page.locator(".status-badge")
        teksten = badges.all_inner_texts()
        assert teksten, f"{pad}: geen statuslabels"
        assert all(len(t.strip()) >= 4 for t in teksten), f"{pad}: statuslabel zonder woord: {teksten}"
