"""Each seed document, as text and as generated PDF and DOCX, parses into its kind with every field it shows."""

import datetime

import pytest

from apps.importeren.parsers import document_lezen, herkennen
from apps.importeren.parsers.basis import datum_lezen, tijdvak_lezen

from .conftest import AGENDA, BESLUITENLIJST, MEMO_LEUSDEN, MEMO_OIJ, PROCESVOORSTEL, RAADSVOORSTEL, seed, tekst_via

D = datetime.date
T = datetime.time


def lees(formaat, naam=None, tekst=None):
    tekst = tekst if tekst is not None else seed(naam)
    return document_lezen(tekst_via(formaat, tekst))


def test_raadsvoorstel_with_its_raadsbesluit(formaat):
    r = lees(formaat, RAADSVOORSTEL)
    assert r.soort == "raadsvoorstel"
    v = r.velden
    assert v["zaaknummer"] == "L275141"
    assert v["datum_raadsvergadering"] == D(2021, 9, 30)
    assert v["college_besluitdatum"] == D(2021, 6, 29)
    assert v["portefeuillehouder"] == "P.J. Kiel"
    assert v["titel"] == "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'"
    assert v["voorstel"].startswith("Het college stelt u voor de regiovisie")
    assert v["aanleiding"].startswith("Deze regiovisie vormt het kader")
    assert v["doel_effect"].startswith("Realiseren en organiseren van specialistische jeugdhulp")
    assert v["toelichting"].startswith("In deze regiovisie leggen gemeenten")
    assert v["argumenten"].startswith("1. De regiovisie voldoet aan de richtlijnen")
    assert v["tegenargumenten"].startswith("Het wetsvoorstel 'verbetering beschikbaarheid")
    assert v["risicos"].startswith("De huidige ingekochte jeugdhulp via p*q")
    assert "Vaststelling van de regiovisie in alle gemeenteraden" in v["plan_van_aanpak"]
    assert v["communicatie"].startswith("De regionale adviesraden Sociaal Domein")
    assert "Het college van de gemeente Leusden" not in v["communicatie"]
    assert v["financiele_consequenties"] == ""
    assert r.lijsten["beslispunten"] == [
        "de regiovisie 'samen werken aan de specialistische jeugdhulp' vast te stellen."
    ]
    assert len(r.lijsten["bijlagen"]) == 3
    assert r.lijsten["bijlagen"][0] == "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'"
    assert v["directeur_secretaris"] == "H.W. de Graaf – Koelewijn"
    assert v["burgemeester"] == "G.J. Bouwmeester"
    besluit = r.onderdelen["raadsbesluit"]
    assert besluit.soort == "raadsbesluit"
    assert besluit.velden["gemeente"] == "Leusden"
    assert besluit.velden["college_besluitdatum"] == D(2021, 6, 29)
    assert besluit.velden["zaaknummer"] == "L275141"
    assert besluit.velden["datum_vergadering"] == D(2021, 9, 30)
    assert besluit.velden["openbaar"] is True
    assert besluit.velden["griffier"] == "I. Schutte - van der Schans"
    assert besluit.velden["voorzitter"] == "G.J. Bouwmeester"
    assert besluit.lijsten["dictum"] == [
        "de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen."
    ]


def test_raadsbesluit_on_its_own(formaat):
    tekst = seed(RAADSVOORSTEL)
    tekst = tekst[tekst.index("Gemeente Leusden") :]
    assert herkennen(tekst) == "raadsbesluit"
    r = lees(formaat, tekst=tekst)
    assert r.soort == "raadsbesluit"
    assert r.velden["zaaknummer"] == "L275141"
    assert r.velden["college_besluitdatum"] == D(2021, 6, 29)
    assert r.velden["datum_vergadering"] == D(2021, 9, 30)
    assert r.lijsten["dictum"] == ["de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen."]


def test_memo_header_block(formaat):
    r = lees(formaat, MEMO_LEUSDEN)
    assert r.soort == "memo"
    v = r.velden
    assert (v["soort"], v["aan"], v["cc"]) == ("memo", "Raad gemeente Leusden", "")
    assert v["van"] == "College van burgemeester en wethouders"
    assert v["datum"] == D(2021, 6, 25)
    assert v["betreft"] == "Besluitvormingsproces rondom Lariks"
    assert v["tekst"].startswith("Doel memo")
    assert "Raadsvergadering" in v["tekst"]


def test_memo_with_kenmerk_other_municipality(formaat):
    r = lees(formaat, MEMO_OIJ)
    v = r.velden
    assert r.soort == "memo"
    assert v["aan"] == "Gemeenteraad Oude IJsselstreek"
    assert v["van"] == "Wethouder Kuster"
    assert v["datum"] == D(2020, 3, 18)
    assert v["kenmerk"] == "71007"
    assert v["betreft"].startswith("Beantwoording nadere vragen commissie MO 12 maart 2020")
    assert v["tekst"].startswith("Beste leden van de gemeenteraad")


def test_procesvoorstel_status_block_and_route():
    r = document_lezen(seed(PROCESVOORSTEL))
    v = r.velden
    assert (r.soort, v["soort"]) == ("memo", "procesvoorstel")
    assert v["aan"] == "Alle wethouders in AB platform jeugd"
    assert v["van"] == "Programmteam regiovisie"
    assert v["datum"] == D(2021, 6, 14)  # year derived: written as "14 juni"
    assert (v["status"], v["versie"]) == ("concept", "14 juni")
    assert (v["in_opdracht_van"], v["opgesteld_door"]) == ("AB platform jeugd", "Ellen Wennink")
    route = [(s["gremium"], s["datum"]) for s in r.lijsten["route"]]
    assert route == [
        ("Programmteam", D(2021, 6, 14)),
        ("Stuurgroep transformatie", D(2021, 6, 23)),
        ("AOJ", D(2021, 6, 24)),
        ("AB platform jeugd", D(2021, 7, 2)),
    ]
    assert any("jaar" in o for o in r.opmerkingen)


def test_agenda_with_time_slots(formaat):
    r = lees(formaat, AGENDA)
    assert r.soort == "agenda"
    assert r.velden["titel"] == "Sociaal Domein"
    assert r.velden["datum"] == D(2018, 2, 5)
    assert (r.velden["aanvang"], r.velden["einde"]) == (T(20, 0), T(22, 30))
    punten = [(p["aanvang"], p["einde"], p["titel"]) for p in r.lijsten["agendapunten"]]
    assert punten == [
        (T(20, 0), T(20, 30), "Rapport Sociaal Domein"),
        (T(20, 30), T(21, 15), "Rapport Twynstra Gudde"),
        (T(21, 15), T(22, 0), "Rapport NJI"),
        (T(22, 0), T(22, 30), "Toelichting op regionale inkoopstrategie"),
    ]


AGENDA_ANDERS = """Agenda raadsvergadering

Datum: dinsdag 12 november 2024
Aanvang: 19.30 uur
Locatie: Raadzaal, Stadhuis

19.30 uur 1. Opening en mededelingen
19.35 uur 2. Vaststellen van de agenda
20.00-20.30 3. Begroting 2025
20.30 - 21.15 4. Sluiting
"""


def test_agenda_other_time_formats(formaat):
    r = lees(formaat, tekst=AGENDA_ANDERS)
    assert r.soort == "agenda"
    assert r.velden["datum"] == D(2024, 11, 12)
    assert r.velden["aanvang"] == T(19, 30)
    assert r.velden["locatie"] == "Raadzaal, Stadhuis"
    assert r.velden["soort"] == "raadsvergadering"
    assert [(p["volgnummer"], p["titel"], p["aanvang"]) for p in r.lijsten["agendapunten"]] == [
        ("1", "Opening en mededelingen", T(19, 30)),
        ("2", "Vaststellen van de agenda", T(19, 35)),
        ("3", "Begroting 2025", T(20, 0)),
        ("4", "Sluiting", T(20, 30)),
    ]
    assert r.lijsten["agendapunten"][2]["einde"] == T(20, 30)


def test_besluitenlijst(formaat):
    r = lees(formaat, tekst=BESLUITENLIJST)
    assert r.soort == "besluitenlijst"
    assert r.velden["datum"] == D(2024, 3, 7)
    assert (r.velden["voorzitter"], r.velden["griffier"]) == ("F. Naafs", "M. de Vries")
    punten = r.lijsten["agendapunten"]
    assert [p["titel"] for p in punten] == [
        "Opening",
        "Vaststellen agenda",
        "Omgevingsvisie 2040",
        "Verordening parkeren (hamerstuk)",
        "Motie vreemd aan de orde: bomenkap",
    ]
    assert punten[2]["zaaknummer"] == "2024-0123"
    assert (punten[2]["uitkomst"], punten[2]["stemmen_voor"], punten[2]["stemmen_tegen"]) == ("aangenomen", 17, 8)
    assert punten[3]["hamerstuk"] is True
    assert punten[4]["uitkomst"] == "verworpen"


RAADSVOORSTEL_ANDERS = """Raadsvoorstel

Registratienummer: 2023-045
Raadsvergadering: 14-12-2023
Portefeuillehouder: wethouder J. de Boer
Onderwerp: Vaststellen bestemmingsplan Centrum

Beslispunten
1. Het bestemmingsplan Centrum vast te stellen.
2. Geen exploitatieplan vast te stellen.

Inleiding
Het plan is zes weken ter inzage gelegd.

Kanttekeningen
Er zijn twee zienswijzen ingediend.

Financiële consequenties
Geen.

Burgemeester en wethouders van Ede,
de secretaris,	de burgemeester,
A. Jansen	B. de Vries
"""


def test_raadsvoorstel_of_another_municipality():
    r = document_lezen(RAADSVOORSTEL_ANDERS)
    assert r.soort == "raadsvoorstel"
    v = r.velden
    assert v["zaaknummer"] == "2023-045"
    assert v["datum_raadsvergadering"] == D(2023, 12, 14)
    assert v["portefeuillehouder"] == "J. de Boer"
    assert v["titel"] == "Vaststellen bestemmingsplan Centrum"
    assert r.lijsten["beslispunten"] == [
        "Het bestemmingsplan Centrum vast te stellen.",
        "Geen exploitatieplan vast te stellen.",
    ]
    assert v["aanleiding"] == "Het plan is zes weken ter inzage gelegd."
    assert v["tegenargumenten"] == "Er zijn twee zienswijzen ingediend."
    assert v["financiele_consequenties"] == "Geen."
    assert (v["directeur_secretaris"], v["burgemeester"]) == ("A. Jansen", "B. de Vries")


def test_raadsinformatiebrief_is_a_memo():
    r = document_lezen(
        "Raadsinformatiebrief\n\nAan: de gemeenteraad\nVan: het college\nDatum: 3 okt. 2022\nKenmerk: RIB-2022-17\n"
        "Onderwerp: Stand van zaken opvang\n\nGeachte raad,\n\nHierbij informeren wij u."
    )
    assert (r.soort, r.velden["soort"]) == ("memo", "raadsinformatiebrief")
    assert (r.velden["datum"], r.velden["kenmerk"]) == (D(2022, 10, 3), "RIB-2022-17")
    assert r.velden["betreft"] == "Stand van zaken opvang"


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("29 juni 2021", D(2021, 6, 29)),
        ("vrijdag 25 juni 2021", D(2021, 6, 25)),
        ("1 sept. 2021", D(2021, 9, 1)),
        ("25-06-2021", D(2021, 6, 25)),
        ("2021-06-25", D(2021, 6, 25)),
        ("31 februari 2021", None),
        ("geen datum", None),
    ],
)
def test_dutch_dates(tekst, verwacht):
    assert datum_lezen(tekst)[0] == verwacht


@pytest.mark.parametrize(
    ("regel", "verwacht"),
    [
        ("19.30 uur Opening", (T(19, 30), None, "Opening")),
        ("20.00-20.30 Begroting", (T(20, 0), T(20, 30), "Begroting")),
        ("20:00 – 20:30\tRapport", (T(20, 0), T(20, 30), "Rapport")),
        ("In 2021 is gestart", None),
    ],
)
def test_time_slots(regel, verwacht):
    assert tijdvak_lezen(regel) == verwacht


def test_unknown_document_is_not_guessed():
    assert herkennen("Boodschappenlijst\n\nmelk\nbrood\nkaas") is None


AGENDA_NUMMERS = """Gemeente Ede

Agenda
voor de openbare vergadering van de gemeenteraad van Ede

Datum: donderdag 14 maart 2024
Tijd: 20.00 uur
Plaats: raadzaal

1. Opening
2. Vaststelling agenda
3. Vragenhalfuur
4. Hamerstukken
  4a. Verordening afvalstoffen 2024
  4b. Jaarstukken GGD
5. Sluiting
"""


def test_agenda_page_with_numbered_items(formaat):
    r = lees(formaat, tekst=AGENDA_NUMMERS)
    assert r.soort == "agenda"
    assert r.velden["titel"] == "openbare vergadering van de gemeenteraad van Ede"
    assert (r.velden["datum"], r.velden["aanvang"], r.velden["locatie"]) == (D(2024, 3, 14), T(20, 0), "raadzaal")
    assert (r.velden["soort"], r.velden["openbaar"]) == ("raadsvergadering", True)
    assert [(p["volgnummer"], p["titel"]) for p in r.lijsten["agendapunten"]] == [
        ("1", "Opening"),
        ("2", "Vaststelling agenda"),
        ("3", "Vragenhalfuur"),
        ("4", "Hamerstukken"),
        ("4a", "Verordening afvalstoffen 2024"),
        ("4b", "Jaarstukken GGD"),
        ("5", "Sluiting"),
    ]


def test_agenda_mixing_time_slots_and_numbered_items():
    r = document_lezen(
        "Agenda commissie Ruimte\n\nDatum: 4 juni 2024\n\n19.30 uur 1. Opening\n2. Mededelingen\n"
        "19.45 - 20.30 3. Woonvisie\n4. Rondvraag\n\nToelichting bij de agenda\nHier staat uitleg.\n"
        "Nog meer uitleg.\nEn nog meer.\n1. Dit is geen agendapunt"
    )
    assert (r.velden["soort"], r.velden["gremium"]) == ("commissie", "Commissie Ruimte")
    punten = [(p["volgnummer"], p["titel"], p["aanvang"]) for p in r.lijsten["agendapunten"]]
    assert punten == [
        ("1", "Opening", T(19, 30)),
        ("2", "Mededelingen", None),
        ("3", "Woonvisie", T(19, 45)),
        ("4", "Rondvraag", None),
    ]


def test_besluitenlijst_table_rows_and_vote_phrasings():
    r = document_lezen(
        "Besluitenlijst raadsvergadering 23 april 2024\n\n"
        "Agendapunt 5: Bestemmingsplan Kernhem\nBesluit: aangenomen met 20 tegen 15 stemmen.\n"
        "6\tGrondexploitatie\tConform voorstel besloten. Voor: 30, tegen: 5\n"
        "7\tMotie Speeltuinen\tIngetrokken\n"
    )
    punten = r.lijsten["agendapunten"]
    assert r.velden["datum"] == D(2024, 4, 23)
    assert [(p["volgnummer"], p["titel"], p["uitkomst"]) for p in punten] == [
        ("5", "Bestemmingsplan Kernhem", "aangenomen"),
        ("6", "Grondexploitatie", "aangenomen"),
        ("7", "Motie Speeltuinen", "ingetrokken"),
    ]
    assert (punten[0]["stemmen_voor"], punten[0]["stemmen_tegen"]) == (20, 15)
    assert (punten[1]["stemmen_voor"], punten[1]["stemmen_tegen"]) == (30, 5)


def test_raadsvoorstel_heading_with_number_and_proposal_phrase():
    r = document_lezen(
        "Raadsvoorstel 2024-017\n\nOnderwerp: Krediet sporthal\nDatum raad: 25 juni 2024\nDatum college: 4 juni 2024\n"
        "Portefeuillehouder: A. de Wit\n\nGevraagde beslissing\nDe raad wordt voorgesteld een krediet van "
        "€ 2 miljoen beschikbaar te stellen.\n\nSamenvatting\nDe sporthal is verouderd.\n"
    )
    assert r.soort == "raadsvoorstel"
    assert (r.velden["titel"], r.velden["portefeuillehouder"]) == ("Krediet sporthal", "A. de Wit")
    assert (r.velden["datum_raadsvergadering"], r.velden["college_besluitdatum"]) == (D(2024, 6, 25), D(2024, 6, 4))
    assert r.lijsten["beslispunten"] == ["een krediet van € 2 miljoen beschikbaar te stellen."]
    assert r.velden["toelichting"] == "De sporthal is verouderd."


RAADSBESLUIT_ANDERS = """De raad van de gemeente Ede;

gelezen het voorstel van burgemeester en wethouders van 12 maart 2024, nummer 2024-017;

besluit:

I. een krediet van € 2 miljoen beschikbaar te stellen voor de renovatie
van sporthal De Vallei;
II. de begroting 2024 dienovereenkomstig te wijzigen.

Aldus vastgesteld in de openbare vergadering van 23 april 2024.

De griffier, De voorzitter,
A. Jansen\tR. van Schelven
"""


@pytest.mark.parametrize("formaat", ["txt", "pdf"])
def test_raadsbesluit_of_another_municipality(formaat):
    tekst = "Raadsbesluit\n\n" + RAADSBESLUIT_ANDERS
    r = lees(formaat, tekst=tekst)
    assert r.soort == "raadsbesluit"
    assert (r.velden["gemeente"], r.velden["zaaknummer"]) == ("Ede", "2024-017")
    assert (r.velden["college_besluitdatum"], r.velden["datum_vergadering"]) == (D(2024, 3, 12), D(2024, 4, 23))
    assert r.lijsten["dictum"] == [
        "een krediet van € 2 miljoen beschikbaar te stellen voor de renovatie van sporthal De Vallei;",
        "de begroting 2024 dienovereenkomstig te wijzigen.",
    ]
    assert (r.velden["griffier"], r.velden["voorzitter"]) == ("A. Jansen", "R. van Schelven")


def test_besluitenlijst_hamerstukken_group():
    r = document_lezen(
        "Besluitenlijst raadsvergadering 23 april 2024\n\nHamerstukken\n4a. Verordening afval\nBesluit: aangenomen.\n"
        "4b. Jaarstukken GGD\nBesluit: aangenomen.\n\nBespreekstukken\n5. Woonvisie\nBesluit: aangenomen.\n"
    )
    assert [(p["volgnummer"], p["hamerstuk"]) for p in r.lijsten["agendapunten"]] == [
        ("4a", True),
        ("4b", True),
        ("5", False),
    ]


def test_docx_with_a_header_table():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Raadsvoorstel")
    tabel = document.add_table(rows=0, cols=2)
    for label, waarde in [
        ("Zaaknummer", "L123456"),
        ("Datum raadsvergadering", "8 juli 2025"),
        ("Portefeuillehouder", "M. Bakker"),
        ("Onderwerp", "Nota lokaal sportbeleid"),
    ]:
        cellen = tabel.add_row().cells
        cellen[0].text, cellen[1].text = label, waarde
    for regel in ["Voorstel", "De nota lokaal sportbeleid vast te stellen.", "Aanleiding", "De oude nota loopt af."]:
        document.add_paragraph(regel)
    uit = io.BytesIO()
    document.save(uit)
    from apps.importeren.parsers.tekst import tekst_uit_bestand

    r = document_lezen(tekst_uit_bestand(uit.getvalue(), "v.docx").tekst)
    assert r.soort == "raadsvoorstel"
    assert (r.velden["zaaknummer"], r.velden["datum_raadsvergadering"]) == ("L123456", D(2025, 7, 8))
    assert (r.velden["portefeuillehouder"], r.velden["titel"]) == ("M. Bakker", "Nota lokaal sportbeleid")
    assert r.lijsten["beslispunten"] == ["De nota lokaal sportbeleid vast te stellen."]
    assert r.velden["aanleiding"] == "De oude nota loopt af."
