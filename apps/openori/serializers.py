"""The mini-ORI shapes (VNG/KOOP "De ORI API voor Open Overheid" 1.0.0, EUPL-1.2).

Read-only: every serializer only implements to_representation. Optional fields without a value are left out
rather than sent as null (the spec marks most of them as non-nullable strings). Dates are ISO 8601; moments are
aware datetimes in the portal's time zone (Europe/Amsterdam), e.g. "2021-09-30T20:00:00+02:00".
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from apps.core.gemeente import huidige_gemeente

# TOOI thesaurus "informatiecategorieën Woo": c_db4862c3 = "vergaderstukken decentrale overheden"
# (Woo art. 3.3 lid 2 onder c), the example the spec gives. Raadsvoorstellen, raadsbesluiten, memo's
# to the council and their bijlagen are all vergaderstukken of the gemeenteraad.
WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN = "c_db4862c3"
# TOOI kern thesaurus, relation "bijlage van" (named in the spec's GerelateerdInformatieobject.rol).
ROL_BIJLAGE_VAN = "https://identifier.overheid.nl/tooi/def/thes/kern/c_4d1ea9ba"

# TOOI "informatiecategorieën Woo": c_8c840238 for the public ingekomen stukken (issue 17).
WOO_INGEKOMEN_STUKKEN = "c_8c840238"

VERGADERSTATUS = {"gepubliceerd": "gepland", "gehouden": "gehouden", "geannuleerd": "geannuleerd"}


def organisatie() -> dict:
    gemeente = huidige_gemeente()
    return {"gemeente": gemeente.tooi_code, "naam": f"Gemeente {gemeente.naam}"}


def moment(datum: datetime.date | None, tijd: datetime.time | None) -> str | None:
    if datum is None or tijd is None:
        return None
    return datetime.datetime.combine(datum, tijd, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def _tijdstip(waarde: datetime.datetime | None) -> str | None:
    return timezone.localtime(waarde).isoformat() if waarde else None


def _datum(waarde: datetime.date | None) -> str | None:
    return waarde.isoformat() if waarde else None


def _zonder_lege(gegevens: dict) -> dict:
    return {sleutel: waarde for sleutel, waarde in gegevens.items() if waarde not in (None, "")}


class OriSerializer(serializers.BaseSerializer):
    """Needs the request in the context: every url is absolute."""

    def absoluut(self, pad: str) -> str:
        return self.context["request"].build_absolute_uri(pad)

    def api_url(self, naam: str, record) -> str:
        return self.absoluut(reverse(f"openori:{naam}", kwargs={"id": record.uuid}))

    def verwijzing(self, naam: str, record) -> dict:
        return {"id": str(record.uuid), "url": self.api_url(naam, record)}

    def agenda_link(self, vergadering) -> str:
        pad = reverse("vergaderagenda:agenda", kwargs={"datum": vergadering.datum.isoformat()})
        return self.absoluut(f"{pad}#vergadering-{vergadering.uuid}")


class VergaderingSerializer(OriSerializer):
    def to_representation(self, v):
        gehouden = v.status == "gehouden"
        return _zonder_lege(
            {
                "id": str(v.uuid),
                "url": self.api_url("vergadering", v),
                "webpaginalink": self.agenda_link(v),
                "organisatie": organisatie(),
                "dossiertype": "vergadering",
                "naam": v.titel,
                "georganiseerddoorgremium": {
                    "gremiumidentificatie": str(v.gremium.uuid),
                    "gremiumnaam": v.gremium.naam,
                },
                "geplandedatum": _datum(v.datum),
                "geplandeaanvang": moment(v.datum, v.aanvang),
                "geplandeeinde": moment(v.datum, v.einde),
                "vergaderdatum": _datum(v.datum) if gehouden else None,
                "aanvang": moment(v.datum, v.aanvang) if gehouden else None,
                "einde": moment(v.datum, v.einde) if gehouden else None,
                "locatie": v.locatie,
                "vergaderstatus": VERGADERSTATUS.get(v.status, v.status),
                "vergadertoelichting": v.toelichting,
                "vergaderingstype": v.soort,
            }
        )


class AgendapuntSerializer(OriSerializer):
    def to_representation(self, a):
        v = a.vergadering
        return _zonder_lege(
            {
                "id": str(a.uuid),
                "url": self.api_url("agendapunt", a),
                "vergaderingen": [self.verwijzing("vergadering", v)],
                "webpaginalink": self.agenda_link(v),
                "organisatie": organisatie(),
                "dossiertype": "agendapunt",
                "agendapuntnaam": a.titel,
                "omschrijving": a.omschrijving,
                "volgnummer": a.volgnummer or str(a.volgorde),
                "starttijd": moment(v.datum, a.aanvang),
                "eindtijd": moment(v.datum, a.einde),
                "locatie": v.locatie,
                "indicatiehamerstuk": a.behandeling == "hamerstuk",
                "indicatiebesloten": a.besloten,
            }
        )


class InformatieObjectSerializer(OriSerializer):
    """One (soort, record) pair from selectors.Informatieobjecten."""

    def to_representation(self, paar):
        soort, record = paar
        gegevens = getattr(self, f"_{soort}")(record)
        url = self.api_url("informatieobject", record)
        return _zonder_lege(
            {
                "id": str(record.uuid),
                "url": url,
                # The spec requires a pid (the persistent identifier Open Overheid hands out on delivery). This
                # portal is the source, so the stable uuid-based API address is the persistent identifier.
                "pid": url,
                "organisatie": organisatie(),
                "wooinformatiecategorie": WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN,
                "taal": "nl",
                "bronorganisatie": huidige_gemeente().tooi_uri,
                **gegevens,
            }
        )

    def _verwijzingen(self, agendapunten, extra_vergaderingen=()) -> dict:
        vergaderingen = {}
        for v in [*extra_vergaderingen, *(a.vergadering for a in agendapunten)]:
            vergaderingen.setdefault(v.pk, v)
        return {
            "agendapunten": [self.verwijzing("agendapunt", a) for a in agendapunten],
            "vergaderingen": [self.verwijzing("vergadering", v) for v in vergaderingen.values()],
        }

    def _zaak_link(self, zaaknummer: str) -> str:
        return self.absoluut(reverse("portaal:zaak", kwargs={"zaaknummer": zaaknummer}))

    def _raadsbesluit(self, b):
        agendapunten = [b.api_agendapunt] if b.api_agendapunt else []
        vergaderingen = [b.api_vergadering] if b.api_vergadering else []
        vastgesteld = b.vastgesteld_op or b.gepubliceerd_op
        return {
            "titel": f"Raadsbesluit {b.zaak.zaaknummer}: {b.titel}",
            "webpaginalink": self.absoluut(reverse("besluiten:detail", kwargs={"zaaknummer": b.zaak.zaaknummer})),
            "datumingediend": _datum(timezone.localdate(vastgesteld)),
            "creatiedatum": _tijdstip(b.gepubliceerd_op),
            "informatieobjecttype": "raadsbesluit",
            "formaat": "application/pdf" if b.pdf else "text/html",
            "auteur": huidige_gemeente().naam_raad,
            **self._verwijzingen(agendapunten, vergaderingen),
        }

    def _raadsvoorstel(self, r):
        datum = r.college_besluitdatum or timezone.localdate(r.created_at)
        return {
            "titel": f"Raadsvoorstel {r.zaak.zaaknummer}: {r.titel}",
            "webpaginalink": self._zaak_link(r.zaak.zaaknummer),
            "datumingediend": _datum(datum),
            "creatiedatum": _datum(datum),
            "informatieobjecttype": "raadsvoorstel",
            "formaat": "text/html",
            "auteur": "College van burgemeester en wethouders",
            **self._verwijzingen(r.api_agendapunten),
        }

    def _memo(self, m):
        agendapunten = m.api_agendapunten
        if m.zaak_id:
            link = self._zaak_link(m.zaak.zaaknummer)
        elif agendapunten:
            link = self.agenda_link(agendapunten[0].vergadering)
        else:
            link = self.absoluut(reverse("portaal:zoeken") + "?" + urlencode({"q": m.betreft[:100]}))
        return {
            "titel": m.betreft,
            "webpaginalink": link,
            "datumingediend": _datum(m.datum),
            "creatiedatum": _datum(m.datum),
            "informatieobjecttype": m.soort,
            "formaat": "text/html",
            "auteur": m.van,
            **self._verwijzingen(agendapunten),
        }

    def _bijlage(self, b, datum) -> dict:
        return {
            "titel": b.titel,
            "webpaginalink": self.absoluut(reverse("bijlagen:download", kwargs={"uuid": b.uuid})),
            "datumingediend": _datum(datum or timezone.localdate(b.created_at)),
            "informatieobjecttype": "bijlage",
            "formaat": b.mimetype,
        }

    def _bijlage_raadsvoorstel(self, b):
        r = b.raadsvoorstel
        return {
            **self._bijlage(b, r.college_besluitdatum),
            "gerelateerdinformatieobject": {"informatieobject": str(r.uuid), "rol": ROL_BIJLAGE_VAN},
            **self._verwijzingen([]),
        }

    def _bijlage_memo(self, b):
        return {
            **self._bijlage(b, b.memo.datum),
            "gerelateerdinformatieobject": {"informatieobject": str(b.memo.uuid), "rol": ROL_BIJLAGE_VAN},
            **self._verwijzingen([]),
        }

    def _bijlage_agendapunt(self, b):
        return {**self._bijlage(b, b.agendapunt.vergadering.datum), **self._verwijzingen([b.agendapunt])}

    # --- The griffie's registers (issue 17) ---------------------------------------------------------

    def _register_item(self, titel, pad, datum, soort, auteur, **extra) -> dict:
        return {
            "titel": titel,
            "webpaginalink": self.absoluut(pad),
            "datumingediend": _datum(datum),
            "creatiedatum": _datum(datum),
            "informatieobjecttype": soort,
            "formaat": "text/html",
            "auteur": auteur,
            **extra,
            **self._verwijzingen([]),
        }

    def _toezegging(self, t):
        return self._register_item(
            f"Toezegging {t.nummer}: {t.titel}",
            reverse("registers:toezegging", kwargs={"nummer": t.nummer}),
            t.vergadering.datum,
            "toezegging",
            t.persoon.naam,
            omschrijving=t.tekst,
        )

    def _motieopvolging(self, o):
        return self._register_item(
            f"Uitvoering van motie {o.motie.nummer}: {o.motie.titel}",
            reverse("registers:motie", kwargs={"nummer": o.motie.nummer}),
            timezone.localdate(o.created_at),
            "motie-opvolging",
            "College van burgemeester en wethouders",
            omschrijving=o.toestand_label,
        )

    def _ingekomen_stuk(self, s):
        # The sender as every public route shows it: a private person is "particulier".
        return self._register_item(
            f"Ingekomen stuk {s.nummer}: {s.onderwerp}",
            reverse("registers:ingekomen-stuk", kwargs={"nummer": s.nummer}),
            s.ontvangen_op,
            "ingekomen stuk",
            s.afzender_publiek,
            wooinformatiecategorie=WOO_INGEKOMEN_STUKKEN,
        )

    def _schriftelijke_vraag(self, v):
        return self._register_item(
            f"Schriftelijke vragen {v.nummer}: {v.onderwerp}",
            reverse("registers:schriftelijke-vraag", kwargs={"nummer": v.nummer}),
            v.gesteld_op,
            "schriftelijke vragen",
            v.vraagsteller_tekst,
        )

    def _langetermijn(self, i):
        return self._register_item(
            f"Lange termijnagenda {i.periode}: {i.titel}",
            reverse("registers:langetermijn-item", kwargs={"uuid": i.uuid}),
            timezone.localdate(i.gepubliceerd_op or i.created_at),
            "lange termijnagenda",
            "College van burgemeester en wethouders",
        )
