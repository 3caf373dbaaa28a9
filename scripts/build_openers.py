"""Build policy_cli/data/national_openers.tsv: how often national text names an entry of the
national lexicon with an opener of `named_openers` (formulation_rules.toml: 党的, 高举).

A reader names the Party's own line, generations and building with 党的 (党的基本路线, 党的群众路线,
党的第三代中央领导集体) and a banner as it is raised (高举中国特色社会主义伟大旗帜); where a
document says a state programme after 党的 (响应党的|乡村振兴战略, 党的|精准扶贫), 党的 says whose
it is, and the programme keeps its name. National text tells the two apart: it says 群众路线
after 党的 in 642 of its 820 uses, 乡村振兴战略 in 1 of 414. The stage `fold` names a find with
an opener only where national text does so in `opener_national_min_percent` of its uses.

Each row: the entry, the opener, the entry's uses in the national news (2012-2022; the lexicon's
matcher, leftmost-longest, so a use inside a longer entry is that entry's), the uses right
after the opener, and the first item that says it so (date and title). Kept: entries said after
the opener MIN_USES times or more; an entry of the lexicon absent from the table is one national
text never names with the opener (a find the lexicon lacks, a document's own motto, is named by
the document's usage alone). The held-out news items (scripts/held_out.py) are not read
(`sources.news_sources`).

    python scripts/build_openers.py --news PATH/national-news-2012-2022.jsonl.xz

Run it after scripts/build_national.py (it reads the lexicon that script writes).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.formulations.vocab import words  # noqa: E402
from policy_cli.core.national import OPENERS_FILE, everyday_lexicon, national_lexicon  # noqa: E402
from policy_cli.core.phrases import PhraseMatcher  # noqa: E402
from scripts.sources import news_sources, write_news_table  # noqa: E402

OUT = ROOT / "policy_cli" / "data" / OPENERS_FILE
# an entry is kept where national text says it after the opener this many times at least (the
# share decides: 邓小平理论伟大旗帜, said three times in the news, once after 高举)
MIN_USES = 1

HEADER = """\
# How often national text names an entry of the national lexicon with an opener (党的, 高举):
# 党的基本路线, 党的群众路线, 高举中国特色社会主义伟大旗帜, where 党的|乡村振兴战略 is rare.
# Built by scripts/build_openers.py from the national evening news 2012-2022 (the held-out items
# left out); read by the stage `fold`, which names a find with an opener only where national
# text does so in `opener_national_min_percent` of its uses.
# text: the entry; opener; uses: the times the news says it; after_opener: the times right
# after the opener; evidence: the first item that says it so
text\topener\tuses\tafter_opener\tevidence
"""


def build(news: Path) -> list[str]:
    """Return the table's rows: every entry national text says after an opener MIN_USES times
    or more, in the order of the lexicon's texts and of the openers."""
    openers = tuple(words().named_openers)
    entries = {**everyday_lexicon(), **national_lexicon()}
    matcher = PhraseMatcher(entries)
    uses: Counter[str] = Counter()
    after: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], str] = {}
    for src in news_sources(news):  # (the held-out items left out)
        text = src.text
        for m in matcher.finditer(text):
            uses[m.phrase] += 1
            for opener in openers:
                if m.start >= len(opener) and text.startswith(opener, m.start - len(opener)):
                    key = (m.phrase, opener)
                    after[key] += 1
                    if key not in first:
                        title = text.partition("\n")[0]  # (an item's text opens with its title)
                        first[key] = f"news {src.date} 《{title}》"
    rows = []
    for (phrase, opener), n in sorted(after.items()):
        if n >= MIN_USES:
            rows.append(f"{phrase}\t{opener}\t{uses[phrase]}\t{n}\t{first[(phrase, opener)]}")
    return rows


def main() -> None:
    write_news_table(__doc__, OUT, HEADER, build, "entries said after an opener")


if __name__ == "__main__":
    main()
