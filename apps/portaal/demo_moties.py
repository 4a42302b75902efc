"""Demo data for moties and stemmingen: the motie of the raad of July 2020 (seed 000) and its handling on
30 September 2021.

The seeds name the motie ("de zes vragen van de raad in de motie van juli 2020") and the agenda item of
30 September 2021 that handles it, but no raadsleden, fracties, date in July or votes. Everything invented
here is clearly fictitious and labelled as example data: the raadsleden are "Voorbeeldlid ... (fictief)" in
"Voorbeeldfractie ... (fictief)", the July meeting says it is example data, and no vote is attributed to a
real person named in the seeds. Idempotent: a second run changes nothing.
"""

import datetime

from django.db import transaction

from apps.core.models import Fractie, Gremium, Persoon, Rol
from apps.moties import services
from apps.moties.models import Motie
from apps.vergaderagenda.models import Agendapunt, Vergadering

VOORBEELD = "Voorbeelddata (fictief)"
PERIODE = (datetime.date(2018, 3, 29), datetime.date(2022, 3, 30))
# Fictitious fracties and their number of seats (19 in all).
FRACTIES = [
    ("Voorbeeldfractie Noord (fictief)", "VB-Noord", 6),
    ("Voorbeeldfractie Oost (fictief)", "VB-Oost", 5),
    ("Voorbeeldfractie Zuid (fictief)", "VB-Zuid", 4),
    ("Voorbeeldfractie West (fictief)", "VB-West", 3),
    ("Voorbeeldfractie Midden (fictief)", "VB-Midden", 1),
]
JULI_2020 = datetime.date(2020, 7, 9)
MOTIE_TITEL = "Evaluatie Lariks: zes vragen van de raad"


def _raad_maken(gremium: Gremium) -> list[Rol]:
    rollen = []
    nummer = 0
    for naam, afkorting, zetels in FRACTIES:
        fractie, _ = Fractie.objects.get_or_create(
            slug=afkorting.lower(),
            defaults={"naam": naam, "afkorting": afkorting, "gremium": gremium, "begindatum": PERIODE[0]},
        )
        for i in range(zetels):
            nummer += 1
            persoon, _ = Persoon.objects.get_or_create(
                slug=f"voorbeeldlid-{nummer}",
                defaults={"naam": f"{afkorting} Voorbeeldlid {i + 1} (fictief)", "organisatie": VOORBEELD},
            )
            rol, _ = Rol.objects.get_or_create(
                persoon=persoon,
                soort=Rol.Soort.RAADSLID,
                gremium=gremium,
                defaults={
                    "fractie": fractie,
                    "fractievoorzitter": i == 0,
                    "begindatum": PERIODE[0],
                    "einddatum": PERIODE[1],
                },
            )
            rollen.append(rol)
    return rollen


def demo_moties_aanmaken(*, uitvoer=None) -> None:
    if Motie.objects.filter(titel=MOTIE_TITEL).exists():
        return
    gremium = Gremium.objects.filter(soort=Gremium.Soort.GEMEENTERAAD).order_by("pk").first()
    afhandeling = (
        Agendapunt.objects.filter(vergadering__datum=datetime.date(2021, 9, 30), titel__icontains="motie")
        .select_related("vergadering")
        .first()
    )
    if gremium is None:
        return
    with transaction.atomic():
        rollen = _raad_maken(gremium)
        vergadering, _ = Vergadering.objects.get_or_create(
            gremium=gremium,
            datum=JULI_2020,
            titel="Raadsvergadering juli 2020 (voorbeelddata)",
            defaults={
                "soort": Vergadering.Soort.RAADSVERGADERING,
                "status": Vergadering.Status.GEHOUDEN,
                "locatie": "Gemeentehuis Leusden",
                "toelichting": (
                    "Voorbeelddata. De brondocumenten noemen alleen “de motie van juli 2020” met zes vragen van de "
                    "raad over Lariks. De datum van deze vergadering, de tekst van de motie, de raadsleden, de "
                    "fracties en de stemming zijn fictief en dienen alleen als voorbeeld."
                ),
            },
        )
        punt, _ = Agendapunt.objects.get_or_create(
            vergadering=vergadering,
            volgorde=1,
            defaults={"volgnummer": "1", "titel": "Lariks (voorbeelddata)", "behandeling": "bespreekstuk"},
        )
        motie = services.motie_indienen(
            vergadering=vergadering,
            agendapunt=punt,
            velden={
                "titel": MOTIE_TITEL,
                "motietype": Motie.Motietype.OVERIG,
                "constaterende": (
                    "de uitvoeringskosten van Lariks zijn gestegen;\n"
                    "de raad wil weten hoe Lariks de sociale basisinfrastructuur van Leusden het beste kan "
                    "dragen. (Voorbeeldtekst: de echte tekst van de motie staat niet in de brondocumenten.)"
                ),
                "overwegende": "een onafhankelijke evaluatie geeft de raad een inhoudelijk kader voor een besluit;",
                "verzoek": (
                    "verzoekt het college de uitvoering door Lariks onafhankelijk te laten evalueren aan de hand "
                    "van zes vragen van de raad, met een eindadvies, en de raad daarover te informeren."
                ),
            },
            indieners=[rollen[0].persoon, rollen[6].persoon],
            mede_indieners=[rollen[11].persoon],
        )
        aanwezig = [r.persoon_id for r in rollen if r is not rollen[-2]]  # one fictitious member absent
        services.aanwezigheid_vastleggen(vergadering=vergadering, aanwezig=aanwezig)
        stemmen = {}
        for rol in rollen:
            if rol.persoon_id not in aanwezig:
                continue
            stemmen[rol.persoon_id] = "tegen" if rol.fractie.afkorting == "VB-West" else "voor"
        stemmen[rollen[5].persoon_id] = "tegen"  # one fictitious member votes against the fractie
        stemming = services.stemming_vastleggen(
            vergadering=vergadering, soort="hoofdelijk", motie=motie, agendapunt=punt, stemmen=stemmen
        )
        services.stemming_publiceren(stemming=stemming)
        if afhandeling is not None:
            Motie.objects.filter(pk=motie.pk).update(afgehandeld_bij=afhandeling)
        services.besluitenlijst_publiceren(vergadering=vergadering)
    if uitvoer is not None:
        uitvoer.write("  motie van juli 2020 (met fictieve raadsleden en stemming) aangemaakt")
