"""Scale data for issue 13: fracties, presence lists, moties, amendementen and stemmingen.

Called by the scale generator (apps.schaaldata.generator): `fracties_schrijven(gen)` before the roles are
written (a raadslid's Rol points to its Fractie), `moties_genereren(gen)` after the agendas are complete.
Proportions follow a Dutch municipality: per held raadsvergadering a presence list of the raad (a few
absent), about three moties (one in six vreemd aan de orde van de dag), an amendement on one in five
voorstellen that are debated, and a stemming on every motie and amendement and on up to three voorstellen
(amendementen before their voorstel, moties after; one in ten moties hoofdelijk). Every fractie votes as a
block, a few members vote otherwise. Rows go in with the generator's bulk writer (COPY on PostgreSQL); the
database rules of migration moties 0002 are satisfied by construction (and checked by its triggers).
"""

import datetime
import random
import uuid

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from apps.core import search
from apps.core.models import Fractie, Persoon, Rol
from apps.moties.models import Aanwezigheid, Amendement, Indiener, Motie, Stem, Stemming
from apps.vergaderagenda.models import Agendapunt

from .tekst import FRACTIES

MOTIES_PER_VERGADERING = (1, 5)
AMENDEMENT_KANS = 0.2
VOORSTEL_STEMMINGEN = 3
AFWEZIG_KANS = 0.05
AFWIJKER_KANS = 0.04

MOTIE_ONDERWERPEN = [
    "Meer groen in de wijken",
    "Veilige schoolroutes",
    "Betaalbare woningen voor starters",
    "Lokale energiecoöperaties",
    "Toegankelijke speelplaatsen",
    "Minder regeldruk voor ondernemers",
    "Eenzaamheid onder ouderen",
    "Openbaar vervoer in de kernen",
    "Zwerfafval aanpakken",
    "Jongerenwerk versterken",
]


def fracties_schrijven(gen) -> dict[str, int]:
    """One Fractie per name the generator gives raadsleden; returns {naam: id}."""
    from django.utils.text import slugify

    ids = {}
    for naam in FRACTIES:
        fractie, _ = Fractie.objects.get_or_create(
            slug=f"schaal-{slugify(naam)}", defaults={"naam": naam, "afkorting": naam[:30], "gremium_id": None}
        )
        ids[naam] = fractie.pk
    return ids


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _tijd(datum: datetime.date, uur: int = 23) -> datetime.datetime:
    return datetime.datetime(datum.year, datum.month, datum.day, uur, 0, tzinfo=datetime.UTC)


def moties_genereren(gen) -> None:
    raad = gen.gremia["gemeenteraad"]
    vergaderingen = [
        m for m in gen.vergaderingen.get("raadsvergadering", []) if m.status == "gehouden" and m.datum < gen.peildatum
    ]
    if not vergaderingen:
        return
    rollen = list(
        Rol.objects.filter(gremium_id=raad, soort="raadslid", fractie__isnull=False)
        .values_list("id", "persoon_id", "fractie_id", "begindatum", "einddatum")
        .order_by("begindatum", "id")
    )
    # Raadsleden get a public page: a slug from their name and id.
    persoon_ids = {r[1] for r in rollen}
    from django.utils.text import slugify

    personen = list(Persoon.objects.filter(pk__in=persoon_ids, slug=""))
    for persoon in personen:
        persoon.slug = f"{slugify(persoon.naam)[:100]}-{persoon.pk}"
    Persoon.objects.bulk_update(personen, ["slug"], batch_size=500)

    punten: dict[int, list[tuple[int, int, str]]] = {}
    for pid, vid, rv, behandeling in (
        Agendapunt.objects.filter(vergadering_id__in=[m.id for m in vergaderingen], raadsvoorstel__isnull=False)
        .order_by("vergadering_id", "volgorde")
        .values_list("id", "vergadering_id", "raadsvoorstel_id", "behandeling")
    ):
        punten.setdefault(vid, []).append((pid, rv, behandeling))
    beslispunten: dict[int, int] = {}
    from apps.raadsvoorstellen.models import Beslispunt

    for bid, rv in (
        Beslispunt.objects.filter(raadsvoorstel_id__in=[p[1] for lijst in punten.values() for p in lijst])
        .order_by("raadsvoorstel_id", "volgorde")
        .values_list("id", "raadsvoorstel_id")
    ):
        beslispunten.setdefault(rv, bid)

    a_id = gen._ids(Aanwezigheid, len(vergaderingen) * 25)
    m_id = gen._ids(Motie, len(vergaderingen) * MOTIES_PER_VERGADERING[1])
    am_id = gen._ids(Amendement, sum(len(v) for v in punten.values()))
    s_id = gen._ids(
        Stemming,
        len(vergaderingen) * (MOTIES_PER_VERGADERING[1] + VOORSTEL_STEMMINGEN) + sum(len(v) for v in punten.values()),
    )
    # Its own random stream (the generator's stays as it was), distinct per run (ids differ): unique uuids.
    rng = random.Random(f"moties-{gen.seed}-{gen.n}-{m_id}-{s_id}")
    eerste = {"aanwezigheid": a_id, "motie": m_id, "amendement": am_id, "stemming": s_id}
    volgnummers: dict[tuple[str, int], int] = {}
    for model, soort in ((Motie, "motie"), (Amendement, "amendement")):
        for jaar, hoogste in model.objects.values_list("jaar").annotate(m=Max("volgnummer")).values_list("jaar", "m"):
            volgnummers[(soort, jaar)] = hoogste

    aanwezigheden, moties, amendementen, indieners, stemmingen, stemmen, beslis = [], [], [], [], [], [], []
    publicaties = []
    balk = gen._bar(len(vergaderingen), "moties en stemmingen")
    for m in vergaderingen:
        leden = [r for r in rollen if r[3] <= m.datum and (r[4] is None or r[4] >= m.datum)]
        if not leden:
            balk.update(1)
            continue
        aanwezig = {}
        for rol_id, persoon_id, fractie_id, _b, _e in leden:
            is_aanwezig = rng.random() >= AFWEZIG_KANS
            aanwezigheden.append((a_id, m.id, persoon_id, rol_id, fractie_id, is_aanwezig))
            if is_aanwezig:
                aanwezig[a_id] = (persoon_id, fractie_id)
            a_id += 1
        fracties = sorted({f for _p, f in aanwezig.values()})
        coalitie = set(rng.sample(fracties, max(1, len(fracties) // 2)))
        ts = _tijd(m.datum)
        volgorde = 0

        def nummer(soort, jaar):
            volgnummers[(soort, jaar)] = volgnummers.get((soort, jaar), 0) + 1
            v = volgnummers[(soort, jaar)]
            return v, (f"M{jaar}-{v:03d}" if soort == "motie" else f"A{jaar}-{v:03d}")

        def stemming(  # the meeting's state bound as defaults: a function per meeting
            soort,
            *,
            raadsvoorstel=None,
            motie=None,
            amendement=None,
            agendapunt=None,
            steun=0.5,
            m=m,
            aanwezig=aanwezig,
            fracties=fracties,
            coalitie=coalitie,
            ts=ts,
        ):
            nonlocal s_id, volgorde
            volgorde += 1
            voor_fracties = {f for f in fracties if (f in coalitie) == (rng.random() < 0.5 + steun / 2)}
            if soort == "hamerslag":
                uitslag = "aangenomen"
            else:
                voor = tegen = 0
                for aid, (pid, fid) in aanwezig.items():
                    keuze = "voor" if fid in voor_fracties else "tegen"
                    if rng.random() < AFWIJKER_KANS:
                        keuze = "tegen" if keuze == "voor" else "voor"
                    voor += keuze == "voor"
                    tegen += keuze == "tegen"
                    stemmen.append((s_id, aid, pid, fid, keuze))
                uitslag = "aangenomen" if voor > tegen else "verworpen" if tegen > voor else "staken"
            stemmingen.append(
                (
                    s_id,
                    _uuid(rng),
                    m.id,
                    agendapunt,
                    raadsvoorstel,
                    motie,
                    amendement,
                    volgorde,
                    soort,
                    uitslag,
                    "concept",
                    None,
                    1,
                    "",
                    ts,
                    ts,
                )
            )
            publicaties.append(s_id)
            s_id += 1
            return uitslag

        def indieners_kiezen(stuk_id, soort, aanwezig=aanwezig):
            aantal = min(len(aanwezig), rng.choice([1, 1, 2, 2, 3]))
            for volgorde_i, (pid, fid) in enumerate(rng.sample(list(aanwezig.values()), aantal), 1):
                indieners.append(
                    (
                        stuk_id if soort == "motie" else None,
                        stuk_id if soort == "amendement" else None,
                        pid,
                        fid,
                        "indiener" if volgorde_i == 1 else "mede_indiener",
                        volgorde_i,
                    )
                )

        besproken = [p for p in punten.get(m.id, []) if p[2] != "hamerstuk"][:VOORSTEL_STEMMINGEN]
        for punt_id, rv, _behandeling in besproken:
            if rng.random() < AMENDEMENT_KANS:
                volgnummer, nr = nummer("amendement", m.datum.year)
                uitslag = stemming("regulier", amendement=am_id, agendapunt=punt_id, steun=rng.random())
                amendementen.append(
                    (
                        am_id,
                        _uuid(rng),
                        1,
                        nr,
                        m.datum.year,
                        volgnummer,
                        f"Amendement {rng.choice(MOTIE_ONDERWERPEN).lower()}",
                        m.id,
                        punt_id,
                        uitslag if uitslag != "staken" else "verworpen",
                        "openbaar",
                        m.datum,
                        "",
                        rv,
                        None,
                        "Toelichting bij het amendement.",
                        "het voorstel vast te stellen met een jaarlijkse evaluatie.",
                        ts,
                        ts,
                    )
                )
                if rv in beslispunten:
                    beslis.append((am_id, beslispunten[rv]))
                indieners_kiezen(am_id, "amendement")
                am_id += 1
            stemming("regulier", raadsvoorstel=rv, agendapunt=punt_id, steun=0.9)
        for i in range(rng.randint(*MOTIES_PER_VERGADERING)):
            vreemd = rng.random() < 1 / 6 or not besproken
            punt_id, rv = (None, None) if vreemd else besproken[i % len(besproken)][:2]
            volgnummer, nr = nummer("motie", m.datum.year)
            soort = "hoofdelijk" if rng.random() < 0.1 else "regulier"
            uitslag = stemming(soort, motie=m_id, agendapunt=punt_id, steun=rng.random())
            titel = f"{rng.choice(MOTIE_ONDERWERPEN)} ({nr})"
            moties.append(
                (
                    m_id,
                    _uuid(rng),
                    1,
                    nr,
                    m.datum.year,
                    volgnummer,
                    titel,
                    m.id,
                    punt_id,
                    uitslag if uitslag != "staken" else "verworpen",
                    "openbaar",
                    m.datum,
                    "",
                    "vreemd" if vreemd else "voorstel",
                    rv,
                    None,
                    "er is in de raad gesproken over dit onderwerp;",
                    "het college kan hier snel op inspelen;",
                    f"verzoekt het college een plan te maken voor: {titel.lower()}.",
                    ts,
                    ts,
                )
            )
            indieners_kiezen(m_id, "motie")
            m_id += 1
        balk.update(1)
    balk.close()

    gemeenschappelijk = (
        "id",
        "uuid",
        "version",
        "nummer",
        "jaar",
        "volgnummer",
        "titel",
        "vergadering_id",
        "agendapunt_id",
        "status",
        "vertrouwelijkheid",
        "ingediend_op",
        "pdf",
    )
    with transaction.atomic():
        gen.schrijver.schrijf(
            Aanwezigheid, ("id", "vergadering_id", "persoon_id", "rol_id", "fractie_id", "aanwezig"), aanwezigheden
        )
        gen.schrijver.schrijf(
            Motie,
            (
                *gemeenschappelijk,
                "motietype",
                "raadsvoorstel_id",
                "afgehandeld_bij_id",
                "constaterende",
                "overwegende",
                "verzoek",
                "created_at",
                "updated_at",
            ),
            moties,
        )
        gen.schrijver.schrijf(
            Amendement,
            (
                *gemeenschappelijk,
                "raadsvoorstel_id",
                "hoofdamendement_id",
                "toelichting",
                "nieuwe_tekst",
                "created_at",
                "updated_at",
            ),
            amendementen,
        )
        gen.schrijver.schrijf(Amendement.beslispunten.through, ("amendement_id", "beslispunt_id"), beslis)
        gen.schrijver.schrijf(
            Indiener, ("motie_id", "amendement_id", "persoon_id", "fractie_id", "soort", "volgorde"), indieners
        )
        gen.schrijver.schrijf(
            Stemming,
            (
                "id",
                "uuid",
                "vergadering_id",
                "agendapunt_id",
                "raadsvoorstel_id",
                "motie_id",
                "amendement_id",
                "volgorde",
                "soort",
                "uitslag",
                "status",
                "gepubliceerd_op",
                "versie",
                "rectificatie_reden",
                "created_at",
                "updated_at",
            ),
            stemmingen,
        )
        gen.schrijver.schrijf(Stem, ("stemming_id", "aanwezigheid_id", "persoon_id", "fractie_id", "keuze"), stemmen)
        # Published once their votes are in (a published stemming accepts no new votes).
        nu = timezone.now()
        for begin in range(0, len(publicaties), 5000):
            Stemming.objects.filter(pk__in=publicaties[begin : begin + 5000]).update(
                status="gepubliceerd", gepubliceerd_op=nu
            )
    from django.core.management.color import no_style

    modellen = [Fractie, Aanwezigheid, Motie, Amendement, Indiener, Stemming, Stem, Amendement.beslispunten.through]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
            cursor.execute(sql)
    # Search documents of the new moties and amendementen, through their registered builders.
    from apps.moties.search import amendementen_voor_index, moties_voor_index

    for qs, vanaf in ((moties_voor_index(), eerste["motie"]), (amendementen_voor_index(), eerste["amendement"])):
        for stuk in qs.filter(pk__gte=vanaf).iterator(chunk_size=500):
            search.zoekindex_bijwerken(stuk)
