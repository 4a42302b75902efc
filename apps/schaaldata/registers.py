"""The scale dataset of the griffie's registers, for the benchmark: realistic numbers per year.

One function, called by the scale generator. It builds on what the generator already made (meetings,
persons, moties) and inserts in bulk (bulk_create, chunks), deterministic for a seed and a peildatum. Per year,
for a municipality like Leusden (30,000 inhabitants, 23 seats), at `schaal` 1: 60 toezeggingen, 250 ingekomen
stukken (a third from private persons), 45 rounds of schriftelijke vragen and 35 items on the lange
termijnagenda; every aangenomen motie gets its follow-up with one to four reports. A city is about `schaal` 10.
Run zoekindex_herbouwen afterwards to put the items in the search index.
"""

import datetime
import random

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from tqdm import tqdm

from apps.core.models import Gremium, Persoon, Rol, Zaak
from apps.moties.models import Motie
from apps.registers.models import (
    IngekomenStuk,
    LangetermijnItem,
    Motieopvolging,
    Registernummer,
    SchriftelijkeVraag,
    StandVanZaken,
    Toezegging,
)
from apps.registers.termijnen import termijn_einde
from apps.vergaderagenda.models import Vergadering

# The search documents of the registers (apps/registers/search.py), built after the bulk index.
REGISTER_SOORTEN = ("toezegging", "motieopvolging", "ingekomen_stuk", "schriftelijke_vraag", "langetermijn")
PER_JAAR = {"toezeggingen": 60, "ingekomen_stukken": 250, "schriftelijke_vragen": 45, "langetermijn": 35}
STUK = 2000
ONDERWERPEN = [
    "de verkeersveiligheid rond scholen",
    "het woningbouwprogramma",
    "de wachttijden in de jeugdhulp",
    "het onderhoud van de openbare ruimte",
    "de energietransitie in de wijk",
    "het sportpark",
    "de regionale samenwerking",
    "de subsidie voor verenigingen",
    "het afvalbeleid",
    "de bibliotheek",
]


def _bulk(model, rijen, balk):
    for i in range(0, len(rijen), STUK):
        model.objects.bulk_create(rijen[i : i + STUK], batch_size=STUK)
        balk.update(len(rijen[i : i + STUK]))


def registers_genereren(
    *, jaren: int = 20, schaal: float = 1.0, seed: int = 17, peildatum: datetime.date | None = None, voortgang=True
) -> dict[str, int]:
    """Generate the registers for `jaren` years up to `peildatum`. Returns the number of rows per kind."""
    rng = random.Random(seed)
    peildatum = peildatum or timezone.localdate()
    eerste_jaar = peildatum.year - jaren + 1
    raad = Gremium.objects.filter(soort="gemeenteraad").first() or Gremium.objects.create(
        naam="Gemeenteraad", slug="gemeenteraad-schaal", soort="gemeenteraad"
    )
    vergaderingen = list(
        Vergadering.objects.filter(datum__year__gte=eerste_jaar, datum__lte=peildatum).values_list("pk", "datum")
    )
    if not vergaderingen:
        vergaderingen = [
            (v.pk, v.datum)
            for v in Vergadering.objects.bulk_create(
                Vergadering(gremium=raad, titel="Raadsvergadering", datum=datetime.date(j, m, 15), status="gehouden")
                for j in range(eerste_jaar, peildatum.year + 1)
                for m in range(1, 13)
                if datetime.date(j, m, 15) <= peildatum
            )
        ]
    bestuurders = list(Persoon.objects.filter(rollen__soort__in=["wethouder", "burgemeester"]).distinct()[:20])
    if not bestuurders:
        bestuurders = [Persoon.objects.create(naam=f"Wethouder {n} (schaal)") for n in range(1, 5)]
        Rol.objects.bulk_create(
            Rol(persoon=p, soort="wethouder", begindatum=datetime.date(eerste_jaar, 1, 1)) for p in bestuurders
        )
    raadsleden = list(Persoon.objects.filter(rollen__soort="raadslid").distinct()[:40]) or bestuurders
    zaken = list(Zaak.objects.order_by("-id").values_list("pk", flat=True)[:5000])
    nu = timezone.now()
    aantallen = {}
    balk = tqdm(total=0, desc="registers", unit="rij", disable=not voortgang)

    def aantal(soort):
        return max(1, round(PER_JAAR[soort] * schaal * rng.uniform(0.8, 1.2)))

    with transaction.atomic():
        begin = {
            m: m.objects.aggregate(m=Max("volgnummer"))["m"] or 0
            for m in (Toezegging, IngekomenStuk, SchriftelijkeVraag)
        }
        rijen = {Toezegging: [], IngekomenStuk: [], SchriftelijkeVraag: [], LangetermijnItem: []}
        volgnummers = {}

        def volgende(model, jaar):
            sleutel = (model, jaar)
            volgnummers[sleutel] = volgnummers.get(sleutel, begin[model]) + 1
            return volgnummers[sleutel]

        per_jaar = {}
        for pk, datum in vergaderingen:
            per_jaar.setdefault(datum.year, []).append((pk, datum))
        for jaar in range(eerste_jaar, peildatum.year + 1):
            in_jaar = per_jaar.get(jaar) or vergaderingen
            for _ in range(aantal("toezeggingen")):
                pk, datum = rng.choice(in_jaar)
                n = volgende(Toezegging, datum.year)
                uiterste = datum + datetime.timedelta(days=rng.choice([30, 60, 90, 180]))
                status = "open" if uiterste > peildatum or rng.random() < 0.15 else rng.choice(["vervallen", "open"])
                rijen[Toezegging].append(
                    Toezegging(
                        nummer=f"T{datum.year}-{n:03d}",
                        jaar=datum.year,
                        volgnummer=n,
                        vergadering_id=pk,
                        persoon=rng.choice(bestuurders),
                        tekst=f"De wethouder zegt toe de raad te informeren over {rng.choice(ONDERWERPEN)}.",
                        uiterste_datum=uiterste,
                        status=status,
                        publicatie="gepubliceerd",
                        gepubliceerd_op=nu,
                        zaak_id=rng.choice(zaken) if zaken and rng.random() < 0.3 else None,
                    )
                )
            for _ in range(aantal("ingekomen_stukken")):
                ontvangen = datetime.date(jaar, 1, 1) + datetime.timedelta(days=rng.randrange(365))
                if ontvangen > peildatum:
                    continue
                n = volgende(IngekomenStuk, jaar)
                prive = rng.random() < 0.33
                rijen[IngekomenStuk].append(
                    IngekomenStuk(
                        nummer=f"IS{jaar}-{n:03d}",
                        jaar=jaar,
                        volgnummer=n,
                        ontvangen_op=ontvangen,
                        afzender=f"Inwoner {n}" if prive else rng.choice(["Provincie", "Buurgemeente", "Vereniging"]),
                        afzender_is_privepersoon=prive,
                        onderwerp=f"Brief over {rng.choice(ONDERWERPEN)}",
                        voorgestelde_afhandeling=rng.choice(["ter_kennisname", "in_handen_college"]),
                        publicatie="gepubliceerd",
                        gepubliceerd_op=nu,
                    )
                )
            for _ in range(aantal("schriftelijke_vragen")):
                gesteld = datetime.date(jaar, 1, 1) + datetime.timedelta(days=rng.randrange(365))
                if gesteld > peildatum:
                    continue
                n = volgende(SchriftelijkeVraag, jaar)
                uiterste = termijn_einde(gesteld, 30, werkdagen=False)
                antwoord = gesteld + datetime.timedelta(days=rng.randint(10, 50))
                beantwoord = antwoord <= peildatum
                rijen[SchriftelijkeVraag].append(
                    SchriftelijkeVraag(
                        nummer=f"SV{jaar}-{n:03d}",
                        jaar=jaar,
                        volgnummer=n,
                        gesteld_op=gesteld,
                        onderwerp=f"Vragen over {rng.choice(ONDERWERPEN)}",
                        vragen="1. Hoe staat het ervoor?",
                        vraagsteller=rng.choice(raadsleden),
                        artikel="artikel 40 van het Reglement van orde",
                        termijn_dagen=30,
                        uiterste_datum=uiterste,
                        status="beantwoord" if beantwoord else "open",
                        beantwoord_op=antwoord if beantwoord else None,
                        antwoord_tekst="Het college antwoordt als volgt." if beantwoord else "",
                        publicatie="gepubliceerd",
                        gepubliceerd_op=nu,
                    )
                )
            for _ in range(aantal("langetermijn")):
                rijen[LangetermijnItem].append(
                    LangetermijnItem(
                        titel=f"Nota over {rng.choice(ONDERWERPEN)}",
                        jaar=jaar,
                        kwartaal=rng.randint(1, 4),
                        portefeuillehouder=rng.choice(bestuurders),
                        status="behandeld" if jaar < peildatum.year else rng.choice(["gepland", "in_voorbereiding"]),
                        zaak_id=rng.choice(zaken) if zaken and rng.random() < 0.4 else None,
                        publicatie="gepubliceerd",
                        gepubliceerd_op=nu,
                    )
                )
        balk.total = sum(len(r) for r in rijen.values())
        for model, lijst in rijen.items():
            _bulk(model, lijst, balk)
            aantallen[model._meta.model_name] = len(lijst)
        for (model, jaar), laatste in volgnummers.items():
            Registernummer.objects.update_or_create(
                soort=model._meta.model_name, jaar=jaar, defaults={"laatste": laatste}
            )
        moties = list(
            Motie.objects.filter(status="aangenomen", opvolging__isnull=True).values_list("pk", "ingediend_op")
        )
        opvolgingen = Motieopvolging.objects.bulk_create(
            [
                Motieopvolging(
                    motie_id=pk,
                    status=rng.choice(["in_uitvoering", "niet_gestart"]),
                    uiterste_datum=datum + datetime.timedelta(days=rng.choice([90, 180, 365])),
                )
                for pk, datum in moties
            ],
            batch_size=STUK,
        )
        standen = [
            StandVanZaken(
                opvolging=o,
                datum=min(peildatum, d + datetime.timedelta(days=60 * (i + 1))),
                tekst="Het college werkt aan de uitvoering.",
            )
            for o, (_pk, d) in zip(opvolgingen, moties, strict=True)
            for i in range(rng.randint(1, 4))
        ]
        balk.total += len(standen)
        _bulk(StandVanZaken, standen, balk)
        aantallen["motieopvolging"] = len(opvolgingen)
        aantallen["standvanzaken"] = len(standen)
    balk.close()
    return aantallen
