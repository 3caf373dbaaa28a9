"""Shared test fixtures: where the real documents and gold annotations live."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
DOCS = DATA / "docs"
GOLD = DATA / "gold"
EXAMPLES = Path(__file__).parent.parent / "examples"
FOUNDING = EXAMPLES / "yuhang-conference-2026.txt"


def gold(name: str) -> dict:
    """Load a gold annotation by file name."""
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def gold_document(g: dict) -> Path:
    """The document a gold file annotates ("corpus/x.txt" -> tests/data/docs/x.txt;
    "corpus/formats/x.pdf" -> tests/data/formats/x.pdf)."""
    path = Path(g["document"]).relative_to("corpus")
    return DOCS.parent / path if path.parts[0] == "formats" else DOCS / path


def loaded_modules(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.fixture(scope="session")
def founding_path() -> Path:
    return FOUNDING
