# Quick start:
#   make review   set up, ingest the seed articles into claims.db and open the review TUI
#   make test     set up and run the whole test suite (on PostgreSQL too: CLAIMS_TEST_PG_URL,
#                 or a throwaway server when Debian's PostgreSQL binaries are installed)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= claims.db

.PHONY: setup review test lint typecheck check bench clean lock

LOCK := requirements.lock

# Exactly the versions CI tested, checked against their hashes (scripts/lock.sh makes the lock).
# The lock holds every package, so pip installs it as it stands (--no-deps) and `pip check`
# confirms it is complete: resolving again would let a dependency's extra (justext asks for
# lxml[html_clean]) pull a newer, unpinned release past its pin and fail the hash check.
$(BIN)/claims: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e '.[dev,train]'
	$(BIN)/pip check
	@touch $@

setup: $(BIN)/claims

review: setup
	$(BIN)/claims --db $(DB) sources import seeds/sources.toml
	$(BIN)/claims --db $(DB) ingest --quiet seeds/
	$(BIN)/claims --db $(DB) review

test: setup
	PYTHON=$(BIN)/python scripts/run-tests.sh

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy

check: lint typecheck test

lock:
	scripts/lock.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
