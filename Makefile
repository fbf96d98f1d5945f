# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
# The newest CPython 3.11 to 3.13 on the machine (PATH or pyenv): see bin/find-python.
PYTHON ?= $(or $(shell sh bin/find-python),python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): one per core.
WORKERS ?= auto
# Python 3.12 and later let coverage listen through sys.monitoring, at a fraction of the cost.
COVERAGE_CORE ?= $(shell test -x $(BIN)/python && $(BIN)/python -c 'import sys; print("sysmon" if sys.version_info >= (3, 12) else "ctrace")' || echo ctrace)
export COVERAGE_CORE

.DEFAULT_GOAL := help
.PHONY: help install catalogues messages run serve migrate demo prod test test-postgres lint format check clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its development tools

catalogues: install ## Compile the interface translations (site/locale/*.po) in Python
	$(MANAGE) compile_catalogues

messages: install ## Extract new interface strings into site/locale/*.po (needs GNU gettext)
	$(MANAGE) makemessages $(foreach lang,ru fr,-l $(lang)) --ignore='.venv/*' --ignore='tests/*' --no-obsolete --add-location=file

migrate: catalogues ## Apply database migrations
	$(MANAGE) migrate --no-input -v 0

demo: migrate ## Load the demo in three languages, serve it at http://$(HOST):$(PORT), set up the roles and the development logins
	$(MANAGE) sync_locales
	$(MANAGE) load_demo
	$(MANAGE) set_site_address http://$(HOST):$(PORT)
	$(MANAGE) setup_roles
	$(MANAGE) create_dev_logins --url http://$(HOST):$(PORT)

run: demo ## Set up everything, load the demo and serve http://$(HOST):$(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

prod: catalogues ## Run the production stack here: nginx -> gunicorn -> PostgreSQL and Redis, with the task worker, at http://127.0.0.1:8080
	PORT=$(or $(PROD_PORT),8080) bin/prod

test: catalogues ## Run the whole test suite in parallel, with coverage (SQLite unless DATABASE_URL is set)
	@# pytest exits with 5 when it collected no test: that is a failure, never a pass.
	@$(BIN)/pytest -n $(WORKERS) --dist loadscope --cov --cov-report=term $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing."; exit 1; fi; \
	exit $$status

lint: install ## Check style with ruff, and the layers of the code with import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and a check for missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean: ## Remove the virtual environment and caches (keeps the database)
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
