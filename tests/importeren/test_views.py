"""The import pages: who may use them, the upload and review flow, messages instead of server errors,
constant queries, and imported concepts staying invisible to the public."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.importeren import services
from apps.raadsvoorstellen.models import Raadsvoorstel

from . import ndjson
from .conftest import AGENDA, MEMO_OIJ, RAADSVOORSTEL, als_pdf, seed

pytestmark = pytest.mark.django_db


def pagina_urls(item_pk: int, run_pk: int) -> list[str]:
    return [
        reverse("importeren:overzicht"),
        reverse("importeren:runs"),
        reverse("importeren:run", kwargs={"pk": run_pk}),
        reverse("importeren:item", kwargs={"pk": item_pk}),
        reverse("importeren:item-bestand", kwargs={"pk": item_pk}),
        reverse("importeren:dekking"),
        reverse("importeren:dekking") + "?formaat=csv",
    ]


@pytest.fixture
def ingelezen(db):
    run = services.documenten_importeren(bestanden=[("memo.txt", seed(MEMO_OIJ).encode())], bronnaam="t")
    return run, run.items.get()


def test_anonymous_to_login_raadslid_403_griffie_200(client, raadslid_user, griffie_user, ingelezen):
    run, item = ingelezen
    urls = pagina_urls(item.pk, run.pk)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    for url in (reverse("importeren:document-uploaden"), reverse("importeren:export-uploaden")):
        assert client.post(url).status_code == 302
    client.force_login(raadslid_user)
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("importeren:document-uploaden")).status_code == 403
    client.force_login(griffie_user)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_upload_pdf_opens_the_review_form_with_marked_fields_and_source(griffie_client):
    pdf = als_pdf(seed(RAADSVOORSTEL))
    response = griffie_client.post(
        reverse("importeren:document-uploaden"),
        {"document-bestand": SimpleUploadedFile("voorstel.pdf", pdf, content_type="application/pdf")},
        follow=True,
    )
    voorstel = Raadsvoorstel.objects.get()
    assert response.redirect_chain[-1][0] == reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": voorstel.uuid})
    html = response.content.decode()
    assert "Ingelezen uit “voorstel.pdf”" in html
    assert html.count("Geïmporteerd uit het document") >= 10
    assert "Brontekst" in html and "Zaaknummer L275141" in html.replace("\t", " ")
    assert 'value="P.J. Kiel"' in html or "P.J. Kiel" in html


def test_review_save_marks_the_draft_reviewed(griffie_client):
    run = services.documenten_importeren(bestanden=[("v.txt", seed(RAADSVOORSTEL).encode())], bronnaam="t")
    voorstel = Raadsvoorstel.objects.get()
    url = reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": voorstel.uuid})
    form = griffie_client.get(url).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items() if k in form.fields}
    data.update(
        {
            "titel": "Regiovisie jeugdhulp (gecorrigeerd)",
            "version": voorstel.version,
            "portefeuillehouder": voorstel.portefeuillehouder_id,
            "directeur_secretaris": voorstel.directeur_secretaris_id,
            "burgemeester": voorstel.burgemeester_id,
            "college_besluitdatum": "2021-06-29",
            "datum_raadsvergadering": "2021-09-30",
            "bijlage_vertrouwelijkheid": "openbaar",
            "beslispunten-TOTAL_FORMS": 1,
            "beslispunten-INITIAL_FORMS": 0,
            "beslispunten-0-tekst": "de regiovisie vast te stellen.",
            "beslispunten-0-volgorde": 1,
        }
    )
    data = {k: v for k, v in data.items() if k != "onderwerpen"}
    response = griffie_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    voorstel.refresh_from_db()
    assert voorstel.titel == "Regiovisie jeugdhulp (gecorrigeerd)"
    assert "Dit record is sindsdien door de griffie opgeslagen" in griffie_client.get(url).content.decode()
    assert run.items.get().record_versie < voorstel.version


@pytest.mark.parametrize(
    ("naam", "data", "melding"),
    [
        ("kapot.pdf", b"%PDF-1.7\n1 0 obj <<", "beschadigd"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_bad_upload_is_a_dutch_message_not_a_500(griffie_client, naam, data, melding):
    response = griffie_client.post(
        reverse("importeren:document-uploaden"), {"document-bestand": SimpleUploadedFile(naam, data)}, follow=True
    )
    assert response.status_code in (200, 400)
    assert melding in response.content.decode().lower()


def test_too_large_upload_is_refused_in_the_form(griffie_client, settings):
    settings.IMPORT_MAX_MB = 1
    response = griffie_client.post(
        reverse("importeren:document-uploaden"),
        {"document-bestand": SimpleUploadedFile("groot.pdf", b"0" * (1024 * 1024 + 1))},
    )
    assert response.status_code == 400 and "te groot" in response.content.decode()


def test_overview_lists_what_was_not_read_in(griffie_client):
    services.documenten_importeren(bestanden=[("scan-1998.pdf", b"%PDF-1.4 kapot")], bronnaam="t")
    html = griffie_client.get(reverse("importeren:overzicht")).content.decode()
    assert "Niet ingelezen: handmatig invoeren" in html and "scan-1998.pdf" in html and "beschadigd" in html


def test_export_upload_and_invalid_lines(griffie_client):
    inhoud = ndjson.als_ndjson(ndjson.snapshot()) + b"{kapot\n"
    response = griffie_client.post(
        reverse("importeren:export-uploaden"),
        {"export-bestand": SimpleUploadedFile("export.ndjson", inhoud)},
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Export ingelezen" in html
    assert "geen geldige JSON" in html
    gzip = griffie_client.post(
        reverse("importeren:export-uploaden"),
        {"export-bestand": SimpleUploadedFile("e.ndjson.gz", b"\x1f\x8b\x08\x00")},
    )
    assert gzip.status_code == 400 and "Pak het eerst uit" in gzip.content.decode()


def test_imported_concepts_are_invisible_publicly(client, raadslid_client):
    services.documenten_importeren(bestanden=[("v.txt", seed(RAADSVOORSTEL).encode())], bronnaam="t")
    services.openbesluitvorming_importeren(regels=ndjson.als_ndjson(ndjson.snapshot()).splitlines(), bronnaam="e")
    for c in (client, raadslid_client):
        assert "Regiovisie" not in c.get("/zaken/L275141/").content.decode()
        assert "Regiovisie" not in c.get("/zoeken/?q=regiovisie").content.decode()
        assert "Zwaluwstaart" not in c.get("/vergaderingen/?weergave=lijst&jaar=2023").content.decode()
    # The published meeting from the export is public.
    assert "Raadsvergadering" in client.get("/vergaderingen/2024-11-12/").content.decode()


def test_mist_u_een_stuk_shows_counts_and_contact(client, settings):
    settings.GRIFFIE_EMAIL = "griffie@voorbeeld.nl"
    services.documenten_importeren(bestanden=[("v.txt", seed(RAADSVOORSTEL).encode())], bronnaam="t")
    html = client.get(reverse("mist-u-een-stuk")).content.decode()
    assert "griffie@voorbeeld.nl" in html and "raadsvoorstel" in html
    assert "Regiovisie" not in html  # counts only: concept titles stay hidden


def _maak(n: int):
    for i in range(n):
        tekst = seed(AGENDA).replace("5 februari", f"{i + 1} februari")
        services.documenten_importeren(bestanden=[(f"a{i}.txt", tekst.encode())], bronnaam=f"run {i}")
        services.documenten_importeren(bestanden=[(f"m{i}.txt", seed(MEMO_OIJ).encode() + b" " * i)], bronnaam="m")
    services.openbesluitvorming_importeren(regels=ndjson.als_ndjson(ndjson.snapshot()).splitlines(), bronnaam="e")


@pytest.mark.parametrize("naam", ["overzicht", "runs", "dekking", "run"])
def test_list_pages_have_a_constant_query_count(griffie_client, django_assert_max_num_queries, naam):
    from apps.importeren.models import ImportRun

    def url():
        if naam == "run":
            return reverse("importeren:run", kwargs={"pk": ImportRun.objects.order_by("-pk").first().pk})
        return reverse(f"importeren:{naam}")

    _maak(1)
    griffie_client.get(url())
    with django_assert_max_num_queries(14) as weinig:
        griffie_client.get(url())
    _maak(6)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        assert griffie_client.get(url()).status_code == 200


def test_import_pages_are_never_stored_in_the_page_cache(griffie_client, settings, ingelezen):
    settings.PAGINACACHE_SECONDEN = 600
    for url in (reverse("importeren:overzicht"), reverse("importeren:runs"), reverse("importeren:dekking")):
        response = griffie_client.get(url)
        assert "no-store" in response["Cache-Control"], url
    services.documenten_importeren(bestanden=[("leeg.txt", b"")], bronnaam="nieuwe-run-xyz")
    assert "nieuwe-run-xyz" in griffie_client.get(reverse("importeren:runs")).content.decode()
