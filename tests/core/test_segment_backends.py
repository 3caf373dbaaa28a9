"""rjieba (the fast path) and jieba give the same tokens; rjieba starts without a spare dictionary."""

from __future__ import annotations

import importlib.util
import json
import lzma
import subprocess
import sys
from pathlib import Path

import pytest

from policy_cli.core.loaders import load_document
from policy_cli.core.segment import Segmenter
from policy_cli.core.tokens import segment_document, segment_text
from tests.conftest import DOCS, EXAMPLES

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("rjieba") is None, reason="rjieba is not installed"
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "background.jsonl.xz"
PATHS = sorted([*DOCS.glob("*.txt"), *DOCS.glob("*/*.txt"), *EXAMPLES.glob("*.txt")])


@pytest.fixture(scope="module")
def fast() -> Segmenter:
    return Segmenter(backend="rjieba")


@pytest.fixture(scope="module")
def plain() -> Segmenter:
    return Segmenter(backend="jieba")


def test_the_documents_are_there():
    assert len(PATHS) >= 20


@pytest.mark.parametrize("path", PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_tokens_on_the_real_documents(path, fast, plain):
    doc = load_document(path)
    assert segment_document(doc, segmenter=fast).tokens() == segment_document(
        doc, segmenter=plain
    ).tokens()


@pytest.mark.parametrize(
    "text",
    [
        "3-5岁幼儿",
        "COVID-19疫情",
        "5G-A网络",
        "第3.5.2条",
        "Wi-Fi热点",
        "a_b和x&y",
        "x.y.z",
        "增长3.5%",
        "10%-20%",
        "PM2.5浓度",
        "...好",
        "C++语言",
        "5G+工业互联网",
        "U-17",
        "2011-2020年",
        "www.example.com",
        "1.5万亿元",
        "2020—2025年",
    ],
)
def test_same_tokens_around_latin_digits_and_joiners(text, fast, plain):
    assert fast.cut(text) == plain.cut(text)


def test_same_tokens_with_protected_strings(fast, plain):
    text = "坚持稳中求进工作总基调，推动“两个毫不动摇”落地，3-5岁幼儿入园率提高。"
    protect = ["稳中求进工作总基调", "两个毫不动摇"]
    assert segment_text(text, segmenter=fast).tokens(protect=protect) == segment_text(
        text, segmenter=plain
    ).tokens(protect=protect)


@pytest.mark.slow
def test_same_tokens_on_the_background_corpus(fast, plain):
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["content"] for line in fh if line.strip()]
    differ = [i for i, t in enumerate(texts) if fast.cut(t) != plain.cut(t)]
    assert not differ


def test_rjieba_backend_does_not_build_the_default_dictionary():
    # `import rjieba` builds a module-level tokenizer (~0.15 s, ~25 MiB) that we never use.
    code = (
        "import sys\n"
        "from policy_cli.core.segment import default_segmenter\n"
        "seg = default_segmenter()\n"
        "print(seg.backend, 'rjieba' in sys.modules)\n"
        "import rjieba\n"  # a user's own import still works afterwards
        "print(rjieba.cut('推动高质量发展'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "rjieba False"
    assert out[1] == "['推动', '高质量', '发展']"
