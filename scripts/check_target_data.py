"""Check the word lists of targets against the corpus they were read from.

`policy_cli/data/target_words.tsv` (modifiers, units, verbs of change, list words) and
`policy_cli/data/target_indicators.tsv` (variants of an indicator's name) were read by hand from
the 主要预期目标 paragraphs and the fiscal and monetary paragraphs of the national work reports
(mostly 1998-2022) in the background corpus, and from the 2025 provincial reports of
tests/data/docs.
This script says, for every word, how often those texts use it, and fails when one is used
nowhere: a word list holds what the documents say, not guesses.

    python scripts/check_target_data.py CORPUS_DIR/background.jsonl tests/data/docs
"""

from __future__ import annotations

import json
import lzma
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "policy_cli" / "data"


def _texts(paths: list[Path]) -> str:
    out = []
    for path in paths:
        if path.is_dir():
            out += [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))]
        elif path.suffix in (".jsonl", ".xz"):
            opener = lzma.open if path.suffix == ".xz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    out.append(json.loads(line)["content"])
        else:
            out.append(path.read_text(encoding="utf-8"))
    return "\n".join(out)


def _entries(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, word = line.partition("\t")
            rows.append((kind.strip(), word.strip()))
    return rows


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    text = _texts([Path(a) for a in argv])
    unused = []
    for name in ("target_words.tsv", "target_indicators.tsv"):
        for kind, word in _entries(name):
            n = text.count(word)
            print(f"{name}\t{kind}\t{word}\t{n}")
            if n == 0:
                unused.append(f"{name}: {kind} {word}")
    for item in unused:
        print(f"never used: {item}", file=sys.stderr)
    return 1 if unused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
