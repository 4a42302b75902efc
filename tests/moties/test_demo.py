"""The demo data: the motie of July 2020 and its handling on 30 September 2021, with fictitious votes."""

import pytest
from django.core.management import call_command

from apps.moties.models import Motie, Stem

pytestmark = pytest.mark.django_db


def test_demo_has_the_motie_of_july_2020_handled_on_30_september_2021(client, demo_data):
    motie = Motie.objects.select_related("afgehandeld_bij__vergadering", "vergadering").get()
    assert (motie.vergadering.datum.year, motie.vergadering.datum.month) == (2020, 7)
    assert motie.status == "aangenomen"
    assert motie.afgehandeld_bij.vergadering.datum.isoformat() == "2021-09-30"
    html = client.get(f"/moties/{motie.nummer}/").content.decode()
    assert "Stemming per fractie" in html and "fictief" in html and "30 september 2021" in html
    # Invented votes are never attributed to a real person named in the seeds.
    echte_namen = {"P.J. Kiel", "G.J. Bouwmeester", "I. Schutte - van der Schans", "H.W. de Graaf – Koelewijn"}
    assert not Stem.objects.filter(persoon__naam__in=echte_namen).exists()
    assert all("(fictief)" in s.persoon.naam for s in Stem.objects.select_related("persoon"))
    assert (
        client.get(
            f"/besluitenlijsten/{motie.vergadering.datum.isoformat()}/gemeenteraad/besluitenlijst.pdf"
        ).status_code
        == 200
    )


def test_loading_the_demo_twice_changes_nothing(demo_data):
    aantallen = (Motie.objects.count(), Stem.objects.count())
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    assert (Motie.objects.count(), Stem.objects.count()) == aantallen
