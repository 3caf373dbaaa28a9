"""The fast paths compute what the slow ones did, and the light commands stay light.

No timing here (machines are noisy; `python benchmarks/run.py` is the measurement): these
tests pin the properties the speed rests on.
"""

from __future__ import annotations

import pytest

from policy_cli.core import sentences
from policy_cli.core.loaders import load_document
from policy_cli.core.pipeline import prepare
from tests.conftest import DOCS, EXAMPLES, loaded_modules

np = pytest.importorskip("numpy")


def _dense_textrank(docs: list[list[str]]) -> list[float]:
    """The reference: scikit-learn's TF-IDF vectors, PageRank over the dense similarity matrix."""
    if len(docs) == 1:
        return [1.0]
    from sklearn.feature_extraction.text import TfidfVectorizer

    if any(docs):
        matrix = (
            TfidfVectorizer(analyzer=lambda d: d, lowercase=False, sublinear_tf=True)
            .fit_transform(docs)
            .toarray()
        )
    else:  # scikit-learn refuses an empty vocabulary: every vector is zero
        matrix = np.zeros((len(docs), 1))
    sim = matrix @ matrix.T
    np.fill_diagonal(sim, 0.0)
    sums = sim.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1.0
    trans = sim / sums
    size = len(docs)
    rank = np.full(size, 1.0 / size)
    for _ in range(100):
        new = (1 - 0.85) / size + 0.85 * trans.T @ rank
        if np.abs(new - rank).sum() < 1e-9:
            rank = new
            break
        rank = new
    return [float(x) for x in rank]


@pytest.mark.parametrize(
    "docs",
    [
        [["改革", "开放", "改革"], ["开放", "创新"], ["创新", "协调", "绿色", "开放", "共享"], []],
        [["a"], ["b"]],
        [[], []],
        [["a", "b"], ["a"], []],
        [["a"], ["a"]],
        [["only"]],
    ],
)
def test_sparse_textrank_is_the_dense_one_on_small_cases(docs):
    assert sentences._textrank(docs) == pytest.approx(_dense_textrank(docs), abs=1e-12)


@pytest.mark.parametrize(
    "path",
    [
        EXAMPLES / "yuhang-conference-2026.txt",
        DOCS / "gwr-2022.txt",
        DOCS / "cpc19-report.txt",
        DOCS / "local-shaoxing-conference-2023.txt",
        DOCS / "provinces-2025" / "shandong.txt",
    ],
    ids=lambda p: p.name,
)
def test_sparse_textrank_is_the_dense_one_on_real_documents(path):
    prepared = prepare(load_document(path))
    wholes = sentences.whole_sentences(prepared.document)
    docs = [w for w in sentences._words_by_whole(prepared, wholes) if w]
    assert sentences._textrank(docs) == pytest.approx(_dense_textrank(docs), abs=1e-12)


def test_textrank_on_numpy_is_the_pure_one(monkeypatch):
    # every sentence of four national reports as one long document: the numpy steps (taken
    # from NUMPY_PAIRS pairs on) give the ranks the pure Python steps give
    docs = []
    for name in ("gwr-2018.txt", "gwr-2021.txt", "gwr-2022.txt", "cpc19-report.txt"):
        prepared = prepare(load_document(DOCS / name))
        wholes = sentences.whole_sentences(prepared.document)
        docs += [w for w in sentences._words_by_whole(prepared, wholes) if w]
    monkeypatch.setattr(sentences, "NUMPY_PAIRS", 10**12)
    pure = sentences._textrank(docs)
    monkeypatch.setattr(sentences, "NUMPY_PAIRS", 0)
    assert sentences._textrank(docs) == pytest.approx(pure, abs=1e-12)


def test_summary_and_keywords_need_neither_numpy_nor_scikit_learn_nor_jieba():
    # importing numpy costs ~0.2 s, scikit-learn 0.7 s to seconds, jieba's dictionary ~0.5 s:
    # more than the whole analysis of a 20k-char report
    loaded = loaded_modules(
        "from policy_cli.api import keywords_of\n"
        "from policy_cli.core.loaders import load_document\n"
        "from policy_cli.core.summary import summarize\n"
        f"doc = load_document({str(EXAMPLES / 'yuhang-conference-2026.txt')!r})\n"
        "summarize(doc)\n"
        "keywords_of(doc)\n"
    )
    assert not {m.split(".")[0] for m in loaded} & {"numpy", "sklearn", "scipy", "jieba"}
    # rjieba's package __init__ builds a default tokenizer nobody uses: only its module is loaded
    assert "rjieba" not in loaded


def _alternation(protect: tuple[str, ...]):
    import re

    ordered = sorted(set(protect), key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(x) for x in ordered if x))


@pytest.mark.parametrize(
    ("protect", "text"),
    [
        (("ab", "abc", "b"), "abcab b"),
        (("a", "aa", "aaa"), "aaaa"),
        (("x.y", "x"), "x.yx"),
        (("(", ")", "a|b"), "(a|b)"),
        (("稳中求进", "稳中求进工作总基调", "工作"), "坚持稳中求进工作总基调和稳中求进，工作"),
    ],
)
def test_protected_spans_match_the_alternation_longest_first(protect, text):
    from policy_cli.core.segment import protected_spans

    ours = protected_spans(text, protect)
    assert ours == [m.span() for m in _alternation(protect).finditer(text)]


def test_protected_spans_match_the_alternation_on_a_real_document():
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.segment import protected_spans

    doc = load_document(DOCS / "gwr-2022.txt")
    protect = tuple(f.text for f in extract_formulations(doc))
    assert len(protect) > 20
    alternation = _alternation(protect)
    for sent in doc.sentences:
        assert protected_spans(sent.text, protect) == [
            m.span() for m in alternation.finditer(sent.text)
        ]
