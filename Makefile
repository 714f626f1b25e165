# Talerør: two commands on a new machine that has python3 (3.11+) and make.
#   make run   set up .venv, install, migrate, seed the demo, serve :8000
#   make test  install the test dependencies and run the whole suite

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CONSTRAINTS := requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core (pytest-xdist); PYTEST_WORKERS=0 runs in one.
PYTEST_WORKERS ?= auto

.PHONY: run test lint migrate seed messages clean bench

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "Talerør needs Python 3.11 or newer ($(PYTHON) is older)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create $(VENV). On Debian/Ubuntu: apt install python3-venv"; exit 1; }
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(CONSTRAINTS) $(VENV)/.installed
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[test]"
	@touch $@

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo --port $(PORT)

run: seed
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

# Seeds each size into PostgreSQL (DATABASE_URL, default a talerror_bench_*
# database on 127.0.0.1), serves it with gunicorn under production settings
# and Redis (CACHE_URL), loads it with wrk; see README, "Benchmark".
bench: $(VENV)/.installed
	$(PY) scripts/bench.py $(BENCH_ARGS)

# Needs GNU gettext (developers only); the compiled catalogues are committed.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l da -l en --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=staticfiles --ignore=scripts
	$(PY) scripts/fill_english_catalogue.py
	$(PY) scripts/compile_messages.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
