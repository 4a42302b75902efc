"""ORI API 2.0: public only, the spec's filters, errors as JSON."""

import datetime

import pytest

from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    MemoFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    RolFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db

V2 = "/api/ori/v2"


def alles(client, pad, **params):
    body = client.get(f"{V2}/{pad}", {"page_size": 100, **params}).json()
    return body["results"]


def test_nothing_hidden_in_any_resource(client):
    openbaar = VergaderingFactory(titel="Openbare raad", status="gehouden")
    AgendapuntFactory(vergadering=openbaar, volgorde=1, titel="Openbaar punt")
    AgendapuntFactory(vergadering=openbaar, volgorde=2, titel="Besloten punt kwartelkoning", besloten=True)
    VergaderingFactory(titel="Besloten raad grutto", besloten=True)
    VergaderingFactory(titel="Concept raad kievit", concept=True)
    MemoFactory(betreft="Memo roerdomp", vertrouwelijk=True)
    MemoFactory(betreft="Memo wielewaal", concept=True)
    RaadsvoorstelFactory(titel="Voorstel ijsvogel", concept=True)
    RaadsvoorstelFactory(titel="Voorstel zilverreiger", vertrouwelijk=True)
    BesluitFactory(titel="Besluit houtsnip", vergadering=openbaar)
    BesluitFactory(titel="Besluit korhoen", gepubliceerd=True, vertrouwelijk=True, raadsvoorstel__vertrouwelijk=True)
    RolFactory(persoon=PersoonFactory(naam="A. Ambtenaar Tureluur"), soort="ambtenaar")
    inhoud = ""
    for pad in client.get(f"{V2}/").json():
        response = client.get(f"{V2}/{pad}", {"page_size": 100})
        assert response.status_code == 200, pad
        inhoud += response.content.decode().lower()
        for obj in response.json()["results"]:
            inhoud += client.get(obj["url"]).content.decode().lower()
    assert "openbare raad" in inhoud and "openbaar punt" in inhoud
    for verborgen in ("kwartelkoning", "grutto", "kievit", "roerdomp", "wielewaal", "ijsvogel", "zilverreiger",
                      "houtsnip", "korhoen", "tureluur"):  # fmt: skip
        assert verborgen not in inhoud, verborgen


def test_filters_of_the_spec(client):
    gehouden = VergaderingFactory(titel="Raad maart", datum=datetime.date(2021, 3, 4), status="gehouden")
    VergaderingFactory(titel="Commissie", datum=datetime.date(2031, 3, 6), soort="commissie")
    assert [v["naam"] for v in alles(client, "vergaderingen", status="gehouden")] == ["Raad maart"]
    assert [v["naam"] for v in alles(client, "vergaderingen", vergaderdatum="2021-03-04")] == ["Raad maart"]
    assert [v["naam"] for v in alles(client, "vergaderingen", vergaderingstype="commissievergadering")] == ["Commissie"]
    assert len(alles(client, "vergaderingen", gemeentecode="0327")) == 2
    assert alles(client, "vergaderingen", gemeentecode="0363") == []
    assert alles(client, "vergaderingen", provincie="utrecht") == []
    punt = AgendapuntFactory(vergadering=gehouden, volgorde=1, titel="Punt een")
    assert [a["id"] for a in alles(client, "agendapunten", vergaderingsIdentificatie=str(gehouden.uuid))] == [
        str(punt.uuid)
    ]
    MemoFactory(betreft="Memo over bomen", datum=datetime.date(2021, 3, 1))
    MemoFactory(betreft="Memo over wegen")
    assert [i["titel"] for i in alles(client, "informatieobjecten", titel="bomen")] == ["Memo over bomen"]
    assert [i["titel"] for i in alles(client, "informatieobjecten", datumIngediend="2021-03-01")] == ["Memo over bomen"]
    assert alles(client, "informatieobjecten", taal="en") == []
    RolFactory(persoon=PersoonFactory(naam="J. de Vries"), soort="wethouder")
    persoon = alles(client, "natuurlijkpersonen", functie="wethouder")[0]
    assert persoon["naamNatuurlijkPersoon"] == {
        "achternaam": "Vries",
        "tussenvoegsel": "de",
        "voorletters": "J.",
        "volledigeNaam": "J. de Vries",
    }


@pytest.mark.parametrize(
    "pad", ["vergaderingen?status=open", "vergaderingen?x=1", "informatieobjecten?datumIngediend=gisteren", "onbekend"]
)
def test_errors_are_json_problems(client, pad):
    response = client.get(f"{V2}/{pad}")
    assert response.status_code in (400, 404)
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == response.status_code and body["title"] and body["detail"]
    assert response["api-version"] == "2.0.0-beta.4"


def test_stemmingen_votes_and_results_only_when_public(client):
    from tests.factories import MotieFactory, RaadslidFactory, aanwezigheid_maken, stemming_maken

    vergadering = VergaderingFactory(status="gehouden")
    punt = AgendapuntFactory(vergadering=vergadering, volgorde=1)
    besloten_punt = AgendapuntFactory(vergadering=vergadering, volgorde=2, besloten=True)
    leden = [RaadslidFactory(), RaadslidFactory()]
    aanwezig = aanwezigheid_maken(vergadering, leden)
    motie = MotieFactory(vergadering=vergadering, agendapunt=punt, titel="Motie grutto", indieners=leden[:1])
    openbaar = stemming_maken(
        vergadering, keuzes={aanwezig[0]: "voor", aanwezig[1]: "tegen"}, volgorde=1, agendapunt=punt, motie=motie
    )
    tweede = MotieFactory(vergadering=vergadering, agendapunt=punt)
    concept = stemming_maken(
        vergadering, keuzes={aanwezig[0]: "voor"}, volgorde=2, agendapunt=punt, motie=tweede, gepubliceerd=False
    )
    geheim = MotieFactory(vergadering=vergadering, agendapunt=besloten_punt)
    besloten = stemming_maken(
        vergadering, keuzes={aanwezig[0]: "tegen"}, volgorde=3, agendapunt=besloten_punt, motie=geheim
    )
    stemmingen = {s["id"] for s in alles(client, "stemmingen")}
    assert stemmingen == {str(openbaar.uuid)}
    assert not {str(concept.uuid), str(besloten.uuid)} & stemmingen
    stemmen = alles(client, "stemmen")
    assert {s["stemming"]["id"] for s in stemmen} == {str(openbaar.uuid)} and len(stemmen) == 2
    resultaten = alles(client, "stemresultatenperfractie")
    assert {r["fractiestemresultaat"] for r in resultaten} == {"aangenomen", "verworpen"}
    assert all(r["stemming"]["id"] == str(openbaar.uuid) for r in resultaten)
    indieners = alles(client, "indieners")
    assert [i["informatieobject"]["id"] for i in indieners] == [str(motie.uuid)]
    assert str(geheim.uuid) not in {i["id"] for i in alles(client, "informatieobjecten")}
    assert client.get(f"{V2}/stemmingen/{concept.uuid}").status_code == 404
