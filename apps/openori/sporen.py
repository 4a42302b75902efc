"""Keep the traces (models.Spoor) in step with what is public now.

`sporen_bijwerken()` compares the public records of the API (the same selectors) with the traces: a new public
record gets a trace ("nieuw"), a changed one a new last-changed moment ("gewijzigd"), one that is no longer
public becomes a tombstone ("verwijderd", or "vervangen" with the successor when a rectificatie replaced it).
It runs after every commit that saved or deleted a record the API publishes (see apps.py), and from the
commands `opendata_bijwerken` and `aanleveringen_verwerken`, so a change made outside the portal's forms is
picked up too. The changes go out through the signal `spoor_gewijzigd` (the delivery to Open Overheid listens).
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


def openbare_stand() -> dict:
    """uuid -> (soort, last-changed moment) of everything the API publishes now."""
    stand = {}
    for uuid, gewijzigd in Vergadering.objects.openbaar().values_list("uuid", "updated_at").iterator(2000):
        stand[uuid] = (Spoor.Soort.VERGADERING, gewijzigd)
    agendapunten = Agendapunt.objects.zichtbaar_voor(selectors.ANONIEM).values_list(
        "uuid", "updated_at", "vergadering__updated_at"
    )
    for uuid, *momenten in agendapunten.iterator(2000):
        stand[uuid] = (Spoor.Soort.AGENDAPUNT, _laatste(*momenten))
    for soort, maak in selectors.BRONNEN:
        velden = ["uuid", "updated_at", *(f"{ouder}__updated_at" for ouder in selectors.OUDERS[soort])]
        for uuid, *momenten in maak().prefetch_related(None).values_list(*velden).iterator(2000):
            stand[uuid] = (Spoor.Soort.INFORMATIEOBJECT, _laatste(*momenten))
    return stand


def opvolgers() -> dict:
    """uuid of a besluit a published rectificatie replaced -> uuid of the rectificatie."""
    rijen = (
        Besluit.objects.filter(status="gepubliceerd", vervangt__isnull=False)
        .values_list("vervangt__uuid", "uuid")
        .iterator(2000)
    )
    return dict(rijen)


@transaction.atomic
def sporen_bijwerken() -> list[Wijziging]:
    nu = timezone.now()
    stand = openbare_stand()
    sporen = {s.uuid: s for s in Spoor.objects.select_for_update()}
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
        vervangers = opvolgers()
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


def _na_commit():
    try:
        sporen_bijwerken()
    except Exception:
        # Never let the open-data bookkeeping break the griffie's work; the next run catches up.
        logger.exception("De openbaarheidssporen konden niet worden bijgewerkt")


def na_wijziging(sender, **kwargs):
    """post_save / post_delete receiver: reconcile once, after the transaction commits."""
    if kwargs.get("raw"):
        return
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
