# Quick start:
#   make review   set up, ingest the seed articles into claims.db and open the review TUI
#   make test     set up and run the whole test suite (PostgreSQL tests run when
#                 CLAIMS_TEST_PG_URL is set, or when a local PostgreSQL server can be started)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= claims.db

.PHONY: setup review test lint typecheck check bench clean

$(BIN)/claims: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,train]'
	@touch $@

setup: $(BIN)/claims

review: setup
	$(BIN)/claims --db $(DB) sources import seeds/sources.toml
	$(BIN)/claims --db $(DB) ingest --quiet seeds/
	$(BIN)/claims --db $(DB) review

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
