import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from apps.core.models import Zaak
from apps.core.services import zaak_aanmaken, zaaknummer_volgende
from apps.core.validators import valideer_zaaknummer
from tests.factories import ZaakFactory


@pytest.mark.parametrize("nummer", ["L27514", "L2751411", "X275141", "l275141", "275141", "", "L27514a", "L 275141"])
def test_malformed_zaaknummer_is_refused_with_dutch_message(nummer):
    with pytest.raises(ValidationError) as exc:
        valideer_zaaknummer(nummer)
    assert "geen geldig zaaknummer" in exc.value.messages[0]
    assert "L275141" in exc.value.messages[0]


def test_wellformed_zaaknummer_is_accepted():
    valideer_zaaknummer("L275141")


def test_pattern_is_configuration(settings):
    settings.ZAAKNUMMER_PATROON = r"^\d{4}-\d{5}$"
    valideer_zaaknummer("2020-71007")
    with pytest.raises(ValidationError):
        valideer_zaaknummer("L275141")


@pytest.mark.django_db
def test_full_clean_refuses_malformed_zaaknummer():
    with pytest.raises(ValidationError) as exc:
        zaak_aanmaken(titel="Test", zaaknummer="L12")
    assert "zaaknummer" in exc.value.message_dict


@pytest.mark.django_db
def test_duplicate_zaaknummer_is_refused_by_the_database():
    ZaakFactory(zaaknummer="L275141")
    with pytest.raises(IntegrityError), transaction.atomic():
        Zaak.objects.create(zaaknummer="L275141", titel="Dubbel")


@pytest.mark.django_db
def test_next_number_follows_the_highest_existing_and_skips_taken_numbers():
    ZaakFactory(zaaknummer="L275141")
    assert zaaknummer_volgende() == "L275142"
    ZaakFactory(zaaknummer="L275143")
    assert zaaknummer_volgende() == "L275144"


@pytest.mark.django_db(transaction=True)
def test_racing_next_number_requests_get_different_numbers():
    ZaakFactory(zaaknummer="L200000")
    resultaten, fouten = [], []
    start = threading.Barrier(4)

    def vraag():
        try:
            start.wait()
            resultaten.append(zaak_aanmaken(titel="Race").zaaknummer)
        except Exception as exc:  # pragma: no cover - reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=vraag) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not fouten
    assert sorted(resultaten) == ["L200001", "L200002", "L200003", "L200004"]
