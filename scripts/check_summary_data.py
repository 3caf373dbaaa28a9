"""Check the data files of `policy summary` and show which of their entries a corpus uses.

`policy_cli/data/header_labels.tsv` (metadata labels → header fields),
`policy_cli/data/header_types.tsv` (the last word of a title → the kind of document) and
`policy_cli/data/direction_cues.tsv` (words that tell whether a part or a sentence of a report
looks back or ahead) are written from the conventions they cite in their heads (GB/T 9704-2012
and the 党政机关公文处理工作条例, the metadata box of legal-database exports, the metadata table
and <meta> names of government web pages, the standard parts of a 政府工作报告), not learnt:
this script checks their shape (known fields and kinds, no entry twice, tab-separated columns)
and, given corpus paths, counts the documents whose text uses each label at a line start, whose
title ends with each title word, and whose text uses each cue, so that a reader can see the
evidence and spot an entry no document uses.

    python scripts/check_summary_data.py                    # shape only
    python scripts/check_summary_data.py CORPUS_DIR   # shape and evidence (files/dirs)

Exit status 1 when a file is malformed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sources import corpus_documents

from policy_cli.core.header import DOC_TYPES, TITLE_WORD_CONDITIONS, extract_header
from policy_cli.data import lines
from policy_cli.errors import PolicyCliError

FIELDS = {"title", "issuer", "number", "date", "published", "effective", "other"}
CUES = {"back", "ahead", "opens_back", "requirement", "guidance", "target", "closing"}


def check() -> list[str]:
    """Return the problems of the two data files ([] when they are well formed)."""
    problems = []
    seen: set[str] = set()
    for line in lines("header_labels.tsv"):
        parts = line.split("\t")
        if len(parts) not in (2, 3):
            problems.append(f"header_labels.tsv: not 2 or 3 tab-separated columns: {line!r}")
            continue
        if parts[0] not in FIELDS:
            problems.append(f"header_labels.tsv: unknown field {parts[0]!r}")
        if len(parts) == 3 and parts[2] not in DOC_TYPES:
            problems.append(f"header_labels.tsv: unknown kind {parts[2]!r}")
        if parts[1].lower() in seen:
            problems.append(f"header_labels.tsv: label twice: {parts[1]!r}")
        seen.add(parts[1].lower())
    for line in lines("header_types.tsv"):
        parts = line.split("\t")
        if len(parts) not in (2, 3) or parts[0] not in DOC_TYPES:
            problems.append(f"header_types.tsv: bad line {line!r}")
        elif len(parts) == 3 and parts[2] not in TITLE_WORD_CONDITIONS:
            problems.append(f"header_types.tsv: unknown condition {parts[2]!r}")
    cues = lines("direction_cues.tsv")
    for line in cues:
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in CUES:
            problems.append(f"direction_cues.tsv: bad line {line!r}")
    if len(set(cues)) != len(cues):
        problems.append("direction_cues.tsv: a line twice")
    return problems


def evidence(paths: list[Path]) -> None:
    """Print how many documents of the corpus use each label and each title word."""
    labels = [ln.split("\t")[1] for ln in lines("header_labels.tsv")]
    words = [ln.split("\t")[1] for ln in lines("header_types.tsv")]
    cues = [ln.split("\t")[1] for ln in lines("direction_cues.tsv")]
    used: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    said: Counter[str] = Counter()
    total = 0
    for _, doc in corpus_documents(paths):
        total += 1
        meta = [f"{name}：{value}" for name, value in doc.meta]
        text = "\n".join([doc.text, *(n.text for n in doc.noise), *meta])
        for label in labels:
            spaced = r"\s*".join(map(re.escape, label))
            if re.search(rf"(?im)^\s*{spaced}\s*[:：]", text):
                used[label] += 1
        for cue in set(cues):
            if cue in doc.text:
                said[cue] += 1
        title = extract_header(doc).title or ""
        for word in words:
            if re.sub(r"[》」』”\s]*(?:[（(][^（）()]{1,12}[）)])?[》」』”\s]*$", "", title).endswith(word):
                ends[word] += 1
                break
    print(f"{total} documents")
    print("labels used at a line start:", ", ".join(f"{k} {used[k]}" for k in labels if used[k]))
    print("labels no document uses:", " ".join(k for k in labels if not used[k]))
    print("title words:", ", ".join(f"{k} {ends[k]}" for k in words if ends[k]))
    print("direction cues:", ", ".join(f"{k} {said[k]}" for k in dict.fromkeys(cues)))


def main(argv: list[str]) -> int:
    problems = check()
    for p in problems:
        print(p, file=sys.stderr)
    if argv:
        try:
            evidence([Path(a) for a in argv])
        except PolicyCliError as exc:  # a corpus path that does not exist
            print(f"check_summary_data: error: {exc}", file=sys.stderr)
            return 2
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
