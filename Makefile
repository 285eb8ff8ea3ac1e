# tsunagu: two commands on a fresh machine with Python 3.11+ and make.
#   make demo   run tsunagu on SQLite with the local LINE simulator (http://127.0.0.1:8000/simulator)
#   make test   lint, type-check and run the whole test suite
# Set TSUNAGU_TEST_DATABASE_URL=postgresql://user@host:5432/db to run the suite on PostgreSQL.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench eval diagrams

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/tsunagu demo

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

eval: $(VENV)/.installed
	$(BIN)/python bench/eval_understanding.py

diagrams: $(VENV)/.installed
	$(BIN)/python -m dialogs.diagrams
