"""The forms say what will happen: the zaaknummer a new voorstel gets, the agenda item's title from its
voorstel (with and without JavaScript), and no "(niet verplicht)" on a field needed to vaststellen."""

import re

import pytest
from django.urls import reverse

from apps.core.services import zaaknummer_volgende, zaaknummer_vooruitblik
from apps.vergaderagenda.models import Agendapunt
from tests.factories import RaadsvoorstelFactory, VergaderingFactory, ZaakFactory

pytestmark = pytest.mark.django_db


def test_new_voorstel_form_names_the_next_free_zaaknummer(griffie_client, settings):
    ZaakFactory(zaaknummer="L400007")
    verwacht = zaaknummer_vooruitblik()
    html = griffie_client.get(reverse("griffie:raadsvoorstel-nieuw")).content.decode()
    assert f"Neem het volgende vrije zaaknummer (nu {verwacht})" in html
    assert zaaknummer_vooruitblik() == verwacht  # looking does not reserve
    assert zaaknummer_volgende() == verwacht


def test_empty_agenda_item_title_takes_the_voorstels(griffie_client):
    vergadering = VergaderingFactory(concept=True)
    voorstel = RaadsvoorstelFactory(titel="Herinrichting Hamersveldseweg", status="aangeboden")
    url = reverse("griffie:agendapunt-nieuw", kwargs={"vergadering_uuid": vergadering.uuid})
    formulier = griffie_client.get(url).content.decode()
    assert 'data-vult-titel="id_titel"' in formulier and 'data-titel="Herinrichting Hamersveldseweg"' in formulier
    assert re.search(r'<script src="/static/js/titel-uit-voorstel\.js"', formulier)
    antwoord = griffie_client.post(
        url,
        {
            "titel": "",
            "raadsvoorstel": voorstel.pk,
            "behandeling": "bespreekstuk",
            "bijlage_vertrouwelijkheid": "openbaar",
        },
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert Agendapunt.objects.get(vergadering=vergadering).titel == "Herinrichting Hamersveldseweg"
    leeg = griffie_client.post(
        url, {"titel": "", "behandeling": "bespreekstuk", "bijlage_vertrouwelijkheid": "openbaar"}
    )
    assert "Vul een titel in, of kies een raadsvoorstel" in leeg.content.decode()


def test_uitkomst_label_does_not_contradict_its_hint():
    from django.template.loader import render_to_string

    from apps.besluiten.forms import BesluitForm
    from apps.besluiten.models import Besluit

    form = BesluitForm(instance=Besluit())
    html = render_to_string("includes/form_field.html", {"field": form["uitkomst"]})
    assert "(niet verplicht)" not in html and "nodig om het besluit vast te stellen" in html
