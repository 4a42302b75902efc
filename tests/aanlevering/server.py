"""A stand-in for Open Overheid's delivery API on loopback: every request is validated against the mini-ORI spec
with openapi-core, answered like the spec (201 with the record and a pid, 200 for a DELETE), and the server can be
told to fail: `server.fouten` is a list of status codes for the next API requests (e.g. [503, 409]),
`server.ingetrokken` holds tokens that expired (401), `server.token_weigeren = "altijd"` refuses every token."""

import base64
import json
import threading
import uuid

import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.schemathesis_spec import standaard_pad

CLIENT_ID, CLIENT_SECRET = "portaal-test", "geheim-test"


def alleen_lezen_samenvoegen(spec: dict) -> dict:
    """The PUT bodies are `allOf: [{properties: {organisatie: {readOnly: true}}}, {$ref: X}]`: X with organisatie
    read-only. openapi-core checks each allOf part on its own, so X would still require the field the first part
    forbids to send; here the two parts are merged into the one schema they describe (X, organisatie read-only)."""
    schemas = spec["components"]["schemas"]
    for pad in spec["paths"].values():
        operatie = pad.get("put")
        if not operatie:
            continue
        inhoud = operatie["requestBody"]["content"]["application/json"]
        delen = inhoud["schema"].get("allOf", [])
        if len(delen) == 2 and "$ref" in delen[1]:
            schema = json.loads(json.dumps(schemas[delen[1]["$ref"].rsplit("/", 1)[1]]))
            for naam in delen[0].get("properties", {}):
                schema["properties"][naam] = {"allOf": [schema["properties"][naam]], "readOnly": True}
            inhoud["schema"] = schema
    return spec


class OpenOverheidServer:
    def __init__(self):
        spec = json.loads(json.dumps(yaml.safe_load(standaard_pad("mini-ori-api-1.0.0.yaml").read_text())))
        self.openapi = OpenAPI.from_dict(alleen_lezen_samenvoegen(spec))
        self.verzoeken = []  # (methode, pad, headers, json)
        self.validatiefouten = []
        self.fouten = []
        self.token_weigeren = None  # "altijd": every token is refused
        self.ingetrokken = set()  # tokens that have expired at the server
        self.tokens = []
        self.opgeslagen = {}
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.poort = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def basis(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def api_verzoeken(self, methode=None):
        return [v for v in self.verzoeken if v[1].startswith("/ori-mock/") and (methode is None or v[0] == methode)]

    @staticmethod
    def _fout(status, detail):
        return Response(
            json.dumps({"titel": "Fout", "status": status, "detail": detail}), status, mimetype="application/json"
        )

    def _token(self, request):
        verwacht = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if request.headers.get("Authorization") != verwacht or request.form.get("grant_type") != "client_credentials":
            return Response(json.dumps({"error": "invalid_client"}), 401, mimetype="application/json")
        waarde = uuid.uuid4().hex
        self.tokens.append(waarde)
        return Response(
            json.dumps({"access_token": waarde, "token_type": "Bearer", "expires_in": 3600}),
            200,
            mimetype="application/json",
        )

    def _app(self, environ, start_response):
        request = Request(environ)
        if request.path == "/token" and request.method == "POST":
            return self._token(request)(environ, start_response)
        body = request.get_json(silent=True)
        self.verzoeken.append((request.method, request.path, dict(request.headers), body))
        response = self._antwoord(request, body)
        return response(environ, start_response)

    def _antwoord(self, request, body):
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if bearer not in self.tokens:
            return Response("", 401)
        if self.token_weigeren == "altijd" or bearer in self.ingetrokken:
            return Response("", 401)
        try:
            self.openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception as exc:  # the portal sent something the spec does not allow
            self.validatiefouten.append((request.method, request.path, str(exc)))
            return self._fout(400, f"Aanleverfout: {exc}")
        if self.fouten:
            status = self.fouten.pop(0)
            return self._fout(status, f"Gesimuleerde fout {status}")
        delen = request.path.removeprefix("/ori-mock/").split("/")
        if request.method == "POST":
            kenmerk = str(uuid.uuid4())
            record = {**body, "id": kenmerk, "url": f"{self.basis}/ori-mock/{delen[0]}/{kenmerk}"}
            if delen[0] == "informatieobjecten":
                record["pid"] = f"https://open.overheid.nl/documenten/{kenmerk}"
            self.opgeslagen[kenmerk] = record
            return Response(json.dumps(record), 201, mimetype="application/json")
        if delen[-1] not in self.opgeslagen:
            return self._fout(404, "Onbekend")
        if request.method == "DELETE":
            self.opgeslagen.pop(delen[-1])
            return Response("", 200)
        self.opgeslagen[delen[-1]].update(body)
        return Response(json.dumps(self.opgeslagen[delen[-1]]), 201, mimetype="application/json")
