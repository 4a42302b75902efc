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


def _nabewerkingsstappen():
    return []
