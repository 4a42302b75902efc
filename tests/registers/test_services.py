"""The rules of the registers: numbering, afdoening, permanence after publication, terms, the daily run."""

import datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from apps.core.services import RegelFout, VersieConflict
from apps.registers import services
from apps.registers.models import IngekomenStukBijlage, Motieopvolging, SchriftelijkeVraag, Toezegging
from apps.registers.selectors import correcties, griffie_overzicht
from tests.factories import (
    GremiumFactory,
    IngekomenStukFactory,
    MemoFactory,
    MotieFactory,
    PersoonFactory,
    RolFactory,
    SchriftelijkeVraagFactory,
    ToezeggingFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def vergadering():
    return VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")


@pytest.fixture
def wethouder():
    rol = RolFactory(persoon=PersoonFactory(naam="E. Wethouder"), portefeuille="Wonen en ruimte")
    return rol.persoon


def _toezegging(vergadering, wethouder, **extra):
    return services.toezegging_aanmaken(
        velden={
            "tekst": "De wethouder zegt toe de raad te informeren.",
            "persoon": wethouder,
            "vergadering": vergadering,
            **extra,
        }
    )


def test_toezeggingen_are_numbered_per_year_and_take_the_portefeuille_of_that_date(vergadering, wethouder):
    a, b = _toezegging(vergadering, wethouder), _toezegging(vergadering, wethouder)
    assert (a.nummer, b.nummer) == ("T2026-001", "T2026-002")
    assert a.portefeuille == "Wonen en ruimte"
    assert a.publicatie == "concept"


def test_afgedaan_needs_the_closing_document_and_the_accepting_meeting(vergadering, wethouder):
    t = _toezegging(vergadering, wethouder)
    with pytest.raises(RegelFout) as fout:
        services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"status": "afgedaan"})
    assert fout.value.veld == "afgedaan_met"
    brief = MemoFactory(soort="raadsinformatiebrief", status="definitief")
    with pytest.raises(RegelFout) as fout:
        services.toezegging_bijwerken(
            toezegging=t, versie=t.version, velden={"status": "afgedaan", "afgedaan_met": brief}
        )
    assert fout.value.veld == "afgedaan_in"
    concept = MemoFactory(concept=True)
    with pytest.raises(RegelFout):
        services.toezegging_bijwerken(
            toezegging=t,
            versie=t.version,
            velden={"status": "afgedaan", "afgedaan_met": concept, "afgedaan_in": vergadering},
        )
    t = services.toezegging_bijwerken(
        toezegging=t, versie=t.version, velden={"status": "afgedaan", "afgedaan_met": brief, "afgedaan_in": vergadering}
    )
    assert t.toestand == "afgedaan"
    # the database refuses it too
    with pytest.raises(IntegrityError), transaction.atomic():
        Toezegging.objects.filter(pk=t.pk).update(afgedaan_met=None)


def test_overdue_is_derived_from_the_deadline_and_never_stored(vergadering, wethouder):
    t = _toezegging(vergadering, wethouder, uiterste_datum=D(2026, 10, 1))
    assert t.toestand == "overschreden"  # today (the test clock) is after 1 October 2026
    assert "overschreden" not in Toezegging.Status.values
    t = services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"uiterste_datum": D(2099, 1, 1)})
    assert t.toestand == "open"


def test_a_published_fact_changes_only_as_a_correction_with_a_reason(client, vergadering, wethouder):
    t = services.item_publiceren(item=_toezegging(vergadering, wethouder))
    with pytest.raises(RegelFout) as fout:
        services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"tekst": "Iets anders."})
    assert fout.value.veld == "reden"
    assert Toezegging.objects.get(pk=t.pk).tekst == "De wethouder zegt toe de raad te informeren."
    t = services.toezegging_bijwerken(
        toezegging=t, versie=t.version, velden={"tekst": "Iets anders."}, reden="typefout in de notulen"
    )
    assert [c["reden"] for c in correcties(t)] == ["typefout in de notulen"]
    inhoud = client.get(f"/toezeggingen/{t.nummer}/").content.decode()
    assert "Correcties" in inhoud and "typefout in de notulen" in inhoud
    # progress on an open published item needs no reason
    services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"toelichting": "Brief volgt."})


def test_a_closed_item_changes_only_with_a_reason(vergadering, wethouder):
    brief = MemoFactory(status="definitief")
    t = _toezegging(vergadering, wethouder, status="afgedaan", afgedaan_met=brief, afgedaan_in=vergadering)
    t = services.item_publiceren(item=t)
    with pytest.raises(RegelFout):
        services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"status": "open"})
    services.toezegging_bijwerken(
        toezegging=t, versie=t.version, velden={"status": "open"}, reden="de raad aanvaardde de afdoening niet"
    )


def test_a_published_item_can_not_be_deleted_but_a_concept_can(vergadering, wethouder):
    t = _toezegging(vergadering, wethouder)
    concept = _toezegging(vergadering, wethouder)
    services.item_publiceren(item=t)
    with pytest.raises(RegelFout):
        services.item_verwijderen(item=t)
    services.item_verwijderen(item=concept)
    assert list(Toezegging.objects.values_list("pk", flat=True)) == [t.pk]


def test_a_stale_version_is_refused(vergadering, wethouder):
    t = _toezegging(vergadering, wethouder)
    services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"toelichting": "een"})
    with pytest.raises(VersieConflict):
        services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"toelichting": "twee"})


# --- Schriftelijke vragen -----------------------------------------------------------------------------


def _vraag(**velden):
    return services.schriftelijke_vraag_aanmaken(
        velden={
            "onderwerp": "Vragen over de bibliotheek",
            "vragen": "1. Waarom?",
            "vraagsteller": PersoonFactory(),
            "gesteld_op": D(2026, 3, 20),
            **velden,
        }
    )


def test_the_article_and_term_come_from_the_configuration_and_stay_with_the_question(settings):
    settings.SCHRIFTELIJKE_VRAGEN_ARTIKEL = "artikel 42 van het Reglement van orde"
    settings.SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN = 10
    settings.TERMIJN_WERKDAGEN = True
    v = _vraag()  # Friday 20 March 2026; ten working days skip Good Friday 3 April and Easter Monday 6 April
    assert v.artikel == "artikel 42 van het Reglement van orde"
    assert (v.termijn_dagen, v.termijn_in_werkdagen) == (10, True)
    assert v.uiterste_datum == D(2026, 4, 7)
    settings.SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN = 30
    settings.TERMIJN_WERKDAGEN = False
    v = services.schriftelijke_vraag_bijwerken(vraag=v, versie=v.version, velden={"onderwerp": "Bibliotheek"})
    assert v.uiterste_datum == D(2026, 4, 7)  # the term it was registered under


def test_late_or_not_and_the_interim_reply(settings):
    settings.SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN = 30
    settings.TERMIJN_WERKDAGEN = False
    v = _vraag()
    assert v.uiterste_datum == D(2026, 4, 19)
    assert v.te_laat is None and v.toestand == "overschreden"
    with pytest.raises(RegelFout) as fout:
        services.schriftelijke_vraag_bijwerken(vraag=v, versie=v.version, velden={"uitstel_tot": D(2026, 5, 1)})
    assert fout.value.veld == "uitstelbericht_op"
    v = services.schriftelijke_vraag_bijwerken(
        vraag=v, versie=v.version, velden={"uitstelbericht_op": D(2026, 4, 17), "uitstel_tot": D(2026, 5, 1)}
    )
    assert "uitstelbericht" in v.toestand_label
    with pytest.raises(RegelFout) as fout:
        services.schriftelijke_vraag_bijwerken(vraag=v, versie=v.version, velden={"status": "beantwoord"})
    assert fout.value.veld == "beantwoord_op"
    v = services.schriftelijke_vraag_bijwerken(
        vraag=v,
        versie=v.version,
        velden={"status": "beantwoord", "beantwoord_op": D(2026, 4, 30), "antwoord_tekst": "Daarom."},
    )
    assert v.te_laat is True and v.toestand_label == "beantwoord na de termijn"
    op_tijd = _vraag()
    op_tijd = services.schriftelijke_vraag_bijwerken(
        vraag=op_tijd,
        versie=op_tijd.version,
        velden={"status": "beantwoord", "beantwoord_op": D(2026, 4, 19), "antwoord_tekst": "Op tijd."},
    )
    assert op_tijd.te_laat is False


def test_a_question_needs_an_asker_and_an_answer_not_before_the_question():
    with pytest.raises(RegelFout):
        _vraag(vraagsteller=None)
    v = _vraag()
    with pytest.raises(RegelFout):
        services.schriftelijke_vraag_bijwerken(
            vraag=v,
            versie=v.version,
            velden={"status": "beantwoord", "beantwoord_op": D(2026, 3, 1), "antwoord_tekst": "x"},
        )


# --- Ingekomen stukken --------------------------------------------------------------------------------


def test_the_letter_of_a_private_person_is_never_a_public_document(tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    s = services.ingekomen_stuk_aanmaken(
        velden={
            "ontvangen_op": D(2026, 5, 1),
            "afzender": "P. Particulier",
            "afzender_is_privepersoon": True,
            "onderwerp": "Overlast",
        }
    )
    pdf = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n" + b"0" * 2000, content_type="application/pdf")
    bijlage = services.ingekomen_stuk_document_toevoegen(
        stuk=s, bestand=pdf, titel="Brief", vertrouwelijkheid="openbaar", mimetype=None
    )
    assert bijlage.vertrouwelijkheid == "vertrouwelijk"
    assert s.afzender_publiek == "particulier"


def test_agenderen_needs_the_commissie_and_the_raad_adopts_the_list():
    from tests.factories import AgendapuntFactory

    commissie = GremiumFactory(naam="Commissie Ruimte", soort="commissie")
    lijst = AgendapuntFactory(titel="Lijst ingekomen stukken", vergadering=VergaderingFactory(datum=D(2026, 6, 4)))
    with pytest.raises(RegelFout) as fout:
        services.ingekomen_stuk_aanmaken(
            velden={
                "ontvangen_op": D(2026, 5, 1),
                "afzender": "Provincie",
                "onderwerp": "Brief",
                "voorgestelde_afhandeling": "agenderen",
            }
        )
    assert fout.value.veld == "voorgestelde_commissie"
    a = services.ingekomen_stuk_aanmaken(
        velden={
            "ontvangen_op": D(2026, 5, 1),
            "afzender": "Provincie",
            "onderwerp": "Brief",
            "lijst": lijst,
            "voorgestelde_afhandeling": "agenderen",
            "voorgestelde_commissie": commissie,
        }
    )
    b = services.ingekomen_stuk_aanmaken(
        velden={"ontvangen_op": D(2026, 5, 2), "afzender": "Buurgemeente", "onderwerp": "Brief 2", "lijst": lijst}
    )
    assert services.lis_vaststellen(lijst=lijst) == 2
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.vastgesteld_tekst == "agenderen voor Commissie Ruimte" and a.vastgesteld_op == D(2026, 6, 4)
    assert b.vastgestelde_afhandeling == "ter_kennisname"
    assert services.lis_vaststellen(lijst=lijst) == 0  # adopted once


# --- Motiemonitor and the daily run ------------------------------------------------------------------


def test_only_an_aangenomen_motie_gets_a_follow_up_and_a_report_starts_it():
    with pytest.raises(RegelFout):
        services.motieopvolging_voor(motie=MotieFactory(status="verworpen"))
    opvolging = services.motieopvolging_voor(motie=MotieFactory(status="aangenomen"))
    assert opvolging.status == "niet_gestart"
    with pytest.raises(RegelFout):
        services.stand_van_zaken_toevoegen(opvolging=opvolging, datum=D(2099, 1, 1), tekst="Later.")
    services.stand_van_zaken_toevoegen(opvolging=opvolging, datum=D(2026, 6, 1), tekst="Offerte aangevraagd.")
    opvolging.refresh_from_db()
    assert opvolging.status == "in_uitvoering" and opvolging.standen.count() == 1


def test_the_daily_run_starts_follow_ups_marks_overdue_once_and_prints_the_digest(vergadering, wethouder):
    motie = MotieFactory(status="aangenomen", titel="Motie zwerfafval")
    t = _toezegging(vergadering, wethouder, uiterste_datum=D(2026, 10, 1))
    deze_week = _vraag(gesteld_op=D(2026, 3, 2))
    SchriftelijkeVraag.objects.filter(pk=deze_week.pk).update(uiterste_datum=D(2027, 3, 25))
    from io import StringIO

    uit = StringIO()
    call_command("registers_bijwerken", "--datum", "2027-03-23", stdout=uit)
    tekst = uit.getvalue()
    assert Motieopvolging.objects.filter(motie=motie).exists()
    t.refresh_from_db()
    assert t.overschreden_gemeld_op == D(2027, 3, 23)
    assert t.history.filter(history_change_reason="Termijn overschreden").count() == 1
    assert t.nummer in tekst and deze_week.nummer in tekst and "deze week" in tekst
    call_command("registers_bijwerken", "--datum", "2027-03-24", stdout=StringIO())
    assert t.history.filter(history_change_reason="Termijn overschreden").count() == 1
    overzicht = griffie_overzicht(op=D(2027, 3, 23))
    assert [v.pk for v in overzicht.vragen_deze_week] == [deze_week.pk]


def test_the_daily_run_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("registers_bijwerken", "--datum", "2027-02-30")


def test_factories_give_published_items():
    assert ToezeggingFactory(gepubliceerd=True).is_gepubliceerd
    assert IngekomenStukFactory(prive=True).afzender_is_privepersoon
    assert SchriftelijkeVraagFactory(vertrouwelijk=True).vertrouwelijkheid == "vertrouwelijk"
    assert IngekomenStukBijlage.objects.count() == 0


def test_a_deadline_moved_past_today_is_reported_again_when_it_runs_out(vergadering, wethouder):
    from io import StringIO

    t = _toezegging(vergadering, wethouder, uiterste_datum=D(2026, 10, 1))
    call_command("registers_bijwerken", stdout=StringIO())
    t.refresh_from_db()
    assert t.overschreden_gemeld_op is not None
    t = services.toezegging_bijwerken(toezegging=t, versie=t.version, velden={"uiterste_datum": D(2099, 1, 1)})
    assert t.overschreden_gemeld_op is None and t.toestand == "open"
