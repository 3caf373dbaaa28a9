"""Rebuild policy_cli/data/places.tsv: China's provincial- and prefecture-level divisions.

    python scripts/build_places.py CORPUS   # CORPUS: the directory holding the national news
    make data CORPUS=DIR

The list itself is scripts/divisions.tsv, written from the Ministry of Civil Affairs' list of
administrative divisions (34 provincial-level divisions with their short names 沪, 苏, 滇...,
333 prefecture-level divisions). This script derives each division's name as documents use it
(云南 for 云南省, 延边 for 延边朝鲜族自治州), checks every name against the national news
(how many items name it; a name no item uses is printed) and writes the table the tool reads to
tell a document's own place (`policy_cli.core.places`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sources import NEWS_FILE, news_sources  # noqa: E402

DIVISIONS = ROOT / "scripts" / "divisions.tsv"
OUT = ROOT / "policy_cli" / "data" / "places.tsv"
_PROVINCE_SUFFIX = re.compile(r"(?:特别行政区|维吾尔自治区|回族自治区|壮族自治区|自治区|省|市)$")
PREFECTURES = 333  # as of 2024: 293 cities, 7 地区, 30 自治州, 3 盟


def divisions() -> list[tuple[str, str, str, str, str]]:
    """(name, full name, level, province, short names) of every division in divisions.tsv."""
    out = []
    for line in DIVISIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, short, prefectures = (line.split("\t") + ["", ""])[:3]
        province = _PROVINCE_SUFFIX.sub("", full)
        out.append((province, full, "province", province, short.replace(" ", ",")))
        for item in prefectures.split():
            pf_full, _, name = item.partition("/")
            if not name:
                name, pf_full = pf_full, pf_full + "市"
            out.append((name, pf_full, "prefecture", province, ""))
    return out


def main(argv: list[str] | None = None) -> None:
    """Check the divisions against the national news and write the places table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path,
                    help=f"the directory holding {NEWS_FILE} (see the README, section Data)")
    args = ap.parse_args(argv)
    rows = divisions()
    n_prefectures = sum(r[2] == "prefecture" for r in rows)
    if n_prefectures != PREFECTURES:
        raise SystemExit(f"divisions.tsv lists {n_prefectures} prefecture-level divisions, "
                         f"not {PREFECTURES}")
    names = {r[0] for r in rows}
    items = dict.fromkeys(names, 0)
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    for src in news_sources(args.corpus):
        for name in set(pattern.findall(src.text)):
            items[name] += 1
    unused = sorted(n for n, c in items.items() if c == 0)
    lines = [
        "# China's provincial- and prefecture-level divisions (scripts/divisions.tsv, from the\n"
        "# Ministry of Civil Affairs' list), checked against the national news 2012-2022\n"
        "# by scripts/build_places.py:\n"
        "# name<TAB>full name<TAB>level<TAB>province<TAB>short names<TAB>news items naming it\n"
    ]
    lines += [f"{n}\t{full}\t{level}\t{prov}\t{short}\t{items[n]}\n"
              for n, full, level, prov, short in rows]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} divisions)")
    if unused:
        print(f"named by no news item: {' '.join(unused)}")


if __name__ == "__main__":
    main()
