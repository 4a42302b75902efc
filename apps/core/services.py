"""Writes for the shared model. Keyword-only, typed, transactional."""

import re

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import Zaak, Zaaknummerreeks

MAX_POGINGEN = 5


class ZaaknummerFout(Exception):
    pass


def _hoogste_bestaande(prefix: str) -> int:
    hoogste = 0
    patroon = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    for nummer in Zaak.objects.filter(zaaknummer__startswith=prefix).values_list("zaaknummer", flat=True).iterator():
        m = patroon.match(nummer)
        if m:
            hoogste = max(hoogste, int(m.group(1)))
    return hoogste


def zaaknummer_volgende(*, prefix: str | None = None) -> str:
    """Reserve and return the next free zaaknummer.

    The per-prefix counter row is locked with SELECT ... FOR UPDATE (SQLite: an
    IMMEDIATE transaction), so two racing requests never get the same number; the
    unique constraint on Zaak.zaaknummer is the last line of defence.
    """
    prefix = settings.ZAAKNUMMER_PREFIX if prefix is None else prefix
    cijfers = settings.ZAAKNUMMER_CIJFERS
    for _poging in range(MAX_POGINGEN):
        try:
            with transaction.atomic():
                reeks = Zaaknummerreeks.objects.select_for_update().filter(prefix=prefix).first()
                if reeks is None:
                    reeks = Zaaknummerreeks.objects.create(prefix=prefix, laatste=_hoogste_bestaande(prefix))
                    reeks = Zaaknummerreeks.objects.select_for_update().get(pk=reeks.pk)
                kandidaat = reeks.laatste + 1
                while Zaak.objects.filter(zaaknummer=f"{prefix}{kandidaat:0{cijfers}d}").exists():
                    kandidaat += 1
                if kandidaat >= 10**cijfers:
                    raise ZaaknummerFout("De zaaknummerreeks is vol.")
                reeks.laatste = kandidaat
                reeks.save(update_fields=["laatste"])
                return f"{prefix}{kandidaat:0{cijfers}d}"
        except IntegrityError:
            continue  # someone else created the counter row at the same moment: try again
    raise ZaaknummerFout("Er kon geen zaaknummer worden uitgegeven; probeer het opnieuw.")


def zaak_aanmaken(*, titel: str, zaaknummer: str | None = None, onderwerpen=()) -> Zaak:
    """Create a zaak with the given zaaknummer, or with the next free one."""
    with transaction.atomic():
        zaak = Zaak(zaaknummer=zaaknummer or zaaknummer_volgende(), titel=titel)
        zaak.full_clean()
        zaak.save()
        if onderwerpen:
            zaak.onderwerpen.set(onderwerpen)
    return zaak


PORTAAL_APPS = ("core", "raadsvoorstellen", "memos", "vergaderagenda", "moties", "besluiten")


def groepen_inrichten() -> None:
    """Create the groups griffie and raadslid; the griffie may manage every portal model in the admin."""
    from django.contrib.auth.models import Group, Permission

    griffie, _ = Group.objects.get_or_create(name="griffie")
    Group.objects.get_or_create(name="raadslid")
    permissies = Permission.objects.filter(content_type__app_label__in=PORTAAL_APPS)
    griffie.permissions.add(*permissies)


# --- Shared plumbing for the domain services (issue 3) ------------------------------------


class RegelFout(Exception):
    """A forbidden step (status rule). The message is Dutch and meant for the user."""

    def __init__(self, melding: str, *, veld: str | None = None):
        super().__init__(melding)
        self.melding = melding
        self.veld = veld

    def __str__(self):
        return self.melding


class VersieConflict(Exception):
    """Someone else saved the record after the form was opened: the save is refused."""

    def __init__(self, *, obj, versie: int, huidige_versie: int | None):
        super().__init__("Iemand anders heeft dit record intussen gewijzigd.")
        self.obj = obj
        self.versie = versie
        self.huidige_versie = huidige_versie


def velden_zetten(obj, velden: dict, *, toegestaan) -> None:
    """Set the fields a form hands to a service; a name outside `toegestaan` is a programming error."""
    onbekend = set(velden) - set(toegestaan)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    for naam, waarde in velden.items():
        setattr(obj, naam, waarde)


def m2m_vervangen(relatie, objecten) -> bool:
    """Give a many-to-many relation exactly `objecten` (None: leave it). Returns whether it changed, so the
    caller can name the change in the history (django-simple-history records the m2m rows themselves)."""
    if objecten is None:
        return False
    nieuw = {o.pk for o in objecten}
    if set(relatie.values_list("pk", flat=True)) == nieuw:
        return False
    relatie.set(nieuw)
    return True


def geschiedenis_gebruiker(obj, door) -> None:
    """Let django-simple-history record `door` as the user of the next history record of obj."""
    if door is not None and getattr(door, "is_authenticated", False):
        obj._history_user = door


def versie_opslaan(obj, *, versie: int | None, door=None, reden: str | None = None) -> None:
    """Save obj with optimistic locking (compare-and-swap on `version`); history records who.

    Must run inside transaction.atomic(). `versie` is the version the form was opened with;
    None skips the check (internal status steps that already locked the row).
    """
    model = type(obj)
    if obj.pk is not None:
        if versie is None:
            versie = model.objects.filter(pk=obj.pk).values_list("version", flat=True).first()
            if versie is None:
                raise RegelFout("Dit record bestaat niet meer.")
        bijgewerkt = model.objects.filter(pk=obj.pk, version=versie).update(version=versie + 1)
        if not bijgewerkt:
            huidig = model.objects.filter(pk=obj.pk).values_list("version", flat=True).first()
            if huidig is None:
                raise RegelFout("Dit record is intussen verwijderd.")
            raise VersieConflict(obj=obj, versie=versie, huidige_versie=huidig)
        obj.version = versie + 1
    geschiedenis_gebruiker(obj, door)
    obj._change_reason = reden[:100] if reden else None
    obj.save()


def zaak_voor_nummer(*, zaaknummer: str | None, titel: str, onderwerpen=None) -> Zaak:
    """The zaak with this zaaknummer (created when it does not exist yet), or a new zaak with the next number."""
    with transaction.atomic():
        if zaaknummer:
            zaak = Zaak.objects.select_for_update().filter(zaaknummer=zaaknummer.strip()).first()
            if zaak is None:
                zaak = zaak_aanmaken(titel=titel[:500], zaaknummer=zaaknummer.strip())
        else:
            zaak = zaak_aanmaken(titel=titel[:500])
        if onderwerpen is not None:
            zaak.onderwerpen.set(onderwerpen)
    return zaak
