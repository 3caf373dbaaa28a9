"""Time the analyses on one long line of real text at n, 2n and 4n characters (issue 20).

A cost linear in the text doubles from n to 2n; one that grows with its square quadruples.
The text is the corpus's content joined without a newline (national evening news: many
distinct names and quoted phrases, which is what made the per-find scans quadratic). CPU
time of each stage, in this process, best of `--runs`.

    python benchmarks/linearity.py /work/shared/corpus/national-news-2012-2022.jsonl.xz
    python benchmarks/linearity.py corpus/background.jsonl --sizes 200000,400000,800000
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def long_line(corpus: Path, chars: int) -> str:
    """The corpus's `content` fields joined into one line of at least `chars` characters."""
    opener: Any = lzma.open if corpus.name.endswith(".xz") else open
    parts: list[str] = []
    size = 0
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            content = content.replace("\r", "").replace("\n", "")
            parts.append(content)
            size += len(content)
            if size >= chars:
                break
    return "".join(parts)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON-lines corpus (.jsonl or .jsonl.xz)")
    parser.add_argument("--sizes", default="200000,400000,800000", help="characters, comma-separated")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    from policy_cli.core import loaders
    from policy_cli.core.diff import diff_documents
    from policy_cli.core.formulations import extract_formulations
    from policy_cli.core.keywords import extract_keywords
    from policy_cli.core.people import extract_organizations, extract_people
    from policy_cli.core.pipeline import prepare
    from policy_cli.core.segment import default_segmenter
    from policy_cli.core.sentences import key_sentences

    default_segmenter()
    loaders.MAX_ANALYSIS_CHARS = 10**9  # measure past the limits too
    loaders.MAX_DOCUMENT_CHARS = 10**9
    sizes = [int(s) for s in args.sizes.split(",")]
    text = long_line(args.corpus, max(sizes))
    stages: dict[str, Callable[[Any, Any], Any]] = {
        "load": lambda raw, _: loaders.build_document(raw),
        "formulations": lambda _, doc: extract_formulations(doc),
        "people": lambda _, doc: extract_people(doc),
        "organisations": lambda _, doc: extract_organizations(doc),
        "prepare": lambda _, doc: prepare(doc),
        "keywords tfidf": lambda _, doc: extract_keywords(prepare(doc).tokens, top=20),
        "keywords textrank": lambda _, doc: extract_keywords(
            prepare(doc).tokens, method="textrank", top=20
        ),
        "key sentences": lambda _, doc: key_sentences(prepare(doc), n=5),
        "diff (two halves)": lambda raw, _: diff_documents(
            loaders.build_document(raw[: len(raw) // 2]),
            loaders.build_document(raw[len(raw) // 2 :]),
        ),
    }
    print(f"{'stage':20s}" + "".join(f"{n:>12,}" for n in sizes) + "   last/first")
    for name, stage in stages.items():
        row = []
        for n in sizes:
            raw = text[:n]
            doc = loaders.build_document(raw)
            best = float("inf")
            for _ in range(args.runs):
                started = time.process_time()
                stage(raw, doc)
                best = min(best, time.process_time() - started)
            row.append(best)
        ratio = row[-1] / max(row[0], 1e-6)
        print(f"{name:20s}" + "".join(f"{t:11.2f}s" for t in row) + f"   {ratio:6.1f}x")


if __name__ == "__main__":
    main()
