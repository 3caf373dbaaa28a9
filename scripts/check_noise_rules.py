"""Check `policy_cli/data/noise_rules.toml`, and show what its rules cut in a corpus.

The file holds the shapes of page furniture (whole lines a publisher, exporter or printer
adds), the vocabulary of injected spam, a news item's dateline and the heading of a page's
related items (core/noise.py), written by hand from the furniture of real files. This script
checks its shape (every key the code reads, every reason known, every placeholder filled,
every pattern compiling) and, given corpus paths (files or directories of
.txt/.docx/.pdf/.html, or a .jsonl/.jsonl.xz of {"content": ...} items such as
corpus/background.jsonl.xz or the national news), counts what each kind of noise cuts there,
with examples: a rule that cuts text of a report is read here before it ships.

    python scripts/check_noise_rules.py                                   # shape only
    python scripts/check_noise_rules.py corpus/background.jsonl.xz tests/data/docs

Exit status 1 when the file is malformed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sources import corpus_documents  # noqa: E402

from policy_cli import data  # noqa: E402
from policy_cli.core import noise  # noqa: E402

KEYS = {
    "furniture": ("rules",),
    "licence": ("start", "words", "template_residue"),
    "spam": ("words", "strong", "line_spam", "contact", "gambling", "online", "glued", "calls",
             "chain_sells", "regulating", "crime", "enforcement", "casino"),
    "news": ("dateline", "related_heading"),
}
EXAMPLES = 3  # cuts shown for each reason


def problems() -> list[str]:
    """What is wrong with the rules file (empty: nothing)."""
    out: list[str] = []
    rules = data.toml(noise.RULES_FILE)
    for section, keys in KEYS.items():
        for key in keys:
            if key not in rules.get(section, {}):
                out.append(f"[{section}] lacks {key}")
    for i, rule in enumerate(rules.get("furniture", {}).get("rules", [])):
        if len(rule) != 2 or rule[0] not in noise._REASONS:
            out.append(f"furniture rule {i}: not [reason, pattern] with a known reason: {rule}")
    compiled = [p.pattern for _, p in noise._LINE_RULES] + [
        noise._GLUED.pattern, noise._CHAIN_SELLS.pattern, noise._DATELINE.pattern,
    ]
    for pattern in compiled:
        left = re.findall(r"\{[A-Z_]+\}", pattern)
        if left:
            out.append(f"placeholder not filled: {left} in {pattern[:60]}")
    for key in ("words", "strong"):
        words = rules.get("spam", {}).get(key, [])
        if len(words) != len(set(words)):
            out.append(f"[spam] {key} holds an entry twice")
    return out


def main(argv: list[str]) -> int:
    found = problems()
    for problem in found:
        print(f"noise_rules.toml: {problem}")
    print(f"{noise.RULES_FILE}: {len(noise._LINE_RULES)} furniture rules, "
          f"{len(noise._SPAM_WORDS)} spam words, {len(found)} problem(s)")
    if found or not argv:
        return 1 if found else 0
    cuts: dict[str, Counter[str]] = defaultdict(Counter)
    documents = 0
    for _, document in corpus_documents([Path(a) for a in argv]):  # (read with the rules)
        documents += 1
        for item in document.noise:
            cuts[item.reason][" ".join(item.text.split())[:60]] += 1
    print(f"{documents} documents read")
    for reason, counter in sorted(cuts.items()):
        shown = ", ".join(f"{t} ×{n}" for t, n in counter.most_common(EXAMPLES))
        print(f"  {reason}: {sum(counter.values())} cut ({shown})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
