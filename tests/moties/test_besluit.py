"""A besluit's stemming comes from its Stemming; an adopted amendement makes it 'geamendeerd aangenomen'."""

import pytest
from django.urls import reverse

from apps.besluiten import services as besluit_services
from tests.factories import BesluitFactory

from .test_paginas import vergadering_met_besluitvorming

pytestmark = pytest.mark.django_db


def test_besluit_gets_totals_outcome_and_amended_dictum_from_the_stemmingen(raad):
    vergadering_met_besluitvorming(raad)
    standaard = besluit_services.besluit_voorstel(agendapunt=raad["punt"])
    assert standaard["dictum"] == ["de regiovisie vast te stellen.", "het voorstel jaarlijks te evalueren."]
    besluit = besluit_services.besluit_registreren(
        agendapunt=raad["punt"],
        # What the clerk typed is overruled by the recorded stemming: totals are never typed twice.
        velden={"stemming": "stemmen", "stemmen_voor": 1, "stemmen_tegen": 1, "uitkomst": "aangenomen"},
    )
    assert (besluit.stemming, besluit.stemmen_voor, besluit.stemmen_tegen) == ("stemmen", 16, 2)
    assert besluit.uitkomst == "geamendeerd_aangenomen"
    assert [p.tekst for p in besluit.dictum.order_by("volgorde")] == standaard["dictum"]


def test_besluit_without_recorded_stemming_keeps_typed_totals(raad):
    besluit = besluit_services.besluit_registreren(
        agendapunt=raad["punt"], velden={"stemming": "stemmen", "stemmen_voor": 11, "stemmen_tegen": 8}
    )
    assert (besluit.stemmen_voor, besluit.stemmen_tegen) == (11, 8)


def test_besluit_page_shows_stemming_per_fractie_and_amendementen(client, raad):
    g = vergadering_met_besluitvorming(raad)
    besluit = BesluitFactory(
        gepubliceerd=True, raadsvoorstel=raad["voorstel"], vergadering=raad["vergadering"], agendapunt=raad["punt"]
    )
    html = client.get(reverse("besluiten:detail", kwargs={"zaaknummer": besluit.zaak.zaaknummer})).content.decode()
    assert "Stemming per fractie" in html
    assert "met 16 stemmen voor en 2 tegen" in html
    assert g["amendement"].nummer in html and "Amendementen op dit voorstel" in html


def test_stemmingen_are_read_without_the_long_texts_of_what_they_join():
    """The default joins leave out the text sections of the meeting, item, voorstel, motie and amendement; a
    caller that joins only the amendement defers only its texts (and joins nothing else)."""
    from django.contrib.auth.models import AnonymousUser

    from apps.moties.selectors import _stemmingen_qs

    standaard, _ = _stemmingen_qs(AnonymousUser()).query.deferred_loading
    assert {
        "vergadering__toelichting",
        "agendapunt__omschrijving",
        "raadsvoorstel__voorstel",
        "raadsvoorstel__toelichting",
        "motie__verzoek",
        "amendement__nieuwe_tekst",
    } <= standaard
    assert {v.split("__")[0] for v in standaard} == {
        "vergadering",
        "agendapunt",
        "raadsvoorstel",
        "motie",
        "amendement",
    }
    assert not any(v.startswith(("vergadering__gremium__", "raadsvoorstel__zaak__")) for v in standaard)
    alleen = _stemmingen_qs(AnonymousUser(), ("amendement",))
    uitgesteld, _ = alleen.query.deferred_loading
    assert uitgesteld and all(v.startswith("amendement__") for v in uitgesteld)
    assert alleen.query.select_related == {"amendement": {}}
