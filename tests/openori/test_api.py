import datetime
import uuid

import pytest

from apps.besluiten.models import Besluit
from tests.factories import (
    AgendapuntBijlageFactory,
    AgendapuntFactory,
    BesluitFactory,
    MemoBijlageFactory,
    MemoFactory,
    RaadsvoorstelBijlageFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

from .spec import (
    controleer_agendapunt,
    controleer_fout,
    controleer_informatieobject,
    controleer_lijst,
    controleer_vergadering,
)

pytestmark = pytest.mark.django_db

LIJSTEN = [
    ("/api/ori/vergaderingen", controleer_vergadering),
    ("/api/ori/agendapunten", controleer_agendapunt),
    ("/api/ori/informatieobjecten", controleer_informatieobject),
]


def alles(client, pad):
    """Every result of a list, following `next` (absolute URLs) to the end."""
    resultaten, url = [], f"{pad}?page_size=100"
    while url:
        body = client.get(url).json()
        resultaten += body["results"]
        url = body["next"]
    return resultaten


def op_id(client, pad):
    return {obj["id"]: obj for obj in alles(client, pad)}


# --- The demo data (the Leusden seed documents) ---------------------------------


def test_demo_vergaderingen_2021(client, demo_data):
    vergaderingen = [v for v in alles(client, "/api/ori/vergaderingen") if v["geplandedatum"].startswith("2021")]
    assert [(v["geplandedatum"], v["naam"]) for v in vergaderingen] == [
        ("2021-09-09", "Uitwisseling raad"),
        ("2021-09-16", "Informatieavond raad"),
        ("2021-09-30", "Raadsvergadering"),
    ]
    raad = vergaderingen[2]
    controleer_vergadering(raad)
    assert raad["organisatie"] == {"gemeente": "gm0327", "naam": "Gemeente Leusden"}
    assert raad["georganiseerddoorgremium"]["gremiumnaam"] == "Gemeenteraad Leusden"
    assert raad["webpaginalink"].startswith("http://testserver/vergaderingen/2021-09-30/")
    assert raad["vergaderstatus"] == "gehouden" and raad["vergaderingstype"] == "raadsvergadering"
    assert raad["url"] == f"http://testserver/api/ori/vergaderingen/{raad['id']}"
    # The webpage the API points to exists and shows the meeting.
    pagina = client.get(raad["webpaginalink"].removeprefix("http://testserver").split("#")[0])
    assert pagina.status_code == 200 and "Raadsvergadering" in pagina.content.decode()
    assert client.get(raad["url"]).json() == raad


def test_demo_agendapunten_per_vergadering(client, demo_data):
    vergaderingen = {v["id"]: v for v in alles(client, "/api/ori/vergaderingen")}
    per_datum = {}
    for punt in alles(client, "/api/ori/agendapunten"):
        controleer_agendapunt(punt)
        datum = vergaderingen[punt["vergaderingen"][0]["id"]]["geplandedatum"]
        per_datum.setdefault(datum, []).append((punt["volgnummer"], punt["agendapuntnaam"]))
    assert per_datum["2021-09-30"] == [
        ("1", "Afhandeling motie raad juli 2020"),
        ("2", "Investeringsvoorstel Lariks"),
        ("3", "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'"),
    ]
    assert per_datum["2021-09-16"] == [("1", "Investeringsvoorstel Lariks"), ("2", "Regiovisies")]
    assert len(per_datum["2021-09-09"]) == 1
    # The 2018 informatieavond has times: aware datetimes in Europe/Amsterdam (winter time, +01:00).
    assert [p for p in alles(client, "/api/ori/agendapunten") if p["agendapuntnaam"] == "Rapport Sociaal Domein"][0][
        "starttijd"
    ] == "2018-02-05T20:00:00+01:00"


def test_demo_raadsbesluit_l275141_is_informatieobject(client, demo_data):
    besluit = Besluit.objects.get(zaak__zaaknummer="L275141")
    obj = client.get(f"/api/ori/informatieobjecten/{besluit.uuid}").json()
    controleer_informatieobject(obj)
    assert obj["titel"] == "Raadsbesluit L275141: Regiovisie 'Samen Werken aan de specialistische jeugdhulp'"
    assert obj["informatieobjecttype"] == "raadsbesluit"
    assert obj["wooinformatiecategorie"] == "c_db4862c3"
    assert obj["formaat"] == "application/pdf" and obj["taal"] == "nl"
    assert obj["datumingediend"] == "2021-09-30"
    assert obj["webpaginalink"] == "http://testserver/besluiten/L275141/"
    assert obj["agendapunten"] == [
        {"id": str(besluit.agendapunt.uuid), "url": f"http://testserver/api/ori/agendapunten/{besluit.agendapunt.uuid}"}
    ]
    assert [v["id"] for v in obj["vergaderingen"]] == [str(besluit.vergadering.uuid)]
    assert client.get("/besluiten/L275141/").status_code == 200
    # ... and in the list, next to the raadsvoorstel and the memo.
    soorten = {o["informatieobjecttype"] for o in alles(client, "/api/ori/informatieobjecten")}
    assert {"raadsbesluit", "raadsvoorstel", "memo"} <= soorten


# --- Shapes with every field filled ------------------------------------------


def _stukken_bij(punt):
    """Give an agenda item every kind of document: a raadsvoorstel with a published besluit, a memo, and a
    bijlage on each of the three. Returns (raadsvoorstel, memo)."""
    voorstel = RaadsvoorstelFactory()
    punt.raadsvoorstel = voorstel
    punt.save()
    memo = MemoFactory()
    punt.memos.add(memo)
    BesluitFactory(raadsvoorstel=voorstel, vergadering=punt.vergadering, agendapunt=punt, gepubliceerd=True)
    RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel)
    MemoBijlageFactory(memo=memo)
    AgendapuntBijlageFactory(agendapunt=punt)
    return voorstel, memo


def test_every_shape_with_factory_data(client):
    vergadering = VergaderingFactory(
        datum=datetime.date(2024, 7, 4),
        aanvang=datetime.time(19, 30),
        einde=datetime.time(22, 0),
        toelichting="Begroting.",
    )
    punt = AgendapuntFactory(
        vergadering=vergadering,
        titel="Hamerstuk",
        behandeling="hamerstuk",
        aanvang=datetime.time(19, 30),
        einde=datetime.time(19, 35),
        omschrijving="Kort.",
    )
    voorstel, memo = _stukken_bij(punt)

    for pad, controleer in LIJSTEN:
        body = client.get(pad).json()
        controleer_lijst(body, controleer)
        for obj in body["results"]:
            detail = client.get(obj["url"])
            assert detail.status_code == 200 and detail.json() == obj

    v = client.get(f"/api/ori/vergaderingen/{vergadering.uuid}").json()
    assert v["geplandeaanvang"] == "2024-07-04T19:30:00+02:00" and v["geplandeeinde"] == "2024-07-04T22:00:00+02:00"
    assert v["vergaderstatus"] == "gepland" and "aanvang" not in v  # not held yet
    assert v["vergadertoelichting"] == "Begroting."
    a = client.get(f"/api/ori/agendapunten/{punt.uuid}").json()
    assert a["indicatiehamerstuk"] is True and a["indicatiebesloten"] is False
    # The meeting is still planned: planned times, not "has started".
    assert (
        a["geplandestarttijd"] == "2024-07-04T19:30:00+02:00" and a["geplandeeindtijd"] == "2024-07-04T19:35:00+02:00"
    )
    assert "starttijd" not in a and "eindtijd" not in a
    assert a["vergaderingen"] == [
        {"id": str(vergadering.uuid), "url": f"http://testserver/api/ori/vergaderingen/{vergadering.uuid}"}
    ]

    objecten = {o["informatieobjecttype"]: o for o in alles(client, "/api/ori/informatieobjecten")}
    assert set(objecten) == {"raadsbesluit", "raadsvoorstel", "memo", "bijlage"}
    assert objecten["raadsvoorstel"]["agendapunten"][0]["id"] == str(punt.uuid)
    assert objecten["memo"]["agendapunten"][0]["id"] == str(punt.uuid)
    bijlagen = [o for o in alles(client, "/api/ori/informatieobjecten") if o["informatieobjecttype"] == "bijlage"]
    assert sorted(b["formaat"] for b in bijlagen) == [
        "application/pdf",
        "application/pdf",
        "application/vnd.oasis.opendocument.text",
    ]
    gerelateerd = {
        b["gerelateerdinformatieobject"]["informatieobject"] for b in bijlagen if "gerelateerdinformatieobject" in b
    }
    assert gerelateerd == {str(voorstel.uuid), str(memo.uuid)}
    # The bijlage's webpage is its download, and that download works for anyone.
    for b in bijlagen:
        assert client.get(b["webpaginalink"].removeprefix("http://testserver")).status_code == 200


# --- Methods, ids, paths, pages ------------------------------------------------


@pytest.mark.parametrize("methode", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("pad", ["/api/ori/vergaderingen", "/api/ori/agendapunten", "/api/ori/informatieobjecten"])
def test_write_methods_are_refused(client, griffie_user, methode, pad):
    vergadering = VergaderingFactory()
    client.force_login(griffie_user)  # not even the griffie: the portal is the source, not a receiver
    for url in (pad, f"{pad}/{vergadering.uuid}"):
        response = getattr(client, methode)(url, data={"naam": "x"}, content_type="application/json")
        body = controleer_fout(response, 405)
        assert "alleen-lezen" in body["detail"]
        assert "GET" in response["Allow"]
    assert client.get(f"/api/ori/vergaderingen/{vergadering.uuid}").status_code == 200


@pytest.mark.parametrize("pad", ["/api/ori/vergaderingen", "/api/ori/agendapunten", "/api/ori/informatieobjecten"])
@pytest.mark.parametrize(
    "kenmerk", [str(uuid.uuid4()), "geen-uuid", "123", "%00", "x" * 300, "3a347265-097f-5109-8fdb-e16e6642e4b9-extra"]
)
def test_unknown_or_invalid_id_is_404_in_the_error_shape(client, pad, kenmerk):
    for url in (f"{pad}/{kenmerk}", f"{pad}/{kenmerk}/"):
        body = controleer_fout(client.get(url), 404)
        assert "bestaat niet of is niet openbaar" in body["detail"]


def test_uuid_of_another_kind_is_404(client):
    vergadering = VergaderingFactory()
    controleer_fout(client.get(f"/api/ori/agendapunten/{vergadering.uuid}"), 404)
    controleer_fout(client.get(f"/api/ori/informatieobjecten/{vergadering.uuid}"), 404)


def test_paths_with_and_without_trailing_slash(client):
    vergadering = VergaderingFactory()
    for pad in ("/api/ori/vergaderingen", "/api/ori/vergaderingen/", f"/api/ori/vergaderingen/{vergadering.uuid}"):
        response = client.get(pad)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
    # A record has one URL: the spelling with a slash redirects to it.
    response = client.get(f"/api/ori/vergaderingen/{vergadering.uuid}/")
    assert response.status_code == 301 and response["Location"] == f"/api/ori/vergaderingen/{vergadering.uuid}"
    index = client.get("/api/ori/").json()
    assert index == {
        "vergaderingen": "http://testserver/api/ori/vergaderingen",
        "agendapunten": "http://testserver/api/ori/agendapunten",
        "informatieobjecten": "http://testserver/api/ori/informatieobjecten",
        "verwijderd": "http://testserver/api/ori/verwijderd",
    }


def test_pagination_walks_every_record_once(client):
    vergadering = VergaderingFactory()
    AgendapuntFactory.create_batch(7, vergadering=vergadering)
    for i in range(3):
        BesluitFactory(gepubliceerd=True, vergadering=vergadering, titel=f"Besluit {i}")
    MemoFactory.create_batch(2)
    # 3 besluiten + 3 raadsvoorstellen + 2 memo's = 8 objects over pages of 3: the kinds are stitched together.
    eerste = client.get("/api/ori/informatieobjecten?page_size=3").json()
    assert eerste["count"] == 8 and eerste["previous"] is None
    gezien, url = [], "/api/ori/informatieobjecten?page_size=3"
    while url:
        body = client.get(url).json()
        assert len(body["results"]) <= 3
        gezien += [o["id"] for o in body["results"]]
        url = body["next"]
    assert len(gezien) == len(set(gezien)) == 8
    punten = client.get("/api/ori/agendapunten?page_size=5&page=2").json()
    assert punten["count"] == 7 and len(punten["results"]) == 2 and punten["next"] is None
    assert "page_size=5" in punten["previous"]


@pytest.mark.parametrize("pagina", ["99", "0", "-1", "abc", "1e3", "9" * 30])
def test_bad_page_is_404_in_the_error_shape(client, pagina):
    VergaderingFactory()
    for pad, _ in LIJSTEN:
        body = controleer_fout(client.get(f"{pad}?page={pagina}"), 404)
        assert body["detail"] == "Deze pagina bestaat niet."


def test_bad_page_size_falls_back_to_default(client):
    VergaderingFactory()
    for waarde in ("abc", "-5", "0", "100000"):
        assert client.get(f"/api/ori/vergaderingen?page_size={waarde}").status_code == 200


# --- Constant queries ----------------------------------------------------------


def _documenten(aantal):
    for i in range(aantal):
        vergadering = VergaderingFactory(datum=datetime.date(2022, 1, 1) + datetime.timedelta(days=i))
        _stukken_bij(AgendapuntFactory(vergadering=vergadering))


@pytest.mark.parametrize("pad", ["/api/ori/vergaderingen", "/api/ori/agendapunten", "/api/ori/informatieobjecten"])
def test_constant_queries_per_page(client, django_assert_max_num_queries, pad):
    _documenten(2)
    with django_assert_max_num_queries(30) as klein:  # a count per kind of informatieobject (eleven kinds)
        assert client.get(f"{pad}?page_size=100").status_code == 200
    _documenten(12)  # every kind now has 14 rows, all still on one page
    with django_assert_max_num_queries(len(klein.captured_queries)):
        body = client.get(f"{pad}?page_size=100").json()
    assert body["count"] >= 14
    with django_assert_max_num_queries(len(klein.captured_queries)):
        detail = client.get(body["results"][-1]["url"])
    assert detail.status_code == 200


def test_open_data_page_links_the_api(client):
    html = client.get("/open-data/").content.decode()
    assert 'href="/api/ori/"' in html and "/api/ori/informatieobjecten" in html
    assert client.get("/api/ori/").status_code == 200
