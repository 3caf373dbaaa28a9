"""Rebuild policy_cli/data/idf.tsv.gz from the background corpus committed in corpus/.

Document frequencies are counted with scikit-learn over the segmented background documents
(62 national work reports and Party congress reports, 1954-2022), using the same segmenter,
policy lexicon and term building (`keywords.document_terms`: glued names, compounds, place
stems) as the tool, plus every plain candidate word, and stored as smooth IDF: ln((1 + N) / (1 + df)) + 1, with each word's jieba part-of-speech
tag (the ranking weighs verbs and adverbs down; policy-lexicon words are tagged "nz").

The early documents written wholly or partly in traditional characters (the 1954 and 1957
reports, the 3rd congress report and the Guangzhou report to the 1st congress) are converted to simplified characters with OpenCC's t2s table first (see
`build_lexicon.background_texts`; `pip install opencc` is a build-time need only), so that
their words count as the same terms as in the other 59 documents.

Run it after `scripts/build_lexicon.py` (the lexicon changes the tokens):

    python scripts/build_idf.py
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

from sklearn.feature_extraction.text import CountVectorizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_lexicon import background_texts  # noqa: E402

from policy_cli.core.keywords import document_terms  # noqa: E402
from policy_cli.core.loaders import load_text  # noqa: E402
from policy_cli.core.segment import Segmenter, is_candidate_term, load_lexicon  # noqa: E402

OUT = ROOT / "policy_cli" / "data" / "idf.tsv.gz"


def word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's dictionary; policy-lexicon words are tagged "nz"."""
    import jieba.posseg

    tags = dict(jieba.posseg.POSTokenizer().word_tag_tab)
    for word, _ in load_lexicon():
        tags[word] = "nz"
    return tags


def main() -> None:
    """Count document frequencies over the background corpus and write the IDF table."""
    seg = Segmenter(backend="jieba")
    docs = background_texts()
    token_lists = []
    for title, text, _ in docs:
        doc = load_text(text, source=title)
        terms = document_terms(seg.tokenize(doc), segmenter=seg, drop_guesses=False)
        # boilerplate is never ranked but its IDF is still useful to other analyses
        words = [t.text for t in seg.tokenize(doc) if is_candidate_term(t.text, frozenset())]
        token_lists.append([t for t, _ in terms] + words)
    vec = CountVectorizer(
        analyzer=lambda toks: toks, lowercase=False, binary=True, token_pattern=None
    )
    matrix = vec.fit_transform(token_lists)
    df = matrix.sum(axis=0).A1
    n = len(docs)
    rows = sorted(zip(vec.get_feature_names_out(), df, strict=True))
    tags = word_tags()
    lines = [
        "# smooth IDF ln((1+N)/(1+df))+1 over the background corpus; term, idf, jieba POS tag\n"
        f"# documents={n}\n"
    ]
    lines += [
        f"{term}\t{math.log((1 + n) / (1 + f)) + 1:.4f}\t{tags.get(term, '')}\n" for term, f in rows
    ]
    # mtime=0 keeps the file byte-identical when the data does not change
    OUT.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({len(rows)} terms, {n} documents)")


if __name__ == "__main__":
    main()
