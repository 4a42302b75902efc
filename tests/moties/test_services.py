"""Services and database rules of moties, amendementen, the presence list and stemmingen (issue 13)."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from apps.core.fouten import VastgelegdFout
from apps.core.services import RegelFout
from apps.moties import selectors, services
from apps.moties.models import Aanwezigheid, Motie, Stem, Stemming
from tests.factories import RaadslidFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def _iedereen_aanwezig(raad, *, behalve=()):
    return services.aanwezigheid_vastleggen(
        vergadering=raad["vergadering"], aanwezig=[r.persoon_id for r in raad["leden"] if r not in behalve]
    )


def _keuzes(raad, *, voor_fracties, afwijkers=None, behalve=()):
    """Per member: voor when their fractie is in voor_fracties, else tegen; afwijkers {rol: keuze} override."""
    keuzes = {}
    for rol in raad["leden"]:
        if rol in behalve:
            continue
        keuzes[rol.persoon_id] = "voor" if rol.fractie.naam in voor_fracties else "tegen"
    for rol, keuze in (afwijkers or {}).items():
        keuzes[rol.persoon_id] = keuze
    return keuzes


def _motie(raad, **extra):
    velden = {"titel": "Evaluatie jeugdhulp", "verzoek": "verzoekt het college jaarlijks te evalueren.", **extra}
    return services.motie_indienen(
        vergadering=raad["vergadering"],
        agendapunt=raad["punt"],
        velden=velden,
        indieners=[raad["leden"][0].persoon],
        mede_indieners=[raad["leden"][7].persoon],
    )


# --- Numbering and indieners -----------------------------------------------------------------------------


def test_motie_gets_next_number_of_its_year_and_fractie_of_the_date(raad):
    eerste = _motie(raad)
    tweede = _motie(raad, titel="Tweede motie")
    assert (eerste.nummer, tweede.nummer) == ("M2021-001", "M2021-002")
    indieners = list(eerste.indieners.order_by("volgorde"))
    assert [i.soort for i in indieners] == ["indiener", "mede_indiener"]
    assert indieners[0].fractie == raad["leden"][0].fractie
    assert indieners[1].fractie == raad["leden"][7].fractie


def test_numbering_follows_the_setting(raad, settings):
    settings.MOTIE_NUMMER_FORMAAT = "{jaar}/M{nummer}"
    assert _motie(raad).nummer == "2021/M1"


def test_indiener_who_is_no_member_at_the_date_is_refused(raad):
    oud = RaadslidFactory(
        gremium=raad["gremium"],
        fractie=raad["fracties"]["Lokaal Voorbeeld"],
        begindatum=datetime.date(2014, 1, 1),
        einddatum=datetime.date(2018, 3, 28),
    )
    with pytest.raises(RegelFout) as fout:
        services.motie_indienen(
            vergadering=raad["vergadering"], velden={"titel": "x", "verzoek": "y"}, indieners=[oud.persoon]
        )
    assert fout.value.veld == "indieners"
    assert "geen lid" in fout.value.melding
    assert not Motie.objects.exists()


def test_motie_without_indiener_is_refused(raad):
    with pytest.raises(RegelFout, match="minstens één indiener"):
        services.motie_indienen(vergadering=raad["vergadering"], velden={"titel": "x", "verzoek": "y"}, indieners=[])


def test_motie_vreemd_cannot_be_about_a_voorstel(raad):
    with pytest.raises(RegelFout) as fout:
        _motie(raad, motietype="vreemd", raadsvoorstel=raad["voorstel"])
    assert fout.value.veld == "raadsvoorstel"


# --- Presence list ---------------------------------------------------------------------------------------


def test_presence_list_holds_every_member_with_fractie_of_the_date(raad):
    afwezig = raad["leden"][3]
    rijen = _iedereen_aanwezig(raad, behalve=[afwezig])
    assert len(rijen) == 19
    assert Aanwezigheid.objects.filter(aanwezig=True).count() == 18
    rij = Aanwezigheid.objects.get(persoon=afwezig.persoon)
    assert (rij.aanwezig, rij.fractie) == (False, afwezig.fractie)


def test_presence_of_a_non_member_is_refused(raad):
    ander = RaadslidFactory(begindatum=datetime.date(2018, 1, 1))  # member of another gremium
    with pytest.raises(RegelFout) as fout:
        services.aanwezigheid_vastleggen(vergadering=raad["vergadering"], aanwezig=[ander.persoon_id])
    assert fout.value.veld == "aanwezig"


def test_database_refuses_presence_row_without_membership_at_the_date(raad):
    rol = raad["leden"][0]
    later = VergaderingFactory(gremium=raad["gremium"], datum=datetime.date(2017, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Aanwezigheid.objects.create(vergadering=later, persoon=rol.persoon, rol=rol, fractie=rol.fractie)


# --- Stemming: rules -------------------------------------------------------------------------------------


def test_regular_stemming_derives_totals_and_per_fractie_result(raad):
    _iedereen_aanwezig(raad, behalve=[raad["leden"][18]])
    afwijker = raad["leden"][6]  # Liberaal Voorbeeld, votes voor against the fractie
    stemming = services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        raadsvoorstel=raad["voorstel"],
        agendapunt=raad["punt"],
        stemmen=_keuzes(
            raad,
            voor_fracties={"Groen Voorbeeld", "Sociaal Voorbeeld"},
            afwijkers={afwijker: "voor"},
            behalve=[raad["leden"][18]],
        ),
    )
    services.stemming_publiceren(stemming=stemming)
    stemming.refresh_from_db()
    assert (stemming.status, stemming.uitslag) == ("gepubliceerd", "aangenomen")
    [uitslag] = selectors.stemmingen_over(user=None, raadsvoorstel=raad["voorstel"])
    assert (uitslag.voor, uitslag.tegen, uitslag.aanwezig, uitslag.afwezig) == (12, 6, 18, 1)
    per_fractie = {f.naam: (f.aantal_voor, f.aantal_tegen, f.resultaat, len(f.afwezig)) for f in uitslag.fracties}
    assert per_fractie == {
        "Groen Voorbeeld": (6, 0, "voor", 0),
        "Liberaal Voorbeeld": (1, 4, "verdeeld", 0),
        "Sociaal Voorbeeld": (5, 0, "voor", 0),
        "Lokaal Voorbeeld": (0, 2, "tegen", 1),
    }
    liberaal = next(f for f in uitslag.fracties if f.naam == "Liberaal Voorbeeld")
    assert liberaal.afwijkers == [afwijker.persoon]


def test_motie_gets_status_from_the_published_stemming(raad):
    _iedereen_aanwezig(raad)
    motie = _motie(raad)
    stemming = services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        motie=motie,
        stemmen=_keuzes(raad, voor_fracties={"Lokaal Voorbeeld"}),
    )
    motie.refresh_from_db()
    assert motie.status == "ingediend"  # a concept stemming decides nothing yet
    services.stemming_publiceren(stemming=stemming)
    motie.refresh_from_db()
    assert motie.status == "verworpen"


def test_equal_votes_is_stemmen_staken(raad):
    assert services.uitslag_berekenen(soort="regulier", keuzes=["voor", "tegen", "afwezig"]) == "staken"
    assert services.uitslag_berekenen(soort="hamerslag", keuzes=[]) == "aangenomen"


def test_vote_by_absent_member_is_refused(raad):
    afwezig = raad["leden"][0]
    _iedereen_aanwezig(raad, behalve=[afwezig])
    keuzes = _keuzes(raad, voor_fracties={"Groen Voorbeeld"})
    with pytest.raises(RegelFout) as fout:
        services.stemming_vastleggen(
            vergadering=raad["vergadering"], soort="regulier", raadsvoorstel=raad["voorstel"], stemmen=keuzes
        )
    assert fout.value.veld == "stemmen"
    assert afwezig.persoon.naam in fout.value.melding
    assert not Stemming.objects.exists()


def test_missing_vote_of_a_present_member_is_refused(raad):
    _iedereen_aanwezig(raad)
    keuzes = _keuzes(raad, voor_fracties={"Groen Voorbeeld"})
    del keuzes[raad["leden"][2].persoon_id]
    with pytest.raises(RegelFout, match="ontbreekt"):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"], soort="hoofdelijk", raadsvoorstel=raad["voorstel"], stemmen=keuzes
        )


def test_stemming_without_presence_list_is_refused(raad):
    with pytest.raises(RegelFout, match="presentielijst"):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="regulier",
            raadsvoorstel=raad["voorstel"],
            stemmen=_keuzes(raad, voor_fracties=set()),
        )


def test_hamerslag_has_no_votes(raad):
    _iedereen_aanwezig(raad)
    with pytest.raises(RegelFout):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="hamerslag",
            raadsvoorstel=raad["voorstel"],
            stemmen=_keuzes(raad, voor_fracties=set()),
        )
    stemming = services.stemming_vastleggen(
        vergadering=raad["vergadering"], soort="hamerslag", raadsvoorstel=raad["voorstel"]
    )
    assert services.stemming_publiceren(stemming=stemming).uitslag == "aangenomen"


def test_amendement_after_its_voorstel_is_refused(raad):
    _iedereen_aanwezig(raad)
    amendement = services.amendement_indienen(
        vergadering=raad["vergadering"],
        raadsvoorstel=raad["voorstel"],
        agendapunt=raad["punt"],
        velden={"titel": "Budget", "nieuwe_tekst": "geen budget te ramen."},
        indieners=[raad["leden"][0].persoon],
    )
    services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        raadsvoorstel=raad["voorstel"],
        stemmen=_keuzes(raad, voor_fracties={"Groen Voorbeeld"}),
    )
    with pytest.raises(RegelFout, match="vóór het voorstel"):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="regulier",
            amendement=amendement,
            stemmen=_keuzes(raad, voor_fracties={"Groen Voorbeeld"}),
        )


def test_withdrawn_motie_is_not_voted_on(raad):
    _iedereen_aanwezig(raad)
    motie = services.stuk_status_zetten(stuk=_motie(raad), status="ingetrokken")
    with pytest.raises(RegelFout, match="Ingetrokken|ingetrokken"):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="regulier",
            motie=motie,
            stemmen=_keuzes(raad, voor_fracties=set()),
        )


def test_status_aangenomen_cannot_be_set_by_hand(raad):
    with pytest.raises(RegelFout, match="volgt uit de stemming"):
        services.stuk_status_zetten(stuk=_motie(raad), status="aangenomen")


# --- Stemming: the database refuses impossible data -------------------------------------------------------


@pytest.fixture
def lege_stemming(raad):
    rijen = _iedereen_aanwezig(raad, behalve=[raad["leden"][0]])
    stemming = Stemming.objects.create(vergadering=raad["vergadering"], volgorde=1, raadsvoorstel=raad["voorstel"])
    return stemming, {r.persoon_id: r for r in rijen}


def test_database_refuses_two_votes_by_one_member(raad, lege_stemming):
    stemming, rijen = lege_stemming
    rij = rijen[raad["leden"][1].persoon_id]
    Stem.objects.create(stemming=stemming, aanwezigheid=rij, persoon=rij.persoon, fractie=rij.fractie, keuze="voor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(
            stemming=stemming, aanwezigheid=rij, persoon=rij.persoon, fractie=rij.fractie, keuze="tegen"
        )


def test_database_refuses_vote_by_absent_member(raad, lege_stemming):
    stemming, rijen = lege_stemming
    rij = rijen[raad["leden"][0].persoon_id]
    assert not rij.aanwezig
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(stemming=stemming, aanwezigheid=rij, persoon=rij.persoon, fractie=rij.fractie, keuze="voor")


def test_database_refuses_vote_with_another_persons_presence_or_fractie(raad, lege_stemming):
    stemming, rijen = lege_stemming
    rij = rijen[raad["leden"][1].persoon_id]
    ander = raad["leden"][2].persoon
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(stemming=stemming, aanwezigheid=rij, persoon=ander, fractie=rij.fractie, keuze="voor")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(
            stemming=stemming,
            aanwezigheid=rij,
            persoon=rij.persoon,
            fractie=raad["fracties"]["Lokaal Voorbeeld"],
            keuze="voor",
        )


def test_database_refuses_vote_from_presence_of_another_meeting(raad, lege_stemming):
    stemming, _ = lege_stemming
    rol = raad["leden"][1]
    andere = VergaderingFactory(gremium=raad["gremium"], datum=datetime.date(2021, 10, 28))
    rij = Aanwezigheid.objects.create(vergadering=andere, persoon=rol.persoon, rol=rol, fractie=rol.fractie)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(stemming=stemming, aanwezigheid=rij, persoon=rol.persoon, fractie=rol.fractie, keuze="voor")


def test_database_refuses_more_votes_than_members_present(raad, lege_stemming):
    """18 present: every present member can vote once; there is no 19th presence row to vote with."""
    stemming, rijen = lege_stemming
    aanwezig = [r for r in rijen.values() if r.aanwezig]
    Stem.objects.bulk_create(
        Stem(stemming=stemming, aanwezigheid=r, persoon=r.persoon, fractie=r.fractie, keuze="voor") for r in aanwezig
    )
    assert stemming.stemmen.count() == 18
    afwezig = rijen[raad["leden"][0].persoon_id]
    with pytest.raises(IntegrityError), transaction.atomic():
        Stem.objects.create(
            stemming=stemming, aanwezigheid=afwezig, persoon=afwezig.persoon, fractie=afwezig.fractie, keuze="voor"
        )


def test_member_who_voted_cannot_be_made_absent(raad, lege_stemming):
    stemming, rijen = lege_stemming
    rij = rijen[raad["leden"][1].persoon_id]
    Stem.objects.create(stemming=stemming, aanwezigheid=rij, persoon=rij.persoon, fractie=rij.fractie, keuze="voor")
    with pytest.raises(RegelFout, match="Al gestemd"):
        services.aanwezigheid_vastleggen(vergadering=raad["vergadering"], aanwezig=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        Aanwezigheid.objects.filter(pk=rij.pk).update(aanwezig=False)


def test_database_refuses_a_stemming_about_two_things(raad):
    motie = _motie(raad)
    with pytest.raises(IntegrityError), transaction.atomic():
        Stemming.objects.create(
            vergadering=raad["vergadering"], volgorde=1, raadsvoorstel=raad["voorstel"], motie=motie
        )


# --- Published means permanent ---------------------------------------------------------------------------


@pytest.fixture
def gepubliceerde_stemming(raad):
    _iedereen_aanwezig(raad)
    stemming = services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        raadsvoorstel=raad["voorstel"],
        stemmen=_keuzes(raad, voor_fracties={"Groen Voorbeeld", "Liberaal Voorbeeld"}),
    )
    return services.stemming_publiceren(stemming=stemming)


def test_published_stemming_is_refused_by_the_services(raad, gepubliceerde_stemming):
    with pytest.raises(RegelFout, match="gepubliceerd"):
        services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="hoofdelijk",
            raadsvoorstel=raad["voorstel"],
            stemming=gepubliceerde_stemming,
            stemmen=_keuzes(raad, voor_fracties=set()),
        )
    with pytest.raises(RegelFout):
        services.stemming_verwijderen(stemming=gepubliceerde_stemming)
    with pytest.raises(RegelFout, match="presentielijst"):
        services.aanwezigheid_vastleggen(vergadering=raad["vergadering"], aanwezig=[])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers that keep published data are PostgreSQL's")
def test_published_stemming_is_refused_by_the_database(raad, gepubliceerde_stemming):
    """Raw SQL, past every guard of the ORM: the triggers refuse."""
    with connection.cursor() as cursor:
        for sql, params in [
            ("UPDATE moties_stemming SET uitslag = 'verworpen' WHERE id = %s", [gepubliceerde_stemming.pk]),
            ("UPDATE moties_stem SET keuze = 'tegen' WHERE stemming_id = %s", [gepubliceerde_stemming.pk]),
            ("DELETE FROM moties_stem WHERE stemming_id = %s", [gepubliceerde_stemming.pk]),
            ("UPDATE moties_aanwezigheid SET aanwezig = false WHERE vergadering_id = %s", [raad["vergadering"].pk]),
        ]:
            with pytest.raises(IntegrityError), transaction.atomic():
                cursor.execute(sql, params)


def test_published_stemming_is_refused_by_the_models_on_every_database(raad, gepubliceerde_stemming):
    """The ORM's routes (querysets, bulk_update, save, delete) refuse on SQLite as on PostgreSQL."""
    stem = gepubliceerde_stemming.stemmen.first()
    aanwezig = Aanwezigheid.objects.filter(vergadering=raad["vergadering"]).first()
    pogingen = [
        lambda: Stemming.objects.filter(pk=gepubliceerde_stemming.pk).update(uitslag="verworpen"),
        lambda: Stem.objects.filter(stemming=gepubliceerde_stemming).update(keuze="tegen"),
        lambda: Stem.objects.filter(stemming=gepubliceerde_stemming).delete(),
        lambda: Aanwezigheid.objects.filter(vergadering=raad["vergadering"]).update(aanwezig=False),
        lambda: Stem.objects.bulk_update([stem], ["keuze"]),
        lambda: Stemming.objects.get(pk=gepubliceerde_stemming.pk).delete(),
        lambda: Stem.objects.create(
            stemming=gepubliceerde_stemming, aanwezigheid=stem.aanwezigheid, persoon=stem.persoon, keuze="tegen"
        ),
    ]

    def stemming_opslaan():
        vers = Stemming.objects.get(pk=gepubliceerde_stemming.pk)
        vers.uitslag = "verworpen"
        vers.save()

    def aanwezigheid_opslaan():
        aanwezig.aanwezig = not aanwezig.aanwezig
        aanwezig.save()

    for poging in [*pogingen, stemming_opslaan, aanwezigheid_opslaan]:
        with pytest.raises(VastgelegdFout, match="rectificatie"), transaction.atomic():
            poging()
    gepubliceerde_stemming.refresh_from_db()
    assert gepubliceerde_stemming.uitslag != "verworpen"
    assert gepubliceerde_stemming.stemmen.count() == 19


def test_rectificatie_is_a_new_version_that_supersedes_once_published(raad, gepubliceerde_stemming):
    with pytest.raises(RegelFout, match="reden"):
        services.stemming_rectificeren(stemming=gepubliceerde_stemming, reden=" ")
    nieuw = services.stemming_rectificeren(stemming=gepubliceerde_stemming, reden="Stem van een lid verkeerd genoteerd")
    assert (nieuw.versie, nieuw.status, nieuw.stemmen.count()) == (2, "concept", 19)
    keuzes = _keuzes(raad, voor_fracties={"Groen Voorbeeld"})
    services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        raadsvoorstel=raad["voorstel"],
        stemming=nieuw,
        stemmen=keuzes,
    )
    services.stemming_publiceren(stemming=nieuw)
    [uitslag] = selectors.stemmingen_over(user=None, raadsvoorstel=raad["voorstel"])
    assert (uitslag.stemming.pk, uitslag.voor, uitslag.stemming.uitslag) == (nieuw.pk, 6, "verworpen")
    gepubliceerde_stemming.refresh_from_db()
    assert gepubliceerde_stemming.uitslag == "aangenomen"  # the old version is unchanged


# --- Amendementen and the besluit --------------------------------------------------------------------------


def test_adopted_amendement_changes_the_dictum(raad):
    beslispunten = list(raad["voorstel"].beslispunten.order_by("volgorde"))
    amendement = services.amendement_indienen(
        vergadering=raad["vergadering"],
        raadsvoorstel=raad["voorstel"],
        agendapunt=raad["punt"],
        velden={
            "titel": "Budget",
            "nieuwe_tekst": "een budget van ten hoogste € 10.000 te ramen.\njaarlijks te evalueren.",
        },
        beslispunten=[beslispunten[1]],
        indieners=[raad["leden"][0].persoon],
    )
    _iedereen_aanwezig(raad)
    stemming = services.stemming_vastleggen(
        vergadering=raad["vergadering"],
        soort="regulier",
        amendement=amendement,
        stemmen=_keuzes(raad, voor_fracties={"Groen Voorbeeld", "Sociaal Voorbeeld"}),
    )
    services.stemming_publiceren(stemming=stemming)
    amendementen = selectors.aangenomen_amendementen(raadsvoorstel_id=raad["voorstel"].pk)
    assert [a.pk for a in amendementen] == [amendement.pk]
    dictum = selectors.geamendeerd_dictum(
        beslispunten=[p.tekst for p in beslispunten], punt_ids=[p.pk for p in beslispunten], amendementen=amendementen
    )
    assert dictum == [
        "de regiovisie vast te stellen.",
        "een budget van ten hoogste € 10.000 te ramen.",
        "jaarlijks te evalueren.",
    ]


def test_sub_amendement_text_wins_when_adopted(raad):
    punt = raad["voorstel"].beslispunten.order_by("volgorde").first()
    hoofd = services.amendement_indienen(
        vergadering=raad["vergadering"],
        raadsvoorstel=raad["voorstel"],
        velden={"titel": "A", "nieuwe_tekst": "A"},
        beslispunten=[punt],
        indieners=[raad["leden"][0].persoon],
    )
    sub = services.amendement_indienen(
        vergadering=raad["vergadering"],
        raadsvoorstel=raad["voorstel"],
        velden={"titel": "Sub", "nieuwe_tekst": "B", "hoofdamendement": hoofd},
        indieners=[raad["leden"][1].persoon],
    )
    with pytest.raises(RegelFout, match="ander sub-amendement"):
        services.amendement_indienen(
            vergadering=raad["vergadering"],
            raadsvoorstel=raad["voorstel"],
            velden={"titel": "Subsub", "nieuwe_tekst": "C", "hoofdamendement": sub},
            indieners=[raad["leden"][1].persoon],
        )
    _iedereen_aanwezig(raad)
    for stuk in (sub, hoofd):
        stemming = services.stemming_vastleggen(
            vergadering=raad["vergadering"],
            soort="regulier",
            amendement=stuk,
            stemmen=_keuzes(raad, voor_fracties={"Groen Voorbeeld", "Sociaal Voorbeeld"}),
        )
        services.stemming_publiceren(stemming=stemming)
    [amendement] = selectors.aangenomen_amendementen(raadsvoorstel_id=raad["voorstel"].pk)
    assert amendement.effectieve_tekst == "B"
