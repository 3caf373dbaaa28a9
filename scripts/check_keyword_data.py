"""Check `policy_cli/data/keyword_chars.tsv` and show which of its entries a corpus uses.

The file holds the characters and words the key-term ranking reads (core/keywords.py,
core/boilerplate.py), written from knowledge of the language, not learnt: place suffixes, the
forms of a document's own place, characters never glued into a name, grammar characters, the
words that name a programme's kind (programme_head) and the units of its length
(duration_unit), and the titles of a glossary (glossary_title). This script checks its shape
(every kind the code reads, no entry twice, no empty kind) and, given corpus paths (files or
directories of .txt/.docx/.pdf/.html, or a .jsonl/.jsonl.xz of {"content": ...} items such as
corpus/background.jsonl.xz), counts what the text shows for the word lists:

- programme_head: how often each head stands right after a duration (三年行动, 百日攻坚) and the
  commonest such names (with a programme_tail when one follows: 三年行动计划);
- glossary_title: the documents where a title stands alone on its line with numbered items after
  it (what `boilerplate.glossary_spans` finds).

    python scripts/check_keyword_data.py                                  # shape only
    python scripts/check_keyword_data.py corpus/background.jsonl.xz tests/data/docs

Exit status 1 when the file is malformed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sources import corpus_documents  # noqa: E402

from policy_cli.core.boilerplate import glossary_spans  # noqa: E402
from policy_cli.core.keywords import (  # noqa: E402
    CHARACTER_KINDS,
    KEYWORD_CHARS_FILE,
    keyword_chars,
    timed_programme_pattern,
)
from policy_cli.data import lines  # noqa: E402
from policy_cli.errors import PolicyCliError  # noqa: E402

KINDS = {"place_suffix", "own_place_suffix", "no_glue", "grammar", "programme_head",
         "programme_tail", "duration_unit", "glossary_title", "institution_head"}


def check() -> list[str]:
    """Return the problems of the file ([] when it is well formed)."""
    problems = []
    seen: Counter[str] = Counter()
    for line in lines(KEYWORD_CHARS_FILE):
        kind, tab, value = line.partition("\t")
        if not tab or not value.strip():
            problems.append(f"{KEYWORD_CHARS_FILE}: not kind<TAB>value: {line!r}")
            continue
        kind, value = kind.strip(), value.strip()
        entries = list(value) if kind in CHARACTER_KINDS else value.split(",")
        twice = [e for e, n in Counter(entries).items() if n > 1]
        if twice:
            problems.append(f"{KEYWORD_CHARS_FILE}: {kind}: twice: {' '.join(twice)}")
        seen[kind] += 1
        if any(not e.strip() for e in entries):
            problems.append(f"{KEYWORD_CHARS_FILE}: {kind}: an empty entry")
    problems += [f"{KEYWORD_CHARS_FILE}: {k} given {n} times" for k, n in seen.items() if n > 1]
    problems += [f"{KEYWORD_CHARS_FILE}: unknown kind {k}" for k in set(seen) - KINDS]
    problems += [f"{KEYWORD_CHARS_FILE}: missing kind {k}" for k in KINDS - set(seen)]
    return problems


def evidence(paths: list[Path]) -> None:
    """Print what the corpus shows for programme_head and glossary_title."""
    chars = keyword_chars()
    timed = re.compile(timed_programme_pattern())  # the ranking's own pattern
    by_head: Counter[str] = Counter()
    names: Counter[str] = Counter()
    glossaries: list[str] = []
    documents = 0
    for name, doc in corpus_documents(paths):
        documents += 1
        text = doc.text
        for m in timed.finditer(text):
            by_head[m.group("head")] += 1
            names[m.group()] += 1
        if any(t in text for t in chars["glossary_title"]):
            for lo, hi in glossary_spans(doc):
                items = doc.text[lo:hi].count("\n")
                glossaries.append(f"{name}: {doc.text[lo:hi].splitlines()[0]} + {items} items")
    print(f"{documents} documents")
    print("programme_head: uses right after a duration")
    for head in sorted(chars["programme_head"]):
        print(f"  {head}\t{by_head[head]}")
    print("  commonest:", " ".join(f"{n}×{k}" for k, n in names.most_common(12)))
    print(f"glossary_title: {len(glossaries)} glossaries")
    for g in glossaries:
        print(f"  {g}")


def main(argv: list[str]) -> int:
    problems = check()
    for p in problems:
        print(p)
    if not problems:
        print(f"{KEYWORD_CHARS_FILE}: well formed")
    if argv:
        try:
            evidence([Path(a) for a in argv])
        except PolicyCliError as exc:  # a corpus path that does not exist
            print(f"check_keyword_data: error: {exc}", file=sys.stderr)
            return 2
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
