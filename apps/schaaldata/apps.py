from django.apps import AppConfig


class SchaaldataConfig(AppConfig):
    """Benchmark tooling: the scale-data generator and the hello-world baseline. Installed only when
    SCHAALDATA (or BENCH_BASELINE) is on: the test settings and scripts/bench.sh."""

    name = "apps.schaaldata"
    verbose_name = "Schaaldata (benchmark)"
