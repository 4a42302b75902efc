"""What the mini-ORI spec (VNG/KOOP, 1.0.0) says about the shapes, written out: PyYAML is not installed.

Taken from tests/standaarden/mini-ori-api-1.0.0.yaml, components.schemas: the required fields and every
property each schema defines (InformatieObject requires `pid` without defining it as a property).
"""

import datetime
import re
import uuid

VERGADERING_VERPLICHT = {"id", "url", "organisatie", "dossiertype", "naam"}
VERGADERING_VELDEN = VERGADERING_VERPLICHT | {
    "webpaginalink",
    "aanvang",
    "hoofdvergadering",
    "einde",
    "georganiseerddoorgremium",
    "geplandeaanvang",
    "geplandeeinde",
    "geplandedatum",
    "locatie",
    "vergaderstatus",
    "vergadertoelichting",
    "vergaderdatum",
    "vergaderingstype",
    "deelvergaderingen",
}
AGENDAPUNT_VERPLICHT = {"id", "url", "organisatie", "dossiertype", "agendapuntnaam", "vergaderingen"}
AGENDAPUNT_VELDEN = AGENDAPUNT_VERPLICHT | {
    "webpaginalink",
    "hoofdagendapunt",
    "omschrijving",
    "volgnummer",
    "subagendapunten",
    "tussenkop",
    "overig",
    "starttijd",
    "eindtijd",
    "locatie",
    "geplandvolgnummer",
    "geplandeeindtijd",
    "geplandestarttijd",
    "indicatiehamerstuk",
    "indicatiebehandeld",
    "indicatiebesloten",
}
INFORMATIEOBJECT_VERPLICHT = {
    "pid",
    "webpaginalink",
    "organisatie",
    "titel",
    "wooinformatiecategorie",
    "datumingediend",
}
INFORMATIEOBJECT_VELDEN = INFORMATIEOBJECT_VERPLICHT | {
    "id",
    "url",
    "auteur",
    "bronorganisatie",
    "creatiedatum",
    "informatieobjecttype",
    "formaat",
    "omschrijving",
    "taal",
    "vergaderingen",
    "agendapunten",
    "gerelateerdinformatieobject",
}
# Extras beyond the spec (the schemas allow additional properties): the last-changed moment for incremental
# harvesting, the direct link to an informatieobject's file, and a motie's type (ORI 2.0's MotieType).
EXTRA_VELDEN = {"gewijzigd_op"}
VERGADERING_VELDEN |= EXTRA_VELDEN
AGENDAPUNT_VELDEN |= EXTRA_VELDEN
INFORMATIEOBJECT_VELDEN |= EXTRA_VELDEN | {"bestandslink", "motietype"}
LIJST_VELDEN = {"count", "next", "previous", "results"}  # next/previous/results from the spec, count as DRF adds
FOUT_VELDEN = {"titel", "status", "detail"}

DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BOOLEANS = {"indicatiehamerstuk", "indicatiebehandeld", "indicatiebesloten"}
DATUMS = {"geplandedatum", "vergaderdatum", "datumingediend"}
MOMENTEN = {
    "gewijzigd_op",
    "aanvang",
    "einde",
    "geplandeaanvang",
    "geplandeeinde",
    "starttijd",
    "eindtijd",
    "geplandestarttijd",
    "geplandeeindtijd",
}


def _uri(waarde):
    assert isinstance(waarde, str) and waarde.startswith(("http://", "https://")), waarde


def _moment(waarde):
    moment = datetime.datetime.fromisoformat(waarde)
    assert moment.tzinfo is not None, f"{waarde} heeft geen tijdzone"


def _verwijzing(waarde):
    assert set(waarde) == {"id", "url"}
    uuid.UUID(waarde["id"])
    _uri(waarde["url"])
    assert waarde["url"].rstrip("/").endswith(waarde["id"])


def _organisatie(waarde):
    assert set(waarde) == {"gemeente", "naam"} and waarde["gemeente"] == "gm0327", waarde


def _gemeenschappelijk(obj, verplicht, velden):
    assert verplicht <= set(obj), f"ontbreekt: {verplicht - set(obj)}"
    assert set(obj) <= velden, f"niet in de spec: {set(obj) - velden}"
    for sleutel, waarde in obj.items():
        assert waarde is not None, f"{sleutel} is null"
        if sleutel in BOOLEANS:
            assert isinstance(waarde, bool)
        elif sleutel in DATUMS:
            assert DATUM.match(waarde), waarde
        elif sleutel in MOMENTEN:
            _moment(waarde)
        elif sleutel in ("url", "webpaginalink", "bestandslink"):
            _uri(waarde)
        elif sleutel in ("vergaderingen", "agendapunten"):
            assert isinstance(waarde, list)
            for v in waarde:
                _verwijzing(v)
            assert len({v["id"] for v in waarde}) == len(waarde), "uniqueItems"
        elif sleutel == "organisatie":
            _organisatie(waarde)
        elif sleutel not in ("gerelateerdinformatieobject", "georganiseerddoorgremium"):
            assert isinstance(waarde, str) and waarde, f"{sleutel}: {waarde!r}"
    if "id" in obj:
        uuid.UUID(obj["id"])
        assert obj["url"].rstrip("/").endswith(obj["id"])


def controleer_vergadering(obj):
    _gemeenschappelijk(obj, VERGADERING_VERPLICHT, VERGADERING_VELDEN)
    assert obj["dossiertype"] == "vergadering"
    gremium = obj["georganiseerddoorgremium"]
    assert set(gremium) == {"gremiumidentificatie", "gremiumnaam"} and all(gremium.values())


def controleer_agendapunt(obj):
    _gemeenschappelijk(obj, AGENDAPUNT_VERPLICHT, AGENDAPUNT_VELDEN)
    assert obj["dossiertype"] == "agendapunt"
    assert obj["vergaderingen"], "een agendapunt hoort bij een vergadering"


def controleer_informatieobject(obj):
    _gemeenschappelijk(obj, INFORMATIEOBJECT_VERPLICHT, INFORMATIEOBJECT_VELDEN)
    assert re.fullmatch(r"c_[0-9a-f]{8}", obj["wooinformatiecategorie"])
    if "gerelateerdinformatieobject" in obj:
        rel = obj["gerelateerdinformatieobject"]
        assert set(rel) == {"informatieobject", "rol"}
        uuid.UUID(rel["informatieobject"])
        assert rel["rol"] == "https://identifier.overheid.nl/tooi/def/thes/kern/c_4d1ea9ba"


def controleer_lijst(body, controleer):
    assert set(body) == LIJST_VELDEN
    assert isinstance(body["count"], int)
    for obj in body["results"]:
        controleer(obj)


def controleer_fout(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    # A tombstone (410) adds what the record was and its successor.
    extra = {"id", "soort", "url", "verwijderd_op", "opvolger"} if status == 410 else set()
    assert FOUT_VELDEN <= set(body) <= FOUT_VELDEN | extra and body["status"] == status
    assert body["titel"] and body["detail"]
    return body
