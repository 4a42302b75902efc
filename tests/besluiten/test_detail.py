import pytest
from django.urls import reverse

from tests.factories import BesluitFactory, PersoonFactory

from .conftest import publiceer

pytestmark = pytest.mark.django_db


def test_besluit_page_shows_everything(client, onderwerpen):
    kiel = PersoonFactory(naam="P.J. Kiel")
    publiceer(
        "Regiovisie jeugdhulp",
        zaaknummer="L275141",
        onderwerpen=[onderwerpen[0]],
        portefeuillehouder=kiel,
        dictum=["de regiovisie vast te stellen.", "het college te vragen."],
        voorstel_velden={"aanleiding": "De regio werkt samen aan jeugdhulp."},
    )
    url = reverse("besluiten:detail", kwargs={"zaaknummer": "L275141"})
    assert url == "/besluiten/L275141/"
    html = client.get(url).content.decode()
    assert "<h1" in html and html.count("<h1") == 1
    assert "Regiovisie jeugdhulp" in html
    assert "de regiovisie vast te stellen." in html and "het college te vragen." in html
    assert "aangenomen" in html and "unaniem" in html
    assert "30 september 2021" in html  # the meeting
    assert "/vergaderingen/2021-09-30/" in html  # its agenda
    assert "Aanleiding" in html and "De regio werkt samen aan jeugdhulp." in html  # the raadsvoorstel's sections
    assert "het voorstel vast te stellen." in html  # its beslispunten
    assert "P.J. Kiel" in html
    assert "/besluiten/L275141/raadsbesluit.pdf" in html
    assert "Gepubliceerd op" in html
    assert "Jeugdzorg" in html


def test_zaak_timeline_link_when_route_exists(client):
    publiceer("Tijdlijn", zaaknummer="L200001")
    html = client.get("/besluiten/L200001/").content.decode()
    try:
        zaak_url = reverse("portaal:zaak", kwargs={"zaaknummer": "L200001"})
    except Exception:
        pytest.skip("no zaak timeline route")
    assert zaak_url in html


def test_vertrouwelijk_bijlage_hidden_from_public(raadslid_client):
    from django.test import Client

    from apps.raadsvoorstellen.models import RaadsvoorstelBijlage

    client = Client()  # the `client` fixture is the one raadslid_client logs in

    besluit = publiceer("Met bijlagen", zaaknummer="L200002")
    RaadsvoorstelBijlage.objects.create(raadsvoorstel=besluit.raadsvoorstel, titel="Openbare bijlage", volgorde=1)
    RaadsvoorstelBijlage.objects.create(
        raadsvoorstel=besluit.raadsvoorstel, titel="Geheime bijlage", volgorde=2, vertrouwelijkheid="vertrouwelijk"
    )
    publiek = client.get("/besluiten/L200002/").content.decode()
    assert "Openbare bijlage" in publiek and "Geheime bijlage" not in publiek
    assert "Geheime bijlage" in raadslid_client.get("/besluiten/L200002/").content.decode()


@pytest.mark.parametrize(
    "rol,concept,vertrouwelijk",
    [
        ("anoniem", 404, 404),
        ("raadslid", 404, 200),
        ("griffie", 200, 200),
    ],
)
def test_visibility_per_role(request, rol, concept, vertrouwelijk):
    client = {"anoniem": "client", "raadslid": "raadslid_client", "griffie": "griffie_client"}[rol]
    client = request.getfixturevalue(client)
    publiceer("Openbaar", zaaknummer="L300001")
    publiceer("Concept", zaaknummer="L300002", gepubliceerd=False)
    publiceer("Vertrouwelijk", zaaknummer="L300003", vertrouwelijk=True)
    assert client.get("/besluiten/L300001/").status_code == 200
    assert client.get("/besluiten/L300002/").status_code == concept
    assert client.get("/besluiten/L300003/").status_code == vertrouwelijk
    assert client.get("/besluiten/L300002/raadsbesluit.pdf").status_code == concept


@pytest.mark.parametrize(
    "pad",
    [
        "/besluiten/L999999/",
        "/besluiten/onzin/",
        "/besluiten/L1/",
        "/besluiten/L275141/versie/0/",
        "/besluiten/" + "L" * 300 + "/",
    ],
)
def test_unknown_gives_404(client, pad):
    assert client.get(pad).status_code == 404


def test_lower_case_zaaknummer_redirects(client):
    publiceer("Klein", zaaknummer="L400001")
    response = client.get("/besluiten/l400001/")
    assert response.status_code == 301 and response["Location"] == "/besluiten/L400001/"


def test_rectificatie_versions_have_stable_urls(client):
    oud = publiceer("Besluit", zaaknummer="L500001", dictum=["het oude dictum."])
    nieuw = BesluitFactory(
        raadsvoorstel=oud.raadsvoorstel,
        zaak=oud.zaak,
        vergadering=oud.vergadering,
        versie=2,
        vervangt=oud,
        titel="Besluit",
        gepubliceerd=True,
        dictum=["het verbeterde dictum."],
        rectificatie_reden="Een tikfout in het dictum.",
    )
    html = client.get("/besluiten/L500001/").content.decode()
    assert "het verbeterde dictum." in html and "het oude dictum." not in html
    assert "/besluiten/L500001/versie/1/" in html
    assert "Een tikfout in het dictum." in html
    oud_html = client.get("/besluiten/L500001/versie/1/").content.decode()
    assert "het oude dictum." in oud_html
    assert "vervangen door een rectificatie" in oud_html
    assert client.get("/besluiten/L500001/versie/3/").status_code == 404
    assert nieuw.versie == 2


def test_concept_rectificatie_does_not_hide_published_version(client):
    oud = publiceer("Besluit", zaaknummer="L500002", dictum=["het geldende dictum."])
    BesluitFactory(
        raadsvoorstel=oud.raadsvoorstel,
        zaak=oud.zaak,
        vergadering=oud.vergadering,
        versie=2,
        vervangt=oud,
        titel="Besluit",
        dictum=["nog een concept."],
    )
    html = client.get("/besluiten/L500002/").content.decode()
    assert "het geldende dictum." in html and "nog een concept." not in html
    assert "Besluit" in [b.titel for b in client.get("/besluiten/").context["page_obj"]]


def test_detail_constant_queries(client, django_assert_max_num_queries):
    from apps.raadsvoorstellen.models import RaadsvoorstelBijlage

    besluit = publiceer("Klein", zaaknummer="L600001")
    with django_assert_max_num_queries(12) as klein:
        client.get("/besluiten/L600001/")
    groot = publiceer("Groot", zaaknummer="L600002", dictum=[f"punt {i}." for i in range(20)])
    for i in range(10):
        RaadsvoorstelBijlage.objects.create(raadsvoorstel=groot.raadsvoorstel, titel=f"Bijlage {i}", volgorde=i + 1)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        response = client.get("/besluiten/L600002/")
    assert "punt 19." in response.content.decode()
    assert besluit.pk


def test_versions_read_with_the_current_besluit(client, django_assert_max_num_queries):
    """The current besluit and the list of its published versions come from one query: a besluit with three
    versions costs the page no more queries than one with a single version, and the list shows them all."""
    publiceer("Enkel", zaaknummer="L600010")
    with django_assert_max_num_queries(12) as een_versie:
        response = client.get("/besluiten/L600010/")
    assert response.status_code == 200
    assert [v.versie for v in response.context["versies"]] == [1] and response.context["is_geldig"]
    oud = publiceer("Besluit", zaaknummer="L600011", dictum=["versie een."])
    vorige = oud
    for versie in (2, 3):
        vorige = BesluitFactory(
            raadsvoorstel=oud.raadsvoorstel,
            zaak=oud.zaak,
            vergadering=oud.vergadering,
            versie=versie,
            vervangt=vorige,
            titel="Besluit",
            gepubliceerd=True,
            dictum=[f"versie {versie}."],
            rectificatie_reden=f"Rectificatie {versie}.",
        )
    # a concept fourth version is not in the public list
    BesluitFactory(raadsvoorstel=oud.raadsvoorstel, zaak=oud.zaak, versie=4, vervangt=vorige, titel="Besluit")
    with django_assert_max_num_queries(len(een_versie.captured_queries)) as drie_versies:
        response = client.get("/besluiten/L600011/")
    # one query reads besluiten: the current one with its versions
    besluit_queries = [q for q in drie_versies.captured_queries if q["sql"].startswith('SELECT "besluiten_besluit"')]
    assert len(besluit_queries) == 1
    html = response.content.decode()
    assert "versie 3." in html and "versie een." not in html
    assert response.context["is_geldig"] and response.context["nieuwste"].versie == 3
    assert [v.versie for v in response.context["versies"]] == [3, 2, 1]
    assert "/besluiten/L600011/versie/1/" in html and "/besluiten/L600011/versie/2/" in html
    # an older version's page still lists every version and points to the current one
    response = client.get("/besluiten/L600011/versie/2/")
    assert [v.versie for v in response.context["versies"]] == [3, 2, 1]
    assert not response.context["is_geldig"] and "bekijk de geldende versie (versie 3)" in response.content.decode()
