"""The besluitvormingsproces timelines at /zaken/<zaaknummer>/ and /onderwerpen/<slug>/."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AgendapuntFactory,
    AmendementFactory,
    BesluitFactory,
    FractieFactory,
    GremiumFactory,
    IngekomenStukFactory,
    LangetermijnItemFactory,
    MemoBehandelingFactory,
    MemoFactory,
    MotieFactory,
    OnderwerpFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    SchriftelijkeVraagFactory,
    StandVanZakenFactory,
    ToezeggingFactory,
    VergaderingFactory,
    ZaakFactory,
)

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _stappen(html: str) -> list[tuple[str, str]]:
    """(datetime attribute, label) of every step of the timeline, in page order."""
    tijdlijn = html[html.index('<ol class="tijdlijn"') :]
    tijdlijn = tijdlijn[: tijdlijn.index("</ol>\n")]
    return re.findall(
        r'<time datetime="([0-9-]+)">[^<]*</time> · <span class="tijdlijn__soort">([^<]*)</span>', tijdlijn
    )


def _gepland(html: str) -> list[str]:
    """The dates of the steps marked as planned (in words and by class)."""
    return re.findall(
        r'tijdlijn__stap--gepland">\s*<div class="tijdlijn__kaart">\s*<p class="tijdlijn__datum">'
        r'<span class="tijdlijn__label">Gepland</span> <time datetime="([0-9-]+)"',
        html,
    )


def test_urls_are_stable():
    assert reverse("portaal:zaak", kwargs={"zaaknummer": "L275141"}) == "/zaken/L275141/"
    assert reverse("portaal:onderwerp", kwargs={"slug": "lariks"}) == "/onderwerpen/lariks/"


def test_zaak_L275141_follows_the_schedule_of_the_memo(client, demo_data):
    response = client.get("/zaken/L275141/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert _stappen(html) == [
        # The motie of July 2020 (issue 13 demo), handled at the meeting of 30 September 2021 with this zaak.
        ("2020-07-09", "Motie aangenomen"),
        ("2021-06-25", "Memo"),
        ("2021-06-29", "Collegebesluit"),
        ("2021-09-09", "Uitwisseling"),
        ("2021-09-16", "Informatieavond"),
        ("2021-09-30", "Raadsvergadering"),
        ("2021-09-30", "Besluit van de raad"),
        ("2021-10-01", "Besluit gepubliceerd"),
    ]
    assert _gepland(html) == []
    # a real ordered list, linked to the agenda of each meeting and to the besluit
    assert 'href="/vergaderingen/2021-09-16/' in html
    assert f'href="{reverse("besluiten:detail", kwargs={"zaaknummer": "L275141"})}"' in html
    assert 'href="/onderwerpen/lariks/"' in html
    assert "P.J. Kiel" in html


def test_onderwerp_lariks_shows_9_16_and_30_september_in_order(client, demo_data):
    html = client.get("/onderwerpen/lariks/").content.decode()
    vergaderingen = [
        datum for datum, label in _stappen(html) if label in ("Uitwisseling", "Informatieavond", "Raadsvergadering")
    ]
    assert vergaderingen == ["2021-09-09", "2021-09-16", "2021-09-30"]
    assert ("2021-09-30", "Besluit van de raad") in _stappen(html)
    assert "Sociaal domein" in html  # the parent onderwerp
    assert 'href="/zaken/L275141/"' in html


def test_onderwerp_timeline_spans_its_sub_onderwerpen(client, demo_data):
    html = client.get("/onderwerpen/sociaal-domein/").content.decode()
    datums = [datum for datum, _ in _stappen(html)]
    assert datums[0] == "2018-02-05"
    assert {"2021-09-09", "2021-09-16", "2021-09-30", "2021-10-01"} <= set(datums)
    assert datums == sorted(datums)


def test_onderwerp_spans_all_its_zaken(client, db):
    onderwerp = OnderwerpFactory(naam="Wonen", slug="wonen")
    for nummer, datum in [("L100001", datetime.date(2022, 3, 1)), ("L100002", datetime.date(2022, 5, 1))]:
        zaak = ZaakFactory(zaaknummer=nummer)
        zaak.onderwerpen.add(onderwerp)
        voorstel = RaadsvoorstelFactory(zaak=zaak, college_besluitdatum=datum)
        AgendapuntFactory(
            vergadering=VergaderingFactory(datum=datum + datetime.timedelta(days=30)), raadsvoorstel=voorstel
        )
    html = client.get("/onderwerpen/wonen/").content.decode()
    assert _stappen(html) == [
        ("2022-03-01", "Collegebesluit"),
        ("2022-03-31", "Raadsvergadering"),
        ("2022-05-01", "Collegebesluit"),
        ("2022-05-31", "Raadsvergadering"),
    ]
    assert "L100001" in html and "L100002" in html


def test_planned_steps_are_marked_in_words(client, db):
    voorstel = RaadsvoorstelFactory(
        college_besluitdatum=VANDAAG - datetime.timedelta(days=20),
        datum_raadsvergadering=VANDAAG + datetime.timedelta(days=40),
    )
    gehouden = VergaderingFactory(
        soort="informatieavond", titel="Informatieavond", status="gehouden", datum=VANDAAG - datetime.timedelta(days=5)
    )
    AgendapuntFactory(vergadering=gehouden, raadsvoorstel=voorstel, zaak=voorstel.zaak)
    komend = VergaderingFactory(soort="commissie", titel="Commissie", datum=VANDAAG + datetime.timedelta(days=10))
    AgendapuntFactory(vergadering=komend, raadsvoorstel=voorstel, zaak=voorstel.zaak)
    html = client.get(f"/zaken/{voorstel.zaak.zaaknummer}/").content.decode()
    komend_datum = (VANDAAG + datetime.timedelta(days=10)).isoformat()
    raad_datum = (VANDAAG + datetime.timedelta(days=40)).isoformat()
    assert _gepland(html) == [komend_datum, raad_datum]
    assert [label for _, label in _stappen(html)] == [
        "Collegebesluit",
        "Informatieavond",
        "Commissievergadering",
        "Raadsvergadering",
    ]
    assert "tijdlijn__stap--huidig" in html  # the informatieavond is where the zaak is now


def test_a_past_meeting_that_was_not_held_yet_is_planned(client, db):
    voorstel = RaadsvoorstelFactory()
    niet_gehouden = VergaderingFactory(status="gepubliceerd", datum=VANDAAG - datetime.timedelta(days=1))
    AgendapuntFactory(vergadering=niet_gehouden, raadsvoorstel=voorstel)
    html = client.get(f"/zaken/{voorstel.zaak.zaaknummer}/").content.decode()
    assert _gepland(html) == [niet_gehouden.datum.isoformat()]


def test_memo_route_and_rectificatie_are_steps(client, db):
    zaak = ZaakFactory()
    memo = MemoFactory(zaak=zaak, betreft="Procesvoorstel regiovisie", datum=datetime.date(2021, 6, 14))
    MemoBehandelingFactory(memo=memo, datum=datetime.date(2021, 6, 23), gremium__naam="Stuurgroep transformatie")
    voorstel = RaadsvoorstelFactory(zaak=zaak)
    eerste = BesluitFactory(
        gepubliceerd=True,
        raadsvoorstel=voorstel,
        gepubliceerd_op=datetime.datetime(2021, 10, 1, 9, tzinfo=datetime.UTC),
    )
    BesluitFactory(
        gepubliceerd=True,
        raadsvoorstel=voorstel,
        versie=2,
        vervangt=eerste,
        vergadering=eerste.vergadering,
        rectificatie_reden="Verschrijving in het dictum.",
        gepubliceerd_op=datetime.datetime(2021, 10, 8, 9, tzinfo=datetime.UTC),
    )
    html = client.get(f"/zaken/{zaak.zaaknummer}/").content.decode()
    assert _stappen(html) == [
        ("2021-06-14", "Memo"),
        ("2021-06-23", "Behandeling"),
        ("2021-06-29", "Collegebesluit"),
        ("2021-09-30", "Besluit van de raad"),
        ("2021-10-01", "Besluit gepubliceerd"),
        ("2021-10-08", "Rectificatie gepubliceerd"),
    ]
    assert "Stuurgroep transformatie" in html
    assert "Verschrijving in het dictum." in html


def test_unknown_zaak_and_onderwerp_are_404(client, db):
    assert client.get("/zaken/L999999/").status_code == 404
    assert client.get("/zaken/" + "x" * 200 + "/").status_code == 404
    assert client.get("/onderwerpen/bestaat-niet/").status_code == 404


class TestZichtbaarheid:
    @pytest.fixture
    def zaak(self, db):
        voorstel = RaadsvoorstelFactory(zaak__zaaknummer="L200001")
        zaak = voorstel.zaak
        MemoFactory(zaak=zaak, betreft="Openbare memo", datum=datetime.date(2021, 5, 1))
        MemoFactory(zaak=zaak, betreft="Vertrouwelijke memo", vertrouwelijk=True, datum=datetime.date(2021, 5, 2))
        MemoFactory(zaak=zaak, betreft="Conceptmemo", concept=True, datum=datetime.date(2021, 5, 3))
        AgendapuntFactory(
            vergadering=VergaderingFactory(
                titel="Besloten overleg", besloten=True, soort="overleg", datum=datetime.date(2021, 7, 1)
            ),
            zaak=zaak,
        )
        AgendapuntFactory(
            vergadering=VergaderingFactory(titel="Conceptvergadering", concept=True, datum=datetime.date(2021, 8, 1)),
            zaak=zaak,
        )
        BesluitFactory(raadsvoorstel=voorstel, titel="Conceptbesluit")
        return zaak

    def _html(self, client):
        response = client.get("/zaken/L200001/")
        assert response.status_code == 200
        return response.content.decode()

    def test_anonymous(self, zaak):
        html = self._html(Client())
        assert "Openbare memo" in html
        for verborgen in [
            "Vertrouwelijke memo",
            "Conceptmemo",
            "Besloten overleg",
            "Conceptvergadering",
            "Besluit (concept)",
        ]:
            assert verborgen not in html

    def test_raadslid(self, raadslid_client, zaak):
        html = self._html(raadslid_client)
        assert "Vertrouwelijke memo" in html and "Besloten overleg" in html
        assert "Conceptmemo" not in html and "Conceptvergadering" not in html and "Besluit (concept)" not in html

    def test_griffie(self, griffie_client, zaak):
        html = self._html(griffie_client)
        for zichtbaar in ["Conceptmemo", "Conceptvergadering", "Besluit (concept)"]:
            assert zichtbaar in html

    def test_a_zaak_with_nothing_public_is_404_for_anonymous(self, raadslid_user, griffie_user):
        RaadsvoorstelFactory(zaak__zaaknummer="L200002", zaak__titel="Geheime grondaankoop", concept=True)
        assert Client().get("/zaken/L200002/").status_code == 404
        griffie = Client()
        griffie.force_login(griffie_user)
        assert "Geheime grondaankoop" in griffie.get("/zaken/L200002/").content.decode()

    def test_onderwerp_does_not_list_hidden_zaken(self, db):
        onderwerp = OnderwerpFactory(naam="Grond", slug="grond")
        geheim = RaadsvoorstelFactory(
            zaak__zaaknummer="L200003", zaak__titel="Geheime grondaankoop", vertrouwelijk=True
        )
        geheim.zaak.onderwerpen.add(onderwerp)
        html = Client().get("/onderwerpen/grond/").content.decode()
        assert "Geheime grondaankoop" not in html and "L200003" not in html


@pytest.mark.parametrize("aantal", [1, 12])
def test_timelines_use_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    onderwerp = OnderwerpFactory(naam="Groot", slug="groot")
    sub = OnderwerpFactory(naam="Deel", slug="deel", parent=onderwerp)
    zaak = ZaakFactory(zaaknummer="L300000")
    zaak.onderwerpen.add(sub)
    voorstel = RaadsvoorstelFactory(zaak=zaak)
    commissie = GremiumFactory(naam="Commissie Ruimte", soort="commissie")
    for i in range(aantal):
        memo = MemoFactory(zaak=zaak, datum=datetime.date(2021, 1, 1) + datetime.timedelta(days=i))
        MemoBehandelingFactory(memo=memo, datum=datetime.date(2021, 2, 1))
        vergadering = VergaderingFactory(datum=datetime.date(2021, 3, 1) + datetime.timedelta(days=i))
        punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel)
        punt.memos.add(memo)
        punt.onderwerpen.add(sub)
        # moties and amendementen, and every register of the griffie, by zaak and by onderwerp
        MotieFactory(vergadering=vergadering, agendapunt=punt, titel=f"Motie {i}")
        MotieFactory(vergadering=vergadering, raadsvoorstel=voorstel, titel=f"Motie bij voorstel {i}")
        AmendementFactory(vergadering=vergadering, agendapunt=punt, raadsvoorstel=voorstel, titel=f"Amendement {i}")
        StandVanZakenFactory(
            opvolging__motie__vergadering=vergadering, opvolging__motie__raadsvoorstel=voorstel, tekst=f"Stand {i}"
        )
        for soort in ("zaak", "onderwerp"):
            gekoppeld = {"zaak": zaak} if soort == "zaak" else {}
            stukken = [
                ToezeggingFactory(gepubliceerd=True, vergadering=vergadering, agendapunt=punt, **gekoppeld),
                IngekomenStukFactory(
                    gepubliceerd=True,
                    voorgestelde_afhandeling="agenderen",
                    voorgestelde_commissie=commissie,
                    onderwerp=f"Brief {soort} {i}",
                    **gekoppeld,
                ),
                SchriftelijkeVraagFactory(
                    gepubliceerd=True,
                    fractie=FractieFactory(),
                    status="beantwoord",
                    beantwoord_op=datetime.date(2030, 5, 20),
                    onderwerp=f"Vragen {soort} {i}",
                    **gekoppeld,
                ),
                LangetermijnItemFactory(
                    gepubliceerd=True,
                    portefeuillehouder=PersoonFactory(),
                    verwachte_vergadering=vergadering,
                    titel=f"Nota {soort} {i}",
                    **gekoppeld,
                ),
            ]
            if soort == "onderwerp":
                for stuk in stukken:
                    stuk.onderwerpen.add(sub)
    BesluitFactory(gepubliceerd=True, raadsvoorstel=voorstel)
    # The same bound at 1 and at 12 meetings: one query per kind of record, one UNION of the ids of the moties,
    # amendementen and register items, then one for the visible moties and amendementen and one per register
    # (the onderwerp page also reads the onderwerpen, once per generation, and counts its zaken for the page links).
    with django_assert_max_num_queries(15):
        zaakpagina = client.get("/zaken/L300000/").content.decode()
    with django_assert_max_num_queries(17):
        onderwerppagina = client.get("/onderwerpen/groot/").content.decode()
    for html in (zaakpagina, onderwerppagina):
        for tekst in ["Motie 0", "Motie bij voorstel 0", "Amendement 0", "Stand 0", "zegt toe", "Brief zaak 0"]:
            assert tekst in html
        for tekst in ["Vragen zaak 0", "Antwoord op schriftelijke vragen", "Nota zaak 0", "Commissie Ruimte"]:
            assert tekst in html
    for tekst in ["Brief onderwerp 0", "Vragen onderwerp 0", "Nota onderwerp 0"]:
        assert tekst not in zaakpagina and tekst in onderwerppagina
