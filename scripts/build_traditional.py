"""Rebuild policy_cli/data/traditional_chars.txt: the characters only traditional script uses.

    python scripts/build_traditional.py     # needs OpenCC: pip install -e '.[build]'
    make data CORPUS=DIR

A character is listed when OpenCC's traditional-to-simplified table (t2s) turns it, standing
alone, into another character (發 -> 发, 於 -> 于). The tool counts them to tell a document
written in traditional characters (policy_cli.core.script) without loading OpenCC; it converts
with OpenCC itself (the `traditional` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "policy_cli" / "data" / "traditional_chars.txt"
# CJK Unified Ideographs, Extension A and the compatibility ideographs
BLOCKS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))


def main() -> None:
    """List the characters t2s changes and write them, 80 to a line."""
    try:
        import opencc
    except ImportError:
        sys.exit("needs OpenCC: pip install -e '.[build]'")
    t2s = opencc.OpenCC("t2s")
    chars = [chr(c) for lo, hi in BLOCKS for c in range(lo, hi + 1)]
    # one call: every character on its own line, so that no phrase rule joins two of them
    converted = t2s.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        sys.exit("OpenCC changed the number of lines; cannot pair the characters")
    found = [c for c, s in zip(chars, converted, strict=True) if s != c]
    lines = [
        "# characters OpenCC's t2s table turns into another character (traditional only),\n"
        "# built by scripts/build_traditional.py\n"
    ]
    lines += ["".join(found[i : i + 80]) + "\n" for i in range(0, len(found), 80)]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({len(found)} characters)")


if __name__ == "__main__":
    main()
