"""Search on PostgreSQL picks one of three plans per query (walk the date index, GIN within a date window,
plain GIN) from the lexeme statistics. Whatever the plan, the candidates must be exactly the newest
KANDIDATEN visible matches, ranked as before."""

import datetime

import pytest
from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from apps.core import search
from apps.core.models import Zoekdocument

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL full text only"),
]

BEGIN = datetime.date(2020, 1, 1)


@pytest.fixture
def documenten(monkeypatch):
    """400 documents over 400 days (a few without a date): "gewoon" in all, "middel" in every 8th,
    "zeldzaam" in three; every 10th only for raadsleden. Then ANALYZE, so pg_stats has the lexemes."""
    rijen = []
    for i in range(400):
        woorden = ["gewoon"]
        if i % 8 == 0:
            woorden.append("middelmaat")
        if i in (3, 151, 391):
            woorden.append("zeldzaamheid")
        rijen.append(
            Zoekdocument(
                soort="memo",
                object_id=i + 1,
                titel=f"Memo {i}",
                tekst=" ".join(woorden * (1 + i % 3)),
                url=f"/memo/{i}/",
                datum=None if i % 97 == 5 else BEGIN + datetime.timedelta(days=i),
                zichtbaarheid="raadslid" if i % 10 == 0 else "publiek",
            )
        )
    Zoekdocument.objects.bulk_create(rijen)
    search.index._vectoren_bijwerken("memo", range(1, 401))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Zoekdocument._meta.db_table}")
    monkeypatch.setitem(search.plan._statistiek, "tot", 0.0)  # read the fresh statistics
    monkeypatch.setattr(search.config, "KANDIDATEN", 20)


def verwacht(q, zichtbaar):
    """The reference: the newest KANDIDATEN visible matches, ranked by ts_rank, then newest first."""
    vraag = search.ontleed_zoekvraag(q)
    zoekquery = search.zoeken.zoekquery(vraag)
    nieuwste = list(
        Zoekdocument.objects.filter(zichtbaarheid__in=zichtbaar, zoekvector=zoekquery)
        .order_by(F("datum").desc(nulls_first=True), "-id")
        .values_list("id", flat=True)[: search.config.KANDIDATEN]
    )
    return list(
        Zoekdocument.objects.filter(id__in=nieuwste)
        .annotate(rang=SearchRank(F("zoekvector"), zoekquery))
        .order_by("-rang", F("datum").desc(nulls_first=True), "-id")
        .values_list("id", flat=True)
    )


def gevonden(q, rol):
    """The candidate plan alone (plan.kandidaten_postgres): the newest KANDIDATEN matches, here put in the
    reference's order (rank, then newest first) to compare."""
    with CaptureQueriesContext(connection) as vastgelegd:
        rijen = search.plan.kandidaten_postgres(
            vraag=search.ontleed_zoekvraag(q), zichtbaar=search.ZICHTBAAR_PER_ROL[rol], soort=None, jaar=None
        )
    rijen.sort(key=lambda r: (-r[2], r[1] is not None, -(r[1].toordinal() if r[1] else 0), -r[0]))
    return [r[0] for r in rijen], " ".join(s["sql"] for s in vastgelegd.captured_queries), len(rijen)


@pytest.mark.parametrize("rol,zichtbaar", [("publiek", ["publiek"]), ("raadslid", ["publiek", "raadslid"])])
def test_a_common_word_walks_the_date_index(documenten, rol, zichtbaar):
    ids, sql, aantal = gevonden("gewoon", rol)
    assert "ts_match_vq" in sql
    assert ids == verwacht("gewoon", zichtbaar)
    assert aantal == 20
    # documents without a date count as the newest, as in ORDER BY datum DESC
    assert set(
        Zoekdocument.objects.filter(datum__isnull=True, zichtbaarheid__in=zichtbaar).values_list("id", flat=True)
    ) <= set(ids)


@pytest.mark.parametrize("rol,zichtbaar", [("publiek", ["publiek"]), ("raadslid", ["publiek", "raadslid"])])
def test_a_mid_frequency_word_searches_a_date_window(documenten, monkeypatch, rol, zichtbaar):
    monkeypatch.setattr(search.plan, "WANDELEN_VANAF", 0.5)
    monkeypatch.setattr(search.plan, "VENSTER_VANAF", 0.5)
    ids, sql, aantal = gevonden("middelmaat", rol)
    assert "datum >= " in sql and "ts_match_vq" not in sql
    assert ids == verwacht("middelmaat", zichtbaar)
    assert aantal == 20


def test_a_window_that_holds_too_few_reaches_further_back(documenten, monkeypatch):
    monkeypatch.setattr(search.plan, "WANDELEN_VANAF", 0.9)
    monkeypatch.setattr(search.plan, "VENSTER_VANAF", 0.1)
    monkeypatch.setattr(search.plan, "VENSTER_MARGE", 0.2)  # the first window holds a fifth of what is needed
    ids, sql, aantal = gevonden("middelmaat", "publiek")
    assert "datum < " in sql
    assert ids == verwacht("middelmaat", ["publiek"])
    assert aantal == 20


def test_a_rare_word_uses_the_gin_index_alone(documenten):
    ids, sql, aantal = gevonden("zeldzaamheid", "publiek")
    assert "ts_match_vq" not in sql and "datum >= " not in sql
    assert ids == verwacht("zeldzaamheid", ["publiek"])
    assert aantal == 3


def test_words_that_only_appear_together_rarely(documenten):
    ids, _, aantal = gevonden("gewoon zeldzaamheid", "raadslid")
    assert ids == verwacht("gewoon zeldzaamheid", ["publiek", "raadslid"])
    assert aantal == 3


def test_slices_and_count_of_the_result(documenten):
    resultaten = search.zoekdocumenten(rol="publiek", vraag=search.ontleed_zoekvraag("gewoon"))
    alle = [r.id for r in resultaten[:]]
    assert [r.id for r in resultaten[5:10]] == alle[5:10]
    assert resultaten[3].id == alle[3]
    assert len(resultaten) == resultaten.count() == len(alle) >= 20
    assert all(hasattr(r, "rang") for r in resultaten[:2])
