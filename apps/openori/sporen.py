"""Keep the traces (models.Spoor) in step with what is public now.

`sporen_bijwerken()` compares the public records of the API (the same selectors) with the traces: a new public
record gets a trace ("nieuw"), a changed one a new last-changed moment ("gewijzigd"), one that is no longer
public becomes a tombstone ("verwijderd", or "vervangen" with the successor when a rectificatie replaced it).
After every commit that saved or deleted a record the API publishes (see apps.py) it runs for the records that
commit touched; the commands `opendata_bijwerken` and `aanleveringen_verwerken` run it for everything, so a change
made outside the portal's forms (a raw import, bulk updates) is picked up too. The changes go out through the
signal `spoor_gewijzigd` (the delivery to Open Overheid listens).
"""

import dataclasses
import logging

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from apps.besluiten.models import Besluit
from apps.vergaderagenda.models import Agendapunt, Vergadering

from . import selectors
from .models import Spoor

logger = logging.getLogger(__name__)

# Sent after commit with changes=[Wijziging, ...].
spoor_gewijzigd = Signal()

NIEUW, GEWIJZIGD, VERWIJDERD, VERVANGEN = "nieuw", "gewijzigd", "verwijderd", "vervangen"


@dataclasses.dataclass(frozen=True)
class Wijziging:
    soort: str  # Spoor.Soort
    uuid: object
    gebeurtenis: str  # NIEUW, GEWIJZIGD, VERWIJDERD, VERVANGEN
    opvolger: object = None


def _laatste(*momenten):
    return max(m for m in momenten if m is not None)


def _beperkt(qs, uuids):
    return qs if uuids is None else qs.filter(uuid__in=uuids)


def openbare_stand(uuids=None) -> dict:
    """uuid -> (soort, last-changed moment) of everything the API publishes now (of these uuids only, if given)."""
    stand = {}
    vergaderingen = _beperkt(Vergadering.objects.openbaar(), uuids).values_list("uuid", "updated_at")
    for uuid, gewijzigd in vergaderingen.iterator(2000):
        stand[uuid] = (Spoor.Soort.VERGADERING, gewijzigd)
    agendapunten = _beperkt(Agendapunt.objects.zichtbaar_voor(selectors.ANONIEM), uuids).values_list(
        "uuid", "updated_at", "vergadering__updated_at"
    )
    for uuid, *momenten in agendapunten.iterator(2000):
        stand[uuid] = (Spoor.Soort.AGENDAPUNT, _laatste(*momenten))
    for soort, maak in selectors.BRONNEN:
        velden = ["uuid", "updated_at", *(f"{ouder}__updated_at" for ouder in selectors.OUDERS[soort])]
        for uuid, *momenten in _beperkt(maak().prefetch_related(None), uuids).values_list(*velden).iterator(2000):
            stand[uuid] = (Spoor.Soort.INFORMATIEOBJECT, _laatste(*momenten))
    return stand


def opvolgers(uuids=None) -> dict:
    """uuid of a besluit a published rectificatie replaced -> uuid of the rectificatie."""
    qs = Besluit.objects.filter(status="gepubliceerd", vervangt__isnull=False)
    if uuids is not None:
        qs = qs.filter(vervangt__uuid__in=uuids)
    return dict(qs.values_list("vervangt__uuid", "uuid").iterator(2000))


@transaction.atomic
def sporen_bijwerken(*, uuids=None) -> list[Wijziging]:
    """Reconcile every trace, or only those of `uuids` (what one commit touched)."""
    nu = timezone.now()
    uuids = None if uuids is None else list(uuids)
    stand = openbare_stand(uuids)
    sporen = {s.uuid: s for s in _beperkt(Spoor.objects.select_for_update(), uuids)}
    wijzigingen, nieuw, bijgewerkt = [], [], []
    for uuid, (soort, gewijzigd) in stand.items():
        spoor = sporen.get(uuid)
        if spoor is None:
            nieuw.append(Spoor(soort=soort, uuid=uuid, openbaar_sinds=nu, gewijzigd_op=gewijzigd))
            wijzigingen.append(Wijziging(soort, uuid, NIEUW))
        elif spoor.verborgen_op is not None:
            spoor.verborgen_op, spoor.opvolger, spoor.gewijzigd_op = None, None, max(gewijzigd, nu)
            bijgewerkt.append(spoor)
            wijzigingen.append(Wijziging(soort, uuid, NIEUW))
        elif spoor.gewijzigd_op != gewijzigd:
            spoor.gewijzigd_op = gewijzigd
            bijgewerkt.append(spoor)
            wijzigingen.append(Wijziging(soort, uuid, GEWIJZIGD))
    weg = [s for uuid, s in sporen.items() if uuid not in stand and s.verborgen_op is None]
    if weg:
        vervangers = opvolgers([s.uuid for s in weg])
        for spoor in weg:
            spoor.verborgen_op, spoor.gewijzigd_op = nu, nu
            spoor.opvolger = vervangers.get(spoor.uuid)
            bijgewerkt.append(spoor)
            gebeurtenis = VERVANGEN if spoor.opvolger else VERWIJDERD
            wijzigingen.append(Wijziging(spoor.soort, spoor.uuid, gebeurtenis, spoor.opvolger))
    Spoor.objects.bulk_create(nieuw, batch_size=1000, ignore_conflicts=True)
    Spoor.objects.bulk_update(bijgewerkt, ["verborgen_op", "opvolger", "gewijzigd_op"], batch_size=1000)
    if wijzigingen:
        transaction.on_commit(lambda: spoor_gewijzigd.send(sender=Spoor, changes=wijzigingen))
    return wijzigingen


def betrokken_uuids(instance) -> set:
    """The published records whose public form a save or delete of `instance` can change: itself, and what hangs
    under it (a meeting's agenda items and their bijlagen, a record's bijlagen, the besluit a rectificatie
    replaces)."""
    from apps.vergaderagenda.models import AgendapuntBijlage

    uuids = {instance.uuid}
    if isinstance(instance, Vergadering) and instance.pk:
        uuids |= set(Agendapunt.objects.filter(vergadering_id=instance.pk).values_list("uuid", flat=True))
        punten = AgendapuntBijlage.objects.filter(agendapunt__vergadering_id=instance.pk)
        uuids |= set(punten.values_list("uuid", flat=True))
    elif isinstance(instance, Besluit) and instance.vervangt_id:
        uuids |= set(Besluit.objects.filter(pk=instance.vervangt_id).values_list("uuid", flat=True))
    elif instance.pk and hasattr(instance, "bijlagen"):
        uuids |= set(instance.bijlagen.values_list("uuid", flat=True))
    return uuids


def _na_commit():
    uuids = getattr(connection, "_openori_betrokken", set())
    connection._openori_betrokken = set()
    try:
        sporen_bijwerken(uuids=uuids)
    except Exception:
        # Never let the open-data bookkeeping break the griffie's work; the next full run catches up.
        logger.exception("De openbaarheidssporen konden niet worden bijgewerkt")


def na_wijziging(sender, instance, **kwargs):
    """post_save / post_delete receiver: reconcile what this change touched, once, after the transaction commits."""
    if kwargs.get("raw"):
        return
    try:
        betrokken = betrokken_uuids(instance)
    except Exception:  # never in the way of a save; the next full run catches up
        logger.exception("Betrokken records konden niet worden bepaald")
        return
    if not hasattr(connection, "_openori_betrokken"):
        connection._openori_betrokken = set()
    connection._openori_betrokken |= betrokken
    if any(func is _na_commit for _, func, _ in connection.run_on_commit):
        return
    transaction.on_commit(_na_commit)


def grafsteen(waarde: str) -> Spoor | None:
    sleutel = selectors.geldige_uuid(waarde)
    if sleutel is None:
        return None
    return Spoor.objects.filter(uuid=sleutel, verborgen_op__isnull=False).first()


def grafstenen(*, gewijzigd_sinds=None):
    """Tombstones for harvesters, in the order they were made (index spoor_verborgen_idx)."""
    qs = Spoor.objects.filter(verborgen_op__isnull=False).order_by("verborgen_op", "id")
    if gewijzigd_sinds is not None:
        qs = qs.filter(verborgen_op__gte=gewijzigd_sinds)
    return qs
