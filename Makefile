# Quick start: `make demo` (set up, run on the bundled example) and `make test` (set up, run tests).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/yuhang-conference-2026.txt

.PHONY: setup demo test lint bench data eval clean

$(BIN)/policy: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(BIN)/policy

setup: $(BIN)/policy

demo: setup
	$(BIN)/policy summary $(EXAMPLE)
	$(BIN)/policy keywords $(EXAMPLE) --top 10

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check policy_cli tests scripts benchmarks
	$(BIN)/mypy

eval: setup
	$(BIN)/python scripts/eval.py

bench: setup
	$(BIN)/python benchmarks/run.py

# Rebuild the bundled word lists and IDF table (needs the `build` extra: OpenCC) from corpus/ and
# the national news: make data CORPUS=DIR, DIR holding national-news-2012-2022.jsonl.xz (README, Data).
data: setup
	@test -n "$(CORPUS)" || { echo "usage: make data CORPUS=DIR (the directory holding national-news-2012-2022.jsonl.xz; see README, Data)"; exit 2; }
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python scripts/build_traditional.py
	$(BIN)/python scripts/build_places.py $(CORPUS)
	$(BIN)/python scripts/build_lexicon.py $(CORPUS)
	$(BIN)/python scripts/build_idf.py $(CORPUS)
	$(BIN)/python scripts/build_formulations.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
