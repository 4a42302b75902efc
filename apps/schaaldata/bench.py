"""Benchmark plumbing, mounted only when BENCH_BASELINE is on (scripts/bench.sh sets it; never in production).

- `hallo`: the bare hello-world baseline (/bench/hallo/): the same middleware stack, no template, no query.
- `QueryTellerMiddleware`: when a request carries `X-Bench-Queries: 1`, the answer says in `X-Query-Count`
  how many SQL statements it ran. Requests without that header (the measured load) are not touched.
"""

from django.db import connections
from django.http import HttpResponse


def hallo(request):
    return HttpResponse("Hallo, wereld!", content_type="text/plain; charset=utf-8")


class QueryTellerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.headers.get("X-Bench-Queries") != "1":
            return self.get_response(request)
        teller = [0]

        def tel(execute, sql, params, many, context):
            teller[0] += 1
            return execute(sql, params, many, context)

        wrappers = []
        for alias in connections:
            conn = connections[alias]
            wrappers.append(conn.execute_wrapper(tel))
        for w in wrappers:
            w.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for w in reversed(wrappers):
                w.__exit__(None, None, None)
        response["X-Query-Count"] = str(teller[0])
        return response
