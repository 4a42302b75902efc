"""Delivery to Open Overheid against a real HTTP server on loopback that validates every request against the spec."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from apps.aanlevering.models import Aanlevering
from apps.aanlevering.services import NIET_GEAUTORISEERD, aanleveringen_verwerken
from apps.openori.sporen import sporen_bijwerken
from tests.factories import AgendapuntFactory, BesluitFactory, MemoFactory, VergaderingFactory

from .server import CLIENT_ID, CLIENT_SECRET, OpenOverheidServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def server(settings):
    s = OpenOverheidServer().start()
    settings.OPEN_OVERHEID_URL = f"{s.basis}/ori-mock"
    settings.OPEN_OVERHEID_TOKEN_URL = f"{s.basis}/token"
    settings.OPEN_OVERHEID_CLIENT_ID = CLIENT_ID
    settings.OPEN_OVERHEID_CLIENT_SECRET = CLIENT_SECRET
    settings.OPEN_OVERHEID_BACKOFF_SECONDEN = 60
    settings.OPEN_OVERHEID_MAX_POGINGEN = 3
    cache.clear()
    yield s
    s.stop()
    assert s.validatiefouten == [], s.validatiefouten  # every request the portal sent conforms to the spec
    cache.clear()


@pytest.fixture
def na_commit(django_capture_on_commit_callbacks):
    """Reconcile as after a commit: the traces, the signal, the queue and the direct attempt."""

    def bijwerken():
        with django_capture_on_commit_callbacks(execute=True):
            sporen_bijwerken()

    return bijwerken


def statussen():
    return list(Aanlevering.objects.order_by("id").values_list("methode", "soort", "status"))


def test_publication_is_delivered_changed_rectified_and_withdrawn(server, na_commit):
    vergadering = VergaderingFactory()
    AgendapuntFactory(vergadering=vergadering, volgorde=1)
    memo = MemoFactory(betreft="Memo voor Open Overheid")
    besluit = BesluitFactory(gepubliceerd=True, vergadering=vergadering)
    na_commit()
    assert {(m, s) for m, s, _ in statussen()} == {
        ("POST", "vergadering"),
        ("POST", "agendapunt"),
        ("POST", "informatieobject"),
    }
    assert all(status == "afgeleverd" for *_, status in statussen())
    posts = {v[1] for v in server.api_verzoeken("POST")}
    assert posts == {"/ori-mock/vergaderingen", "/ori-mock/agendapunten", "/ori-mock/informatieobjecten"}
    memo_post = Aanlevering.objects.get(uuid=memo.uuid)
    assert memo_post.pid.startswith("https://open.overheid.nl/") and memo_post.ontvangen_id

    memo.betreft = "Memo voor Open Overheid, gewijzigd"
    memo.save()
    na_commit()
    put = server.api_verzoeken("PUT")[-1]
    assert put[1] == f"/ori-mock/informatieobjecten/{memo_post.ontvangen_id}"
    assert put[2]["X-Reason"] and put[3]["titel"] == "Memo voor Open Overheid, gewijzigd"
    assert put[3]["pid"] == memo_post.pid

    rectificatie = BesluitFactory(
        gepubliceerd=True,
        raadsvoorstel=besluit.raadsvoorstel,
        vervangt=besluit,
        versie=2,
        rectificatie_reden="Typefout",
    )
    na_commit()
    besluit_post = Aanlevering.objects.get(uuid=besluit.uuid, methode="POST")
    put = server.api_verzoeken("PUT")[-1]
    assert put[1] == f"/ori-mock/informatieobjecten/{besluit_post.ontvangen_id}"
    assert "Rectificatie: Typefout" in put[2]["X-Reason"]
    assert Aanlevering.objects.get(methode="PUT", extern_id=str(besluit.uuid)).uuid == rectificatie.uuid
    assert not any(v[1].endswith(str(besluit.uuid)) for v in server.api_verzoeken("DELETE"))

    memo.vertrouwelijkheid = "vertrouwelijk"
    memo.save()
    na_commit()
    delete = server.api_verzoeken("DELETE")[-1]
    assert delete[1] == f"/ori-mock/informatieobjecten/{memo_post.ontvangen_id}" and delete[2]["X-Reason"]
    assert Aanlevering.objects.filter(status="afgeleverd").count() == Aanlevering.objects.count()


def test_a_failure_is_retried_with_backoff_and_holds_back_later_deliveries_of_the_record(server, na_commit):
    memo = MemoFactory()
    server.fouten = [503]
    na_commit()
    eerste = Aanlevering.objects.get()
    assert eerste.status == "wachtend" and eerste.pogingen == 1 and eerste.statuscode == 503
    wacht = eerste.volgende_poging - timezone.now()
    assert datetime.timedelta(seconds=50) < wacht <= datetime.timedelta(seconds=60)
    memo.betreft = "Nieuwe titel"
    memo.save()
    na_commit()
    assert statussen() == [("POST", "informatieobject", "wachtend"), ("PUT", "informatieobject", "wachtend")]
    assert len(server.api_verzoeken()) == 1  # the PUT waits for the POST
    assert aanleveringen_verwerken() == {"wachtend": 0, "afgeleverd": 0, "mislukt": 0, "vervallen": 0}  # not due

    server.fouten = [502]
    Aanlevering.objects.update(volgende_poging=timezone.now() - datetime.timedelta(seconds=1))
    aanleveringen_verwerken()
    eerste.refresh_from_db()
    assert eerste.pogingen == 2 and eerste.volgende_poging - timezone.now() > datetime.timedelta(seconds=110)
    Aanlevering.objects.update(volgende_poging=timezone.now() - datetime.timedelta(seconds=1))
    aanleveringen_verwerken()
    assert [s for *_, s in statussen()] == ["afgeleverd", "afgeleverd"]
    assert [v[0] for v in server.api_verzoeken()] == ["POST", "POST", "POST", "PUT"]


def test_retries_end_in_failed_after_the_maximum(server, na_commit):
    MemoFactory()
    server.fouten = [500, 500, 500]
    na_commit()
    for _ in range(2):
        Aanlevering.objects.update(volgende_poging=timezone.now() - datetime.timedelta(seconds=1))
        aanleveringen_verwerken()
    a = Aanlevering.objects.get()
    assert a.status == "mislukt" and a.pogingen == 3 and "opgegeven na 3 pogingen" in a.melding


def test_a_409_fails_at_once_and_the_griffie_sees_why(server, na_commit, griffie_client):
    memo = MemoFactory(betreft="Memo met conflict")
    na_commit()
    memo.betreft = "Memo met conflict, gewijzigd"
    memo.save()
    server.fouten = [409]
    na_commit()
    put = Aanlevering.objects.get(methode="PUT")
    assert put.status == "mislukt" and put.statuscode == 409 and put.pogingen == 1
    assert "velden die niet mogen worden aangepast" in put.melding
    pagina = griffie_client.get("/griffie/aanleveringen/?status=mislukt").content.decode()
    assert "Memo met conflict, gewijzigd" in pagina and "HTTP 409" in pagina
    griffie_client.post(f"/griffie/aanleveringen/{put.pk}/opnieuw/")
    aanleveringen_verwerken()
    put.refresh_from_db()
    assert put.status == "afgeleverd"


def test_a_401_gets_a_fresh_token_once_then_is_retried_later(server, na_commit):
    MemoFactory()
    na_commit()  # token 1
    assert len(server.tokens) == 1
    MemoFactory()
    server.ingetrokken = set(server.tokens)  # the cached token has expired at the server
    na_commit()
    assert [s for *_, s in statussen()] == ["afgeleverd", "afgeleverd"] and len(server.tokens) == 2
    MemoFactory()
    server.token_weigeren = "altijd"
    na_commit()
    laatste = Aanlevering.objects.order_by("-id").first()
    assert laatste.status == "wachtend" and laatste.statuscode == 401 and laatste.melding == NIET_GEAUTORISEERD
    server.token_weigeren = None
    Aanlevering.objects.update(volgende_poging=timezone.now() - datetime.timedelta(seconds=1))
    aanleveringen_verwerken()
    laatste.refresh_from_db()
    assert laatste.status == "afgeleverd"


def test_an_unreachable_endpoint_never_breaks_publication(settings, na_commit):
    settings.OPEN_OVERHEID_URL = "http://127.0.0.1:9/ori-mock"  # discard port: nothing listens
    settings.OPEN_OVERHEID_TOKEN_URL = "http://127.0.0.1:9/token"
    settings.OPEN_OVERHEID_DIRECT_TIMEOUT = 0.5
    cache.clear()
    VergaderingFactory()
    na_commit()  # no exception
    a = Aanlevering.objects.get()
    assert a.status == "wachtend" and "Token ophalen mislukt" in a.melding


def test_nothing_is_delivered_without_configuration(settings, na_commit):
    settings.OPEN_OVERHEID_URL = ""
    VergaderingFactory()
    na_commit()
    assert not Aanlevering.objects.exists()


def test_hidden_records_are_never_delivered(server, na_commit):
    MemoFactory(betreft="Concept", concept=True)
    MemoFactory(betreft="Vertrouwelijk", vertrouwelijk=True)
    VergaderingFactory(besloten=True)
    VergaderingFactory(concept=True)
    BesluitFactory(titel="Conceptbesluit", vergadering__concept=True, raadsvoorstel__concept=True)
    na_commit()
    assert server.api_verzoeken() == [] and not Aanlevering.objects.exists()


def test_the_griffie_page_is_for_the_griffie_only(raadslid_user, griffie_client):
    assert Client().get("/griffie/aanleveringen/").status_code == 302
    raadslid = Client()
    raadslid.force_login(raadslid_user)
    assert raadslid.get("/griffie/aanleveringen/").status_code == 403
    assert griffie_client.get("/griffie/aanleveringen/?status=x&page=y").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_publishing_delivers_after_the_commit_without_a_command(server):
    """Real commits: the trace, the queue and the direct attempt follow the publishing save by themselves."""
    vergadering = VergaderingFactory(titel="Direct aangeleverd")
    assert [v[1] for v in server.api_verzoeken()] == ["/ori-mock/vergaderingen"]
    assert Aanlevering.objects.get().status == "afgeleverd"
    vergadering.openbaar = False
    vergadering.save()
    assert server.api_verzoeken("DELETE")[-1][1].startswith("/ori-mock/vergaderingen/")
