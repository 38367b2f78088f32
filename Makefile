# referat — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install model ingest eval bench load lint clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2> >(grep -v "^WARNING: Location" >&2)
	@touch $(STAMP)

install: $(STAMP)

model: install
	$(BIN)/referat model

ingest: model
	$(BIN)/referat ingest tests/fixtures

run: ingest
	$(BIN)/referat documents

test: model
	$(BIN)/python -m pytest

eval: model
	$(BIN)/referat eval --dataset eval/datasets/dev.jsonl --corpus tests/fixtures --baselines --out eval/reports/latest
	@echo "Rapport: eval/reports/latest/report.md"

bench: model
	$(BIN)/python -m eval.bench

load: ingest
	$(BIN)/python -m eval.load

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) data eval/reports
