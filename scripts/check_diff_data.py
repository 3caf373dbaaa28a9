"""Check the word lists of `policy diff` against the texts and the dictionary they come from.

- `policy_cli/data/report_parts.tsv`: the words that tell a report's overall-requirements part,
  read from the part headings (一、…) of the national work reports in the background corpus
  and of the 2025 provincial reports. Every word must occur in such a heading of the texts
  given.
- `policy_cli/data/function_chars.tsv`: characters of grammar. Each must be a function word
  when it stands alone in jieba's dictionary (pronoun, preposition, conjunction, adverb,
  particle, locative, or a modal or auxiliary verb).

    python scripts/check_diff_data.py corpus/background.jsonl.xz tests/data/docs
"""

from __future__ import annotations

import json
import lzma
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "policy_cli" / "data"
PART_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、(.{1,60})$", re.M)
FUNCTION_TAGS = {"r", "p", "c", "d", "f", "u", "uj", "ul", "uz", "ug", "zg", "v"}


def _texts(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        if path.is_dir():
            out += [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))]
        elif path.suffix in (".jsonl", ".xz"):
            opener = lzma.open if path.suffix == ".xz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                out += [json.loads(line)["content"] for line in fh if line.strip()]
        else:
            out.append(path.read_text(encoding="utf-8"))
    return out


def _rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, value = line.partition("\t")
            rows.append((kind.strip(), value.strip()))
    return rows


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    headings = [m.group(1) for text in _texts([Path(a) for a in argv])
                for m in PART_HEADING.finditer(text)]
    failed = 0
    for kind, word in _rows("report_parts.tsv"):
        n = sum(word in h for h in headings)
        print(f"report_parts  {kind:12s} {word}: {n} part headings")
        failed += n == 0
    import jieba.posseg

    tags = jieba.posseg.POSTokenizer().word_tag_tab
    for kind, chars in _rows("function_chars.tsv"):
        for ch in chars:
            tag = tags.get(ch, "")
            ok = tag in FUNCTION_TAGS
            print(f"function_chars {kind:9s} {ch}: {tag or '—'}{'' if ok else '  NOT A FUNCTION WORD'}")
            failed += not ok
    print(f"{failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
