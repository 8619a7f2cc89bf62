# The two front-door commands: `make run` and `make test`. Both set up everything they need.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint format stop clean chromium gettext compile-messages messages catalogue-check bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(VENV)/.run-installed $@

# Django's translation commands, on the project's settings without manage.py (which starts the embedded
# PostgreSQL: none of them needs a database); the catalogues' locations and options are in factcheck/catalogue.py.
DJANGO := DJANGO_SETTINGS_MODULE=factcheck.settings $(BIN)/python -m django

## make run: embedded PostgreSQL, migrations, seed + demo accounts, Celery worker + beat, web on :8000
run: $(VENV)/.run-installed compile-messages
	$(BIN)/python bin/run

## make test: the whole suite on real PostgreSQL (embedded unless DATABASE_URL is set), lint and the French catalogue included
test: $(VENV)/.dev-installed chromium compile-messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run > /dev/null || (echo "Model changes without a migration: run manage.py makemigrations"; exit 1)
	$(BIN)/python bin/check-catalogue
	$(BIN)/pytest $(PYTEST_ARGS)

chromium:
	@bin/ensure-chromium

gettext:
	@bin/ensure-gettext

# The catalogues compiled for Django (locale/*/LC_MESSAGES/*.mo, build output that git ignores); up-to-date
# ones are skipped, so this is quick.
compile-messages: $(VENV)/.run-installed gettext
	@$(DJANGO) compilemessages --verbosity 0 --ignore=.venv --ignore=var --ignore=test-results --ignore=bench --ignore=tests

## make messages: every message of the code into locale/fr/LC_MESSAGES/django.po and djangojs.po (new ones empty)
messages: $(VENV)/.dev-installed gettext
	$(BIN)/python -m factcheck.catalogue extract

## make catalogue-check: fail, listing them, on messages missing from the French catalogue, fuzzy or untranslated
catalogue-check: $(VENV)/.dev-installed gettext
	$(BIN)/python bin/check-catalogue

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## make stop: stop the embedded PostgreSQL (make run leaves it running for a fast restart)
stop:
	$(BIN)/python -c "from factcheck.embedded import stop; stop()"

## make bench: every benchmark, one after the other (minutes; the board one builds 100,000 claims once)
bench: $(VENV)/.dev-installed
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || { echo "bench/public_page_bench.py needs wrk: sudo apt-get install -y wrk"; exit 1; }
	for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var
