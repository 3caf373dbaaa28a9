"""Build policy_cli/data/national_referents.tsv: the word national text names a national set with.

A quoted set or code of a document is followed by the noun it names (“三个代表”重要思想, “51020”
现代产业集群): the stages give that phrase as the formulation's `refers_to`. A national set
settles it in national text: “三个代表” is followed by 重要思想 in all of its 211 uses in the
news, “两个一百年” by 奋斗目标 in 91 %, “五位一体” by 总体布局 in 86 %; other sets are names of
their own, followed by whatever is said of them (“一带一路”建设, 倡议, 沿线国家, 合作…;
“四风”问题, 方面, 突出…), and a document's phrase after one names what it is said about
(“一带一路”|地理标志品牌, “双碳”|管理一体化平台), not what it is. The stages keep a national
set's following phrase as its referent only where it opens with the word national text names the
set with in `national_referent_min_percent` of its uses or more (FormulationOptions).

Each row: an entry of the national lexicon shaped as a set or a code (the quoted-span classifier
says code or numbered), its uses in the national news (2012-2022) where a word follows it (its
closing quote skipped; a mark, a number or the end of the text ends no use), the word that
follows most often (the policy segmenter's first word there), how often, and the first item
that says the two together (date and title). Kept: entries said MIN_USES times or more, so
that the share is a habit of national text; an entry absent from the table keeps the phrase a
document says after it. The held-out news items (scripts/held_out.py) are not read
(`sources.news_sources`).

    python scripts/build_referents.py --news PATH/national-news-2012-2022.jsonl.xz

Run it after scripts/build_national.py (it reads the lexicon that script writes).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import ahocorasick_rs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.chars import is_han  # noqa: E402
from policy_cli.core.formulations.shapes import classify_quoted  # noqa: E402
from policy_cli.core.national import REFERENTS_FILE, national_lexicon  # noqa: E402
from policy_cli.core.phrases import CLOSING_QUOTES  # noqa: E402
from policy_cli.core.segment import default_segmenter  # noqa: E402
from scripts.sources import news_sources, write_news_table  # noqa: E402

OUT = ROOT / "policy_cli" / "data" / REFERENTS_FILE
# an entry's share is read only where national text says it followed by a word this often
MIN_USES = 10
# the characters after an entry that are cut to find the word that follows it
LOOKAHEAD = 8

HEADER = """\
# The word national text names a national set or code with: “三个代表”|重要思想 in all of its
# uses, “两个一百年”|奋斗目标 in 91 %, where “一带一路” and “四风” are followed by whatever is said of
# them. Built by scripts/build_referents.py from the national evening news 2012-2022 (the
# held-out items left out); read by the stages that give a set the phrase after it as its
# referent (refers_to), kept for a national set only where it opens with this word in
# `national_referent_min_percent` of its uses or more.
# text: the entry; uses: the times the news says it with a word after it; word: the word that
# follows it most often; after: how often; evidence: the first item that says the two together
text\tuses\tword\tafter\tevidence
"""


def build(news: Path) -> list[str]:
    """Return the table's rows: every set or code of the lexicon national text says with a word
    after it MIN_USES times or more, in the order of the lexicon's texts."""
    sets = sorted(t for t in national_lexicon() if classify_quoted(t) in ("code", "numbered"))
    # every occurrence of each set, inside a longer entry too (“四个全面”战略布局 is an entry of
    # its own: its uses are the set's uses with the word after it)
    automaton = ahocorasick_rs.AhoCorasick(sets, matchkind=ahocorasick_rs.MatchKind.Standard)
    seg = default_segmenter()
    followers: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], str] = {}
    for src in news_sources(news):  # (the held-out items left out)
        text = src.text
        for index, _, end in automaton.find_matches_as_indexes(text, overlapping=True):
            phrase = sets[index]
            at = end + (text[end : end + 1] in CLOSING_QUOTES)
            ahead = text[at : at + LOOKAHEAD]
            if not ahead or not is_han(ahead[0]):
                continue  # a mark, a number or the end: no word names it here
            word = seg.cut(ahead)[0]
            followers.setdefault(phrase, Counter())[word] += 1
            if (phrase, word) not in first:
                title = text.partition("\n")[0]  # (an item's text opens with its title)
                first[(phrase, word)] = f"news {src.date} 《{title}》"
    rows = []
    for phrase in sets:
        counts = followers.get(phrase)
        if not counts or sum(counts.values()) < MIN_USES:
            continue
        word, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append(f"{phrase}\t{sum(counts.values())}\t{word}\t{n}\t{first[(phrase, word)]}")
    return rows


def main() -> None:
    write_news_table(__doc__, OUT, HEADER, build, "sets and codes with the word after them")


if __name__ == "__main__":
    main()
