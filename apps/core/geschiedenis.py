"""The history of any record with django-simple-history: who changed what, when, from what to what.

Works for every model with `history = HistoricalRecords(...)` (m2m fields included); names of related records
are read in bulk, so a page of history runs a fixed number of queries.
"""

from django.utils import formats, timezone

GESCHIEDENIS_LIMIET = 100
SOORTEN = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


def _m2m_namen(history_model) -> list[str]:
    return [f.name for f in getattr(history_model, "_history_m2m_fields", [])]


def _weergave(veld, waarde, namen: dict) -> str:
    if waarde is None or waarde == "":
        return "(leeg)"
    if getattr(veld, "many_to_many", False):
        return ", ".join(namen.get((veld.related_model, pk), f"#{pk}") for pk in sorted(waarde)) or "(leeg)"
    if veld.is_relation:
        return namen.get((veld.related_model, waarde), f"#{waarde} (verwijderd)")
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dict | list):
        return "(vastgelegd)"  # the publication snapshot: the PDF states it
    if hasattr(waarde, "year"):
        if hasattr(waarde, "hour") and timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)  # one time zone everywhere: Europe/Amsterdam, like the status line
        return formats.date_format(waarde, "j F Y" if not hasattr(waarde, "hour") else "j F Y H:i")
    if hasattr(waarde, "hour"):
        return waarde.strftime("%H:%M")
    tekst = str(waarde)
    return tekst if len(tekst) <= 300 else tekst[:300] + "…"


def _m2m_sets(model, records) -> dict:
    """{(history_id, field name): set of related pks}, one query per tracked m2m field."""
    if not records:
        return {}
    history_model = type(records[0])
    sets: dict = {}
    for naam in _m2m_namen(history_model):
        veld = model._meta.get_field(naam)
        m2m_model = getattr(history_model, naam).model
        kolom = veld.m2m_reverse_field_name() + "_id"
        for history_id, pk in m2m_model.objects.filter(history__in=records).values_list("history_id", kolom):
            sets.setdefault((history_id, naam), set()).add(pk)
    return sets


def _wijzigingen(paren, model) -> list[list[dict]]:
    """For each (new, old) pair of history records: [{veld, oud, nieuw}], with related names in bulk."""
    records = [r for paar in paren for r in paar if r is not None]
    sets = _m2m_sets(model, records)
    ruw = []
    for nieuw, oud in paren:
        m2m = _m2m_namen(type(nieuw))
        veranderd = []
        if oud is not None:
            delta = nieuw.diff_against(oud, excluded_fields=m2m)
            veranderd = [(model._meta.get_field(c.field), c.old, c.new) for c in delta.changes]
            for naam in m2m:
                was = sets.get((oud.history_id, naam), set())
                is_ = sets.get((nieuw.history_id, naam), set())
                if was != is_:
                    veranderd.append((model._meta.get_field(naam), was, is_))
        ruw.append(veranderd)
    # One query per related model to name foreign keys.
    nodig: dict = {}
    for veranderd in ruw:
        for veld, a, b in veranderd:
            if veld.is_relation:
                for w in (a, b):
                    for pk in w if isinstance(w, set) else [w]:
                        if pk not in (None, ""):
                            nodig.setdefault(veld.related_model, set()).add(pk)
    namen = {}
    for rel_model, pks in nodig.items():
        for pk, obj in rel_model._default_manager.in_bulk(list(pks)).items():
            namen[(rel_model, pk)] = str(obj)
    return [
        [
            {"veld": str(veld.verbose_name), "oud": _weergave(veld, a, namen), "nieuw": _weergave(veld, b, namen)}
            for veld, a, b in veranderd
        ]
        for veranderd in ruw
    ]


def geschiedenis(obj, *, limiet: int = GESCHIEDENIS_LIMIET) -> list[dict]:
    """Newest first: who, when, what kind of change, why, and which fields changed from what to what."""
    qs = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    records = list(qs[: limiet + 1])
    zichtbaar = records[:limiet]
    paren = [(r, records[i + 1] if i + 1 < len(records) else None) for i, r in enumerate(zichtbaar)]
    alle_wijzigingen = _wijzigingen(paren, type(obj))
    return [
        {
            "datum": r.history_date,
            "gebruiker": (r.history_user.get_full_name() or r.history_user.get_username())
            if r.history_user
            else "(systeem)",
            "soort": SOORTEN.get(r.history_type, r.history_type),
            "reden": r.history_change_reason or "",
            "wijzigingen": wijzigingen,
        }
        for r, wijzigingen in zip(zichtbaar, alle_wijzigingen, strict=True)
    ]


def wijzigingen_sinds(obj, versie: int) -> dict:
    """What others changed after the version the form was opened with: fields from what to what, and by whom."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[:200])
    basis = next((r for r in records if r.version is not None and r.version <= versie), None)
    nieuwer = [r for r in records if r.version is not None and r.version > versie]
    if not records or basis is None or not nieuwer:
        return {"wijzigingen": [], "door": [], "redenen": []}
    [wijzigingen] = _wijzigingen([(records[0], basis)], type(obj))
    door = sorted(
        {
            (r.history_user.get_full_name() or r.history_user.get_username()) if r.history_user else "(systeem)"
            for r in nieuwer
        }
    )
    redenen = [r.history_change_reason for r in reversed(nieuwer) if r.history_change_reason]
    return {"wijzigingen": wijzigingen, "door": door, "redenen": redenen}
