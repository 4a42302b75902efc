"""The gunicorn settings module (leusden_portal/gunicorn.py): gunicorn loads it, and a worker that has loaded the
portal freezes what it holds and collects its young generation less often."""

import gc
import os
import subprocess
import sys
from pathlib import Path

from leusden_portal import gunicorn as instellingen

ROOT = Path(__file__).resolve().parent.parent


def test_a_worker_freezes_its_objects_and_raises_the_young_threshold():
    voor = gc.get_threshold()
    try:
        instellingen.post_worker_init(worker=None)
        assert gc.get_threshold() == instellingen.GC_DREMPELS == (50_000, 10, 10)
        assert gc.get_freeze_count() > 1000  # the modules, URL patterns and templates loaded so far
    finally:
        gc.unfreeze()
        gc.set_threshold(*voor)


def test_gunicorn_reads_the_settings_module():
    gunicorn = Path(sys.executable).with_name("gunicorn")
    uit = subprocess.run(
        [str(gunicorn), "--print-config", "-c", "python:leusden_portal.gunicorn", "leusden_portal.wsgi:application"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "leusden_portal.settings.test"},
        check=True,
    ).stdout
    assert "python:leusden_portal.gunicorn" in uit
    assert "post_worker_init                   = <post_worker_init()>" in uit
