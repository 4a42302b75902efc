"""What is delivered: the record as the portal's own mini-ORI API shows it, in the delivery API's request shape.

POST takes the *ZonderPid schemas (an agendapunt names its vergadering by uuid, an informatieobject its agendapunt
and vergadering); PUT takes the full schema without its read-only fields (id, url, organisatie). Built at sending
time from the anonymous selectors: a record that is no longer public has no content (its DELETE follows).
"""

from apps.openori import selectors
from apps.openori.serializers import AgendapuntSerializer, InformatieObjectSerializer, VergaderingSerializer

ALLEEN_LEZEN = {"id", "url", "organisatie"}
VOOR_HARVESTERS = {"gewijzigd_op"}


def _gegevens(soort: str, uuid) -> dict | None:
    if soort == "vergadering":
        record = selectors.vergadering_op_uuid(str(uuid))
        return VergaderingSerializer(record, context={}).data if record else None
    if soort == "agendapunt":
        record = selectors.agendapunt_op_uuid(str(uuid))
        return AgendapuntSerializer(record, context={}).data if record else None
    paar = selectors.informatieobject_op_uuid(str(uuid))
    return InformatieObjectSerializer(paar, context={}).data if paar else None


def inhoud(*, soort: str, uuid, methode: str, pid: str = "") -> dict | None:
    gegevens = _gegevens(soort, uuid)
    if gegevens is None:
        return None
    gegevens = {k: v for k, v in gegevens.items() if k not in VOOR_HARVESTERS}
    if methode == "PUT":
        gegevens = {k: v for k, v in gegevens.items() if k not in ALLEEN_LEZEN}
        if soort == "informatieobject" and pid:
            gegevens["pid"] = pid  # the identifier Open Overheid handed out for the POST
        return gegevens
    gegevens = {k: v for k, v in gegevens.items() if k not in ("url", "pid")}
    if soort == "vergadering":
        gegevens.pop("id", None)
    elif soort == "agendapunt":
        gegevens.pop("id", None)
        gegevens["vergadering"] = gegevens.pop("vergaderingen")[0]["id"]
    else:
        agendapunten, vergaderingen = gegevens.pop("agendapunten", []), gegevens.pop("vergaderingen", [])
        if agendapunten:
            gegevens["agendapunt"] = agendapunten[0]["id"]
        if vergaderingen:
            gegevens["vergadering"] = vergaderingen[0]["id"]
    return gegevens
