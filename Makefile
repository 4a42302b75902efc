# Leusden raadsportaal. The two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEV    := DJANGO_SETTINGS_MODULE=leusden_portal.settings.dev

.PHONY: run test test-sqlite test-postgres lint bench setup venv vendor-css clean systeem-run systeem-test

## run: set everything up on a fresh machine and serve the portal with the demo data (SQLite)
run: systeem-run $(VENV)/.runtime
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py demo_laden
	@echo "Portaal: http://$(HOST):$(PORT)/"
	$(DEV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: set everything up and run the whole suite on SQLite, then on PostgreSQL
test: systeem-test $(VENV)/.dev
	bash scripts/test.sh

## lint: ruff (lint and format check), template indentation (djhtml), types (mypy) and the migrations check
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check --tabwidth 2 templates
	$(BIN)/mypy
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

## bench: scale dataset + load test under gunicorn on PostgreSQL (see README)
bench: systeem-run $(VENV)/.dev
	bash scripts/bench.sh

## vendor-css: update the vendored NL Design System CSS from the npm registry
vendor-css:
	bash scripts/vendor_css.sh

## systeem-run / systeem-test: the Debian packages beside the Python requirements (Pango, fonts; Chromium, PostgreSQL)
systeem-run systeem-test: systeem-%:
	bash scripts/systeempakketten.sh $*

setup venv: $(VENV)/.dev

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) staticfiles media db.sqlite3 .pytest_cache
