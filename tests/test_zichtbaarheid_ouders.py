"""The permission walk for hidden parents: a public record never shows what it hangs on when that is hidden.

- A zaak opened by a vertrouwelijk record: its title (page, <title>, onderwerp page) comes only from records
  the visitor may see, or from a title the griffie set on the zaak itself.
- An openbaar besluit taken in a besloten meeting, or in a meeting whose agenda is not published: the besluit
  page shows neither that meeting's title nor a link to it to those who may not see the meeting.
"""

import datetime

import pytest
from django.core.cache import cache

from apps.core.models import Zaak
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    MemoFactory,
    OnderwerpFactory,
    RaadsvoorstelFactory,
    UserFactory,
    VergaderingFactory,
    ZaakFactory,
)

pytestmark = pytest.mark.django_db
ROLLEN = ["publiek", "raadslid", "griffie"]


def inloggen(client, rol):
    cache.clear()
    if rol != "publiek":
        client.force_login(UserFactory(username=f"{rol}-ouder", groep=rol))
    return client


@pytest.fixture
def zaak_met_geheime_opener():
    onderwerp = OnderwerpFactory(naam="Ouderproef", slug="ouderproef")
    zaak = ZaakFactory(zaaknummer="L930001", titel="Geheime titel steenuil")
    zaak.onderwerpen.add(onderwerp)
    MemoFactory(zaak=zaak, betreft="Geheime titel steenuil", vertrouwelijk=True)  # opened the zaak
    RaadsvoorstelFactory(zaak=zaak, titel="Openbaar voorstel boomvalk", status="aangeboden")
    return zaak


@pytest.mark.parametrize("rol", ROLLEN)
def test_zaak_title_comes_only_from_what_the_visitor_may_see(client, zaak_met_geheime_opener, rol):
    inloggen(client, rol)
    for url in ("/zaken/L930001/", "/onderwerpen/ouderproef/"):
        html = client.get(url).content.decode()
        assert "boomvalk" in html, url
        assert "steenuil" not in html or rol != "publiek", url
    titel = client.get("/zaken/L930001/").content.decode().split("<title>")[1].split("</title>")[0]
    assert "steenuil" not in titel and "boomvalk" in titel


def test_a_title_the_griffie_set_on_the_zaak_is_shown(client, zaak_met_geheime_opener):
    Zaak.objects.filter(pk=zaak_met_geheime_opener.pk).update(titel="Sportpark Noord", titel_door_griffie=True)
    html = client.get("/zaken/L930001/").content.decode()
    assert "Sportpark Noord" in html and "steenuil" not in html


def test_admin_title_change_becomes_the_griffie_title(client, griffie_user, zaak_met_geheime_opener):
    client.force_login(griffie_user)
    client.post(
        f"/beheer/core/zaak/{zaak_met_geheime_opener.pk}/change/",
        {"zaaknummer": "L930001", "titel": "Herinrichting sportpark"},
    )
    assert Zaak.objects.get(pk=zaak_met_geheime_opener.pk).titel_door_griffie


@pytest.fixture
def besluiten_in_verborgen_vergaderingen():
    besloten = VergaderingFactory(titel="Besloten sessie havik", datum=datetime.date(2024, 5, 2), besloten=True)
    concept = VergaderingFactory(titel="Concept-agenda sperwer", datum=datetime.date(2024, 5, 9), concept=True)
    for nummer, vergadering in (("L930002", besloten), ("L930003", concept)):
        zaak = ZaakFactory(zaaknummer=nummer, titel=f"Besluit {nummer}")
        voorstel = RaadsvoorstelFactory(zaak=zaak, titel=f"Voorstel {nummer}")
        punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=zaak)
        BesluitFactory(raadsvoorstel=voorstel, vergadering=vergadering, agendapunt=punt, gepubliceerd=True)
    return besloten, concept


@pytest.mark.parametrize("rol", ROLLEN)
def test_besluit_page_hides_meetings_the_visitor_may_not_see(client, besluiten_in_verborgen_vergaderingen, rol):
    inloggen(client, rol)
    besloten = client.get("/besluiten/L930002/").content.decode()
    concept = client.get("/besluiten/L930003/").content.decode()
    assert ("havik" in besloten) == (rol != "publiek")
    assert "/vergaderingen/2024-05-02/" not in besloten or rol != "publiek"
    assert ("sperwer" in concept) == (rol == "griffie")
    assert "/vergaderingen/2024-05-09/" not in concept or rol == "griffie"
