"""The resources of ORI API 2.0.0-beta.4 the portal serves: what is public, in the standard's shapes.

Each resource (Bron) gives its public list (anonymous visibility, as mini-ORI), one record by id, the shape, and
the query parameters the spec defines for it (each validated: a wrong value answers 400). Resources the portal
holds no data for (mediabronnen, spreekfragmenten, dagelijkse besturen, ...) answer an empty list and 404.
"""

import uuid as uuidlib

from django.db.models import Prefetch, Q
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework import exceptions

from apps.besluiten.selectors import huidige_besluiten
from apps.core.gemeente import huidige_gemeente
from apps.core.models import Persoon, Rol
from apps.memos.models import Memo
from apps.openori import selectors as mini
from apps.openori.serializers import InformatieObjectSerializer
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage

from . import vorm

# --- Parameter values -----------------------------------------------------------


def _fout(naam, uitleg):
    raise exceptions.ValidationError(f"Ongeldige waarde voor {naam}: {uitleg}.")


def tekst(maximum=None):
    """Free text: taken as it comes (a longer value than the spec's maximum simply matches nothing)."""

    def lees(naam, waarde):
        return waarde

    return lees


def keuze(*waarden):
    def lees(naam, waarde):
        if waarde not in waarden:
            _fout(naam, "kies uit " + ", ".join(waarden))
        return waarde

    return lees


def datum(naam, waarde):
    try:
        dag = parse_date(waarde)
    except ValueError:
        dag = None
    if dag is None:
        _fout(naam, "een datum als 2021-09-30")
    return dag


def moment(naam, waarde):
    try:
        tijd = parse_datetime(waarde.replace(" ", "+").upper())
    except ValueError:
        tijd = None
    if tijd is None:
        _fout(naam, "een moment als 2021-09-30T20:00:00+02:00")
    if tijd.tzinfo is None:
        from django.utils import timezone

        tijd = timezone.make_aware(tijd)
    return tijd


def geheel(naam, waarde):
    try:
        return int(waarde)
    except ValueError:
        _fout(naam, "een geheel getal")


def janee(naam, waarde):
    if waarde not in ("true", "false"):
        _fout(naam, "true of false")
    return waarde == "true"


PROVINCIES = (
    "drenthe", "groningen", "overijsel", "flevoland", "friesland", "gelderland", "utrecht",
    "noord_holland", "zuid_holland", "zeeland", "noord_brabant", "limburg",
)  # fmt: skip


def eigen_gemeente(code: str) -> bool:
    return code.lstrip("gm").lstrip("0") == vorm.gemeente()["gemeentecode"].lstrip("0")


def als_uuid(waarde):
    try:
        return uuidlib.UUID(waarde)
    except ValueError:
        return None


# --- Resources ------------------------------------------------------------------


class Bron:
    pad = ""
    naam = ""
    # parameter -> (reader, filter(qs, value) -> qs)
    parameters: dict = {}

    def lijst(self):
        return []

    def op_id(self, kenmerk):
        sleutel = als_uuid(kenmerk)
        if sleutel is None or not hasattr(self.lijst(), "filter"):
            return None
        return self.lijst().filter(uuid=sleutel).first()

    def gefilterd(self, params: dict):
        qs = self.lijst()
        for naam, waarde in params.items():
            lees, pas_toe = self.parameters[naam]
            qs = pas_toe(qs, lees(naam, waarde))
        return qs

    def vorm(self, obj, ctx) -> dict:
        raise NotImplementedError


def _gemeente_filter(qs, code):
    return qs if eigen_gemeente(code) else qs.none()


def _niets(qs, _waarde):
    return qs.none() if hasattr(qs, "none") else []


GEBIED = {
    "gemeentecode": (tekst(), _gemeente_filter),
    "provincie": (keuze(*PROVINCIES), _niets),
    "waterschapcode": (tekst(4), _niets),
}


def _agendapunten_openbaar():
    return Agendapunt.objects.zichtbaar_voor(mini.ANONIEM).order_by("volgorde")


class VergaderingBron(Bron):
    pad, naam = "vergaderingen", "vergadering"
    parameters = {
        "gewijzigdSinds": (moment, lambda qs, m: qs.filter(updated_at__gte=m)),
        "naam": (tekst(100), lambda qs, v: qs.filter(titel__icontains=v)),
        **GEBIED,
        "status": (
            keuze("gepland", "gehouden", "geannuleerd"),
            lambda qs, v: qs.filter(status={"gepland": "gepubliceerd"}.get(v, v)),
        ),
        "vergaderdatum": (datum, lambda qs, d: qs.filter(datum=d)),
        "vergaderingstype": (
            keuze(
                "raadsvergadering",
                "commissievergadering",
                "presidium",
                "statenvergadering",
                "algemene_bestuursvergadering",
            ),
            lambda qs, v: (
                qs.filter(soort="raadsvergadering")
                if v == "raadsvergadering"
                else qs.exclude(soort="raadsvergadering")
                if v == "commissievergadering"
                else qs.none()
            ),
        ),
    }

    def lijst(self):
        return mini.vergaderingen_lijst().prefetch_related(
            Prefetch("agendapunten", queryset=_agendapunten_openbaar(), to_attr="v2_agendapunten")
        )

    def vorm(self, v, ctx):
        gehouden = v.status == "gehouden"
        aanvang = vorm.moment(v.datum, v.aanvang)
        einde = vorm.moment(v.datum, v.einde) if aanvang else None
        gremium = v.gremium
        return vorm.zonder_lege(
            {
                "url": ctx.url("vergadering", v.uuid),
                "id": str(v.uuid),
                "naam": vorm.kort(v.titel, 100),
                "vergaderingstype": vorm.VERGADERINGSTYPE.get(v.soort, "commissievergadering"),
                "status": vorm.STATUS.get(v.status, "gepland"),
                "geplandeVergaderdatum": v.datum.isoformat(),
                "geplandeAanvangVergadering": aanvang,
                "geplandeEindeVergadering": einde,
                "vergaderdatum": v.datum.isoformat() if gehouden else None,
                "aanvangVergadering": aanvang if gehouden else None,
                "eindeVergadering": einde if gehouden else None,
                "locatie": vorm.kort(v.locatie, 100),
                "vergadertoelichting": v.toelichting,
                "gemeente": vorm.gemeente(),
                "georganiseerdDoorGremium": {
                    "gremiumidentificatie": (gremium.afkorting or gremium.slug or str(gremium.pk))[:10],
                    "gremiumnaam": vorm.kort(gremium.naam, 100),
                },
                "agendapunten": [ctx.url("agendapunt", a.uuid) for a in v.v2_agendapunten],
                "wijzigingsdatum": v.updated_at.date().isoformat(),
            }
        )


def _openbare_bijlagen(model):
    return model.objects.filter(vertrouwelijkheid="openbaar").exclude(bestand="").order_by("volgorde", "id")


class AgendapuntBron(Bron):
    pad, naam = "agendapunten", "agendapunt"

    def _vergadering(qs, v):
        sleutel = als_uuid(v)
        return qs.filter(vergadering__uuid=sleutel) if sleutel else qs.none()

    parameters = {
        "agendapuntOmschrijving": (tekst(), lambda qs, v: qs.filter(omschrijving__icontains=v)),
        "bovenliggendAgendapuntIdentificatie": (tekst(), _niets),  # the portal has no sub-items
        **GEBIED,
        "gewijzigdSinds": (
            moment,
            lambda qs, m: qs.filter(Q(updated_at__gte=m) | Q(vergadering__updated_at__gte=m)),
        ),
        "vergaderingsIdentificatie": (tekst(), _vergadering),
    }

    def lijst(self):
        voorstellen = Raadsvoorstel.objects.openbaar().only("uuid")
        return mini.agendapunten_lijst().prefetch_related(
            Prefetch("raadsvoorstel", queryset=voorstellen, to_attr="v2_voorstel"),
            Prefetch(
                "memos", queryset=Memo.objects.openbaar().only("uuid").order_by("datum", "id"), to_attr="v2_memos"
            ),
            Prefetch("bijlagen", queryset=_openbare_bijlagen(AgendapuntBijlage), to_attr="v2_bijlagen"),
            Prefetch(
                "besluiten",
                queryset=huidige_besluiten(user=mini.ANONIEM).only("uuid", "agendapunt_id"),
                to_attr="v2_besluiten",
            ),
        )

    def vorm(self, a, ctx):
        v = a.vergadering
        gehouden = v.status == "gehouden"
        start = vorm.moment(v.datum, a.aanvang)
        eind = vorm.moment(v.datum, a.einde) if start else None
        stukken = [*([a.v2_voorstel] if a.v2_voorstel else []), *a.v2_memos, *a.v2_bijlagen, *a.v2_besluiten]
        nummer = a.volgnummer or str(a.volgorde)
        return vorm.zonder_lege(
            {
                "url": ctx.url("agendapunt", a.uuid),
                "id": str(a.uuid),
                "vergadering": ctx.verwijzing("vergadering", v.uuid),
                "agendapuntTitel": vorm.kort(a.titel, 100),
                "agendapuntOmschrijving": a.omschrijving,
                "agendapuntvolgnummer": nummer[:3],
                "geplandAgendapuntvolgnummer": nummer[:10],
                "geplandeStarttijd": None if gehouden else start,
                "geplandeEindtijd": None if gehouden else eind,
                "starttijd": start if gehouden else None,
                "eindtijd": eind if gehouden else None,
                "gemeente": vorm.gemeente(),
                "indicatieHamerstuk": a.behandeling == "hamerstuk",
                "indicatorBesloten": False,
                "indicatorBehandeld": True if gehouden else None,
                "informatieobjecten": list(dict.fromkeys(ctx.url("informatieobject", s.uuid) for s in stukken)),
            }
        )


UITKOMST = {
    "aangenomen": "aangenomen",
    "geamendeerd_aangenomen": "geamendeerd aangenomen",
    "verworpen": "verworpen",
    "aangehouden": "aangehouden",
    "ingetrokken": "ingetrokken",
}


class BesluitBron(Bron):
    pad, naam = "besluiten", "besluit"
    parameters = {"besluittoelichting": (tekst(200), lambda qs, v: qs.filter(titel__icontains=v))}

    def lijst(self):
        return huidige_besluiten(user=mini.ANONIEM).select_related("zaak").order_by("pk")

    def vorm(self, b, ctx):
        resultaat = UITKOMST.get(b.uitkomst, "aangenomen")
        if resultaat == "aangenomen" and b.stemming == "unaniem":
            resultaat = "unaniem aangenomen"
        return vorm.zonder_lege(
            {
                "url": ctx.url("besluit", b.uuid),
                "id": str(b.uuid),
                "besluitresultaat": resultaat,
                "besluittoelichting": vorm.kort(f"{b.zaak.zaaknummer}: {b.titel}", 200),
            }
        )


PUBLIEKE_ROLLEN = ["burgemeester", "wethouder", "griffier", "directeur_secretaris", "raadslid", "voorzitter"]


class NatuurlijkPersoonBron(Bron):
    """Office holders only (a role of burgemeester, wethouder, griffier, secretaris, raadslid or voorzitter):
    civil servants and other people the portal knows by name are not published as persons."""

    pad, naam = "natuurlijkpersonen", "natuurlijkpersoon"
    FUNCTIES = (
        "burgemeester", "wethouder", "raadslid", "burgerlid", "griffier", "gemeentesecretaris",
        "ambtenaar_of_medewerker", "adviseur_of_deskundige", "overig", "commissaris_van_de_koning", "gedeputeerde",
        "statenlid", "provinciesecretaris", "dijkgraaf", "dagelijks_bestuurslid", "algemeen_bestuurslid",
        "secretarisdirecteur",
    )  # fmt: skip

    def _functie(qs, v):
        rollen = [rol for rol, functie in vorm.FUNCTIE.items() if functie == v]
        return qs.filter(rollen__soort__in=rollen).distinct() if rollen else qs.none()

    parameters = {
        "functie": (keuze(*FUNCTIES), _functie),
        "geslachtsaanduiding": (keuze("man", "vrouw", "anders", "onbekend"), _niets),
        "achternaam": (tekst(200), lambda qs, v: qs.filter(naam__icontains=v)),
        "nevenfunctie_omschrijving": (tekst(), _niets),
        "nevenfunctie_indicatorBezoldigd": (janee, _niets),
        "nevenfunctie_naamOrganisatie": (tekst(), _niets),
    }

    def lijst(self):
        rollen = Rol.objects.filter(soort__in=PUBLIEKE_ROLLEN).order_by("-begindatum", "id")
        return (
            Persoon.objects.filter(rollen__soort__in=PUBLIEKE_ROLLEN)
            .distinct()
            .order_by("naam", "id")
            .prefetch_related(Prefetch("rollen", queryset=rollen, to_attr="v2_rollen"))
        )

    def vorm(self, p, ctx):
        functie = vorm.FUNCTIE.get(p.v2_rollen[0].soort) if p.v2_rollen else None
        return vorm.zonder_lege(
            {
                "url": ctx.url("natuurlijkpersoon", p.uuid),
                "id": str(p.uuid),
                "naamNatuurlijkPersoon": vorm.naam_delen(p.naam),
                "functie": functie,
            }
        )


# mini-ORI kinds -> the standard's informatieobjecttype
INFORMATIEOBJECTTYPE = {
    "raadsbesluit": "besluitvormingsstuk",
    "raadsvoorstel": "voorstel",
    "procesvoorstel": "voorstel",
    "beantwoording_vragen": "antwoord",
    "motie": "motie",
    "amendement": "amendement",
}


def _per_soort(velden: dict):
    """A filter over the kinds of informatieobjecten: `velden` maps a kind to a function (qs, value) -> qs; kinds
    without one are left out when the parameter is given."""

    def pas_toe(waarde):
        def filter(soort, qs):
            maak = velden.get(soort)
            return maak(qs, waarde) if maak else None

        return filter

    return pas_toe


def _vergadering_van(pad):
    return lambda qs, v: qs.filter(**{pad: als_uuid(v)}).distinct() if als_uuid(v) else qs.none()


def _datum_van(pad):
    return lambda qs, d: qs.filter(**{pad: d})


BIJLAGEN = (mini.BIJLAGE_RAADSVOORSTEL, mini.BIJLAGE_MEMO, mini.BIJLAGE_AGENDAPUNT)
INGEDIEND_SOORTEN = (mini.MOTIE, mini.AMENDEMENT)
ALLE = (mini.BESLUIT, mini.RAADSVOORSTEL, mini.MEMO, *BIJLAGEN, *INGEDIEND_SOORTEN)


def _alle_of_geen(voorwaarde):
    return _per_soort({s: (lambda qs, v: qs if voorwaarde(v) else qs.none()) for s in ALLE})


def _besluit_ingediend(qs, d):
    return qs.filter(Q(vastgesteld_op__date=d) | Q(vastgesteld_op__isnull=True, gepubliceerd_op__date=d))


INGEDIEND = {
    mini.BESLUIT: _besluit_ingediend,
    mini.RAADSVOORSTEL: _datum_van("college_besluitdatum"),
    mini.MEMO: _datum_van("datum"),
    mini.BIJLAGE_RAADSVOORSTEL: _datum_van("raadsvoorstel__college_besluitdatum"),
    mini.BIJLAGE_MEMO: _datum_van("memo__datum"),
    mini.BIJLAGE_AGENDAPUNT: _datum_van("agendapunt__vergadering__datum"),
}


class InformatieObjectBron(Bron):
    pad, naam = "informatieobjecten", "informatieobject"
    parameters = {
        "agendapuntIdentificatie": (
            tekst(10),
            _per_soort(
                {
                    mini.BESLUIT: lambda qs, v: qs.filter(agendapunt__volgnummer=v),
                    mini.RAADSVOORSTEL: lambda qs, v: qs.filter(agendapunten__volgnummer=v).distinct(),
                    mini.MEMO: lambda qs, v: qs.filter(agendapunten__volgnummer=v).distinct(),
                    mini.BIJLAGE_AGENDAPUNT: lambda qs, v: qs.filter(agendapunt__volgnummer=v),
                }
            ),
        ),
        "auteur": (
            tekst(200),
            _per_soort(
                {
                    mini.MEMO: lambda qs, v: qs.filter(van__icontains=v),
                    mini.BESLUIT: lambda qs, v: qs if v.lower() in huidige_gemeente().naam_raad.lower() else qs.none(),
                    mini.RAADSVOORSTEL: lambda qs, v: (
                        qs if v.lower() in "college van burgemeester en wethouders" else qs.none()
                    ),
                }
            ),
        ),
        "bronOrganisatie": (geheel, _per_soort({})),
        "creatiedatum": (datum, _per_soort({**INGEDIEND, mini.BESLUIT: _datum_van("gepubliceerd_op__date")})),
        "datumIngediend": (datum, _per_soort(INGEDIEND)),
        "gemeentecode": (tekst(), _alle_of_geen(eigen_gemeente)),
        "provincie": (keuze(*PROVINCIES), _per_soort({})),
        "waterschapcode": (tekst(4), _per_soort({})),
        "omschrijving": (tekst(), _per_soort({})),
        "taal": (tekst(20), _alle_of_geen(lambda v: v.lower() in ("nl", "nld", "dut", "nederlands"))),
        "titel": (
            tekst(200),
            _per_soort(
                {
                    mini.BESLUIT: lambda qs, v: qs.filter(titel__icontains=v),
                    mini.RAADSVOORSTEL: lambda qs, v: qs.filter(titel__icontains=v),
                    mini.MEMO: lambda qs, v: qs.filter(betreft__icontains=v),
                    **{s: (lambda qs, v: qs.filter(titel__icontains=v)) for s in (*BIJLAGEN, *INGEDIEND_SOORTEN)},
                }
            ),
        ),
        "vergaderingsIdentificatie": (
            tekst(),
            _per_soort(
                {
                    mini.BESLUIT: _vergadering_van("vergadering__uuid"),
                    mini.RAADSVOORSTEL: _vergadering_van("agendapunten__vergadering__uuid"),
                    mini.MEMO: _vergadering_van("agendapunten__vergadering__uuid"),
                    mini.BIJLAGE_AGENDAPUNT: _vergadering_van("agendapunt__vergadering__uuid"),
                }
            ),
        ),
        "versie": (
            tekst(5),
            _per_soort({mini.BESLUIT: lambda qs, v: qs.filter(versie=int(v)) if v.isdigit() else qs.none()}),
        ),
    }

    def lijst(self):
        return mini.Informatieobjecten()

    def gefilterd(self, params):
        filters = [self.parameters[n][1](self.parameters[n][0](n, w)) for n, w in params.items()]

        def alles(soort, qs):
            for f in filters:
                qs = f(soort, qs)
                if qs is None:
                    return None
            return qs

        return mini.Informatieobjecten(filter=alles)

    def op_id(self, kenmerk):
        return mini.informatieobject_op_uuid(kenmerk)

    def vorm(self, paar, ctx):
        soort, record = paar
        obj = InformatieObjectSerializer(paar, context={"request": ctx.request}).data
        type_ = INFORMATIEOBJECTTYPE.get(obj.get("informatieobjecttype", ""))
        if type_ is None:
            type_ = "mededeling" if soort in (mini.MEMO, mini.BIJLAGE_MEMO) else "besluitvormingsstuk"
        gerelateerd = None
        if soort == mini.BIJLAGE_RAADSVOORSTEL:
            gerelateerd = {
                "informatieobject": ctx.verwijzing("informatieobject", record.raadsvoorstel.uuid),
                "rol": "voorstel",
            }
        return vorm.zonder_lege(
            {
                "url": ctx.url("informatieobject", record.uuid),
                "id": str(record.uuid),
                "titel": vorm.kort(obj["titel"], 200),
                "auteur": vorm.kort(obj.get("auteur"), 200),
                "creatiedatum": (obj.get("creatiedatum") or "")[:10] or None,
                "datumIngediend": obj["datumingediend"],
                "gemeente": vorm.gemeente(),
                "informatieobjecttype": type_,
                "link": obj.get("bestandslink"),
                "taal": "nl",
                "motietype": obj.get("motietype"),
                "versie": str(record.versie)[:5] if soort == mini.BESLUIT else None,
                "portefeuillehouder": vorm.kort(record.portefeuillehouder.naam, 100)
                if soort == mini.RAADSVOORSTEL and record.portefeuillehouder_id
                else None,
                "vergaderingen": [ctx.verwijzing("vergadering", r["id"]) for r in obj.get("vergaderingen", [])],
                "agendapunten": [ctx.verwijzing("agendapunt", r["id"]) for r in obj.get("agendapunten", [])],
                "gerelateerdInformatieobject": gerelateerd,
            }
        )


class LegeBron(Bron):
    """A resource the portal holds no data for (yet): an empty list and 404 for any id, with the spec's
    parameters still checked."""

    def __init__(self, pad, naam, parameters):
        self.pad, self.naam, self.parameters = pad, naam, parameters

    def gefilterd(self, params):
        for n, w in params.items():
            self.parameters[n][0](n, w)
        return []

    def op_id(self, kenmerk):
        return None


def _leeg(*namen):
    return {n: (tekst(), _niets) for n in namen}


def _alle_bronnen():
    from .besluitvorming import (
        AanwezigeDeelnemerBron,
        FractieBron,
        FractieLidmaatschapBron,
        IndienerBron,
        StemBron,
        StemmingBron,
        StemresultaatPerFractieBron,
    )

    return [
        VergaderingBron(),
        AgendapuntBron(),
        BesluitBron(),
        InformatieObjectBron(),
        NatuurlijkPersoonBron(),
        AanwezigeDeelnemerBron(),
        FractieBron(),
        FractieLidmaatschapBron(),
        IndienerBron(),
        StemmingBron(),
        StemBron(),
        StemresultaatPerFractieBron(),
        LegeBron(
            "dagelijksbestuurlidmaatschappen",
            "dagelijksbestuurlidmaatschap",
            {
                **_leeg("dagelijksBestuur", "natuurlijkPersoon"),
                "datumBeginDagelijksBestuurLidmaatschap": (moment, _niets),
                "datumEindeDagelijksBestuurLidmaatschap": (moment, _niets),
            },
        ),
        LegeBron(
            "dagelijksebesturen",
            "dagelijksbestuur",
            {
                **GEBIED,
                **_leeg("dagelijksBestuurnaam"),
                "dagelijksBestuurtype": (keuze("college", "gedeputeerde_staten", "dagelijks_bestuur"), _niets),
            },
        ),
        LegeBron(
            "mediabronnen",
            "mediabron",
            {
                **_leeg("locatieWebvttbestand", "mimetype", "url"),
                "type": (keuze("video", "audio", "transcriptie"), _niets),
            },
        ),
        LegeBron("organisatorische_eenheden", "organisatorische_eenheid", _leeg("naam")),
        LegeBron(
            "spreekfragmenten",
            "spreekfragment",
            {
                **_leeg("positieNotulen", "taal", "tekstSpreekfragment", "titelSpreekfragment"),
                "aanvangSpreekfragment": (moment, _niets),
                "audioTijdsaanduidingAanvang": (geheel, _niets),
                "videoTijdsaanduidingAanvang": (geheel, _niets),
            },
        ),
    ]
