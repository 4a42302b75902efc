"""Writes that span the domain apps: demo data post-processing and demo accounts."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

DEMO_ACCOUNTS = [("griffie", "griffie"), ("raadslid", "raadslid")]


def demo_accounts_aanmaken() -> list[tuple[str, str | None]]:
    """One account per role (dev only). Returns (username, password-or-None-if-it-existed)."""
    User = get_user_model()
    resultaat = []
    with transaction.atomic():
        for gebruikersnaam, groep in DEMO_ACCOUNTS:
            user, nieuw = User.objects.get_or_create(username=gebruikersnaam)
            wachtwoord = None
            if nieuw:
                wachtwoord = secrets.token_urlsafe(12)
                user.set_password(wachtwoord)
                user.save()
            user.groups.add(Group.objects.get_or_create(name=groep)[0])
            if groep == "griffie" and not user.is_staff:
                user.is_staff = True  # the griffie may also use the admin (beheer)
                user.save(update_fields=["is_staff"])
            resultaat.append((gebruikersnaam, wachtwoord))
    return resultaat


def demo_nabewerken(*, uitvoer=None) -> None:
    """Steps that loaddata cannot do itself (it saves raw rows): search index and stored PDFs."""
    for stap in _nabewerkingsstappen():
        stap(uitvoer=uitvoer)


def _raadsbesluiten_opslaan(*, uitvoer=None) -> None:
    """Render and store the PDF of every published besluit that has none (loaddata empties it)."""
    from apps.besluiten.models import Besluit
    from apps.besluiten.pdf import raadsbesluit_opslaan

    aantal = 0
    for besluit in Besluit.objects.filter(status="gepubliceerd").select_related("zaak").order_by("pk"):
        if raadsbesluit_opslaan(besluit):  # only a missing file, from the publication snapshot
            aantal += 1
    if uitvoer is not None and aantal:
        uitvoer.write(f"  {aantal} raadsbesluit(en) als PDF opgeslagen")


def _zoekindex_opbouwen(*, uitvoer=None) -> None:
    from apps.core.search import zoekindex_herbouwen

    resultaat = zoekindex_herbouwen()
    if uitvoer is not None:
        uitvoer.write(f"  zoekindex: {sum(resultaat.values())} documenten")


def _demo_moties(*, uitvoer=None) -> None:
    from .demo_moties import demo_moties_aanmaken

    demo_moties_aanmaken(uitvoer=uitvoer)


def _nabewerkingsstappen():
    from .demo_registers import registers_voorbeelden

    return [_raadsbesluiten_opslaan, _demo_moties, registers_voorbeelden, _zoekindex_opbouwen]


def demo_fixture_laden(*, pad) -> tuple[int, int]:
    """Load a fixture create-only: records that exist (same primary key) are left alone.

    Unlike loaddata this never overwrites what the griffie changed in the demo, and it never
    tries to rewrite a published besluit (which the database refuses). Returns (new, existing).
    """
    from django.core import serializers
    from django.core.management.color import no_style
    from django.db import connection

    nieuw = bestaand = 0
    modellen = set()
    with transaction.atomic(), open(pad, encoding="utf-8") as bestand:
        for item in serializers.deserialize("json", bestand):
            model = type(item.object)
            modellen.add(model)
            if model._default_manager.filter(pk=item.object.pk).exists():
                bestaand += 1
                continue
            item.save()
            nieuw += 1
        # Saving explicit primary keys leaves PostgreSQL's sequences behind (loaddata resets them too);
        # without this the next record the griffie creates collides with a demo record.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(modellen)):
                cursor.execute(sql)
    return nieuw, bestaand
