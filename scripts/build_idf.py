"""Rebuild policy_cli/data/idf.tsv.gz from the background corpus committed in corpus/.

Document frequencies are counted with scikit-learn over the segmented background documents
(62 national work reports and Party congress reports, 1954-2022), using the same segmenter
and policy lexicon as the tool, and stored as smooth IDF: ln((1 + N) / (1 + df)) + 1.

    python scripts/build_idf.py
"""

from __future__ import annotations

import gzip
import json
import lzma
import math
from pathlib import Path

from sklearn.feature_extraction.text import CountVectorizer

from policy_cli.core.loaders import load_text
from policy_cli.core.segment import Segmenter, is_candidate_term

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "background.jsonl.xz"
OUT = ROOT / "policy_cli" / "data" / "idf.tsv.gz"


def background_documents() -> list[dict]:
    """Read the committed background corpus (one JSON object a line)."""
    with lzma.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    seg = Segmenter()
    docs = background_documents()
    token_lists = []
    for d in docs:
        doc = load_text(d["content"], source=d.get("title", "?"))
        token_lists.append([t.text for t in seg.tokenize(doc) if is_candidate_term(t.text, frozenset())])
    vec = CountVectorizer(analyzer=lambda toks: toks, lowercase=False, binary=True)
    matrix = vec.fit_transform(token_lists)
    df = matrix.sum(axis=0).A1
    n = len(docs)
    rows = sorted(zip(vec.get_feature_names_out(), df, strict=True))
    lines = [f"# smooth IDF ln((1+N)/(1+df))+1 over the background corpus\n# documents={n}\n"]
    lines += [f"{term}\t{math.log((1 + n) / (1 + f)) + 1:.4f}\n" for term, f in rows]
    # mtime=0 keeps the file byte-identical when the data does not change
    OUT.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({len(rows)} terms, {n} documents)")


if __name__ == "__main__":
    main()
