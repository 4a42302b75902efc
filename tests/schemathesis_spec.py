"""Run schemathesis against one of the standard's OpenAPI files, for every GET operation, on a live server.

The spec file is read as it is; only its `servers` entry is pointed at the portal's mount point. Each operation
gets its own pytest case (parametrised by operationId), with the demo data loaded in the live server's database.
"""

import os
from pathlib import Path

import hypothesis
import schemathesis
import yaml

REPO = Path(__file__).resolve().parent.parent


def standaard_pad(naam: str) -> Path:
    """A file of the standards: STANDAARDEN_MAP, else the copies in tests/standaarden (see its README)."""
    mappen = [os.environ.get("STANDAARDEN_MAP"), REPO / "tests" / "standaarden"]
    for map_ in filter(None, mappen):
        if (Path(map_) / naam).exists():
            return Path(map_) / naam
    raise FileNotFoundError(f"{naam} niet gevonden; zet STANDAARDEN_MAP")


def zonder_externe_verwijzingen(spec):
    """ORI 2.0 refers to the VNG API-Kennisbank's common.yaml on GitHub for its error responses and headers; the
    tests run offline, so each such reference becomes a local stub: a header that is a string, a response with
    only its description (its body is then not checked; the success bodies all live in the file itself)."""

    def stub(pad, waarde):
        if isinstance(waarde, dict):
            ref = waarde.get("$ref", "")
            if ref.startswith(("http://", "https://")):
                if "/headers/" in ref:
                    return {"schema": {"type": "string"}}
                return {"description": f"Standaardantwoord {ref.rsplit('/', 1)[-1]} (VNG API-Kennisbank)"}
            return {k: stub((*pad, k), v) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [stub(pad, v) for v in waarde]
        return waarde

    return stub((), spec)


def laad_spec(naam: str, mount: str):
    spec = yaml.safe_load(standaard_pad(naam).read_text(encoding="utf-8"))
    spec = zonder_externe_verwijzingen(spec)
    spec["servers"] = [{"url": mount}]
    schema = schemathesis.openapi.from_dict(spec)
    return schema.include(method="GET")


def get_operaties(schema) -> list:
    return [resultaat.ok() for resultaat in schema.get_all_operations()]


def draai(operatie, base_url: str, *, voorbeelden: int = 40):
    """All schemathesis checks on generated cases of one operation against base_url."""

    @hypothesis.settings(
        max_examples=voorbeelden,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=operatie.as_strategy())
    def controleer(case):
        case.call_and_validate(base_url=base_url)

    controleer()
