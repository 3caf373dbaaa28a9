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
	$(BIN)/python scripts/check_formulation_rules.py

eval: setup
	$(BIN)/python scripts/eval.py

bench: setup
	$(BIN)/python benchmarks/run.py

# Rebuild the bundled word lists and IDF table from corpus/ (needs the `build` extra: OpenCC).
data: setup
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python scripts/build_lexicon.py
	$(BIN)/python scripts/build_idf.py
	$(BIN)/python scripts/build_formulations.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
