import datetime

import pytest
from django.core.management import call_command

from apps.besluiten.models import Besluit
from apps.core.models import Onderwerp, Persoon, Zaak
from apps.memos.models import Memo
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering

pytestmark = pytest.mark.django_db

TELLINGEN = [Zaak, Onderwerp, Persoon, Memo, Raadsvoorstel, Vergadering, Agendapunt, Besluit]


def tellingen():
    return {m.__name__: m.objects.count() for m in TELLINGEN}


def test_demo_loads_twice_without_duplicates(demo_data):
    eerste = tellingen()
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    assert tellingen() == eerste
    assert eerste["Zaak"] == 1 and eerste["Besluit"] == 1


def test_demo_holds_l275141_with_its_full_proposal_and_besluit(demo_data):
    rv = Raadsvoorstel.objects.get(zaak__zaaknummer="L275141")
    assert rv.portefeuillehouder.naam == "P.J. Kiel"
    assert rv.college_besluitdatum == datetime.date(2021, 6, 29)
    assert rv.datum_raadsvergadering == datetime.date(2021, 9, 30)
    assert rv.directeur_secretaris.naam.startswith("H.W. de Graaf")
    assert rv.burgemeester.naam == "G.J. Bouwmeester"
    for veld in [
        "voorstel",
        "aanleiding",
        "doel_effect",
        "toelichting",
        "argumenten",
        "tegenargumenten",
        "risicos",
        "plan_van_aanpak",
        "communicatie",
    ]:
        assert getattr(rv, veld), veld
    assert "Norm voor het opdrachtgeverschap" in rv.argumenten
    assert [b.titel for b in rv.bijlagen.all()][0].startswith("Regiovisie")
    assert rv.bijlagen.count() == 3
    besluit = Besluit.objects.get(zaak__zaaknummer="L275141")
    assert besluit.status == "gepubliceerd"
    assert besluit.uitkomst == "aangenomen"
    assert besluit.griffier.naam == "I. Schutte - van der Schans"
    assert besluit.voorzitter.naam == "G.J. Bouwmeester"
    assert besluit.vergadering.datum == datetime.date(2021, 9, 30)
    assert "vast te stellen" in besluit.dictum.get().tekst


def test_demo_holds_the_schedule_of_the_lariks_memo(demo_data):
    memo = Memo.objects.get(betreft="Besluitvormingsproces rondom Lariks")
    assert memo.datum == datetime.date(2021, 6, 25)
    assert memo.van == "College van burgemeester en wethouders"
    assert {o.slug for o in memo.onderwerpen.all()} == {"lariks", "regiovisies", "evaluatie-twynstragudde"}
    data = {v.datum: v for v in Vergadering.objects.filter(datum__year=2021)}
    assert sorted(data) == [datetime.date(2021, 9, 9), datetime.date(2021, 9, 16), datetime.date(2021, 9, 30)]
    assert data[datetime.date(2021, 9, 9)].soort == "uitwisseling"
    assert data[datetime.date(2021, 9, 16)].soort == "informatieavond"
    assert data[datetime.date(2021, 9, 16)].agendapunten.count() == 2
    assert data[datetime.date(2021, 9, 30)].soort == "raadsvergadering"
    assert data[datetime.date(2021, 9, 30)].agendapunten.count() == 3
    lariks = Onderwerp.objects.get(slug="lariks")
    assert {a.vergadering.datum for a in lariks.agendapunten.all()} == set(data)


def test_demo_holds_the_sociaal_domein_evening_with_four_timed_items(demo_data):
    avond = Vergadering.objects.get(datum=datetime.date(2018, 2, 5))
    slots = [(a.aanvang.strftime("%H.%M"), a.einde.strftime("%H.%M"), a.titel) for a in avond.agendapunten.all()]
    assert slots[0] == ("20.00", "20.30", "Rapport Sociaal Domein")
    assert slots[1][:2] == ("20.30", "21.15")
    assert slots[2][:2] == ("21.15", "22.00") and "NJI" in slots[2][2]
    assert slots[3] == ("22.00", "22.30", "Toelichting op regionale inkoopstrategie")


def test_demo_does_not_contain_other_municipalities(demo_data):
    assert not Memo.objects.filter(van__icontains="Kuster").exists()
    assert not Memo.objects.filter(kenmerk="71007").exists()


def test_reloading_the_demo_keeps_what_the_griffie_changed(demo_data):
    Memo.objects.filter(betreft="Besluitvormingsproces rondom Lariks").update(kenmerk="GRIFFIE-1")
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    assert Memo.objects.get(betreft="Besluitvormingsproces rondom Lariks").kenmerk == "GRIFFIE-1"
