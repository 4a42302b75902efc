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
