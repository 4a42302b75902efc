"""Reading OpenBesluitvorming's bulk export (NDJSON snapshot and changes), validated against the published schemas.

A line is an export record (`seq`, `op`, `entity_id`, `entity_type`, `content_hash`, `payload`, ...) as in
API.md, or the CloudEvents `entity.commit` envelope; both become one dict shape. The payload is checked
with jsonschema against the schema of its entity type (bundled in schemas/). Every problem is a
`RegelOngeldig` with a Dutch message.
"""

import datetime
import hashlib
import json
from functools import cache
from pathlib import Path

from .models import Soort

SCHEMA_MAP = Path(__file__).resolve().parent / "schemas"
SCHEMAS = {
    "Meeting": "meeting.schema.json",
    "Document": "document.schema.json",
    "Committee": "committee.schema.json",
    "Motion": "motion.schema.json",
    "Vote": "vote.schema.json",
    "Recording": "recording.schema.json",
}
SOORTEN = {
    "Meeting": Soort.VERGADERING,
    "AgendaItem": Soort.AGENDAPUNT,
    "Document": Soort.DOCUMENT,
    "MediaObject": Soort.DOCUMENT,
    "Person": Soort.PERSOON,
    "Party": Soort.FRACTIE,
    "Committee": Soort.GREMIUM,
    "Motion": Soort.MOTIE,
    "Vote": Soort.STEMMING,
    "Recording": Soort.DOCUMENT,
}
# Referred-to entities first: bodies and persons, then meetings (with their agenda), documents, motions.
VOLGORDE = {
    "Committee": 0,
    "Person": 1,
    "Party": 1,
    "Meeting": 2,
    "AgendaItem": 3,
    "Document": 4,
    "MediaObject": 4,
    "Recording": 5,
    # Standalone votes before their motion, so the motion's stemming is recorded with all of them at once.
    "Vote": 6,
    "Motion": 7,
}
MAX_REGEL = 5 * 1024 * 1024
GEPUBLICEERD = {"published", "gepubliceerd", "openbaar gepubliceerd"}
GEANNULEERD = {"cancelled", "canceled", "geannuleerd", "vervallen"}
GEHEIM = ("besloten", "vertrouwelijk", "geheim", "confidential", "niet openbaar", "niet-openbaar")


class RegelOngeldig(Exception):
    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


@cache
def _validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = []
    for pad in SCHEMA_MAP.glob("*.schema.json"):
        schema = json.loads(pad.read_text(encoding="utf-8"))
        # The published entityRef is oneOf(id, uri), but every entity id ("meeting:notubiz:...") is also a
        # valid URI, so oneOf would reject every reference: read it as anyOf, which is what it means.
        ref = schema.get("$defs", {}).get("entityRef")
        if ref and "oneOf" in ref:
            ref["anyOf"] = ref.pop("oneOf")
        resource = Resource.from_contents(schema)
        resources.append((schema["$id"], resource))
        resources.append((pad.name, resource))
    registry = Registry().with_resources(resources)
    uit = {}
    for soort, naam in SCHEMAS.items():
        schema = json.loads((SCHEMA_MAP / naam).read_text(encoding="utf-8"))
        uit[soort] = Draft202012Validator(schema, registry=registry)
    return uit


def regel_lezen(regel: bytes | str) -> dict | None:
    """One NDJSON line as a record dict, or None for an empty line. Raises RegelOngeldig."""
    if isinstance(regel, bytes):
        if len(regel) > MAX_REGEL:
            raise RegelOngeldig("deze regel is groter dan 5 MB en wordt niet gelezen.")
        try:
            regel = regel.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RegelOngeldig(
                "de regel is niet in UTF-8 gecodeerd (de export hoort UTF-8 te zijn); sla het bestand op als UTF-8."
            ) from None
    regel = regel.strip()
    if not regel:
        return None
    try:
        ruw = json.loads(regel)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise RegelOngeldig(f"geen geldige JSON ({getattr(exc, 'msg', 'te diep genest')}).") from None
    if not isinstance(ruw, dict):
        raise RegelOngeldig("een regel moet één JSON-object zijn.")
    if "specversion" in ruw and isinstance(ruw.get("data"), dict):
        data = ruw["data"]
        ruw = {
            "op": data.get("op"),
            "entity_id": data.get("entity_id"),
            "entity_type": data.get("entity_type"),
            "content_hash": data.get("content_hash"),
            "commit_id": data.get("commit_id"),
            "schema_version": data.get("schema_version"),
            "supplier": (data.get("source") or {}).get("supplier"),
            "source_key": (data.get("source") or {}).get("source") or ruw.get("source"),
            "time": ruw.get("time"),
            "payload": data.get("payload"),
        }
    for veld in ("entity_id", "entity_type", "op"):
        if not isinstance(ruw.get(veld), str) or not ruw.get(veld):
            raise RegelOngeldig(f"het veld ‘{veld}’ ontbreekt of is leeg.")
    if ruw["op"] not in ("upsert", "delete"):
        raise RegelOngeldig(f"onbekende bewerking ‘{ruw['op']}’ (verwacht: upsert of delete).")
    if ruw["entity_type"] not in SOORTEN:
        raise RegelOngeldig(f"onbekende soort ‘{ruw['entity_type']}’.")
    if ruw["op"] == "upsert":
        payload = ruw.get("payload")
        if not isinstance(payload, dict):
            raise RegelOngeldig("een upsert zonder ‘payload’-object.")
        validator = _validators().get(ruw["entity_type"])
        if validator is not None:
            fouten = sorted(validator.iter_errors(payload), key=lambda f: list(f.path))
            if fouten:
                f = fouten[0]
                waar = "/".join(str(p) for p in f.path) or "payload"
                raise RegelOngeldig(f"voldoet niet aan het schema {ruw['entity_type']} ({waar}): {f.message[:200]}")
        for veld in ("start_date", "end_date"):
            if payload.get(veld) and datum_tijd(payload[veld]) is None:
                raise RegelOngeldig(f"‘{veld}’ is geen geldige datum-tijd: {str(payload[veld])[:40]}")
        if ruw["entity_type"] == "Meeting" and datum_tijd(payload.get("start_date")) is None:
            raise RegelOngeldig("een Meeting zonder geldige start_date.")
    return ruw


def datum_tijd(waarde) -> datetime.datetime | None:
    if not isinstance(waarde, str) or not waarde:
        return None
    try:
        dt = datetime.datetime.fromisoformat(waarde.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.datetime.combine(datetime.date.fromisoformat(waarde[:10]), datetime.time())
        except ValueError:
            return None
    if dt.tzinfo is not None:
        from django.utils import timezone

        dt = timezone.localtime(dt)
    return dt


def bron_systeem(record: dict) -> str:
    bron = record.get("source_key") or ""
    if not bron:
        delen = record["entity_id"].split(":")
        bron = delen[-2] if len(delen) >= 3 else ""
    return f"openbesluitvorming:{bron}" if bron else "openbesluitvorming"


def inhoudshash(record: dict) -> str:
    tekst = json.dumps(record.get("payload"), sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(tekst.encode()).hexdigest()


def samenvatting(record: dict) -> dict:
    payload = record.get("payload") or {}
    return {
        "op": record.get("op"),
        "entity_type": record.get("entity_type"),
        "entity_id": record.get("entity_id"),
        "seq": record.get("seq"),
        "content_hash": record.get("content_hash"),
        "name": payload.get("name") or payload.get("title") or "",
        "original_url": payload.get("original_url") or "",
    }


def jaar(payload: dict) -> int | None:
    for veld in ("start_date", "date", "last_discussed_at", "date_modified"):
        dt = datum_tijd(payload.get(veld))
        if dt:
            return dt.year
    return None


def _teksten(payload: dict) -> list[str]:
    waarde = payload.get("classification")
    lijst = waarde if isinstance(waarde, list) else [waarde] if waarde else []
    return [str(w).lower() for w in lijst] + [str(payload.get("status") or "").lower()]


def vertrouwelijk(payload: dict) -> bool:
    if payload.get("confidential") is True or payload.get("vertrouwelijk") is True or payload.get("public") is False:
        return True
    return any(g in t for t in _teksten(payload) for g in GEHEIM)


def gepubliceerd(payload: dict) -> bool:
    """Public and published in the source: only then does an import skip the concept stage."""
    status = str(payload.get("status") or "").strip().lower()
    return status in GEPUBLICEERD and not vertrouwelijk(payload)


def geannuleerd(payload: dict) -> bool:
    return str(payload.get("status") or "").strip().lower() in GEANNULEERD


def agendapunten(payload: dict) -> list[dict]:
    """The meeting's agenda items, nested ones flattened in order, headings included."""
    uit = []

    def loop(items, ouder=""):
        for item in sorted(items or [], key=lambda i: (i.get("order") is None, i.get("order") or 0)):
            if isinstance(item, dict) and item.get("id"):
                uit.append({**item, "_ouder": ouder})
                loop(item.get("agenda_items"), str(item.get("id")))

    loop(payload.get("agenda"))
    return uit
