"""Example items of the griffie's registers for the demo (issue 17). Clearly fictitious: every text says
"(voorbeeld)" and every name is made up. Idempotent: an example that exists is left alone."""

import datetime

from django.utils.formats import date_format

from apps.core.models import Fractie, Gremium, Persoon, Rol
from apps.memos.models import Memo
from apps.registers import services
from apps.registers.models import IngekomenStuk, LangetermijnItem, SchriftelijkeVraag, Toezegging
from apps.registers.termijnen import vandaag
from apps.vergaderagenda.models import Vergadering

VOORBEELD = "(voorbeeld)"


def _publiceren(item):
    if not item.is_gepubliceerd:
        services.item_publiceren(item=item)


def registers_voorbeelden(*, uitvoer=None) -> None:
    raad = Vergadering.objects.filter(soort="raadsvergadering").order_by("datum").first()
    wethouder = Persoon.objects.filter(rollen__soort="wethouder").first()
    if raad is None or wethouder is None:
        return
    aantal = 0
    if not Toezegging.objects.filter(tekst__contains=VOORBEELD).exists():
        t = services.toezegging_aanmaken(
            velden={
                "tekst": f"{VOORBEELD} De wethouder zegt toe de raad vóór 1 maart 2022 te informeren over de "
                "wachttijden in de jeugdhulp.",
                "persoon": wethouder,
                "vergadering": raad,
                "uiterste_datum": datetime.date(2022, 3, 1),
            }
        )
        _publiceren(t)
        memo = Memo.objects.filter(status="definitief", vertrouwelijkheid="openbaar").order_by("datum").first()
        t2 = services.toezegging_aanmaken(
            velden={
                "tekst": f"{VOORBEELD} De wethouder zegt toe het besluitvormingsproces rond de Lariks schriftelijk "
                "toe te lichten.",
                "persoon": wethouder,
                "vergadering": raad,
                "uiterste_datum": raad.datum + datetime.timedelta(days=60),
                **({"status": "afgedaan", "afgedaan_met": memo, "afgedaan_in": raad} if memo else {}),
            }
        )
        _publiceren(t2)
        aantal += 2

    if not IngekomenStuk.objects.filter(onderwerp__contains=VOORBEELD).exists():
        commissie = Gremium.objects.filter(soort="commissie").first()
        for velden in [
            {
                "afzender": "Stichting Voorbeeldwijk (fictief)",
                "onderwerp": f"{VOORBEELD} Verzoek om een extra speelplek in de wijk",
                "samenvatting": "De stichting vraagt de raad om een extra speelplek.",
                "voorgestelde_afhandeling": "in_handen_college",
            },
            {
                "afzender": "J. de Voorbeeld (fictief)",
                "afzender_adres": "Voorbeeldstraat 1, 3830 AA Leusden (fictief)",
                "afzender_is_privepersoon": True,
                "onderwerp": f"{VOORBEELD} Zorgen over verkeersveiligheid bij de school",
                "samenvatting": "Een inwoner vraagt aandacht voor de verkeersveiligheid bij een basisschool.",
                "voorgestelde_afhandeling": "agenderen" if commissie else "ter_kennisname",
                "voorgestelde_commissie": commissie,
            },
        ]:
            s = services.ingekomen_stuk_aanmaken(
                velden={"ontvangen_op": raad.datum - datetime.timedelta(days=10), **velden}
            )
            _publiceren(s)
            aantal += 1

    if not SchriftelijkeVraag.objects.filter(onderwerp__contains=VOORBEELD).exists():
        fractie, _ = Fractie.objects.get_or_create(
            slug="voorbeeldfractie", defaults={"naam": "Voorbeeldfractie (fictief)", "afkorting": "VF"}
        )
        raadslid, _ = Persoon.objects.get_or_create(naam="A. Voorbeeldlid (fictief)")
        Rol.objects.get_or_create(
            persoon=raadslid, soort="raadslid", fractie=fractie, defaults={"begindatum": datetime.date(2018, 3, 29)}
        )
        vandaag_ = vandaag()
        for gesteld, antwoord in [
            (datetime.date(2021, 9, 1), datetime.date(2021, 10, 15)),
            (vandaag_ - datetime.timedelta(days=45), None),
            (vandaag_ - datetime.timedelta(days=3), None),
        ]:
            v = services.schriftelijke_vraag_aanmaken(
                velden={
                    "onderwerp": f"{VOORBEELD} Vragen over de jeugdhulp ({date_format(gesteld, 'F Y')})",
                    "vragen": "1. Hoe lang zijn de wachttijden nu?\n2. Wat doet het college om ze te verkorten?",
                    "vraagsteller": raadslid,
                    "fractie": fractie,
                    "gesteld_op": gesteld,
                }
            )
            if antwoord:
                v = services.schriftelijke_vraag_bijwerken(
                    vraag=v,
                    versie=v.version,
                    velden={
                        "status": "beantwoord",
                        "beantwoord_op": antwoord,
                        "antwoord_tekst": "1. Gemiddeld acht weken (voorbeeld).\n2. Het college koopt extra "
                        "capaciteit in (voorbeeld).",
                    },
                )
            elif gesteld < vandaag_ - datetime.timedelta(days=35):
                v = services.schriftelijke_vraag_bijwerken(
                    vraag=v,
                    versie=v.version,
                    velden={"uitstelbericht_op": v.uiterste_datum - datetime.timedelta(days=2)},
                )
            _publiceren(v)
            aantal += 1

    if not LangetermijnItem.objects.filter(titel__contains=VOORBEELD).exists():
        jaar = vandaag().year + 1
        for velden in [
            {
                "titel": f"{VOORBEELD} Evaluatie van de regiovisie jeugdhulp",
                "jaar": jaar,
                "kwartaal": 1,
            },
            {"titel": f"{VOORBEELD} Nota speelruimtebeleid", "jaar": jaar, "kwartaal": 2, "status": "in_voorbereiding"},
        ]:
            i = services.langetermijn_aanmaken(velden={"portefeuillehouder": wethouder, **velden})
            _publiceren(i)
            aantal += 1
    uitkomst = services.registers_bijwerken()
    if uitvoer is not None:
        uitvoer.write(
            f"  registers: {aantal} voorbeelditems, {uitkomst['opvolgingen_aangemaakt']} moties in de motiemonitor"
        )
