"""The API shows only public data, and the same to everyone: anonymous, raadslid and griffie get identical answers.

Every hidden kind of record is made once; the walk reads every list (all pages) and every detail URL as each
role and asserts the exact set of ids, and that every hidden uuid answers 404 in the ErrorResponse shape.
"""

import pytest

from tests.factories import (
    AgendapuntBijlageFactory,
    AgendapuntFactory,
    BesluitFactory,
    GremiumFactory,
    MemoBijlageFactory,
    MemoFactory,
    RaadsvoorstelBijlageFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

from .spec import controleer_fout

pytestmark = pytest.mark.django_db

PADEN = {
    "vergadering": "/api/ori/vergaderingen",
    "agendapunt": "/api/ori/agendapunten",
    "informatieobject": "/api/ori/informatieobjecten",
}


@pytest.fixture
def wereld():
    """Public and hidden records of every kind; returns (zichtbaar, verborgen) as {soort: {uuid, ...}}."""
    zichtbaar = {soort: set() for soort in PADEN}
    verborgen = {soort: set() for soort in PADEN}

    def zie(soort, *records):
        zichtbaar[soort].update(str(r.uuid) for r in records)

    def verberg(soort, *records):
        verborgen[soort].update(str(r.uuid) for r in records)

    commissie = GremiumFactory(naam="Commissie Ruimte")
    openbaar = VergaderingFactory()
    gehouden = VergaderingFactory(gremium=commissie, status="gehouden")
    geannuleerd = VergaderingFactory(geannuleerd=True)  # published, then cancelled: still public
    concept = VergaderingFactory(concept=True, titel="Concept-vergadering")
    besloten = VergaderingFactory(besloten=True, titel="Besloten vergadering")
    zie("vergadering", openbaar, gehouden, geannuleerd)
    verberg("vergadering", concept, besloten)

    punt = AgendapuntFactory(vergadering=openbaar)
    punt_gehouden = AgendapuntFactory(vergadering=gehouden)
    besloten_punt = AgendapuntFactory(vergadering=openbaar, besloten=True, titel="Besloten punt")
    punt_in_concept = AgendapuntFactory(vergadering=concept)
    punt_in_besloten = AgendapuntFactory(vergadering=besloten)
    zie("agendapunt", punt, punt_gehouden)
    verberg("agendapunt", besloten_punt, punt_in_concept, punt_in_besloten)

    voorstel = RaadsvoorstelFactory()
    concept_voorstel = RaadsvoorstelFactory(concept=True)
    vertrouwelijk_voorstel = RaadsvoorstelFactory(vertrouwelijk=True)
    # A public voorstel that is (also) on a besloten item: the reference to that item must not leak.
    punt.raadsvoorstel = voorstel
    punt.save()
    besloten_punt.raadsvoorstel = voorstel
    besloten_punt.save()
    memo = MemoFactory()
    concept_memo = MemoFactory(concept=True)
    vertrouwelijk_memo = MemoFactory(vertrouwelijk=True)
    punt.memos.add(memo, vertrouwelijk_memo)
    besloten_punt.memos.add(memo)
    punt_in_concept.memos.add(memo)
    zie("informatieobject", voorstel, memo)
    verberg("informatieobject", concept_voorstel, vertrouwelijk_voorstel, concept_memo, vertrouwelijk_memo)

    # Besluiten: published public (current), concept, vastgesteld, vertrouwelijk, and one replaced by a
    # published rectificatie; one with a concept rectificatie stays current.
    gepubliceerd = BesluitFactory(
        raadsvoorstel=voorstel, vergadering=concept, agendapunt=besloten_punt, gepubliceerd=True
    )
    concept_besluit = BesluitFactory(vergadering=gehouden)
    vastgesteld = BesluitFactory(vastgesteld=True, vergadering=gehouden)
    vertrouwelijk_besluit = BesluitFactory(gepubliceerd=True, vertrouwelijk=True, vergadering=gehouden)
    vervangen = BesluitFactory(gepubliceerd=True, vergadering=gehouden)
    rectificatie = BesluitFactory(
        raadsvoorstel=vervangen.raadsvoorstel,
        zaak=vervangen.zaak,
        versie=2,
        vervangt=vervangen,
        gepubliceerd=True,
        rectificatie_reden="Tikfout.",
        vergadering=gehouden,
    )
    blijft = BesluitFactory(gepubliceerd=True, vergadering=gehouden)
    concept_rectificatie = BesluitFactory(
        raadsvoorstel=blijft.raadsvoorstel, zaak=blijft.zaak, versie=2, vervangt=blijft, vergadering=gehouden
    )
    zie("informatieobject", gepubliceerd, rectificatie, blijft)
    verberg("informatieobject", concept_besluit, vastgesteld, vertrouwelijk_besluit, vervangen, concept_rectificatie)
    # The besluiten's raadsvoorstellen are public documents of their own.
    zie(
        "informatieobject",
        vervangen.raadsvoorstel,
        blijft.raadsvoorstel,
        concept_besluit.raadsvoorstel,
        vastgesteld.raadsvoorstel,
        vertrouwelijk_besluit.raadsvoorstel,
    )

    # Bijlagen: only public files of visible parents.
    zie(
        "informatieobject",
        RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel),
        MemoBijlageFactory(memo=memo),
        AgendapuntBijlageFactory(agendapunt=punt),
    )
    verberg(
        "informatieobject",
        RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel, vertrouwelijk=True),
        RaadsvoorstelBijlageFactory(raadsvoorstel=concept_voorstel),
        RaadsvoorstelBijlageFactory(raadsvoorstel=vertrouwelijk_voorstel),
        MemoBijlageFactory(memo=memo, vertrouwelijk=True),
        MemoBijlageFactory(memo=concept_memo),
        MemoBijlageFactory(memo=vertrouwelijk_memo),
        AgendapuntBijlageFactory(agendapunt=punt, vertrouwelijk=True),
        AgendapuntBijlageFactory(agendapunt=besloten_punt),
        AgendapuntBijlageFactory(agendapunt=punt_in_concept),
        AgendapuntBijlageFactory(agendapunt=punt_in_besloten),
    )
    return zichtbaar, verborgen


def _alles(client, pad):
    resultaten, url = [], f"{pad}?page_size=4"  # small pages: the walk crosses the seams between kinds
    while url:
        response = client.get(url)
        assert response.status_code == 200
        resultaten += response.json()["results"]
        url = response.json()["next"]
    return resultaten


def _walk(client, zichtbaar, verborgen):
    antwoorden = {}
    alle_verborgen = set().union(*verborgen.values())
    for soort, pad in PADEN.items():
        resultaten = _alles(client, pad)
        ids = [obj["id"] for obj in resultaten]
        assert len(ids) == len(set(ids))
        assert set(ids) == zichtbaar[soort], soort
        # No reference anywhere points at a hidden record.
        for obj in resultaten:
            for verwijzing in obj.get("vergaderingen", []) + obj.get("agendapunten", []):
                assert verwijzing["id"] not in alle_verborgen, (soort, obj["id"], verwijzing)
            rel = obj.get("gerelateerdinformatieobject")
            if rel:
                assert rel["informatieobject"] not in alle_verborgen
            detail = client.get(obj["url"])
            assert detail.status_code == 200 and detail.json() == obj
        for kenmerk in verborgen[soort]:
            controleer_fout(client.get(f"{pad}/{kenmerk}"), 404)
        antwoorden[soort] = resultaten
    return antwoorden


def test_only_public_data_and_the_same_for_every_role(client, wereld, raadslid_user, griffie_user):
    zichtbaar, verborgen = wereld
    anoniem = _walk(client, zichtbaar, verborgen)
    client.force_login(raadslid_user)
    assert _walk(client, zichtbaar, verborgen) == anoniem
    client.force_login(griffie_user)
    assert _walk(client, zichtbaar, verborgen) == anoniem


def test_hidden_titles_never_appear(client, wereld, griffie_user):
    client.force_login(griffie_user)
    for pad in PADEN.values():
        inhoud = client.get(f"{pad}?page_size=100").content.decode()
        for titel in ("Concept-vergadering", "Besloten vergadering", "Besloten punt"):
            assert titel not in inhoud


def test_public_besluit_keeps_hidden_meeting_and_item_out_of_its_references(client, wereld):
    objecten = client.get("/api/ori/informatieobjecten?page_size=100").json()["results"]
    besluiten = [o for o in objecten if o["informatieobjecttype"] == "raadsbesluit"]
    assert len(besluiten) == 3
    # The first besluit was taken in a concept meeting on a besloten item: no references at all.
    assert any(b["agendapunten"] == [] and b["vergaderingen"] == [] for b in besluiten)
