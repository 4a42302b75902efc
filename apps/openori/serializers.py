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


def laatst_gewijzigd(*momenten) -> str:
    """The last-changed moment of a record whose published form also shows other records (an extra beyond the
    spec for incremental harvesting, matched by the `gewijzigd_sinds` filter)."""
    return _tijdstip(max(m for m in momenten if m is not None))


def persistente_url(pad: str) -> str:
    """An absolute url from configuration (PORTAAL_BASIS_URL), never from the request's Host header."""
    return settings.PORTAAL_BASIS_URL.rstrip("/") + pad


def _zonder_lege(gegevens: dict) -> dict:
    return {sleutel: waarde for sleutel, waarde in gegevens.items() if waarde not in (None, "")}


class OriSerializer(serializers.BaseSerializer):
    """Every url is absolute: from the request when there is one, otherwise from PORTAAL_BASIS_URL (a delivery
    to Open Overheid has no request)."""

    def absoluut(self, pad: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request is not None else persistente_url(pad)

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
        # The spec: an einde only comes with an aanvang (also for the planned times).
        gepland_einde = moment(v.datum, v.einde) if v.aanvang else None
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
                "geplandeeinde": gepland_einde,
                "vergaderdatum": _datum(v.datum) if gehouden else None,
                "aanvang": moment(v.datum, v.aanvang) if gehouden else None,
                "einde": gepland_einde if gehouden else None,
                "locatie": v.locatie,
                "vergaderstatus": VERGADERSTATUS.get(v.status, v.status),
                "vergadertoelichting": v.toelichting,
                "vergaderingstype": v.soort,
                "gewijzigd_op": laatst_gewijzigd(v.updated_at),
            }
        )


class AgendapuntSerializer(OriSerializer):
    def to_representation(self, a):
        v = a.vergadering
        # Times as held only for a meeting that was held; before that they are the planned times. The spec:
        # an eindtijd only comes with a starttijd.
        start = moment(v.datum, a.aanvang)
        eind = moment(v.datum, a.einde) if start else None
        gehouden = v.status == "gehouden"
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
                "starttijd": start if gehouden else None,
                "eindtijd": eind if gehouden else None,
                "geplandestarttijd": None if gehouden else start,
                "geplandeeindtijd": None if gehouden else eind,
                "locatie": v.locatie,
                "indicatiehamerstuk": a.behandeling == "hamerstuk",
                "indicatiebesloten": a.besloten,
                "gewijzigd_op": laatst_gewijzigd(a.updated_at, v.updated_at),
            }
        )


class InformatieObjectSerializer(OriSerializer):
    """One (soort, record) pair from selectors.Informatieobjecten."""

    def to_representation(self, paar):
        soort, record = paar
        gegevens = getattr(self, f"_{soort}")(record)
        pad = reverse("openori:informatieobject", kwargs={"id": record.uuid})
        return _zonder_lege(
            {
                "id": str(record.uuid),
                "url": self.absoluut(pad),
                # The spec requires a pid (the persistent identifier Open Overheid hands out on delivery). This
                # portal is the source, so the uuid-based API address under the configured PORTAAL_BASIS_URL is
                # the persistent identifier: it does not change with the host name a request used.
                "pid": persistente_url(pad),
                "organisatie": organisatie(),
                "wooinformatiecategorie": WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN,
                "taal": "nl",
                "bronorganisatie": huidige_gemeente().tooi_uri,
                **gegevens,
            }
        )

    def bestand(self, naam: str, **kwargs) -> str:
        """The direct link to the file (an extra beyond the spec: a harvester needs no web page)."""
        return self.absoluut(reverse(naam, kwargs=kwargs))

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
            "formaat": "application/pdf",
            "bestandslink": self.bestand("besluiten:pdf", zaaknummer=b.zaak.zaaknummer),
            "gewijzigd_op": laatst_gewijzigd(b.updated_at),
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
            "formaat": "application/pdf",
            "bestandslink": self.bestand("portaal:raadsvoorstel-pdf", uuid=r.uuid),
            "gewijzigd_op": laatst_gewijzigd(r.updated_at),
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
            "formaat": "application/pdf",
            "bestandslink": self.bestand("portaal:memo-pdf", uuid=m.uuid),
            "gewijzigd_op": laatst_gewijzigd(m.updated_at),
            "auteur": m.van,
            **self._verwijzingen(agendapunten),
        }

    def _bijlage(self, b, datum, *ouders) -> dict:
        return {
            "titel": b.titel,
            "webpaginalink": self.bestand("bijlagen:download", uuid=b.uuid),
            "bestandslink": self.bestand("bijlagen:download", uuid=b.uuid),
            "gewijzigd_op": laatst_gewijzigd(b.updated_at, *(o.updated_at for o in ouders)),
            "datumingediend": _datum(datum or timezone.localdate(b.created_at)),
            "informatieobjecttype": "bijlage",
            "formaat": b.mimetype,
        }

    def _bijlage_raadsvoorstel(self, b):
        r = b.raadsvoorstel
        return {
            **self._bijlage(b, r.college_besluitdatum, r),
            "gerelateerdinformatieobject": {"informatieobject": str(r.uuid), "rol": ROL_BIJLAGE_VAN},
            **self._verwijzingen([]),
        }

    def _bijlage_memo(self, b):
        return {
            **self._bijlage(b, b.memo.datum, b.memo),
            "gerelateerdinformatieobject": {"informatieobject": str(b.memo.uuid), "rol": ROL_BIJLAGE_VAN},
            **self._verwijzingen([]),
        }

    def _bijlage_agendapunt(self, b):
        a = b.agendapunt
        return {**self._bijlage(b, a.vergadering.datum, a, a.vergadering), **self._verwijzingen([a])}

    def _ingediend(self, stuk, *, soort: str, url_naam: str) -> dict:
        agendapunten = [stuk.api_agendapunt] if stuk.api_agendapunt else []
        indieners = [i.persoon.naam + (f" ({i.fractie.naam})" if i.fractie_id else "") for i in stuk.indieners.all()]
        return {
            "titel": f"{stuk._meta.verbose_name.capitalize()} {stuk.nummer}: {stuk.titel}",
            "webpaginalink": self.absoluut(reverse(url_naam, kwargs={"nummer": stuk.nummer})),
            "datumingediend": _datum(stuk.ingediend_op),
            "creatiedatum": _datum(stuk.ingediend_op),
            "informatieobjecttype": soort,
            "formaat": "text/html",
            "auteur": ", ".join(indieners),
            "omschrijving": stuk.get_status_display(),
            "gewijzigd_op": laatst_gewijzigd(stuk.updated_at),
            **self._verwijzingen(agendapunten, [stuk.vergadering] if stuk.vergadering.openbaar else []),
        }

    def _motie(self, m):
        return {**self._ingediend(m, soort="motie", url_naam="moties:motie"), "motietype": m.motietype}

    def _amendement(self, a):
        return self._ingediend(a, soort="amendement", url_naam="moties:amendement")


class GrafsteenSerializer(OriSerializer):
    """A record that was public and is no longer (models.Spoor): id, soort, url, verwijderd_op and, when a
    rectificatie replaced it, the opvolger."""

    def to_representation(self, steen):
        naam = steen.soort
        gegevens = {
            "id": str(steen.uuid),
            "soort": naam,
            "url": self.absoluut(reverse(f"openori:{naam}", kwargs={"id": steen.uuid})),
            "verwijderd_op": _tijdstip(steen.verborgen_op),
        }
        if steen.opvolger:
            opvolger = reverse(f"openori:{naam}", kwargs={"id": steen.opvolger})
            gegevens["opvolger"] = {"id": str(steen.opvolger), "url": self.absoluut(opvolger)}
        return gegevens
