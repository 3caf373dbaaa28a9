"""The documents the team holds out, shared by the build scripts of the data.

A held-out document is measured blind (`scripts/eval.py`, HOLDOUT): no rule is written from
its misses, and no learnt list takes anything from it, neither its quoted spans nor its word as
evidence for an entry.
"""

from __future__ import annotations

# the provincial reports of tests/data/docs/provinces-2025 held out (file names)
HELD_OUT_PROVINCIAL = frozenset({"shandong.txt"})
# the national reports of corpus/background.jsonl.xz held out, as "year title" labels: the
# work reports of 2008, 2012 and 2016 and the reports to the 15th and 18th congresses
HELD_OUT_BACKGROUND = (
    "2008 2008年中华人民共和国国务院政府工作报告",
    "2012 2012年中华人民共和国国务院政府工作报告",
    "2016 2016年中华人民共和国国务院政府工作报告",
    "1997 高举邓小平理论伟大旗帜",
    "2012 坚定不移沿着中国特色社会主义道路前进",
)


def held_out_background(doc: dict) -> bool:
    """Tell whether a record of the background corpus (a JSON object with its title) is a
    held-out report: its title opens as the title of one of HELD_OUT_BACKGROUND's labels."""
    title = doc.get("title", "")
    return any(title.startswith(label.split(" ", 1)[1]) for label in HELD_OUT_BACKGROUND)
