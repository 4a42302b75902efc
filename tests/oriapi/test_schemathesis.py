"""schemathesis against ORI API 2.0.0-beta.4 (ori-api-2.0.0-beta.4.yaml) for every GET operation, on the demo data."""

import pytest
import yaml
from django.core.management import call_command

from tests.schemathesis_spec import draai, get_operaties, laad_spec, standaard_pad

SCHEMA = laad_spec("ori-api-2.0.0-beta.4.yaml", "/api/ori/v2")
OPERATIES = {op.path: op for op in get_operaties(SCHEMA)}  # by path: the spec repeats some operationIds
DETAILS = {pad: pad.removesuffix("/{id}") for pad in OPERATIES if pad.endswith("/{id}")}


def test_every_get_operation_of_the_spec_is_covered():
    spec = yaml.safe_load(standaard_pad("ori-api-2.0.0-beta.4.yaml").read_text(encoding="utf-8"))
    assert set(OPERATIES) == {pad for pad, operaties in spec["paths"].items() if "get" in operaties}
    assert len(OPERATIES) == 34 and len(DETAILS) == 17


@pytest.mark.django_db(transaction=True)
def test_schemathesis_ori_2(live_server):
    """One demo load for all 34 operations (a live server needs committed data, and loading costs seconds)."""
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    base_url = f"{live_server.url}/api/ori/v2"
    echte, gevuld = 0, set()
    for naam in sorted(OPERATIES):
        draai(OPERATIES[naam], base_url, voorbeelden=25)
        if naam in DETAILS:  # generated ids are unknown: also every real record of the demo data
            lijst = OPERATIES[DETAILS[naam]].Case().call(base_url=base_url, params={"page_size": 100}).json()
            if lijst["results"]:
                gevuld.add(DETAILS[naam])
            for obj in lijst["results"]:
                case = OPERATIES[naam].Case(path_parameters={"id": obj["id"]})
                assert case.call_and_validate(base_url=base_url).status_code == 200
                echte += 1
    assert echte > 20
    # The demo data (the seed documents and the labelled, fictitious motie of July 2020) fills these resources.
    assert gevuld >= {
        "/vergaderingen",
        "/agendapunten",
        "/besluiten",
        "/informatieobjecten",
        "/natuurlijkpersonen",
        "/fracties",
        "/fractielidmaatschappen",
        "/aanwezigedeelnemers",
        "/stemmingen",
        "/stemmen",
        "/stemresultatenperfractie",
        "/indieners",
    }, gevuld
