"""ORI 2.0 resources from the besluitvorming data (apps.moties and the fracties in apps.core): fracties,
fractielidmaatschappen, aanwezige deelnemers, stemmingen, stemmen, results per fractie and indieners.

Public only: a stemming when it is published, not replaced by a rectificatie, and its meeting, agenda item and
document are public (StemmingQuerySet.openbaar); votes, results and presence follow their stemming or meeting;
indieners follow their public motie or amendement. Records without a uuid of their own (Stem, Aanwezigheid,
Indiener, Rol) are identified by their primary key; a result per fractie by "<stemming pk>-<fractie pk>".
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from apps.core.models import Fractie, Rol
from apps.moties.models import Aanwezigheid, Amendement, Indiener, Motie, Stem, Stemming
from apps.moties.selectors import uitslagen_van_qs

from . import vorm
from .bronnen import GEBIED, Bron, _niets, keuze, tekst

RESULTAAT = {"aangenomen": "voor", "verworpen": "tegen", "staken": "gelijk"}
STEMMINGSTYPE = {"regulier": "regulier", "hoofdelijk": "hoofdelijk"}
KEUZE = {"voor": "voor", "tegen": "tegen", "afwezig": "onthouden"}
ROLNAAM = {
    "raadslid": "raadslid",
    "voorzitter": "voorzitter",
    "griffier": "griffier",
    "wethouder": "portefeuillehouder",
}


def _pk(kenmerk):
    return int(kenmerk) if str(kenmerk).isdigit() and len(str(kenmerk)) < 19 else None


def openbare_stemmingen():
    return Stemming.objects.openbaar().geldend().filter(agendapunt__isnull=False)


class PkBron(Bron):
    def op_id(self, kenmerk):
        pk = _pk(kenmerk)
        return self.lijst().filter(pk=pk).first() if pk is not None else None


def _ref(ctx, bron, kenmerk):
    return ctx.verwijzing(bron, kenmerk)


def _stuk_uuid(s):
    for stuk in (s.motie, s.amendement, s.raadsvoorstel):
        if stuk is not None and stuk.vertrouwelijkheid == "openbaar":
            return stuk.uuid
    return None


class FractieBron(Bron):
    pad, naam = "fracties", "fractie"
    parameters = {
        "fractienaam": (tekst(), lambda qs, v: qs.filter(naam__icontains=v)),
        "gemeente": GEBIED["gemeentecode"],
        "provincie": GEBIED["provincie"],
        "waterschapcode": GEBIED["waterschapcode"],
    }

    def lijst(self):
        return Fractie.objects.order_by("naam", "id")

    def vorm(self, f, ctx):
        return {
            "url": ctx.url("fractie", f.uuid),
            "id": str(f.uuid),
            "fractienaam": vorm.kort(f.naam, 100),
            "gemeente": vorm.gemeente(),
        }


def _als_moment(dag):
    return (
        datetime.datetime.combine(dag, datetime.time(), tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()
        if dag
        else None
    )


class FractieLidmaatschapBron(PkBron):
    pad, naam = "fractielidmaatschappen", "fractielidmaatschap"
    parameters = {
        "fractie": (tekst(), lambda qs, v: qs.filter(fractie__uuid=v) if _uuid(v) else qs.none()),
        "fractielid": (tekst(), lambda qs, v: qs.filter(persoon__uuid=v) if _uuid(v) else qs.none()),
    }

    def lijst(self):
        return Rol.objects.filter(fractie__isnull=False).select_related("persoon", "fractie").order_by("id")

    def vorm(self, r, ctx):
        return vorm.zonder_lege(
            {
                "url": ctx.url("fractielidmaatschap", r.pk),
                "id": str(r.pk),
                "fractie": _ref(ctx, "fractie", r.fractie.uuid),
                "natuurlijkPersoon": _ref(ctx, "natuurlijkpersoon", r.persoon.uuid),
                "datumBeginFractieLidmaatschap": _als_moment(r.begindatum),
                "datumEindeFractieLidmaatschap": _als_moment(r.einddatum),
                "indicatieVoorzitter": bool(r.fractievoorzitter),
            }
        )


def _uuid(v):
    from .bronnen import als_uuid

    return als_uuid(v)


class AanwezigeDeelnemerBron(PkBron):
    pad, naam = "aanwezigedeelnemers", "aanwezigedeelnemer"
    parameters = {
        "rolnaam": (
            keuze(
                "voorzitter",
                "vice_voorzitter",
                "raadslid",
                "inspreker",
                "overig",
                "portefeuillehouder",
                "statenlid",
                "dagelijks_bestuurslid",
                "algemeen_bestuurslid",
                "griffier",
            ),  # fmt: skip
            lambda qs, v: qs.filter(rol__soort__in=[k for k, w in ROLNAAM.items() if w == v]),
        ),
        "vertegenwoordigdOrganisatie": (tekst(), _niets),
    }

    def lijst(self):
        from apps.vergaderagenda.models import Vergadering

        return (
            Aanwezigheid.objects.filter(aanwezig=True, vergadering__in=Vergadering.objects.openbaar().values("pk"))
            .select_related("persoon", "vergadering", "rol")
            .order_by("id")
        )

    def vorm(self, a, ctx):
        return vorm.zonder_lege(
            {
                "url": ctx.url("aanwezigedeelnemer", a.pk),
                "id": str(a.pk),
                "natuurlijkPersoon": _ref(ctx, "natuurlijkpersoon", a.persoon.uuid),
                "vergadering": _ref(ctx, "vergadering", a.vergadering.uuid),
                "rolnaam": ROLNAAM.get(a.rol.soort, "overig"),
            }
        )


class StemmingBron(Bron):
    pad, naam = "stemmingen", "stemming"
    parameters = {
        "stemmingstype": (
            keuze("hoofdelijk", "regulier", "schriftelijk"),
            lambda qs, v: qs.filter(soort=v) if v in STEMMINGSTYPE else qs.none(),
        ),
    }

    def lijst(self):
        qs = openbare_stemmingen().select_related("agendapunt", "motie", "amendement", "raadsvoorstel")
        return qs.prefetch_related("stemmen").order_by("id")

    def vorm(self, s, ctx):
        stuk = _stuk_uuid(s)
        return vorm.zonder_lege(
            {
                "url": ctx.url("stemming", s.uuid),
                "id": str(s.uuid),
                "agendapunt": _ref(ctx, "agendapunt", s.agendapunt.uuid),
                "stemmingstype": STEMMINGSTYPE.get(s.soort),
                "resultaatMondelingeStemming": RESULTAAT.get(s.uitslag),
                "informatieobject": _ref(ctx, "informatieobject", stuk) if stuk else None,
                "stemmen": [ctx.url("stem", stem.pk) for stem in s.stemmen.all()],
            }
        )


class StemBron(PkBron):
    pad, naam = "stemmen", "stem"
    parameters = {
        "aanwezigeDeelnemer": (tekst(), lambda qs, v: qs.filter(aanwezigheid_id=_pk(v)) if _pk(v) else qs.none()),
        "stemming": (tekst(), lambda qs, v: qs.filter(stemming__uuid=v) if _uuid(v) else qs.none()),
    }

    def lijst(self):
        return (
            Stem.objects.filter(stemming__in=openbare_stemmingen().values("pk"))
            .select_related("stemming")
            .order_by("id")
        )

    def vorm(self, s, ctx):
        return {
            "url": ctx.url("stem", s.pk),
            "id": str(s.pk),
            "aanwezigeDeelnemer": _ref(ctx, "aanwezigedeelnemer", s.aanwezigheid_id),
            "stemming": _ref(ctx, "stemming", s.stemming.uuid),
            "keuzeStemming": KEUZE.get(s.keuze, "onthouden"),
        }


class StemresultaatPerFractieBron(Bron):
    pad, naam = "stemresultatenperfractie", "stemresultaatperfractie"
    parameters = {"fractie": (tekst(), None), "Stemming": (tekst(), None)}

    def _resultaten(self, stemmingen):
        rijen = []
        for uitslag in uitslagen_van_qs(stemmingen):
            for f in uitslag.fracties:
                if f.fractie is None or not (f.voor or f.tegen):
                    continue
                resultaat = "verdeeld" if f.voor and f.tegen else "aangenomen" if f.voor else "verworpen"
                rijen.append((uitslag.stemming, f.fractie, resultaat))
        return rijen

    def lijst(self):
        return self._resultaten(openbare_stemmingen().order_by("id"))

    def gefilterd(self, params):
        rijen = self.lijst()
        if "fractie" in params:
            rijen = [r for r in rijen if str(r[1].uuid) == params["fractie"]]
        if "Stemming" in params:
            rijen = [r for r in rijen if str(r[0].uuid) == params["Stemming"]]
        return rijen

    def op_id(self, kenmerk):
        stemming, _, fractie = str(kenmerk).partition("-")
        if _pk(stemming) is None or _pk(fractie) is None:
            return None
        rijen = self._resultaten(openbare_stemmingen().filter(pk=_pk(stemming)))
        return next((r for r in rijen if r[1].pk == _pk(fractie)), None)

    def vorm(self, rij, ctx):
        stemming, fractie, resultaat = rij
        kenmerk = f"{stemming.pk}-{fractie.pk}"
        return {
            "url": ctx.url("stemresultaatperfractie", kenmerk),
            "id": kenmerk,
            "fractie": _ref(ctx, "fractie", fractie.uuid),
            "stemming": _ref(ctx, "stemming", stemming.uuid),
            "fractiestemresultaat": resultaat,
        }


class IndienerBron(PkBron):
    pad, naam = "indieners", "indiener"
    parameters = {
        "naam": (tekst(), lambda qs, v: qs.filter(persoon__naam__icontains=v)),
        "informatieobject": (tekst(), lambda qs, v: qs.filter(_stuk_uit_url(v))),
        "natuurlijkPersoon": (tekst(), lambda qs, v: qs.filter(persoon__uuid=_uuid(v.rstrip("/").rsplit("/", 1)[-1]))),
        "organisatorischeEenheid": (tekst(), _niets),
    }

    def lijst(self):
        from django.db.models import Q

        return (
            Indiener.objects.filter(
                Q(motie__in=Motie.objects.openbaar().values("pk"))
                | Q(amendement__in=Amendement.objects.openbaar().values("pk"))
            )
            .select_related("persoon", "motie", "amendement")
            .order_by("id")
        )

    def vorm(self, i, ctx):
        stuk = i.motie or i.amendement
        return {
            "url": ctx.url("indiener", i.pk),
            "id": str(i.pk),
            "naam": vorm.kort(i.persoon.naam, 200),
            "informatieobject": _ref(ctx, "informatieobject", stuk.uuid),
            "natuurlijkPersoon": _ref(ctx, "natuurlijkpersoon", i.persoon.uuid),
        }


def _stuk_uit_url(waarde):
    from django.db.models import Q

    sleutel = _uuid(waarde.rstrip("/").rsplit("/", 1)[-1])
    if sleutel is None:
        return Q(pk__in=[])
    return Q(motie__uuid=sleutel) | Q(amendement__uuid=sleutel)
