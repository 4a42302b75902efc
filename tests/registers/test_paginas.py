"""Every register page answers for every role on the demo data, with its example items."""

import pytest

from apps.registers.models import IngekomenStuk, LangetermijnItem, SchriftelijkeVraag, Toezegging

pytestmark = pytest.mark.django_db

LIJSTEN = [
    "/registers/",
    "/toezeggingen/",
    "/toezeggingen/?toestand=overschreden",
    "/toezeggingen/feed/",
    "/motiemonitor/",
    "/motiemonitor/feed/",
    "/ingekomen-stukken/",
    "/ingekomen-stukken/feed/",
    "/schriftelijke-vragen/",
    "/schriftelijke-vragen/?toestand=overschreden&te_laat=ja",
    "/schriftelijke-vragen/feed/",
    "/lange-termijnagenda/",
    "/lange-termijnagenda/feed/",
    "/sitemap.xml",
    "/sitemap-toezeggingen.xml",
    "/sitemap-ingekomen-stukken.xml",
    "/sitemap-schriftelijke-vragen.xml",
    "/sitemap-motiemonitor.xml",
    "/sitemap-lange-termijnagenda.xml",
    "/api/ori/informatieobjecten?page_size=100",
    "/zaken/L275141/",
    "/onderwerpen/lariks/",
    "/zoeken/?q=voorbeeld",
]


def _item_urls():
    urls = [f"/toezeggingen/{t.nummer}/" for t in Toezegging.objects.all()]
    urls += [f"/ingekomen-stukken/{s.nummer}/" for s in IngekomenStuk.objects.all()]
    urls += [f"/schriftelijke-vragen/{v.nummer}/" for v in SchriftelijkeVraag.objects.all()]
    urls += [f"/lange-termijnagenda/{i.uuid}/" for i in LangetermijnItem.objects.all()]
    return urls


def test_public_register_pages_answer_and_never_name_a_private_sender(client, demo_data):
    for url in LIJSTEN + _item_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        inhoud = response.content.decode()
        assert "J. de Voorbeeld" not in inhoud and "Voorbeeldstraat" not in inhoud, url


def test_griffie_register_pages_answer(griffie_client, demo_data):
    urls = ["/griffie/registers/"]
    registers = ["toezeggingen", "ingekomen-stukken", "schriftelijke-vragen", "lange-termijnagenda"]
    urls += [f"/griffie/registers/{r}/" for r in [*registers, "motiemonitor"]]
    urls += [f"/griffie/registers/{r}/nieuw/" for r in registers]
    for register, model in zip(
        registers, [Toezegging, IngekomenStuk, SchriftelijkeVraag, LangetermijnItem], strict=True
    ):
        for item in model.objects.all():
            urls += [
                f"/griffie/registers/{register}/{item.uuid}/",
                f"/griffie/registers/{register}/{item.uuid}/bewerken/",
            ]
    for url in urls:
        assert griffie_client.get(url).status_code == 200, url
    inhoud = griffie_client.get("/griffie/registers/ingekomen-stukken/").content.decode()
    assert "J. de Voorbeeld" in inhoud  # the griffie does see who wrote


@pytest.mark.django_db
def test_the_motie_page_shows_where_an_adopted_motie_stands(client, django_assert_max_num_queries):
    from tests.factories import StandVanZakenFactory

    stand = StandVanZakenFactory(tekst="Het college heeft de speeltuin laten ontwerpen.")
    motie = stand.opvolging.motie
    with django_assert_max_num_queries(20):
        html = client.get(f"/moties/{motie.nummer}/").content.decode()
    assert "Uitvoering (motiemonitor)" in html
    assert "Het college heeft de speeltuin laten ontwerpen." in html
    assert f"/motiemonitor/{motie.nummer}/" in html
