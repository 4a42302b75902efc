"""An OpenBesluitvorming export written to the documented shapes (API.md record format, *.schema.json payloads)."""

import json

BRON = "soest"
M1 = "meeting:notubiz:gemeente:soest:1001"
M2 = "meeting:notubiz:gemeente:soest:1002"
M_BESLOTEN = "meeting:notubiz:gemeente:soest:1003"
A1 = "agendaitem:notubiz:gemeente:soest:2001"
A2 = "agendaitem:notubiz:gemeente:soest:2002"
D1 = "document:notubiz:gemeente:soest:3001"
D_LOS = "document:notubiz:gemeente:soest:3999"
MOTIE = "motion:ibabs:gemeente:soest:4001"
P1 = "person:ibabs:gemeente:soest:5001"
P2 = "person:ibabs:gemeente:soest:5002"
P3 = "person:ibabs:gemeente:soest:5003"
C1 = "committee:notubiz:gemeente:soest:6001"
PARTIJ_A = "party:ibabs:gemeente:soest:7001"
STEM_P3 = "vote:ibabs:gemeente:soest:8001"


def record(seq, entity_type, entity_id, payload=None, op="upsert", hash_=None):
    r = {
        "seq": seq,
        "op": op,
        "time": "2026-07-10T12:00:00.000Z",
        "entity_id": entity_id,
        "entity_type": entity_type,
        "source_key": BRON,
        "supplier": "notubiz",
        "commit_id": f"commit:{entity_id}:{seq}",
        "content_hash": hash_ or f"sha256:{entity_id}:{seq}",
        "schema_version": "v1alpha1",
    }
    if payload is not None:
        r["payload"] = payload
    return r


def vergadering(naam="Raadsvergadering", status="published", titel_punt="Vaststellen begroting 2025", extra=None):
    return {
        "id": M1,
        "type": "Meeting",
        "name": naam,
        "status": status,
        "classification": ["Raadsvergadering"],
        "location": "Raadzaal",
        "start_date": "2024-11-12T19:30:00+01:00",
        "end_date": "2024-11-12T23:00:00+01:00",
        "committee": C1,
        "original_url": "https://soest.notubiz.nl/vergadering/1001",
        "agenda": [
            {"id": A1, "title": "Opening", "number": "1", "order": 1},
            {
                "id": A2,
                "title": titel_punt,
                "number": "2",
                "order": 2,
                "start_date": "2024-11-12T19:45:00+01:00",
                "documents": [
                    {
                        "id": D1,
                        "name": "Raadsvoorstel begroting 2025",
                        "file_name": "raadsvoorstel.pdf",
                        "content_type": "application/pdf",
                        "original_url": "https://soest.notubiz.nl/document/3001",
                    }
                ],
            },
        ],
        **(extra or {}),
    }


def snapshot() -> list[dict]:
    return [
        record(
            1,
            "Committee",
            C1,
            {"id": C1, "type": "Committee", "name": "Commissie Bestuur", "classification": "committee"},
        ),
        record(2, "Person", P1, {"id": P1, "type": "Person", "name": "S. Kasius"}),
        record(2, "Person", P3, {"id": P3, "type": "Person", "name": "A. de Vries"}),
        record(2, "Party", PARTIJ_A, {"id": PARTIJ_A, "type": "Party", "name": "Partij A"}),
        record(3, "Meeting", M1, vergadering()),
        record(
            4,
            "Meeting",
            M2,
            {
                "id": M2,
                "type": "Meeting",
                "name": "Informatieavond Zwaluwstaart",
                "start_date": "2023-05-04T20:00:00+02:00",
            },
        ),
        record(
            5,
            "Meeting",
            M_BESLOTEN,
            {
                "id": M_BESLOTEN,
                "type": "Meeting",
                "name": "Besloten vergadering",
                "status": "published",
                "classification": ["besloten"],
                "start_date": "2024-01-15T20:00:00+01:00",
            },
        ),
        record(
            6,
            "Document",
            D1,
            {
                "id": D1,
                "type": "Document",
                "name": "Raadsvoorstel begroting 2025",
                "original_url": "https://soest.notubiz.nl/document/3001",
                "content_type": "application/pdf",
                "size_in_bytes": 123456,
                "last_discussed_at": "2024-11-12T19:30:00+01:00",
            },
        ),
        record(
            7,
            "Document",
            D_LOS,
            {"id": D_LOS, "type": "Document", "name": "Los document", "original_url": "https://soest.notubiz.nl/d/9"},
        ),
        record(8, "Motion", MOTIE, motie()),
        record(
            9,
            "Vote",
            STEM_P3,
            {"id": STEM_P3, "type": "Vote", "option": "voor", "voter": P3, "group": PARTIJ_A, "vote_event": MOTIE},
        ),
    ]


def motie(**extra):
    """A public, published motion with two indieners, two votes inside it and one standalone Vote (P3)."""
    return {
        "id": MOTIE,
        "type": "Motion",
        "name": "045-2024 M Bomen sparen",
        "motion_type": "Motie",
        "status": "Motie aangenomen",
        "publication_status": "published",
        "result": "aangenomen",
        "date": "2024-11-12",
        "description": "Verzoekt het college de bomen aan de Eem te sparen.",
        "proposers": [P1],
        "co_proposers": [P2],
        "tally": {"in_favour": 2, "against": 1},
        "votes": [
            {"option": "voor", "voter": P1, "voter_name": "S. Kasius", "group": PARTIJ_A, "group_name": "Partij A"},
            {"option": "tegen", "voter": P2, "voter_name": "J. Jansen", "group_name": "Partij B"},
        ],
        "meeting": M1,
        "agenda_item": A2,
        "original_url": "https://soest.raadsinformatie.nl/motie/4001",
        "source_info": {"supplier": "ibabs", "source": BRON},
        **extra,
    }


def als_ndjson(records) -> bytes:
    return ("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n").encode()
