"""Build policy_cli/data/national_qualifiers.tsv: the runs of the national lexicon that qualify.

A run of the lexicon (its parts joined by 、) is a qualifier where national text says it before
的 in most of its uses, not counting those where the clause ends with the head of a principle or
a form (…的方针, …的优良传统, …的新格局: the run is that principle or form): it says what a thing
is like, and the thing follows (规范、透明、开放、
有活力、有韧性|的资本市场; 系统完备、科学规范、运行有效|的制度体系; 真实、立体、全面|的中国).
Other runs are mottos of their own, said bare or before many words (两个市场、两种资源 before
的 in 3 of 22 uses; 敢于斗争、善于斗争 in 7 of 25). The stage `qualified` lists a qualifier with
the short noun a document says after its 的; it lists another run bare.

Each row: the run, its uses in the national news (2012-2022), the uses before 的, the
noun national text names most often after it (的 and up to MAX_NOUN_LEN characters to the end of
the clause) with its count, and the first item that says the run before 的 (date and title).
The held-out news items (scripts/held_out.py) are not read (`sources.news_sources`).

    python scripts/build_qualifiers.py --news PATH/national-news-2012-2022.jsonl.xz

Run it after scripts/build_national.py (it reads the lexicon that script writes).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.chars import is_han  # noqa: E402
from policy_cli.core.formulations.national import MOTTO_SEPARATOR  # noqa: E402
from policy_cli.core.formulations.qualified import clause_trail, names_a_kind  # noqa: E402
from policy_cli.core.formulations.vocab import words  # noqa: E402
from policy_cli.core.national import national_lexicon  # noqa: E402
from scripts.sources import news_sources, write_news_table  # noqa: E402

OUT = ROOT / "policy_cli" / "data" / "national_qualifiers.tsv"
# a qualifier: said before 的 in this share of its uses at least…
MIN_SHARE = 0.5
# …and this many times at least (one use is no habit of national text)
MIN_USES = 2
# the noun recorded as the one named most often: this many characters at most after 的
MAX_NOUN_LEN = 4

HEADER = """\
# The runs of the national lexicon that qualify: national text says them before 的 in most of
# their uses (规范、透明、开放、有活力、有韧性|的资本市场). Built by scripts/build_qualifiers.py
# from the national evening news 2012-2022 (the held-out items left out); read by the stage
# `qualified`, which lists such a run with the short noun a document says after its 的.
# text: the run as the lexicon holds it; uses: the times the news says it; before_de: the
# times it says it before 的 (not where the clause ends with a principle's or a form's head);
# noun: the noun named most often after it (and how often); evidence: the first item that says
# it before 的
text\tuses\tbefore_de\tnoun\tevidence
"""


def build(news: Path) -> list[str]:
    """Return the table's rows: every run of the lexicon that national text says before 的 in
    MIN_SHARE of its uses or more, MIN_USES times or more."""
    possessive = words().trail_possessive
    runs = sorted(t for t in national_lexicon() if MOTTO_SEPARATOR in t)
    pattern = re.compile("|".join(map(re.escape, sorted(runs, key=len, reverse=True))))
    uses: Counter[str] = Counter()
    before: Counter[str] = Counter()
    nouns: dict[str, Counter[str]] = {}
    first: dict[str, str] = {}
    for src in news_sources(news):  # (the held-out items left out)
        for m in pattern.finditer(src.text):
            run = m.group()
            uses[run] += 1
            trail = clause_trail(src.text, m.end())  # (的 and the rest of the clause)
            if trail is None or names_a_kind(trail):
                continue
            if run not in first:
                title = src.text.partition("\n")[0]  # (an item's text opens with its title)
                first[run] = f"news {src.date} 《{title}》"
            before[run] += 1
            noun = trail[len(possessive) :]
            if len(noun) <= MAX_NOUN_LEN and is_han(noun):
                nouns.setdefault(run, Counter())[noun] += 1
    rows = []
    for run in runs:
        told = uses[run]
        if told < MIN_USES or before[run] < MIN_SHARE * told or before[run] < MIN_USES:
            continue
        top = nouns.get(run, Counter()).most_common(1)
        named = f"{top[0][0]} {top[0][1]}" if top else ""
        rows.append(f"{run}\t{told}\t{before[run]}\t{named}\t{first[run]}")
    return rows


def main() -> None:
    write_news_table(__doc__, OUT, HEADER, build, "qualifying runs")


if __name__ == "__main__":
    main()
