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


@pytest.fixture
def fragmenten_aan(settings):
    from django.core.cache import cache

    from apps.paginacache import middleware as paginacache_module

    # a rolled-back test leaves the generation number where it was: the page keys an earlier test kept in the
    # shared cache would be those of its own besluiten
    cache.clear()

    settings.FRAGMENTCACHE = True
    settings.PAGINACACHE_GENERATIE_SECONDEN = 0
    paginacache_module._gelezen["nummer"] = None


def test_kept_page_keys_and_last_page_count_follow_the_generation(
    client, zestig, fragmenten_aan, django_capture_on_commit_callbacks
):
    """With FRAGMENTCACHE the page keys and the last page's row count are read once per generation (the next
    request runs no window and no count query) and are read again after a write."""
    eerste, sql_1 = opgenomen(client, {"page": 2})
    assert any("ROW_NUMBER" in q.upper() for q in sql_1)
    tweede, sql_2 = opgenomen(client, {"page": 3})
    assert not any("ROW_NUMBER" in q.upper() or "COUNT(" in q.upper() for q in sql_2)
    assert titels(tweede) == [f"Besluit {i:02d}" for i in range(50, 60)]
    assert "60 besluiten gevonden, pagina 3 van 3" in tweede.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publiceer("Nieuwste besluit", dagen_geleden=-1)  # a write: a new generation
    na = client.get(URL, {"page": 3})
    assert "61 besluiten gevonden, pagina 3 van 3" in na.content.decode()
    assert titels(na)[-1] == "Besluit 59"


def test_kept_option_markup_marks_the_chosen_option(client, zestig, fragmenten_aan):
    from tests.factories import OnderwerpFactory

    for i in range(5):
        OnderwerpFactory(naam=f"Onderwerp <{i}>", slug=f"onderwerp-{i}")
    client.get(URL)  # builds and keeps the options' markup
    tekst = client.get(URL, {"onderwerp": "onderwerp-3"}).content.decode()
    assert '<option value="onderwerp-3" selected>Onderwerp &lt;3&gt;</option>' in tekst
    assert '<option value="onderwerp-2">Onderwerp &lt;2&gt;</option>' in tekst
    assert tekst.count(" selected>") == 1 + tekst.count('<option value="" selected>')


def _formulier(tekst: str) -> str:
    begin = tekst.index('<form class="portal-filters besluiten-filters"')
    return tekst[begin : tekst.index("</form>", begin) + 7]


def test_the_unfiltered_form_is_rendered_once_per_generation(
    client, zestig, fragmenten_aan, django_capture_on_commit_callbacks
):
    """Without filters the form is the same on every page: rendered once, then kept until a write; with a filter
    it is rendered for that request, showing the chosen value."""
    from tests.factories import OnderwerpFactory

    def rendert_formulier(params) -> tuple[bool, str]:
        response = client.get(URL, params)
        return "besluiten/_filters.html" in [t.name for t in response.templates], _formulier(response.content.decode())

    gerenderd, pagina_2 = rendert_formulier({"page": 2})
    assert gerenderd
    gerenderd, pagina_3 = rendert_formulier({"page": 3})
    assert not gerenderd and pagina_3 == pagina_2
    assert "Filters wissen" not in pagina_2 and " selected>" not in pagina_2.replace('<option value="" selected>', "")

    gerenderd, gefilterd = rendert_formulier({"uitkomst": "aangenomen", "page": 2})
    assert gerenderd and "Filters wissen" in gefilterd and '<option value="aangenomen" selected>' in gefilterd

    with django_capture_on_commit_callbacks(execute=True):
        OnderwerpFactory(naam="Nieuw onderwerp", slug="nieuw-onderwerp")  # a write: a new generation
    gerenderd, na = rendert_formulier({"page": 3})
    assert gerenderd and "Nieuw onderwerp" in na and "Nieuw onderwerp" not in pagina_3


def test_the_unfiltered_list_builds_no_filters_and_prepares_its_page_query(client, zestig, fragmenten_aan, monkeypatch):
    """Without filters a page of the list neither builds the filter set (its form is kept rendered) nor, on
    PostgreSQL, compiles its query again (apps.core.voorbereid; on SQLite the key's time reaches the query as
    text, so it is compiled as usual): the same rows either way."""
    from django.db.models.sql import compiler

    from apps.besluiten.filters import BesluitFilter

    client.get(URL, {"page": 2})  # the page keys, the form and the prepared query
    gebouwd, gecompileerd = [], []
    init, as_sql = BesluitFilter.__init__, compiler.SQLCompiler.as_sql

    def bouwen(self, *args, **kwargs):
        gebouwd.append(1)
        init(self, *args, **kwargs)

    def compileren(self, *args, **kwargs):
        gecompileerd.append(self.query.model.__name__)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(BesluitFilter, "__init__", bouwen)
    monkeypatch.setattr(compiler.SQLCompiler, "as_sql", compileren)
    for pagina, eerste in ((3, 50), (2, 25), (1, 0)):
        response = client.get(URL, {"page": pagina})
        assert titels(response)[:2] == [f"Besluit {eerste:02d}", f"Besluit {eerste + 1:02d}"]
        assert "60 besluiten gevonden" in response.content.decode()
    assert gebouwd == []
    if connection.vendor == "postgresql":
        assert gecompileerd == []
    else:
        assert gecompileerd == ["Besluit"] * 3
    # a filter builds them as ever
    assert titels(client.get(URL, {"uitkomst": "aangenomen", "page": 3}))[0] == "Besluit 50"
    assert gebouwd


def test_a_filtered_page_reads_its_ids_sorted_then_its_rows(client, zestig):
    """A filtered page: first the ids of its rows, from the besluiten table and what the filters need (PostgreSQL
    sorts the matches before joining anything), then those rows with their zaak and meeting by id. A list of at
    most TELGRENS rows (its exact count) is sorted, not walked along the order's index (COALESCE keeps it out)."""
    response, sql = opgenomen(client, {"uitkomst": "aangenomen", "page": 2})
    assert titels(response) == [f"Besluit {i:02d}" for i in range(25, 50)]
    ids = [q for q in sql if q.startswith('SELECT "besluiten_besluit"."id" AS "pk"')]
    assert len(ids) == 1 and "COALESCE" in ids[0] and "core_zaak" not in ids[0]
    rijen = [q for q in sql if '"core_zaak"."zaaknummer"' in q]
    assert len(rijen) == 1 and '"besluiten_besluit"."id" IN (' in rijen[0]


def test_a_long_filtered_list_walks_the_order(client, zestig, monkeypatch):
    monkeypatch.setattr(paginering, "TELGRENS", 10)  # 60 rows: more than can be counted exactly
    response, sql = opgenomen(client, {"uitkomst": "aangenomen", "page": 2})
    assert titels(response) == [f"Besluit {i:02d}" for i in range(25, 50)]
    ids = [q for q in sql if q.startswith('SELECT "besluiten_besluit"."id" AS "pk"')]
    assert len(ids) == 1 and "COALESCE" not in ids[0]
