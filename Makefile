# referat — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install model ingest eval bench load lint clean layouts

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
	$(BIN)/referat serve --host $(HOST) --port $(PORT)

# The quality gate: floors set just under what was measured on dev.jsonl (see eval/README.md).
GATE := --min hit_at_1=0.95 --min hit_at_5=0.95 --min mrr=0.95 --min page_hit_at_1=0.85 \
	--min answer_accuracy=0.80 --min citation_recall=0.90 --min citation_precision=0.70 \
	--min abstention_accuracy=0.80 --min false_abstention_rate=0.08

# Segmentation: every labelled PDF (real ones, rendered layouts, and the helper-written held-out layouts).
SEGMENTATION_SETS := $(wildcard eval/datasets/segmentation-*.jsonl)
SEGMENTATION_GATE := --min item_recall=0.95 --min item_precision=0.95 --min first_page_accuracy=0.95 \
	--min case_number_accuracy=0.95 --min closed_item_leaks=0

test: model
	$(BIN)/referat eval $(addprefix --dataset ,$(SEGMENTATION_SETS)) --out eval/reports/ci $(SEGMENTATION_GATE)
	$(BIN)/referat eval --dataset eval/datasets/dev.jsonl --corpus tests/fixtures --out eval/reports/ci $(GATE)
	$(BIN)/python -m pytest

eval: model
	$(BIN)/referat eval $(addprefix --dataset ,$(SEGMENTATION_SETS)) --out eval/reports/latest
	$(BIN)/referat eval --dataset eval/datasets/dev.jsonl --corpus tests/fixtures --baselines --out eval/reports/latest
	@echo "Rapporter: eval/reports/latest/segmentation.md og eval/reports/latest/report.md"

# Re-render the layouts of the segmentation evaluation from eval/corpus/greve (needs Debian's fonts-dejavu).
layouts: install
	$(BIN)/python -m eval.render --out eval/corpus/rendered --labels eval/datasets/segmentation-rendered.jsonl

bench: model
	$(BIN)/python -m eval.bench

load: model
	$(BIN)/python -m eval.load

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) data eval/reports
