"""The griffie pages as a clerk uses them: access, forms, rules, bad input, conflicts, queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.besluiten.models import Besluit
from apps.memos.models import Memo
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Vergadering
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    GremiumFactory,
    MemoFactory,
    OnderwerpFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
    ZaakFactory,
)
from tests.griffie.conftest import maak_gegevens
from tests.griffie.helpers import docx_bytes, nep_pdf, odt_bytes, pdf_bytes, pdf_upload

pytestmark = pytest.mark.django_db


def pagina_urls(g) -> list[str]:
    return [
        reverse("griffie:dashboard"),
        reverse("griffie:raadsvoorstellen"),
        reverse("griffie:raadsvoorstel-nieuw"),
        reverse("griffie:raadsvoorstel", kwargs={"uuid": g["voorstel"].uuid}),
        reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": g["voorstel"].uuid}),
        reverse("griffie:memos"),
        reverse("griffie:memo-nieuw"),
        reverse("griffie:memo", kwargs={"uuid": g["memo"].uuid}),
        reverse("griffie:memo-bewerken", kwargs={"uuid": g["memo"].uuid}),
        reverse("griffie:vergaderingen"),
        reverse("griffie:vergadering-nieuw"),
        reverse("griffie:vergadering", kwargs={"uuid": g["vergadering"].uuid}),
        reverse("griffie:vergadering-bewerken", kwargs={"uuid": g["vergadering"].uuid}),
        reverse("griffie:agendapunt-nieuw", kwargs={"vergadering_uuid": g["vergadering"].uuid}),
        reverse("griffie:agendapunt-bewerken", kwargs={"uuid": g["agendapunt"].uuid}),
        reverse("griffie:besluiten"),
        reverse("griffie:besluit", kwargs={"uuid": g["besluit"].uuid}),
        reverse("griffie:besluit-bewerken", kwargs={"uuid": g["besluit"].uuid}),
    ]


def test_access_anonymous_to_login_raadslid_403_griffie_200(client, raadslid_user, griffie_user):
    g = maak_gegevens(1)
    for url in pagina_urls(g):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
    client.force_login(raadslid_user)
    for url in pagina_urls(g):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            reverse("griffie:besluit-actie", kwargs={"uuid": g["besluit"].uuid, "actie": "verwijderen"})
        ).status_code
        == 403
    )
    assert Besluit.objects.filter(pk=g["besluit"].pk).exists()
    client.force_login(griffie_user)
    for url in pagina_urls(g):
        assert client.get(url).status_code == 200, url


def test_every_page_has_a_constant_number_of_queries(griffie_client, ambtsdragers, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klein = maak_gegevens(1)
    tellingen = {}
    for url in pagina_urls(klein):
        with CaptureQueriesContext(connection) as ctx:
            assert griffie_client.get(url).status_code == 200
        tellingen[url] = len(ctx.captured_queries)
    groot = maak_gegevens(12)
    for url_klein, url_groot in zip(pagina_urls(klein), pagina_urls(groot), strict=True):
        with django_assert_max_num_queries(tellingen[url_klein]):
            assert griffie_client.get(url_groot).status_code == 200


def test_raadsvoorstel_form_creates_concept_with_next_zaaknummer_beslispunten_and_bijlage(griffie_client):
    onderwerp = OnderwerpFactory(naam="Jeugdhulp")
    kiel = PersoonFactory(naam="P.J. Kiel")
    response = griffie_client.post(
        reverse("griffie:raadsvoorstel-nieuw"),
        {
            "zaak_keuze": "nieuw",
            "titel": "Regiovisie <script>alert(1)</script> jeugdhulp ✓ 𝔘",
            "onderwerpen": [onderwerp.pk],
            "portefeuillehouder": kiel.pk,
            "college_besluitdatum": "2021-06-29",
            "datum_raadsvergadering": "2021-09-30",
            "voorstel": "x" * 200_000,
            "vertrouwelijkheid": "openbaar",
            "bijlage": pdf_upload("Regiovisie.pdf"),
            "bijlage_titel": "Regiovisie",
            "bijlage_vertrouwelijkheid": "openbaar",
            "beslispunten-TOTAL_FORMS": "3",
            "beslispunten-INITIAL_FORMS": "0",
            "beslispunten-0-tekst": "tweede punt",
            "beslispunten-0-volgorde": "2",
            "beslispunten-1-tekst": "eerste punt",
            "beslispunten-1-volgorde": "1",
            "beslispunten-2-tekst": "geschrapt",
            "beslispunten-2-volgorde": "3",
            "beslispunten-2-DELETE": "on",
        },
    )
    assert response.status_code == 302
    voorstel = Raadsvoorstel.objects.get()
    assert voorstel.status == "concept" and voorstel.portefeuillehouder == kiel
    assert voorstel.zaak.zaaknummer.startswith("L") and list(voorstel.zaak.onderwerpen.all()) == [onderwerp]
    assert list(voorstel.beslispunten.values_list("tekst", flat=True)) == ["eerste punt", "tweede punt"]
    assert voorstel.bijlagen.get().mimetype == "application/pdf"
    pagina = griffie_client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in pagina and "&lt;script&gt;" in pagina
    assert "Geschiedenis" in pagina and "griffie-test" in pagina


def test_raadsvoorstel_form_errors_are_dutch_next_to_field_and_input_is_kept(griffie_client):
    ZaakFactory(zaaknummer="L275141")
    RaadsvoorstelFactory(zaak__zaaknummer="L275142")
    gevallen = [
        ({"zaak_keuze": "bestaand", "zaaknummer": "X12"}, "zaaknummer", "geen geldig zaaknummer"),
        ({"zaak_keuze": "bestaand", "zaaknummer": "L２７５１４１"}, "zaaknummer", "gewone letters en cijfers"),
        ({"zaak_keuze": "bestaand", "zaaknummer": "L275142"}, "zaaknummer", "hoort al een raadsvoorstel"),
        ({"zaak_keuze": "bestaand", "zaaknummer": ""}, "zaaknummer", "Vul het zaaknummer in"),
        ({"college_besluitdatum": "2021-02-30"}, "college_besluitdatum", "Vul een bestaande datum in"),
        (
            {"college_besluitdatum": "2021-10-01", "datum_raadsvergadering": "2021-09-30"},
            "datum_raadsvergadering",
            "vóór de datum van het collegebesluit",
        ),
        ({"titel": "x" * 501}, "titel", "niet meer dan 500 tekens"),
        ({"bijlage": nep_pdf()}, "bijlage", "geen PDF-, DOCX- of ODT-document"),
        ({"portefeuillehouder": "999999"}, "portefeuillehouder", "geldige keuze"),
        ({"titel": ""}, "titel", "vereist"),
        ({"titel": "met\x00nul"}, "titel", "Null"),
    ]
    for extra, veld, melding in gevallen:
        data = {
            "zaak_keuze": "nieuw",
            "titel": "Mijn voorstel ✓",
            "vertrouwelijkheid": "openbaar",
            "bijlage_vertrouwelijkheid": "openbaar",
            "aanleiding": "<b>mijn tekst</b>",
            "beslispunten-TOTAL_FORMS": "1",
            "beslispunten-INITIAL_FORMS": "0",
            "beslispunten-0-tekst": "mijn beslispunt",
            **extra,
        }
        response = griffie_client.post(reverse("griffie:raadsvoorstel-nieuw"), data)
        assert response.status_code == 200, extra
        form = response.context["form"]
        assert veld in form.errors, (extra, form.errors)
        assert melding.lower() in " ".join(form.errors[veld]).lower(), (extra, form.errors[veld])
        html = response.content.decode()
        assert f'id="id_{veld}_error"' in html
        assert "&lt;b&gt;mijn tekst&lt;/b&gt;" in html and "mijn beslispunt" in html
    assert Raadsvoorstel.objects.count() == 1


def test_oversized_bijlage_is_refused_with_a_clear_message(griffie_client, settings):
    settings.BIJLAGE_MAX_MB = 0
    response = griffie_client.post(
        reverse("griffie:raadsvoorstel-nieuw"),
        {
            "zaak_keuze": "nieuw",
            "titel": "Groot",
            "vertrouwelijkheid": "openbaar",
            "bijlage_vertrouwelijkheid": "openbaar",
            "bijlage": SimpleUploadedFile("groot.pdf", pdf_bytes()),
            "beslispunten-TOTAL_FORMS": "0",
            "beslispunten-INITIAL_FORMS": "0",
        },
    )
    assert "te groot" in " ".join(response.context["form"].errors["bijlage"])
    assert "kies het bestand opnieuw" in response.content.decode()


def test_docx_and_odt_are_accepted_by_content(griffie_client):
    voorstel = RaadsvoorstelFactory()
    for naam, inhoud in (("nota.docx", docx_bytes()), ("nota.odt", odt_bytes()), ("vermomd.txt", pdf_bytes())):
        response = griffie_client.post(
            reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": voorstel.uuid}),
            {
                "titel": voorstel.titel,
                "vertrouwelijkheid": "openbaar",
                "bijlage_vertrouwelijkheid": "openbaar",
                "version": Raadsvoorstel.objects.get(pk=voorstel.pk).version,
                "bijlage": SimpleUploadedFile(naam, inhoud, content_type="text/plain"),
                "beslispunten-TOTAL_FORMS": "0",
                "beslispunten-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
    assert sorted(voorstel.bijlagen.values_list("mimetype", flat=True)) == sorted(
        [
            "application/pdf",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ]
    )


def test_conflicting_edit_is_refused_with_what_changed_and_input_kept(griffie_client, client, griffie_user):
    voorstel = RaadsvoorstelFactory(titel="Oude titel")
    url = reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": voorstel.uuid})
    basis = {
        "vertrouwelijkheid": "openbaar",
        "bijlage_vertrouwelijkheid": "openbaar",
        "version": "1",
        "beslispunten-TOTAL_FORMS": "1",
        "beslispunten-INITIAL_FORMS": "0",
        "beslispunten-0-tekst": "het voorstel vast te stellen.",
    }
    assert griffie_client.post(url, {**basis, "titel": "Titel van klerk A"}).status_code == 302
    response = griffie_client.post(url, {**basis, "titel": "Titel van klerk B"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in html
    assert "van “Oude titel” naar “Titel van klerk A”" in html
    assert 'value="Titel van klerk B"' in html
    voorstel.refresh_from_db()
    assert voorstel.titel == "Titel van klerk A"
    # The form now carries the current version: saving again deliberately overwrites.
    assert response.context["form"].data["version"] == voorstel.version
    opnieuw = griffie_client.post(url, {**basis, "titel": "Titel van klerk B", "version": voorstel.version})
    assert opnieuw.status_code == 302


def test_memo_form_with_route_link_and_bad_input(griffie_client):
    gremium = GremiumFactory(naam="AB platform jeugd")
    vragen = VergaderingFactory(titel="Commissie MO")
    data = {
        "soort": "beantwoording_vragen",
        "aan": "Raad",
        "cc": "",
        "van": "Wethouder",
        "datum": "2020-03-18",
        "betreft": "Beantwoording vragen",
        "kenmerk": "71007",
        "tekst": "Antwoord",
        "zaaknummer": "L123456",
        "beantwoordt_vergadering": vragen.pk,
        "status": "concept",
        "versie": "versie 14 juni",
        "opgesteld_door": "",
        "in_opdracht_van": "",
        "vertrouwelijkheid": "openbaar",
        "bijlage_vertrouwelijkheid": "openbaar",
        "route-TOTAL_FORMS": "2",
        "route-INITIAL_FORMS": "0",
        "route-0-gremium": gremium.pk,
        "route-0-datum": "2021-07-02",
        "route-0-volgorde": "1",
        "route-1-gremium": "",
        "route-1-datum": "",
    }
    fout = griffie_client.post(
        reverse("griffie:memo-nieuw"), {**data, "datum": "2020-13-45", "route-1-datum": "2021-07-03"}
    )
    assert "datum" in fout.context["form"].errors
    assert "gremium" in fout.context["formsets"][0][1].forms[1].errors
    response = griffie_client.post(reverse("griffie:memo-nieuw"), data)
    assert response.status_code == 302
    memo = Memo.objects.get()
    assert memo.zaak.zaaknummer == "L123456" and memo.beantwoordt_vergadering == vragen
    assert memo.route.get().gremium == gremium


def test_vergadering_form_end_before_start_is_next_to_the_field(griffie_client):
    response = griffie_client.post(
        reverse("griffie:vergadering-nieuw"),
        {
            "gremium": GremiumFactory().pk,
            "soort": "raadsvergadering",
            "titel": "Raad",
            "datum": "2021-09-30",
            "aanvang": "20:00",
            "einde": "19:00",
            "locatie": "",
            "openbaar": "on",
        },
    )
    assert response.status_code == 200
    assert "moet na de aanvang liggen" in " ".join(response.context["form"].errors["einde"])
    assert not Vergadering.objects.exists()
    response = griffie_client.post(
        reverse("griffie:vergadering-nieuw"),
        {
            "gremium": GremiumFactory().pk,
            "soort": "raadsvergadering",
            "titel": "Raad",
            "datum": "2021-09-30",
            "aanvang": "25:99",
            "locatie": "",
            "openbaar": "on",
        },
    )
    assert "bestaande tijd" in " ".join(response.context["form"].errors["aanvang"])


def test_agenda_builder_withdrawn_voorstel_gets_a_message_and_up_down_buttons_work(griffie_client):
    vergadering = VergaderingFactory(concept=True)
    ingetrokken = RaadsvoorstelFactory(status="ingetrokken")
    url = reverse("griffie:agendapunt-nieuw", kwargs={"vergadering_uuid": vergadering.uuid})
    basis = {"titel": "Punt", "behandeling": "bespreekstuk", "bijlage_vertrouwelijkheid": "openbaar"}
    response = griffie_client.post(url, {**basis, "raadsvoorstel": ingetrokken.pk})
    assert "ingetrokken raadsvoorstel kan niet worden geagendeerd" in " ".join(
        response.context["form"].errors["raadsvoorstel"]
    )
    memo = MemoFactory()
    voorstel = RaadsvoorstelFactory()
    assert griffie_client.post(url, {**basis, "titel": "Opening"}).status_code == 302
    assert (
        griffie_client.post(
            url,
            {**basis, "titel": "Regiovisie", "raadsvoorstel": voorstel.pk, "memos": [memo.pk], "bijlage": pdf_upload()},
        ).status_code
        == 302
    )
    punten = list(vergadering.agendapunten.order_by("volgorde"))
    assert [p.titel for p in punten] == ["Opening", "Regiovisie"]
    assert punten[1].bijlagen.count() == 1 and list(punten[1].memos.all()) == [memo]
    griffie_client.post(
        reverse("griffie:agendapunt-verplaatsen", kwargs={"uuid": punten[1].uuid}), {"richting": "omhoog"}
    )
    assert list(vergadering.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Regiovisie",
        "Opening",
    ]
    response = griffie_client.post(
        reverse("griffie:agendapunt-verplaatsen", kwargs={"uuid": punten[1].uuid}), {"richting": "omhoog"}, follow=True
    )
    assert "staat al bovenaan" in response.content.decode()
    griffie_client.post(reverse("griffie:vergadering-actie", kwargs={"uuid": vergadering.uuid, "actie": "publiceren"}))
    vergadering.refresh_from_db()
    assert vergadering.status == "gepubliceerd"


def test_besluit_flow_prefill_rules_publish_and_no_route_changes_it_afterwards(griffie_client, ambtsdragers):
    griffier, voorzitter = ambtsdragers
    vergadering = VergaderingFactory()
    voorstel = RaadsvoorstelFactory(beslispunten=["de regiovisie vast te stellen."])
    griffie_client.post(
        reverse("griffie:agendapunt-nieuw", kwargs={"vergadering_uuid": vergadering.uuid}),
        {
            "titel": "Regiovisie",
            "behandeling": "hamerstuk",
            "raadsvoorstel": voorstel.pk,
            "bijlage_vertrouwelijkheid": "openbaar",
        },
    )
    punt = vergadering.agendapunten.get()
    url = reverse("griffie:besluit-registreren", kwargs={"uuid": punt.uuid})
    formulier = griffie_client.get(url)
    assert formulier.context["form"].initial["griffier"] == griffier
    assert "de regiovisie vast te stellen." in formulier.content.decode()
    response = griffie_client.post(
        url,
        {
            "titel": voorstel.titel,
            "uitkomst": "aangenomen",
            "stemming": "stemmen",
            "stemmen_voor": "15",
            "griffier": griffier.pk,
            "voorzitter": voorzitter.pk,
            "vertrouwelijkheid": "openbaar",
            "dictum-TOTAL_FORMS": "1",
            "dictum-INITIAL_FORMS": "0",
            "dictum-0-tekst": "vast te stellen",
        },
    )
    assert "stemmen_tegen" in response.context["form"].errors
    response = griffie_client.post(
        url,
        {
            "titel": voorstel.titel,
            "uitkomst": "aangenomen",
            "stemming": "unaniem",
            "griffier": griffier.pk,
            "voorzitter": voorzitter.pk,
            "vertrouwelijkheid": "openbaar",
            "dictum-TOTAL_FORMS": "1",
            "dictum-INITIAL_FORMS": "0",
            "dictum-0-tekst": "de regiovisie vast te stellen.",
        },
    )
    besluit = Besluit.objects.get()
    assert response["Location"] == reverse("griffie:besluit", kwargs={"uuid": besluit.uuid})
    publiceren = reverse("griffie:besluit-actie", kwargs={"uuid": besluit.uuid, "actie": "publiceren"})
    response = griffie_client.post(publiceren, follow=True)
    assert "Stel het besluit eerst vast" in response.content.decode()
    griffie_client.post(reverse("griffie:besluit-actie", kwargs={"uuid": besluit.uuid, "actie": "vaststellen"}))
    # One click is not enough: the confirmation step says it cannot be undone and wants the box ticked.
    bevestiging = griffie_client.get(publiceren).content.decode()
    assert "Publiceren kan niet ongedaan worden gemaakt" in bevestiging
    response = griffie_client.post(publiceren)
    assert response.status_code == 400 and "Vink aan" in response.content.decode()
    assert Besluit.objects.get(pk=besluit.pk).status == "vastgesteld"
    griffie_client.post(publiceren, {"bevestigd": "on"})
    besluit.refresh_from_db()
    assert besluit.status == "gepubliceerd" and besluit.pdf
    # No griffie route changes it any more.
    bewerken = reverse("griffie:besluit-bewerken", kwargs={"uuid": besluit.uuid})
    assert griffie_client.get(bewerken).status_code == 302
    griffie_client.post(
        bewerken,
        {
            "titel": "Anders",
            "version": besluit.version,
            "dictum-TOTAL_FORMS": "0",
            "dictum-INITIAL_FORMS": "0",
            "stemming": "unaniem",
            "vertrouwelijkheid": "openbaar",
        },
    )
    for actie in ("vaststellen", "publiceren", "verwijderen"):
        griffie_client.post(reverse("griffie:besluit-actie", kwargs={"uuid": besluit.uuid, "actie": actie}))
    griffie_client.post(reverse("griffie:agendapunt-verwijderen", kwargs={"uuid": punt.uuid}))
    na = Besluit.objects.get(pk=besluit.pk)
    assert (na.titel, na.status, na.pdf.name, na.version) == (
        besluit.titel,
        "gepubliceerd",
        besluit.pdf.name,
        besluit.version,
    )
    # Rectificatie: a new version, both readable.
    response = griffie_client.post(
        reverse("griffie:besluit-rectificeren", kwargs={"uuid": besluit.uuid}), {"reden": "Typefout"}
    )
    nieuw = Besluit.objects.get(vervangt=besluit)
    assert response["Location"] == reverse("griffie:besluit", kwargs={"uuid": nieuw.uuid})
    assert "rectificatie van" in griffie_client.get(response["Location"]).content.decode()


def test_besluit_not_possible_before_voorstel_is_on_agenda(griffie_client):
    voorstel = RaadsvoorstelFactory()
    punt = AgendapuntFactory(raadsvoorstel=voorstel)
    response = griffie_client.post(
        reverse("griffie:besluit-registreren", kwargs={"uuid": punt.uuid}),
        {
            "titel": "x",
            "uitkomst": "aangenomen",
            "stemming": "unaniem",
            "vertrouwelijkheid": "openbaar",
            "dictum-TOTAL_FORMS": "0",
            "dictum-INITIAL_FORMS": "0",
        },
    )
    assert "pas een besluit als het op de agenda" in response.content.decode()
    assert not Besluit.objects.exists()


def test_nonsense_ids_and_actions_give_404_not_500(griffie_client):
    voorstel = RaadsvoorstelFactory()
    assert griffie_client.get("/griffie/raadsvoorstellen/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert griffie_client.get("/griffie/raadsvoorstellen/niet-een-uuid/").status_code == 404
    assert (
        griffie_client.post(
            reverse("griffie:raadsvoorstel-actie", kwargs={"uuid": voorstel.uuid, "actie": "opblazen"})
        ).status_code
        == 404
    )
    assert (
        griffie_client.get(
            reverse("griffie:raadsvoorstel-actie", kwargs={"uuid": voorstel.uuid, "actie": "intrekken"})
        ).status_code
        == 405
    )


def test_history_shows_who_when_and_field_changes(griffie_client):
    voorstel = RaadsvoorstelFactory(titel="Eerst")
    griffie_client.post(
        reverse("griffie:raadsvoorstel-bewerken", kwargs={"uuid": voorstel.uuid}),
        {
            "titel": "Daarna",
            "vertrouwelijkheid": "vertrouwelijk",
            "bijlage_vertrouwelijkheid": "openbaar",
            "version": "1",
            "beslispunten-TOTAL_FORMS": "0",
            "beslispunten-INITIAL_FORMS": "0",
        },
    )
    html = griffie_client.get(reverse("griffie:raadsvoorstel", kwargs={"uuid": voorstel.uuid})).content.decode()
    assert "van “Eerst” naar “Daarna”" in html
    assert "van “openbaar” naar “vertrouwelijk”" in html
    assert "griffie-test" in html and "Beslispunten gewijzigd" in html


# --- Bijlage download --------------------------------------------------------------------


def test_bijlage_download_respects_visibility_and_sends_safe_headers(client, griffie_user, raadslid_user):
    from apps.raadsvoorstellen.services import raadsvoorstel_bijlage_toevoegen

    openbaar = RaadsvoorstelFactory()
    concept = RaadsvoorstelFactory(concept=True)
    b1 = raadsvoorstel_bijlage_toevoegen(raadsvoorstel=openbaar, bestand=pdf_upload("Notitie “één”.pdf"))
    b2 = raadsvoorstel_bijlage_toevoegen(
        raadsvoorstel=openbaar, bestand=pdf_upload("geheim.pdf"), vertrouwelijkheid="vertrouwelijk"
    )
    b3 = raadsvoorstel_bijlage_toevoegen(raadsvoorstel=concept, bestand=pdf_upload())
    url = lambda b: reverse("bijlagen:download", kwargs={"uuid": b.uuid})  # noqa: E731
    response = client.get(url(b1))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "filename*=utf-8''Notitie%20%E2%80%9C%C3%A9%C3%A9n%E2%80%9D.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(url(b2)).status_code == 404
    assert client.get(url(b3)).status_code == 404
    assert client.get("/bijlagen/00000000-0000-0000-0000-000000000000/").status_code == 404
    client.force_login(raadslid_user)
    assert client.get(url(b2)).status_code == 200
    assert client.get(url(b3)).status_code == 404
    client.force_login(griffie_user)
    assert client.get(url(b3)).status_code == 200


def test_besloten_agendapunt_bijlage_hidden_from_public(client):
    from apps.vergaderagenda.services import agendapunt_bijlage_toevoegen

    punt = AgendapuntFactory(besloten=True)
    bijlage = agendapunt_bijlage_toevoegen(agendapunt=punt, bestand=pdf_upload())
    assert client.get(reverse("bijlagen:download", kwargs={"uuid": bijlage.uuid})).status_code == 404
    memo = MemoFactory(concept=True)
    from apps.memos.services import memo_bijlage_toevoegen

    bijlage = memo_bijlage_toevoegen(memo=memo, bestand=pdf_upload())
    assert client.get(reverse("bijlagen:download", kwargs={"uuid": bijlage.uuid})).status_code == 404


def test_published_besluit_is_read_only_in_the_admin(client, griffie_user):
    besluit = BesluitFactory(gepubliceerd=True)
    client.force_login(griffie_user)
    url = reverse("admin:besluiten_besluit_change", args=[besluit.pk])
    client.post(url, {"titel": "Via admin"})
    besluit.refresh_from_db()
    assert besluit.titel != "Via admin"
    assert client.post(reverse("admin:besluiten_besluit_delete", args=[besluit.pk]), {"post": "yes"}).status_code == 403
    assert Besluit.objects.filter(pk=besluit.pk).exists()


def test_admin_saves_count_as_versions_and_keep_agenda_rules(client, griffie_user):
    from apps.core.services import VersieConflict
    from apps.raadsvoorstellen.services import raadsvoorstel_bijwerken

    client.force_login(griffie_user)
    voorstel = RaadsvoorstelFactory(titel="Oud")
    geopend = Raadsvoorstel.objects.get(pk=voorstel.pk)
    response = client.post(
        reverse("admin:raadsvoorstellen_raadsvoorstel_change", args=[voorstel.pk]),
        {
            "zaak": voorstel.zaak.pk,
            "titel": "Via de admin",
            "vertrouwelijkheid": "openbaar",
            "beslispunten-TOTAL_FORMS": "0",
            "beslispunten-INITIAL_FORMS": "0",
            "bijlagen-TOTAL_FORMS": "0",
            "bijlagen-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    with pytest.raises(VersieConflict):
        raadsvoorstel_bijwerken(raadsvoorstel=geopend, versie=geopend.version, velden={"titel": "Griffie"})
    ingetrokken = RaadsvoorstelFactory(status="ingetrokken")
    punt = AgendapuntFactory()
    response = client.post(
        reverse("admin:vergaderagenda_agendapunt_change", args=[punt.pk]),
        {
            "vergadering": punt.vergadering.pk,
            "volgorde": punt.volgorde,
            "titel": punt.titel,
            "behandeling": "bespreekstuk",
            "raadsvoorstel": ingetrokken.pk,
            "bijlagen-TOTAL_FORMS": "0",
            "bijlagen-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "ingetrokken raadsvoorstel" in response.content.decode()
    punt.refresh_from_db()
    assert punt.raadsvoorstel_id is None


def test_bijlage_verwijderen_finds_the_record_of_each_kind_and_keeps_a_decided_voorstels(griffie_client):
    from tests.factories import AgendapuntBijlageFactory, MemoBijlageFactory, RaadsvoorstelBijlageFactory

    memo_bijlage = MemoBijlageFactory(titel="Notitie")
    punt_bijlage = AgendapuntBijlageFactory()
    voorstel_bijlage = RaadsvoorstelBijlageFactory(raadsvoorstel__status="besloten")
    for bijlage, pagina in (
        (memo_bijlage, reverse("griffie:memo", kwargs={"uuid": memo_bijlage.memo.uuid})),
        (punt_bijlage, reverse("griffie:agendapunt-bewerken", kwargs={"uuid": punt_bijlage.agendapunt.uuid})),
    ):
        response = griffie_client.post(reverse("griffie:bijlage-verwijderen", kwargs={"uuid": bijlage.uuid}))
        assert response.status_code == 302 and response["Location"] == pagina
        assert not type(bijlage).objects.filter(pk=bijlage.pk).exists()
    response = griffie_client.post(
        reverse("griffie:bijlage-verwijderen", kwargs={"uuid": voorstel_bijlage.uuid}), follow=True
    )
    assert "kunnen geen bijlagen worden verwijderd" in response.content.decode()
    assert voorstel_bijlage.raadsvoorstel.bijlagen.count() == 1
    onbekend = reverse("griffie:bijlage-verwijderen", kwargs={"uuid": "00000000-0000-4000-8000-000000000000"})
    assert griffie_client.post(onbekend).status_code == 404
