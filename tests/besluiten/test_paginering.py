"""The besluiten list at any page number: the same queries on page 1 and on the last page, exact counts where they
are cheap, an estimate worded as one beyond (issue 14)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core import paginering

from .conftest import publiceer

pytestmark = pytest.mark.django_db
URL = "/besluiten/"


def titels(response):
    assert response.status_code == 200
    return [b.titel for b in response.context["page_obj"].object_list]


def vorm(sql: str) -> str:
    """A statement without its literal values: what differs between pages is only the key."""
    return re.sub(r"'[^']*'|\b\d+(\.\d+)?\b", "?", sql)


def opgenomen(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    return response, [vorm(q["sql"]) for q in ctx.captured_queries]


@pytest.fixture
def zestig(db):
    return [publiceer(f"Besluit {i:02d}", dagen_geleden=i) for i in range(60)]


def test_page_n_runs_the_same_queries_as_page_1(client, zestig):
    eerste, sql_1 = opgenomen(client, {})
    laatste, sql_3 = opgenomen(client, {"page": 3})
    assert sql_1 == sql_3
    assert titels(eerste) == [f"Besluit {i:02d}" for i in range(25)]
    assert titels(laatste) == [f"Besluit {i:02d}" for i in range(50, 60)]
    assert titels(client.get(URL, {"page": 2})) == [f"Besluit {i:02d}" for i in range(25, 50)]
    tekst = eerste.content.decode()
    assert "60 besluiten gevonden, pagina 1 van 3" in tekst


def test_a_page_beyond_the_last_shows_the_last(client, zestig):
    assert titels(client.get(URL, {"page": 99}))[-1] == "Besluit 59"
    assert titels(client.get(URL, {"page": "x"}))[0] == "Besluit 00"


def test_deep_pages_of_a_filtered_list_go_by_key(client, zestig, monkeypatch):
    monkeypatch.setattr(paginering, "OFFSETGRENS", 25)  # page 2 and later by their key
    response, sql = opgenomen(client, {"uitkomst": "aangenomen", "page": 2})
    assert titels(response) == [f"Besluit {i:02d}" for i in range(25, 50)]
    assert not any(" OFFSET " in q for q in sql)


def test_a_long_filtered_list_shows_an_estimate_worded_as_one(client, zestig, monkeypatch):
    monkeypatch.setattr(paginering, "TELGRENS", 20)
    tekst = client.get(URL, {"uitkomst": "aangenomen"}).content.decode()
    if connection.vendor == "postgresql":
        assert re.search(r"(ongeveer [\d.]+|meer dan 20) besluiten gevonden", tekst)
    else:
        assert "meer dan 20 besluiten gevonden" in tekst
    assert "60 besluiten" not in tekst
    # the unfiltered list is counted exactly through its page keys
    assert "60 besluiten gevonden" in client.get(URL).content.decode()


def test_the_filter_form_renders_every_option_without_a_query(client, zestig, django_assert_max_num_queries):
    from tests.factories import OnderwerpFactory

    for i in range(40):
        OnderwerpFactory(naam=f"Onderwerp {i:02d}", slug=f"onderwerp-{i:02d}")
    with django_assert_max_num_queries(6):
        tekst = client.get(URL).content.decode()
    assert tekst.count('<option value="onderwerp-') == 40
    gekozen = client.get(URL, {"onderwerp": "onderwerp-07"}).content.decode()
    assert '<option value="onderwerp-07" selected>Onderwerp 07</option>' in gekozen
