"""Search ranks across all matches, not only the newest ones: relevance times recency, or by date on request.
The same cases on SQLite (fallback scoring) and PostgreSQL (ts_rank), with the same expected order (issue 14)."""

import datetime

import pytest

from apps.core import search
from apps.core.search import zoekindex_bijwerken
from tests.factories import MemoFactory

pytestmark = pytest.mark.django_db
URL = "/zoeken/"
VANDAAG = datetime.date.today()


def memo(betreft, tekst, datum):
    m = MemoFactory(betreft=betreft, tekst=tekst, datum=datum)
    zoekindex_bijwerken(m)
    return m


def titels(response):
    assert response.status_code == 200
    return [r.titel for r in response.context["resultaten"]]


@pytest.fixture
def archief(monkeypatch):
    """One old memo about the subject (the word in its title), and more recent passing mentions than the search
    ranks as "newest matches" (KANDIDATEN made 5 here)."""
    monkeypatch.setattr(search.config, "KANDIDATEN", 5)
    memo(
        "Zwembadvisie Leusden",
        "De raad bespreekt de zwembadvisie en het zwembad.",
        VANDAAG.replace(year=VANDAAG.year - 19),
    )
    for i in range(8):
        memo(
            f"Jaarverslag sport {i}",
            "Een lange tekst over sport en bewegen in de gemeente. " * 5 + "Ook het zwembad komt kort langs.",
            VANDAAG - datetime.timedelta(days=30 + i),
        )


def test_a_highly_relevant_old_document_outranks_a_barely_relevant_new_one(client, archief):
    gevonden = titels(client.get(URL, {"q": "zwembad"}))
    assert gevonden[0] == "Zwembadvisie Leusden"
    # every match is on the page: the old one came in as a title match, beyond the newest five
    assert len(gevonden) == 6
    assert set(gevonden[1:]) <= {f"Jaarverslag sport {i}" for i in range(8)}


def test_sort_by_date_is_an_explicit_choice(client, archief):
    response = client.get(URL, {"q": "zwembad", "sorteer": "datum"})
    assert titels(response) == [f"Jaarverslag sport {i}" for i in range(5)]
    tekst = response.content.decode()
    assert "Meer dan 5 resultaten" in tekst and "de nieuwste eerst" in tekst
    assert '<option value="datum" selected>' in tekst


def test_recency_breaks_an_equal_relevance(client):
    memo("Begroting 2010", "De begroting.", datetime.date(2010, 6, 1))
    memo("Begroting 2024", "De begroting.", datetime.date(2024, 6, 1))
    assert titels(client.get(URL, {"q": "begroting"})) == ["Begroting 2024", "Begroting 2010"]


def test_recency_factor_halves_at_twenty_years():
    vandaag = datetime.date(2026, 1, 1)
    assert search.zoeken.recentheid(vandaag, vandaag) == 1.0
    assert search.zoeken.recentheid(datetime.date(2006, 1, 1), vandaag) == pytest.approx(0.5, abs=0.01)
    assert search.zoeken.recentheid(None, vandaag) == 1.0
