"""gunicorn settings of the portal: `gunicorn -c python:leusden_portal.gunicorn leusden_portal.wsgi ...`.

Garbage collection (issue 14). A page of the portal creates tens of thousands of short-lived objects (rows, model
instances, template output); with Python's default threshold of 700 allocations the collector ran dozens of times
per request and walked the worker's long-lived objects (modules, URL patterns, compiled templates) again and again:
9-10 ms of an agenda page of 100 ms, 0.5-1 ms of a besluit page. So, once a worker has loaded the application:

- `gc.freeze()` moves everything it holds then to the permanent generation: never scanned again, and with
  `--preload` not touched, so the pages it shares with the master after the fork stay shared;
- the young generation collects after 50,000 allocations instead of 700, with Python's own ratios for the older
  generations (10, 10). Reference cycles are still collected, a few times per request instead of dozens.

Measured on the benchmark data: an agenda page 104-111 -> 97-98 ms of CPU, a besluit page 36 -> 34 ms; worker RSS
stays well under the 150 MB target (README, Benchmarks).
"""

import gc

#: The young generation's threshold (Python's default: 700) and the older generations' ratios.
GC_DREMPELS = (50_000, 10, 10)


def post_worker_init(worker):
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_DREMPELS)
