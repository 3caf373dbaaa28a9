# Quick start: `make demo` (set up, run on the bundled example) and `make test` (set up, run tests).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/yuhang-conference-2026.txt

.PHONY: setup demo test browser lint bench data eval clean

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

test: setup browser
	$(BIN)/python -m pytest -q

# The browser tests of the HTML pages (tests/render/test_html_browser.py) need Debian's chromium
# and a CJK font: installed here when missing (as root, or with sudo), else those tests skip.
browser:
	@bash scripts/install_browser.sh

lint: setup
	$(BIN)/ruff check policy_cli tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python scripts/check_formulation_rules.py
	$(BIN)/python scripts/check_people_rules.py
	$(BIN)/python scripts/check_target_rules.py
	$(BIN)/python scripts/check_header_rules.py
	$(BIN)/python scripts/check_keyword_data.py
	$(BIN)/python scripts/check_noise_rules.py

# the national news corpus (national-news-2012-2022.jsonl.xz, not shipped): given, its annotated
# items are scored too (make eval NEWS=PATH)
NEWS ?=

eval: setup
	$(BIN)/python scripts/eval.py $(if $(wildcard $(NEWS)),--news $(NEWS))

bench: setup
	$(BIN)/python benchmarks/run.py

# Rebuild the bundled word lists, IDF table and national lexicon (needs the `build` extra: OpenCC).
# CORPUS: the folder holding national-news-2012-2022.jsonl.xz (the team's shared corpus)
CORPUS ?=
data: setup
	@test -n "$(CORPUS)" || { echo "usage: make data CORPUS=DIR (DIR holds national-news-2012-2022.jsonl.xz)"; exit 2; }
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python scripts/build_traditional.py
	$(BIN)/python scripts/build_places.py $(CORPUS)
	$(BIN)/python scripts/build_lexicon.py $(CORPUS)
	$(BIN)/python scripts/build_idf.py $(CORPUS)
	$(BIN)/python scripts/build_formulations.py
	$(BIN)/python scripts/build_national.py --news $(CORPUS)/national-news-2012-2022.jsonl.xz
	$(BIN)/python scripts/build_qualifiers.py --news $(CORPUS)/national-news-2012-2022.jsonl.xz
	$(BIN)/python scripts/build_referents.py --news $(CORPUS)/national-news-2012-2022.jsonl.xz
	$(BIN)/python scripts/build_openers.py --news $(CORPUS)/national-news-2012-2022.jsonl.xz

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
