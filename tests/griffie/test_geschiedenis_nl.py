"""One time zone (Europe/Amsterdam) and Dutch words in the griffie's Geschiedenis and in the admin history."""

import datetime
import re

import pytest
from django.utils import timezone

from apps.besluiten.models import Besluit
from apps.griffie import selectors
from tests.factories import BesluitFactory

pytestmark = pytest.mark.django_db


def test_changed_times_in_the_history_are_in_amsterdam_time():
    besluit = BesluitFactory()
    besluit = Besluit.objects.get(pk=besluit.pk)
    besluit.vastgesteld_op = datetime.datetime(2024, 7, 1, 18, 30, tzinfo=datetime.UTC)  # 20:30 in Amsterdam
    besluit.save()
    [wijziging] = [w for w in selectors.geschiedenis(besluit)[0]["wijzigingen"] if w["veld"] == "vastgesteld op"]
    assert wijziging["nieuw"] == "1 juli 2024 20:30"


def _tekst(html: str) -> str:
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_admin_history_pages_are_dutch(client, griffie_user):
    besluit = BesluitFactory()
    besluit.titel = "Nieuwe titel"
    besluit.save()
    client.force_login(griffie_user)
    lijst = _tekst(client.get(f"/beheer/besluiten/besluit/{besluit.pk}/history/").content.decode())
    versie = besluit.history.order_by("history_id").first().history_id
    vorm = _tekst(client.get(f"/beheer/besluiten/besluit/{besluit.pk}/history/{versie}/").content.decode())
    index = _tekst(client.get("/beheer/").content.decode())
    for engels in (
        "Changed by",
        "Change reason",
        "Comment",
        "Date/time",
        "Changed",
        "Historical",
        "Revert",
        "Model name",
    ):
        assert engels not in lijst + vorm + index, engels
    assert "Gewijzigd door" in lijst and "Reden" in lijst and "terugzetten" in vorm.lower()
    lokaal = timezone.localtime(besluit.history.order_by("-history_id").first().history_date)
    assert f"{lokaal:%H:%M}" in lijst
