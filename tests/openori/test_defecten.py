"""The mini-ORI defects of issue 16, part 1: errors, times, pid, canonical urls, file links, harvesting extras."""

import datetime
import io
import uuid

import pikepdf
import pytest

from apps.openori import selectors
from apps.openori.sporen import sporen_bijwerken
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    MemoFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

from .spec import controleer_fout, controleer_informatieobject

pytestmark = pytest.mark.django_db

LIJSTEN = ["/api/ori/vergaderingen", "/api/ori/agendapunten", "/api/ori/informatieobjecten", "/api/ori/verwijderd"]


@pytest.mark.parametrize("formaat", ["xml", "api", "csv", "JSON", ""])
def test_an_unknown_format_is_a_json_404_never_html_or_500(client, settings, formaat):
    vergadering = VergaderingFactory()
    for debug in (True, False):
        settings.DEBUG = debug
        for pad in [*LIJSTEN, f"/api/ori/vergaderingen/{vergadering.uuid}"]:
            controleer_fout(client.get(pad, {"format": formaat}), 404)
    assert client.get("/api/ori/vergaderingen", {"format": "json"}).status_code == 200


@pytest.mark.parametrize(
    "pad",
    [
        "/api/ori/onbekend",
        "/api/ori/vergaderingen/a%2Fb",
        "/api/ori/vergaderingen/a/b",
        "/api/ori/informatieobjecten/x%2F..%2Fy/",
        "/api/ori/agendapunten/%2F",
        "/api/ori/vergaderingen.xml",
        "/api/ori/a/b/c/d",
    ],
)
def test_every_path_under_the_api_answers_the_json_error_shape(client, pad):
    for methode in (client.get, client.post, client.delete):
        controleer_fout(methode(pad), 404)


def test_an_unexpected_error_is_a_json_500(client, monkeypatch):
    def stuk(**kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(selectors, "vergaderingen_lijst", stuk)
    client.raise_request_exception = False
    controleer_fout(client.get("/api/ori/vergaderingen"), 500)


@pytest.mark.parametrize("pad", LIJSTEN)
def test_unknown_query_parameters_answer_400(client, pad):
    body = controleer_fout(client.get(pad, {"zoek": "x"}), 400)
    assert "zoek" in body["detail"]
    controleer_fout(client.get(pad, {"gewijzigd_sinds": "gisteren"}), 400)
    assert client.get(pad, {"page": 1, "page_size": 10, "gewijzigd_sinds": "2020-01-01"}).status_code == 200


def test_planned_items_have_planned_times_held_items_actual_times(client):
    gepland = VergaderingFactory(datum=datetime.date(2031, 3, 6), status="gepubliceerd")
    gehouden = VergaderingFactory(datum=datetime.date(2021, 3, 4), status="gehouden")
    tijden = {"aanvang": datetime.time(20, 0), "einde": datetime.time(20, 30)}
    a = client.get(f"/api/ori/agendapunten/{AgendapuntFactory(vergadering=gepland, volgorde=1, **tijden).uuid}").json()
    assert (
        a["geplandestarttijd"] == "2031-03-06T20:00:00+01:00" and a["geplandeeindtijd"] == "2031-03-06T20:30:00+01:00"
    )
    assert "starttijd" not in a and "eindtijd" not in a
    b = client.get(f"/api/ori/agendapunten/{AgendapuntFactory(vergadering=gehouden, volgorde=1, **tijden).uuid}").json()
    assert b["starttijd"] == "2021-03-04T20:00:00+01:00" and b["eindtijd"] == "2021-03-04T20:30:00+01:00"
    assert "geplandestarttijd" not in b and "geplandeeindtijd" not in b


def test_an_end_only_comes_with_a_start(client):
    gehouden = VergaderingFactory(status="gehouden", aanvang=None, einde=datetime.time(22, 0))
    punt = AgendapuntFactory(vergadering=gehouden, volgorde=1, aanvang=None, einde=datetime.time(21, 0))
    v = client.get(f"/api/ori/vergaderingen/{gehouden.uuid}").json()
    assert not {"aanvang", "einde", "geplandeaanvang", "geplandeeinde"} & set(v)
    a = client.get(f"/api/ori/agendapunten/{punt.uuid}").json()
    assert not {"starttijd", "eindtijd", "geplandestarttijd", "geplandeeindtijd"} & set(a)


def test_pid_comes_from_configuration_not_from_the_host_header(client, settings):
    settings.PORTAAL_BASIS_URL = "https://raad.example.nl"
    settings.ALLOWED_HOSTS = ["*"]
    memo = MemoFactory()
    pids = {
        client.get(f"/api/ori/informatieobjecten/{memo.uuid}", HTTP_HOST=host).json()["pid"]
        for host in ("testserver", "andere.example.org", "10.0.0.1:8000")
    }
    assert pids == {f"https://raad.example.nl/api/ori/informatieobjecten/{memo.uuid}"}


def test_other_spellings_of_a_uuid_redirect_to_the_one_url(client):
    vergadering = VergaderingFactory()
    canoniek = f"/api/ori/vergaderingen/{vergadering.uuid}"
    for spelling in (str(vergadering.uuid).upper(), vergadering.uuid.hex, f"urn:uuid:{vergadering.uuid}"):
        response = client.get(f"/api/ori/vergaderingen/{spelling}")
        assert response.status_code == 301 and response["Location"] == canoniek, spelling
    assert client.get(canoniek).status_code == 200
    controleer_fout(client.get(f"/api/ori/vergaderingen/{uuid.uuid4().hex.upper()}"), 404)


def test_every_informatieobject_links_directly_to_its_file(client):
    besluit = BesluitFactory(gepubliceerd=True)
    memo = MemoFactory()
    objecten = client.get("/api/ori/informatieobjecten").json()["results"]
    assert {o["informatieobjecttype"] for o in objecten} == {"raadsbesluit", "raadsvoorstel", "memo"}
    for obj in objecten:
        controleer_informatieobject(obj)
        bestand = client.get(obj["bestandslink"])
        assert bestand.status_code == 200, obj["bestandslink"]
        assert bestand["Content-Type"] == obj["formaat"] == "application/pdf"
        inhoud = b"".join(bestand.streaming_content)
        pdf = pikepdf.open(io.BytesIO(inhoud))
        with pdf.open_metadata() as xmp:
            assert xmp.get("pdfaid:part") == "2" and xmp.get("pdfaid:conformance") == "A"
        assert str(pdf.Root.Lang) == "nl"
    assert besluit.zaak.zaaknummer in next(o for o in objecten if o["informatieobjecttype"] == "raadsbesluit")["titel"]
    assert memo.betreft in {o["titel"] for o in objecten}


def test_the_pdf_of_a_memo_or_raadsvoorstel_is_only_there_when_published_and_public(client):
    for memo in (MemoFactory(concept=True), MemoFactory(vertrouwelijk=True)):
        assert client.get(f"/documenten/memos/{memo.uuid}.pdf").status_code == 404
    for voorstel in (RaadsvoorstelFactory(concept=True), RaadsvoorstelFactory(vertrouwelijk=True)):
        assert client.get(f"/documenten/raadsvoorstellen/{voorstel.uuid}.pdf").status_code == 404


def test_rendering_a_memo_again_gives_the_same_file(client):
    memo = MemoFactory()
    eerste = b"".join(client.get(f"/documenten/memos/{memo.uuid}.pdf").streaming_content)
    from apps.memos.pdf import memo_pdf

    assert memo_pdf(memo) == eerste


def test_gewijzigd_sinds_returns_only_what_changed(client):
    oud = VergaderingFactory()
    nieuw = VergaderingFactory()
    grens = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    type(oud).objects.filter(pk=oud.pk).update(updated_at=grens - datetime.timedelta(days=1))
    type(nieuw).objects.filter(pk=nieuw.pk).update(updated_at=grens + datetime.timedelta(hours=1))
    punt = AgendapuntFactory(vergadering=oud, volgorde=1)
    type(punt).objects.filter(pk=punt.pk).update(updated_at=grens - datetime.timedelta(days=1))
    ids = {
        v["id"]
        for v in client.get("/api/ori/vergaderingen", {"gewijzigd_sinds": "2030-01-01T00:00:00Z"}).json()["results"]
    }
    assert ids == {str(nieuw.uuid)}
    body = client.get("/api/ori/vergaderingen", {"gewijzigd_sinds": "2029-12-30"}).json()
    assert {v["id"] for v in body["results"]} == {str(oud.uuid), str(nieuw.uuid)}
    assert all("gewijzigd_op" in v for v in body["results"])
    assert client.get("/api/ori/agendapunten", {"gewijzigd_sinds": "2030-01-01T00:00:00Z"}).json()["count"] == 0
    # The meeting of an agenda item changes: the item counts as changed.
    type(oud).objects.filter(pk=oud.pk).update(updated_at=grens + datetime.timedelta(hours=2))
    assert client.get("/api/ori/agendapunten", {"gewijzigd_sinds": "2030-01-01T00:00:00Z"}).json()["count"] == 1


def test_lists_keep_one_order_across_pages(client):
    for _ in range(7):
        VergaderingFactory(datum=datetime.date(2030, 1, 1))  # same date and time: the id decides
    eerste = [v["id"] for v in client.get("/api/ori/vergaderingen", {"page_size": 100}).json()["results"]]
    pagina = [
        v["id"]
        for p in (1, 2, 3)
        for v in client.get("/api/ori/vergaderingen", {"page_size": 3, "page": p}).json()["results"]
    ]
    assert pagina == eerste


def test_a_hidden_or_replaced_record_leaves_a_tombstone(client):
    besluit = BesluitFactory(gepubliceerd=True)
    vergadering = VergaderingFactory()
    sporen_bijwerken()
    assert client.get("/api/ori/verwijderd").json()["count"] == 0

    vergadering.openbaar = False  # made besloten
    vergadering.save()
    nieuw = BesluitFactory(
        gepubliceerd=True,
        raadsvoorstel=besluit.raadsvoorstel,
        vervangt=besluit,
        versie=2,
        rectificatie_reden="Typefout.",
    )
    wijzigingen = {(w.uuid, w.gebeurtenis) for w in sporen_bijwerken()}
    assert (vergadering.uuid, "verwijderd") in wijzigingen and (besluit.uuid, "vervangen") in wijzigingen

    weg = controleer_fout(client.get(f"/api/ori/vergaderingen/{vergadering.uuid}"), 410)
    assert "opvolger" not in weg
    vervangen = controleer_fout(client.get(f"/api/ori/informatieobjecten/{besluit.uuid}"), 410)
    opvolger = f"http://testserver/api/ori/informatieobjecten/{nieuw.uuid}"
    assert vervangen["opvolger"] == {"id": str(nieuw.uuid), "url": opvolger}
    assert client.get(opvolger).status_code == 200

    stenen = {s["id"]: s for s in client.get("/api/ori/verwijderd").json()["results"]}
    assert set(stenen) == {str(vergadering.uuid), str(besluit.uuid)}
    assert stenen[str(besluit.uuid)]["soort"] == "informatieobject"
    assert stenen[str(besluit.uuid)]["opvolger"]["id"] == str(nieuw.uuid)
    later = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=5)).isoformat()
    assert client.get("/api/ori/verwijderd", {"gewijzigd_sinds": later}).json()["count"] == 0

    vergadering.openbaar = True  # public again: the tombstone goes
    vergadering.save()
    sporen_bijwerken()
    assert client.get(f"/api/ori/vergaderingen/{vergadering.uuid}").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_traces_are_kept_after_commit_without_a_command(client):
    """Real commits: the trace is made after the commit that published, the tombstone after the delete."""
    vergadering = VergaderingFactory()
    assert client.get(f"/api/ori/vergaderingen/{vergadering.uuid}").status_code == 200
    vergadering.delete()
    controleer_fout(client.get(f"/api/ori/vergaderingen/{vergadering.uuid}"), 410)


def test_raadsvoorstel_and_memo_pdfs_render_without_errors_and_are_tagged_pdf_a(caplog):
    import logging

    from apps.memos.pdf import memo_pdf
    from apps.raadsvoorstellen.pdf import raadsvoorstel_pdf

    voorstel = RaadsvoorstelFactory(titel="Regiovisie", voorstel="De regiovisie vast te stellen.")
    with caplog.at_level(logging.WARNING):
        stukken = [raadsvoorstel_pdf(voorstel), memo_pdf(MemoFactory(tekst="Beste raad,\nHierbij de stand."))]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    for inhoud in stukken:
        pdf = pikepdf.open(io.BytesIO(inhoud))
        assert "/StructTreeRoot" in pdf.Root and bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == "nl"
    assert "Regiovisie" in str(pikepdf.open(io.BytesIO(stukken[0])).docinfo.Title)
