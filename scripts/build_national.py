"""Build policy_cli/data/national_formulations.tsv: established national formulations (提法).

Each entry says what it is (kind), since when national text uses it (first_seen), in how many
documents of the national corpus it occurs, and the evidence: the first news item (date and
title) or background report (year and title) that says it. The sources:

1. `seed`: formulations written from knowledge of policy language (scripts/seeds/
   national_seed.txt). An entry is kept only where the national corpus says it (on at least
   MIN_SEED_DAYS days of the news, or in a national report of the background); an entry newer
   than the corpus (两重, 以旧换新) is kept where MIN_SEED_PROVINCES of the 2025 provincial
   reports say it (first_seen 2023); an entry with no evidence is dropped and listed on stderr.
   `reports`: formulations read in the national work reports of 2013-2015 and 2017 (scripts/
   seeds/national_reports.txt: text, kind, the report it was read in), kept where other
   national text says them too (the news on MIN_SEED_DAYS days, or another background report
   than the one read and the held-out one), and only where they are distinctive: no phrase
   that a current local report says as the product would find it (more than MAX_LOCAL_REPORTS
   of LOCAL_REPORTS: the everyday vocabulary of policy writing, 营商环境, 法治政府, which readers
   do not list), no plain name of a standing system or reform (…制度, …体制, …改革 unless a
   motto), no qualifier of another entry kept (…的中国梦: 中国梦 is the formulation). What the
   news quotes as a name is the `quoted` source's.
   `framing`: what the reports seed reads that is no distinctive formulation only because one
   current local report says it (at most MAX_FRAMING_LOCAL_REPORTS; any number for a motto,
   which their echo does not make everyday writing) or because it names a standing system
   plainly; and the single phrases read in news items (scripts/seeds/
   national_news_phrases.txt) and the formulations read in the work reports of 2010 and 2011
   (scripts/seeds/national_reports_framing.txt), kept by the same evidence and local rules.
   The national stage lists a framing entry only where a document frames itself with it (said
   twice or more, or once in a short text of the centre).
   `everyday`: what is read in a report or written from knowledge and kept by the evidence
   but that more current local reports say than a framing entry may (改革开放, 营商环境,
   保障和改善民生: everyday writing today), dated by the year of its era (no held-out report
   dates it). Kept apart from the lexicon; the national stage lists one only in a document of
   an earlier era (FormulationOptions.everyday_documents_before), said by national text by then.
2. `quoted`: phrases the national news itself puts in quotes as names (“放管服”, “六稳”): quoted
   on at least MIN_QUOTED_DAYS days and in at least MIN_QUOTED_SHARE of all its uses (a word
   quoted now and then for emphasis is used plainly most of the time), shaped like a
   formulation (the product's own quoted-span classifier), and no jieba dictionary name of a
   person, place or organisation (storms, parties and armies abroad are quoted as names too).
3. `provincial`: watchwords newer than the corpus that most 2025 provincial reports say.
4. `mined` (with --mined): fixed expressions the news repeats without quotes (高品质生活,
   全面绿色转型): word n-grams of the product's segmenter said on at least MIN_MINED_DAYS days,
   whole units (no single neighbour word that would lengthen them accompanies them in more than
   MAX_EXTENSION_SHARE of their uses, on either side), whose parts stick together (PMI), that end
   in a policy head (a word that ends MIN_HEAD_ENTRIES entries of the seed and quoted lexicon)
   and open with no verb of command (a word said before MIN_PRECEDED_ENTRIES entries of the
   lexicon, or a clause word), function word, number, person, place, organisation or date, and
   that are no word of jieba's dictionary.

The national corpus is the national evening news 2012-2022 (`national-news-2012-2022.jsonl.xz`,
56,068 items, one JSON object a line with date, title, content), which the project does not ship;
only the derived table is committed. Get it from the team's shared corpus (see README, "Data").
The background reports (corpus/background.jsonl.xz) are in the repository.

    python scripts/build_national.py --news PATH/national-news-2012-2022.jsonl.xz
"""

from __future__ import annotations

import argparse
import datetime
import json
import lzma
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.core.bloom import BloomFilter  # noqa: E402
from policy_cli.core.chars import CN_DIGITS, CN_NUMERALS, HAN  # noqa: E402
from policy_cli.core.formulations import classify_quoted  # noqa: E402
from policy_cli.core.formulations.national import (  # noqa: E402
    KNOWLEDGE_SOURCE,
    MOTTO_SEPARATOR,
    REPORTS_SOURCE,
)
from policy_cli.core.formulations.quoted import names_a_thing, titles_a_work  # noqa: E402
from policy_cli.core.formulations.vocab import clause_word_set  # noqa: E402
from policy_cli.core.formulations.vocab import words as formulation_words  # noqa: E402
from policy_cli.core.national import EVERYDAY_SOURCE, FRAMING_SOURCE  # noqa: E402
from policy_cli.core.phrases import PhraseMatcher, canonical, key  # noqa: E402
from policy_cli.core.segment import Segmenter, general_segmenter  # noqa: E402
from scripts.held_out import HELD_OUT_NEWS, held_out_background  # noqa: E402
from scripts.sources import unannotated_paths  # noqa: E402

BACKGROUND = ROOT / "corpus" / "background.jsonl.xz"
SEED = ROOT / "scripts" / "seeds" / "national_seed.txt"
REPORTS_SEED = ROOT / "scripts" / "seeds" / "national_reports.txt"
# formulations read the same way in items of the national news (conference news, plenums'
# communiqués): text, kind, news-YYYY-MM-DD (the day of the item read)
NEWS_READ_SEED = ROOT / "scripts" / "seeds" / "national_news_read.txt"
NEWS_READ = re.compile(r"news-(\d{4}-\d{2}-\d{2})")
# …and the single phrases read in such items (党和国家监督体系, 稳中向好): kept as `framing`
# entries (FRAMING_SOURCE) where other national text says them and at most
# MAX_FRAMING_LOCAL_REPORTS current local reports do, since a single phrase of national text is
# as often everyday writing as a formulation a document frames itself with
NEWS_PHRASES_SEED = ROOT / "scripts" / "seeds" / "national_news_phrases.txt"
# …and the formulations read in national reports of the years before the lexicon's reports seed
# (gwr-2010, gwr-2011: text, kind, the report), kept the same way as `framing` entries only
REPORTS_FRAMING_SEED = ROOT / "scripts" / "seeds" / "national_reports_framing.txt"
# formulations written from knowledge (text, kind) that are kept as the reports seed's are, not
# as the seed's: where the corpus says them, distinctive (KNOWLEDGE_SOURCE) or as framing entries,
# since a plain programme's name (分级诊疗, 带量采购) is as often everyday writing of the local
# reports as a formulation
KNOWLEDGE_SEED = ROOT / "scripts" / "seeds" / "national_knowledge.txt"
KNOWLEDGE = "knowledge"  # what the reports seed's third column would be: read in no one text
# …of which a single phrase of these kinds is a framing entry even where distinctive (see
# _framing_knowledge)
KNOWLEDGE_FRAMING_KINDS = ("slogan", "name")
# …and only where it is of the current era: first said steadily by the news, or by a national
# report (not a held-out one), in this year or later (see _framing_knowledge). Current reports
# say the watchwords of the years since in passing (注册制, 练兵备战: said once in gwr-2022 and
# unlisted there); a reader of an older report lists the formulations of its time where it says
# them (社会管理创新, 经济平稳较快发展). Measured on 2026-12-05 (docs/formulations.md): 2017 leaves those two on
# gwr-2022, 2013 gains less on the held-out congress report
CURRENT_ERA_FROM = "2014"
# …and an entry written from knowledge of an era before STILL_SAID_ERA_BEFORE (the news begins
# in 2012-07: first said by a report of the background before it) that the news still says on
# STILL_SAID_MIN_DAYS days or more from STILL_SAID_FROM on is a framing entry too (_still_said):
# 和平与发展, 与时俱进, 睦邻友好 were listed said once in passing in current reports (gwr-2021,
# gwr-2022, cpc19-report; at 10 days, older knowledge entries flipped too and a held-out report
# lost a must item: docs/formulations.md, the twenty-third session); the era's own watchwords no
# longer said (放开搞活, 依法治税, 总体和平、局部战争) stay distinctive
STILL_SAID_ERA_BEFORE = "2012"
STILL_SAID_FROM = "2017"
STILL_SAID_MIN_DAYS = 100
# an everyday entry is this long at least: a shorter one is a word of the language (低保, the
# benefit's everyday name), no formulation of its time
EVERYDAY_MIN_LEN = 3
OUT = ROOT / "policy_cli" / "data" / "national_formulations.tsv"
PHRASES_OUT = ROOT / "policy_cli" / "data" / "national_phrases.bloom"
IMAGES_OUT = ROOT / "policy_cli" / "data" / "quoted_images.tsv"
# quoted images: dictionary words the news puts in quotes on at least this many days
MIN_IMAGE_DAYS = 3
PLAIN_OUT = ROOT / "policy_cli" / "data" / "plain_words.tsv"
# plain words: words of the IDF table (scripts/build_idf.py, built before this script) that at
# least this many national documents say…
MIN_PLAIN_DOCUMENTS = 30
# …and that national text puts in quotes in at most this share of those documents
MAX_PLAIN_QUOTED_SHARE = 0.05
# the words considered: 2-4 Chinese characters (the quoted stage reads no longer ordinary word)
PLAIN_SHAPE = re.compile(rf"[{HAN}]{{2,4}}")

KINDS = ("slogan", "name", "numbered", "metaphor", "code")
MIN_SEED_DAYS = 2
# watchwords newer than the corpus: said by this many of the 2025 provincial reports read
# (PROVINCIAL_REPORTS: those of `sources.unannotated_paths`, neither a reference annotation's,
# so that the lexicon is not learnt from the documents it is measured on, nor a held-out one)
PROVINCES = ROOT / "tests" / "data" / "docs" / "provinces-2025"
PROVINCIAL_REPORTS = tuple(p for p in unannotated_paths() if p.parent == PROVINCES)
MIN_PROVINCES = 5
# (no held-out document is read: scripts/held_out.py; the provincial reports, Shandong's and
# Sichuan's, are none of PROVINCIAL_REPORTS or LOCAL_REPORTS, the national reports of the
# background none of `read_background`)
# a seed entry newer than the corpus (the news ends in 2022) is kept where this many of those
# provincial reports say it: the centre's watchwords of 2023-2025, written from knowledge,
# with the reports that repeat them as evidence
MIN_SEED_PROVINCES = 2
# reports: the current local reports whose vocabulary is everyday policy writing, the 2025
# provincial reports read and Beijing's (Sichuan's, held out, was one of five until the sixteenth
# session); an entry read in a national report that more than
# MAX_LOCAL_REPORTS of them say is no distinctive formulation (营商环境, 提质增效, 精神文明建设;
# 稳中向好, said by two of them, goes too: measured in docs/formulations.md, "The national lexicon")
LOCAL_REPORTS = (
    *PROVINCIAL_REPORTS,
    ROOT / "tests" / "data" / "formats" / "local-beijing-2025.docx",
)
MAX_LOCAL_REPORTS = 0
# …but an entry said by at most this many of them, or a standing system's plain name, is kept as a
# `framing` entry (FRAMING_SOURCE), which the national stage lists only where a document says it
# twice or more, framing itself with it (稳中向好, 社会主义市场经济体制); one that more of them say
# (营商环境, 提质增效, 法治政府) is everyday writing, and out. (One of five reports until the
# sixteenth session, 20 %; two of eight is the nearest share, 25 %.)
MAX_FRAMING_LOCAL_REPORTS = 2
# (a motto the local reports echo, 普惠性、基础性、兜底性, is no everyday writing: a framing entry
# whatever their number)
# reports: a name ending so is a standing system or a reform named in plain words (民族区域自治
# 制度, 社会主义市场经济体制, 价格改革: `plain_name_heads` of formulation_rules.toml, which the
# national stage reads too); the curated seed holds the reforms that are formulations
# (供给侧结构性改革, 放管服改革)
PLAIN_NAME_ENDS = formulation_words().plain_name_heads
QUALIFIER_MARK = "的"  # …的|中国梦: the entry after it is the formulation
# the year of each Party congress (the background's congress reports carry only their number)
CONGRESS_YEARS = {
    1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969, 10: 1973,
    11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017,
    20: 2022,
}
# the congresses whose reports the reports seed may name (cpc-17: the report to the 17th)
CONGRESS_NUMERALS = {str(n): numeral for n, numeral in enumerate(
    "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十".split(), 1)}
MIN_WATCHWORD_CHARS = 3
MAX_WATCHWORD_CHARS = 14
MAX_WATCHWORD_WORDS = 6
WATCHWORD_FIRST_SEEN = "2023"  # after the national corpus ends, by the reports of January 2025
NUMBERED_EVENT = rf"[十二][十{CN_DIGITS}]?[五届大]|[{CN_NUMERALS}]中全会"
# the tags a name ends with (words of the policy lexicon have none: 新质生产力, 人工智能+)
NOUN_TAGS = ("n", "vn", "nz", "ng", "l", "")
OPENING_TAGS = ("v", "d", "p", "c", "r", "u", "m", "q", "a")  # a name does not open with these
INNER_TAGS = ("p", "c", "u")  # nor hold them
VERB_TAGS = ("v",)  # a plain verb after people (群众|就业…面临压力) makes a statement
# the phrase index (national_phrases.bloom): word n-grams said on at least MIN_PHRASE_DAYS days
MIN_PHRASE_DAYS = 2
MAX_PHRASE_WORDS = 8
MAX_PHRASE_CHARS = 24
# (0.005 until the sixteenth session: its rebuild answered "said" for 新一代智能终端, in neither
# corpus; one wrong answer in a thousand costs 1.6 MB more, read in place, not loaded)
PHRASE_ERROR_RATE = 0.001
SUSTAINED_DAYS = 3  # first_seen: the first of 3 days of use within a year
SUSTAINED_WINDOW = 365
MIN_QUOTED_DAYS = 5
MIN_QUOTED_SHARE = 0.5
MAX_THING_SHARE = 0.2  # a span quoted before 台风 or 号 this often names a storm or a ship
MIN_QUOTED_LEN = 2
MAX_QUOTED_LEN = 16
# jieba tags of proper names that are no policy item when quoted: people, places, organisations
NAME_TAGS = ("nr", "ns", "nt", "nz", "nrt", "nrfg")
QUOTED = re.compile(r"“([^“”\n]{2,24})”")
CLAUSE_BREAK = re.compile(rf"[^{HAN}0-9A-Za-z+]+")
FORMULATION_SHAPE = re.compile(rf"[{HAN}0-9A-Za-z+＋、，·\-－]+")
# mined: fixed expressions the news repeats without quotes (see mined_candidates)
MIN_MINED_DAYS = 20
MIN_MINED_WORDS = 2  # a single word of the segmenter is the lexicon's business (build_lexicon)
MAX_MINED_WORDS = 6
MIN_MINED_CHARS = 4
MAX_MINED_CHARS = 14
MIN_MINED_PMI = 5.0  # natural log; the weakest split of the phrase into two parts
MAX_EXTENSION_SHARE = 0.5  # one neighbour that lengthens it in more of its uses: a piece
MIN_HEAD_ENTRIES = 3  # a policy head ends this many entries of the seed and quoted lexicon
# the tags of the words (two characters or more) a mined phrase may end with besides the
# policy heads. ("n", "vn", "v", "nz", "") reaches 高品质|生活, 全面|绿色|转型, 高水平|开放 but
# keeps 554 phrases, most of them ordinary (政务服务, 产业集群, 人才引进): annotated precision
# fell by 0.09-0.25 (see docs/formulations.md, "The national lexicon"); so policy heads only
MINED_HEAD_TAGS: tuple[str, ...] = ()
# coined within the corpus: a phrase said on more days than this in the corpus's first year was
# established before it (an ordinary phrase, 基础设施建设, or an old formulation the seed holds)
MAX_EARLY_DAYS = 2
EARLY_WINDOW = 365
MIN_PRECEDED_ENTRIES = 12  # a word said before this many lexicon entries opens a clause
# jieba tags no formulation opens with: verbs, adverbs, prepositions, conjunctions, pronouns,
# particles, numbers and measures, directions, times, and adjectives of evaluation (重大, 重要)
MINED_OPENING_TAGS = ("v", "d", "p", "c", "r", "u", "m", "q", "f", "t", "a", "e", "y", "o", "z")
# nor holds inside (a verb inside makes a statement: 关系|取得|更大发展)
MINED_INNER_TAGS = ("v", "d", "p", "c", "r", "u", "m", "q", "f", "t", "e", "y")
# proper names: a person, place, organisation; nr is left out (jieba tags 高水平 nr)
MINED_NAME_TAGS = ("ns", "nt", "nrfg", "nrt")
# a neighbour of these tags cannot lengthen the phrase (function words, numbers, times), nor
# can a verb of command or a clause end; any other word can (治理|能力现代化, 联防|联控机制)
NON_EXTENDING_TAGS = ("p", "c", "u", "d", "r", "m", "q", "y", "e", "o", "f", "t")
QUOTE_CHARS = re.compile("[“”‘’「」『』\"']")


def _days_between(a: str, b: str) -> int:
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


@dataclass
class Evidence:
    """Where the national corpus says a phrase."""

    days: set[str] = field(default_factory=set)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (date, title), in date order
    count: int = 0
    background: list[str] = field(default_factory=list)  # "year title" of background reports
    quoted: int = 0
    provinces: tuple[int, int] = (0, 0)  # (reports that say it, reports read), for a watchword
    read_in: str = ""  # reports: the national report the entry was read in
    local: tuple[int, int] | None = None  # framing: (local reports that say it, reports read)

    def first_use(self) -> tuple[str, str]:
        """The (date, title) from which the news uses the phrase steadily: the first day that
        SUSTAINED_DAYS days of use within SUSTAINED_WINDOW days start (a phrase said once in
        passing years before it was coined does not date it); else its first day."""
        days = self.dates
        for i, (date, title) in enumerate(days):
            j = i + SUSTAINED_DAYS - 1
            if j < len(days) and _days_between(date, days[j][0]) <= SUSTAINED_WINDOW:
                return date, title
        return days[0] if days else ("", "")

    def first_seen(self) -> str:
        """When national text first says it (a watchword newer than the corpus: 2023, unless the
        news said it on a day before).

        The first date the news uses it steadily, or the year of the first background
        report that says it when that year is earlier."""
        if self.provinces[0] and not self.days:
            return WATCHWORD_FIRST_SEEN
        years = [b[:4] for b in self.background if b[:4].isdigit()]
        news = self.first_use()[0]
        year = min(years) if years else ""
        if news and (not year or news[:4] <= year):
            return news
        return year

    def documents(self) -> int:
        return len(self.days) + len(self.background) + self.provinces[0]

    def text(self) -> str:
        parts = []
        if self.days:
            date, title = self.first_use()
            parts.append(f"news: {len(self.days)} days, from {date} 《{title}》")
        if self.background:
            first = min(self.background)
            parts.append(f"background: {len(self.background)} reports, first {first}")
        if self.quoted:
            parts.append(f"quoted {self.quoted} of {self.count} news uses")
        if self.read_in == KNOWLEDGE:
            parts.append("written from knowledge")
        elif self.read_in:
            others = len(other_reports(self, self.read_in))
            where = "news item" if NEWS_READ.fullmatch(self.read_in) else "national report"
            parts.append(f"read in {self.read_in}, said by {others} other national reports"
                         + (f" and {len(other_days(self, self.read_in))} other news days"
                            if where == "news item" else ""))
        if self.local is not None:
            parts.append(f"said by {self.local[0]} of {self.local[1]} current local reports")
        if self.provinces[0]:
            where = "" if self.days else "not in the news 2012-2022 or the background; "
            parts.append(f"{where}said by {self.provinces[0]}"
                         f" of {self.provinces[1]} provincial reports of 2025")
        return "; ".join(parts)


@dataclass
class MinedStats:
    """What made a phrase a mined entry: its words, days, uses, cohesion and neighbours."""

    words: tuple[str, ...]
    days: int = 0
    count: int = 0
    pmi: float = 0.0
    left_extension: float = 0.0  # share of uses with the commonest lengthening left neighbour
    right_extension: float = 0.0

    def text(self) -> str:
        return (f"mined: {self.days} days, {self.count} uses, PMI {self.pmi:.1f}, "
                f"lengthened on the left {self.left_extension:.0%}, right {self.right_extension:.0%}")


def read_news(path: Path) -> list[tuple[str, str, str]]:
    """(date, title, content) of every news item, in date order; the held-out items
    (scripts/held_out.py, HELD_OUT_NEWS) left out: no entry is learnt or kept on their word."""
    opener = lzma.open if path.suffix == ".xz" else open
    items = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                d = json.loads(line)
                if (d["date"], d.get("title", "")) in HELD_OUT_NEWS:
                    continue
                items.append((d["date"], d.get("title", ""), d.get("content", "")))
    items.sort(key=lambda it: it[0])
    return items


def read_background() -> list[tuple[str, str]]:
    """(label, content) of the national reports, the held-out ones left out (they date no entry,
    count for none and are no day of the phrase index): label is "year title"."""
    out = []
    with lzma.open(BACKGROUND, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if held_out_background(d):
                continue
            year = str(d.get("year") or CONGRESS_YEARS.get(d.get("congress") or 0, ""))
            if not year:
                m = re.search(r"(1[89]\d\d|20\d\d)年", d["content"][:400])
                year = m.group(1) if m else "????"
            out.append((f"{year} {d.get('title', '')}".strip(), d["content"]))
    return out


def check_kind(text: str, kind: str, where: str) -> None:
    """Stop on an unknown kind, and on a `code` with no digit or Latin letter: a code is a digit
    code (132, 296X, 4+1); an abbreviation (医改, 新农合) is a name or a slogan."""
    if kind not in KINDS:
        raise SystemExit(f"{where}: unknown kind {kind!r}")
    if kind == "code" and not re.search(r"[0-9A-Za-z]", text):
        raise SystemExit(f"{where}: {text!r} is no digit code: a name, slogan or numbered set")


def read_seed(path: Path) -> dict[str, str]:
    """text -> kind of the seed file; separators of a motto normalised to 、."""
    out: dict[str, str] = {}
    keys: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, _, kind = line.partition("\t")
        check_kind(text, kind, f"{path}:{n}")
        text = canonical(text)
        k = key(text)
        if k in keys:  # the same motto with and without separators: keep the separated form
            if "、" not in text:
                continue
            del out[keys[k]]
        keys[k] = text
        out[text] = kind
    return out


def read_reports_seed(path: Path) -> dict[str, tuple[str, str]]:
    """text -> (kind, the report it was read in) of the reports seed (text, kind, report)."""
    out: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, kind, report = (line.split("\t") + ["", ""])[:3]
        check_kind(text, kind, f"{path}:{n}")
        if not text.strip() or not report.strip():
            raise SystemExit(f"{path}:{n}: a line is text, kind and the report it was read in")
        out.setdefault(canonical(text.strip()), (kind, report.strip()))
    return out


def _framing_knowledge(text: str, read: tuple[str, str], e: Evidence) -> bool:
    """Tell whether an entry written from knowledge is a framing entry even where distinctive:
    a single phrase of the current era (a programme's name, a policy said in plain words:
    股票发行注册制, 长江大保护) is listed where a document frames itself with it, as current
    reports say it in passing; one of an earlier era (社会管理创新, 经济平稳较快发展), a motto, an
    image or a numbered set is a formulation wherever it is said, unless the era's watchword is
    still everyday language (`_still_said`: 和平与发展)."""
    kind, report = read
    if report == KNOWLEDGE and _era(e) < STILL_SAID_ERA_BEFORE and _still_said(e):
        return True  # 和平与发展, 睦邻友好, 求真务实: an older era's, said in passing today
    return (
        report == KNOWLEDGE
        and MOTTO_SEPARATOR not in text
        and kind in KNOWLEDGE_FRAMING_KINDS
        and _era(e) >= CURRENT_ERA_FROM
    )


def _still_said(e: Evidence) -> bool:
    """Tell whether the news says an entry on STILL_SAID_MIN_DAYS days or more from
    STILL_SAID_FROM on: a watchword of an earlier era that current text still says in passing
    (和平与发展, 与时俱进, 睦邻友好), which a reader lists where a document frames itself with it,
    or in a document of its time."""
    return sum(day >= STILL_SAID_FROM for day in e.days) >= STILL_SAID_MIN_DAYS


def _era(e: Evidence) -> str:
    """The year national text first says an entry steadily: the news's first steady use or the
    first national report that says it ("" when neither; no held-out report is read)."""
    years = [b[:4] for b in e.background if b[:4].isdigit()]
    news = e.first_use()[0][:4]
    return min([y for y in (*years, news) if y], default="")


def names_report(label: str, report: str) -> bool:
    """Tell whether a background report's label (year and title) is the report an entry was read
    in (gwr-2015: the work report of 2015; cpc-17: the report to the 17th congress)."""
    kind, _, n = report.partition("-")
    if kind == "gwr":
        return label.startswith(f"{n} ") and "政府工作报告" in label
    if kind == "cpc":
        return label.endswith(f"({CONGRESS_NUMERALS.get(n, n)}大)")
    return False


def other_reports(e: Evidence, report: str) -> list[str]:
    """The background reports that say an entry read in `report`, but that one: other national
    text that says it (no held-out report is read)."""
    return [b for b in e.background if not names_report(b, report)]


def other_days(e: Evidence, report: str) -> set[str]:
    """The days of the news that say an entry, but the day of the news item it was read in."""
    read = NEWS_READ.fullmatch(report)
    return e.days - {read.group(1)} if read else e.days


def phrases_inside(phrases: list[str]) -> dict[str, list[str]]:
    """phrase -> the other phrases said inside it: within one part of a motto or across whole
    parts, not across a separator (政治协商、民主监督 says 民主监督, not 协商民主)."""
    return {p: [q for q in phrases if q != p and q in p] for p in phrases}


def said_by_local_reports(phrases: list[str]) -> dict[str, int]:
    """phrase -> how many of the LOCAL_REPORTS say it, found as the product finds an entry of the
    lexicon (policy_cli.core.formulations.national: as printed, a 的 inside it may be left out; a
    short one only as words of its own, 棚改 not in 车棚改建), or inside a longer one found; the
    reports are read by the product's loaders (two are .docx)."""
    from policy_cli.core.formulations import FormulationOptions
    from policy_cli.core.formulations.pieces import QUOTES, said_at
    from policy_cli.core.loaders import load_document
    from policy_cli.core.tokens import segment_text

    short = FormulationOptions().national_short_max
    matcher = PhraseMatcher(phrases)
    inside = phrases_inside(phrases)
    said: Counter[str] = Counter()
    for path in LOCAL_REPORTS:
        text = load_document(path).text
        seg = None
        found: set[str] = set()
        for m in matcher.finditer(text):
            if m.end - m.start <= short and text[m.start : m.start + 1] not in QUOTES:
                seg = seg or segment_text(text)
                if not said_at(text, seg, m.start, m.end):
                    continue
            found.update((m.phrase, *inside[m.phrase]))
        said.update(found)
    return {p: said[p] for p in phrases}


def not_distinctive(text: str, said_locally: int, local_reports: int) -> str | None:
    """Why an entry read in a national report is no distinctive formulation, or None."""
    if said_locally > MAX_LOCAL_REPORTS:
        return f"said by {said_locally} of {local_reports} local reports"
    if text.endswith(PLAIN_NAME_ENDS) and "、" not in text:
        return "a plain name of a system or reform"
    return None


def qualifies(text: str, entries: set[str]) -> str | None:
    """Why an entry only qualifies another entry (中华民族伟大复兴的|中国梦), or None."""
    at = text.rfind(QUALIFIER_MARK)
    if at > 0 and text[at + 1 :] in entries:
        return f"qualifies {text[at + 1:]}"
    return None


def word_edges(segmenter: Segmenter, text: str) -> set[int]:
    """The offsets where a word of `text` starts or ends: a phrase is said only between them
    (新发展理念 is not said by 创新发展理念)."""
    edges = {0}
    at = 0
    for word in segmenter.cut(text):
        at += len(word)
        edges.add(at)
    return edges


def scan(phrases: list[str], news, background) -> dict[str, Evidence]:
    """Find every phrase in the national corpus as the product does (policy_cli.core.phrases).

    A phrase said inside a longer one counts too (有效市场和有为政府 in 有效市场和有为政府更好结合),
    within one part of a motto or across whole parts, not across a separator (协商民主 is not said by
    政治协商、民主监督).
    """
    matcher = PhraseMatcher(phrases)
    segmenter = general_segmenter()  # (the policy lexicon cuts 创|新发展理念)
    inside = phrases_inside(phrases)
    ev: dict[str, Evidence] = {p: Evidence() for p in phrases}
    for date, title, content in news:
        for text in (title, content):
            found = [m for m in matcher.finditer(text)]
            if found:
                edges = word_edges(segmenter, text)
                found = [m for m in found if m.start in edges and m.end in edges]
            for m in found:
                for p in (m.phrase, *inside[m.phrase]):
                    e = ev[p]
                    e.count += 1
                    if date not in e.days:
                        e.dates.append((date, title))
                    e.days.add(date)
    for label, content in background:
        edges = word_edges(segmenter, content)
        found = {m.phrase for m in matcher.finditer(content) if m.start in edges and m.end in edges}
        for p in found | {q for f in found for q in inside[f]}:
            ev[p].background.append(label)
    return ev


def quoted_candidates(news) -> tuple[Counter[str], Counter[str]]:
    """Phrases quoted in the news: the days they are quoted on, and how often."""
    days: dict[str, set[str]] = {}
    uses: Counter[str] = Counter()
    things: Counter[str] = Counter()
    for date, title, content in news:
        for text in (title, content):
            for m in QUOTED.finditer(text):
                span = m.group(1).strip()
                if (MIN_QUOTED_LEN <= len(span) <= MAX_QUOTED_LEN
                        and FORMULATION_SHAPE.fullmatch(span)):
                    days.setdefault(canonical(span), set()).add(date)
                    uses[canonical(span)] += 1
                    if names_a_thing(text, m.end(), m.start()) or titles_a_work(
                        text, m.end(), span
                    ):
                        things[canonical(span)] += 1  # “利奇马”台风, “今日谈”栏目: no policy
    return (
        Counter({s: len(d) for s, d in days.items() if things[s] < MAX_THING_SHARE * uses[s]}),
        uses,
    )


def phrase_index(news, background, segmenter: Segmenter) -> BloomFilter:
    """Every word n-gram (1-MAX_PHRASE_WORDS words) the corpus says on MIN_PHRASE_DAYS days or
    more (a background report counts as a day), as a Bloom filter: what lets the product tell a
    document's own coinage (said nowhere nationally) from a phrase national text already uses.
    Clauses are cut at anything but Han characters, letters and digits, after motto separators
    and quote marks are taken out (the key of `policy_cli.core.phrases`)."""
    days: dict[int, int] = {}
    last: dict[int, str] = {}
    texts = [(date, t) for date, title, content in news for t in (title, content)]
    texts += [(label, content) for label, content in background]
    for date, text in texts:
        for g in set(_ngrams(key(text), segmenter)):
            h = hash(g)
            if last.get(h) != date:
                last[h] = date
                days[h] = days.get(h, 0) + 1
    del last
    keep = {h for h, n in days.items() if n >= MIN_PHRASE_DAYS}
    del days
    print(f"phrase index: {len(keep)} phrases said on {MIN_PHRASE_DAYS}+ days", file=sys.stderr)
    return BloomFilter.build(
        (g for date, text in texts for g in set(_ngrams(key(text), segmenter)) if hash(g) in keep),
        capacity=len(keep), error_rate=PHRASE_ERROR_RATE,
    )


def _ngrams(text: str, segmenter: Segmenter):
    for clause in CLAUSE_BREAK.split(text):
        if len(clause) < 2:
            continue
        words = segmenter.cut(clause)
        for i in range(len(words)):
            g = ""
            for w in words[i : i + MAX_PHRASE_WORDS]:
                g += w
                if len(g) > MAX_PHRASE_CHARS:
                    break
                if len(g) >= 2:
                    yield g


def provincial_evidence(phrases: list[str]) -> dict[str, tuple[int, int]]:
    """phrase -> (provincial reports that say it, reports read), quote marks and a motto's
    separators aside (稳中求进、以进促稳 as printed or run together)."""
    reports = PROVINCIAL_REPORTS
    texts = [key(p.read_text(encoding="utf-8")) for p in reports]
    return {t: (sum(key(t) in x for x in texts), len(reports)) for t in phrases}


def provincial_watchwords(
    news, background, segmenter: Segmenter, known: set[str]
) -> dict[str, tuple[int, int]]:
    """Watchwords newer than the national corpus: phrases most provincial reports of 2025 say
    (at least MIN_PROVINCES of them) that national text 2012-2022 never does (党纪学习教育,
    高质量充分就业, 首发经济). The centre coins them; the provinces repeat them.

    Returns phrase -> (reports that say it, reports read). Only whole noun phrases are kept: a
    phrase that opens with a verb of command or a function word, ends with one, holds a digit
    or a plan or congress number, or is part of a longer phrase said by the same reports is not.
    """
    from policy_cli.core.formulations.vocab import clause_words, patterns, words
    from policy_cli.core.segment import default_tagger

    reports = PROVINCIAL_REPORTS
    said: dict[str, set[int]] = {}
    for i, path in enumerate(reports):
        text = re.sub("[“”]", "", path.read_text(encoding="utf-8"))
        for clause in re.split(rf"[^{HAN}]+", text):
            cut = segmenter.cut(clause)
            for a in range(len(cut)):
                g = ""
                for b in range(a, min(a + MAX_WATCHWORD_WORDS, len(cut))):
                    g += cut[b]
                    if len(g) > MAX_WATCHWORD_CHARS:
                        break
                    if len(g) >= MIN_WATCHWORD_CHARS:
                        said.setdefault(g, set()).add(i)
    common = {g: d for g, d in said.items() if len(d) >= MIN_PROVINCES}
    national = "\n".join(key(t) for _, t, c in news for t in (t, c))
    national += "\n".join(key(c) for _, c in background)
    w = words()
    openers = tuple(clause_words())
    tagger = default_tagger()
    out = {}
    for g, d in common.items():
        if g in known or g in national or re.search(r"[0-9A-Za-z]", g):
            continue
        if g.startswith(openers) or g[0] in w.function_words or g[-1] in w.function_words:
            continue
        if re.search(NUMBERED_EVENT, g):
            continue  # 十四五规划收官, 二十届三中全会: plans and sessions are found by their shape
        if any(g != h and g in h and common[h] == d for h in common):
            continue  # a part of a longer phrase the same reports say
        tagged = tagger.tag(g, False)
        opening = tagged[0][1][:1] in OPENING_TAGS and len(tagged[0][0]) > 1  # 超|长期 is a prefix
        if tagged[-1][1] not in NOUN_TAGS or opening:
            continue  # 止跌回稳: a predicate; 扎实开展…, 向大会报告: a clause, not a name
        if patterns().people.match(g) and any(t[1] in VERB_TAGS for t in tagged[1:]):
            continue  # 群众|就业增收面临压力: people and what they do or face, a statement
        if any(t[1][:1] in INNER_TAGS for t in tagged):
            continue  # 人民政府向大会报告, 港澳台同胞…和…: prepositions and conjunctions join clauses
        out[g] = (len(d), len(reports))
    return out


def news_clauses(news, segmenter: Segmenter):
    """(date, words) of every clause of the news, cut by the product's segmenter: clauses end
    at anything but Han characters, letters and digits (a list's 、 too); quote marks are
    dropped first, so that “放管服”改革 stays one clause."""
    for date, title, content in news:
        for text in (title, content):
            for clause in CLAUSE_BREAK.split(QUOTE_CHARS.sub("", text)):
                if len(clause) >= MIN_MINED_CHARS:
                    yield date, segmenter.cut(clause)


def word_tag(word: str, tags: dict[str, str]) -> str:
    """A word's jieba tag ("" for a word of the policy lexicon or none)."""
    return tags.get(word, "")


def policy_heads(entries: list[str], segmenter: Segmenter, tags: dict[str, str]) -> set[str]:
    """The words that end at least MIN_HEAD_ENTRIES entries of several words of the lexicon
    (发展, 建设, 战略, 精神, 行动, 中心): the heads of policy language."""
    ends: Counter[str] = Counter()
    for text in entries:
        words = segmenter.cut(key(text))
        if len(words) > 1 and not word_tag(words[-1], tags).startswith(MINED_OPENING_TAGS[1:]):
            ends[words[-1]] += 1
    return {w for w, n in ends.items() if n >= MIN_HEAD_ENTRIES and not re.search(r"\d", w)}


def opening_words(
    clauses, entries: list[str], segmenter: Segmenter, tags: dict[str, str]
) -> set[str]:
    """Words said right before at least MIN_PRECEDED_ENTRIES different entries of the lexicon
    that are no noun (坚持, 推进, 深化, 弘扬, 贯彻落实): verbs of command, which open a clause
    and no name. `clauses` is what news_clauses yields."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for text in entries:
        words = tuple(segmenter.cut(key(text)))
        by_first.setdefault(words[0], []).append(words)
    before: dict[str, set[tuple[str, ...]]] = {}
    for _, words in clauses:
        for i in range(1, len(words)):
            for entry in by_first.get(words[i], ()):
                if tuple(words[i : i + len(entry)]) == entry:
                    before.setdefault(words[i - 1], set()).add(entry)
    return {
        w for w, e in before.items()
        if len(e) >= MIN_PRECEDED_ENTRIES and word_tag(w, tags) not in NOUN_TAGS
    }


class Shape:
    """The word-level tests of shaped_like_formulation, each word's answer kept."""

    def __init__(self, tags: dict[str, str], heads: set[str], openers: set[str]) -> None:
        self.tags, self.heads, self.openers = tags, heads, openers
        self._opens: dict[str, bool] = {}
        self._inside: dict[str, bool] = {}

    def opens(self, word: str) -> bool:
        """Whether a formulation can open with the word: no verb of command, function word,
        number, name of a person, place or organisation, digit or letter."""
        ok = self._opens.get(word)
        if ok is None:
            tag = word_tag(word, self.tags)
            ok = self._opens[word] = (
                word not in self.openers and not tag.startswith(MINED_OPENING_TAGS)
                and not tag.startswith(MINED_NAME_TAGS) and not re.search(r"[0-9A-Za-z]", word)
            )
        return ok

    def inside(self, word: str) -> bool:
        """Whether a formulation can hold the word after its first: no verb, function word,
        number or name, digit or letter."""
        ok = self._inside.get(word)
        if ok is None:
            tag = word_tag(word, self.tags)
            ok = self._inside[word] = (
                not tag.startswith(MINED_INNER_TAGS) and not tag.startswith(MINED_NAME_TAGS)
                and not re.search(r"[0-9A-Za-z]", word)
            )
        return ok

    def ends(self, word: str) -> bool:
        """Whether a formulation can end with the word: a policy head, or a noun, verbal noun
        or verb of two characters or more."""
        return word in self.heads or (
            len(word) >= 2 and word_tag(word, self.tags) in MINED_HEAD_TAGS
            and not re.search(r"[0-9A-Za-z]", word)
        )


def shaped_like_formulation(words: tuple[str, ...] | list[str], shape: Shape) -> bool:
    """Tell whether a word n-gram is shaped like a formulation: MIN_MINED_WORDS to
    MAX_MINED_WORDS words and MIN_MINED_CHARS to MAX_MINED_CHARS characters, ending in a policy
    head, opening with no verb of command, function word or number, holding no verb, function
    word or number inside, no name of a person, place or organisation, no digit or letter."""
    n = sum(map(len, words))
    return (
        MIN_MINED_WORDS <= len(words) <= MAX_MINED_WORDS
        and MIN_MINED_CHARS <= n <= MAX_MINED_CHARS
        and shape.opens(words[0]) and shape.ends(words[-1])
        and all(shape.inside(w) for w in words[1:-1])
    )


def pmi(count: int, words: tuple[str, ...], counts: Counter[tuple[str, ...]], total: int) -> float:
    """The phrase's pointwise mutual information at its weakest split into two parts (natural
    log): how much more often the parts are said together than chance would have it."""
    return min(
        math.log(count * total / (counts[words[:k]] * counts[words[k:]]))
        for k in range(1, len(words))
    )


def extension_share(neighbours: Counter[str], count: int, tags: dict[str, str],
                    commands: set[str]) -> float:
    """The share of a phrase's uses that one neighbour word which could lengthen it (no verb
    of command, function word or clause end: 推动|全面绿色转型 is a whole) accompanies: near 1
    for a piece of a longer phrase (服务业扩大开放|综合试点, 治理|能力现代化)."""
    lengthening = [n for w, n in neighbours.items()
                   if w and w not in commands
                   and not word_tag(w, tags).startswith(NON_EXTENDING_TAGS)]
    return max(lengthening, default=0) / count if count else 0.0


def mined_candidates(
    clauses: list[tuple[str, list[str]]], tags: dict[str, str], heads: set[str],
    openers: set[str], known: set[str], reports: str, commands: set[str],
) -> dict[str, MinedStats]:
    """Fixed expressions the news repeats without quotes: word n-grams shaped like a
    formulation (shaped_like_formulation) said on at least MIN_MINED_DAYS days, whole units
    (extension_share at most MAX_EXTENSION_SHARE on both sides), cohesive (pmi at least
    MIN_MINED_PMI), no word of jieba's dictionary (庭院经济) and not in the lexicon already.

    `clauses` is what news_clauses yields, as a list (it is read twice); `known` holds the keys
    of the lexicon's entries; `reports` the national reports of the background, whose language
    a phrase must be (one of them says it: no news of the day, 本土病例, 乌克兰局势);
    `commands` the verbs of command that lengthen no phrase (推动|全面绿色转型): the curated
    clause words, not the learnt openers (治理 opens clauses, and 治理|能力现代化 is one name)."""
    shape = Shape(tags, heads, openers)
    start = min(date for date, _ in clauses)
    early = (datetime.date.fromisoformat(start) + datetime.timedelta(days=EARLY_WINDOW)).isoformat()
    days: dict[tuple[str, ...], list] = {}
    for date, words in clauses:
        for i in range(len(words)):
            if not shape.opens(words[i]):
                continue
            n = len(words[i])
            for j in range(i + 1, min(i + MAX_MINED_WORDS, len(words))):
                n += len(words[j])
                if n > MAX_MINED_CHARS:
                    break
                if n >= MIN_MINED_CHARS and shape.ends(words[j]):
                    g = tuple(words[i : j + 1])
                    d = days.get(g)
                    if d is None:
                        days[g] = [date, 1, int(date < early)]
                    elif d[0] != date:
                        d[0] = date
                        d[1] += 1
                        d[2] += date < early
                if not shape.inside(words[j]):
                    break  # what follows holds a verb or function word inside
    stats = {g: MinedStats(g, days=n) for g, (_, n, e) in days.items()
             if n >= MIN_MINED_DAYS and e <= MAX_EARLY_DAYS and "".join(g) in reports
             and "".join(g) not in tags and key("".join(g)) not in known}
    del days
    parts = {g[a:b] for g in stats for a in range(len(g)) for b in range(a + 1, len(g) + 1)}
    counts: Counter[tuple[str, ...]] = Counter()
    left: dict[tuple[str, ...], Counter[str]] = {g: Counter() for g in stats}
    right: dict[tuple[str, ...], Counter[str]] = {g: Counter() for g in stats}
    total = 0
    for _, words in clauses:
        total += len(words)
        for i in range(len(words)):
            for j in range(i + 1, min(i + MAX_MINED_WORDS, len(words)) + 1):
                g = tuple(words[i:j])
                if g in parts:
                    counts[g] += 1
                    if g in left:  # a clause end is no word: counted as none
                        left[g][words[i - 1] if i else ""] += 1
                        right[g][words[j] if j < len(words) else ""] += 1
    out = {}
    for g, st in stats.items():
        st.count = counts[g]
        st.pmi = pmi(st.count, g, counts, total)
        st.left_extension = extension_share(left[g], st.count, tags, commands)
        st.right_extension = extension_share(right[g], st.count, tags, commands)
        if (st.pmi >= MIN_MINED_PMI and st.left_extension <= MAX_EXTENSION_SHARE
                and st.right_extension <= MAX_EXTENSION_SHARE):
            out["".join(g)] = st
    return out


def write_images(quoted_days: Counter[str], tags: dict[str, str], out: Path) -> None:
    """Write the set images of policy language: ordinary words of the dictionary (定心丸, 加速度,
    白名单) that the national news puts in quotes on MIN_IMAGE_DAYS days or more. A document that
    quotes such a word uses an established image; one that quotes another ordinary word (“列车”,
    “珍珠”, “心病”) is only putting it in scare quotes."""
    images = sorted(
        (w, d) for w, d in quoted_days.items()
        if d >= MIN_IMAGE_DAYS and w in tags and 2 <= len(w) <= 4
    )
    out.write_text(
        "# Ordinary words the national news 2012-2022 puts in quotes on 3 days or more (set images\n"
        "# of policy language), built by scripts/build_national.py: word<TAB>days quoted\n"
        + "".join(f"{w}\t{d}\n" for w, d in images),
        encoding="utf-8",
    )
    print(f"wrote {out}: {len(images)} images", file=sys.stderr)


def write_plain_words(
    news: list[tuple[str, str, str]], background: list[tuple[str, str]], lexicon: set[str],
    out: Path,
) -> None:
    """Write the plain words of national text: words that MIN_PLAIN_DOCUMENTS national documents
    or more say (the document frequency of the IDF table, read back from its IDF, which the
    table stores to two decimals: within about 1 % of the count) and that
    at most MAX_PLAIN_QUOTED_SHARE of those documents put in quotes (高素质, 满意度, 刮目相看). A
    document that quotes one of them (经济发展“高素质”迈出坚实步伐) is putting an ordinary word in
    scare quotes, as with the dictionary's nouns; a word national text quotes more often is a set
    image or a name it has coined (“创客”). The nouns of the dictionary are left out: the quoted
    stage takes any of them as an ordinary word already (“列车”, “心病”). So are the entries of
    the lexicon, everyday ones included, and the parts of its mottos (获得感, 大众创业): national
    formulations, never plain.

    Columns: word, documents that say it, documents that quote it; sorted by word (the product
    finds a word by bisection)."""
    from policy_cli.core.keywords import load_idf

    idf = load_idf()
    n = idf.documents
    said: dict[str, int] = {}
    for w in idf.terms:
        if PLAIN_SHAPE.fullmatch(w):
            df = round((1 + n) / math.exp(idf(w) - 1) - 1)  # (the IDF is smooth: see build_idf)
            if df >= MIN_PLAIN_DOCUMENTS:
                said[w] = df
    quoted: Counter[str] = Counter()
    texts = [f"{title}\n{content}" for _, title, content in news] + [c for _, c in background]
    for text in texts:
        quoted.update({m.group(1).strip() for m in QUOTED.finditer(text)} & said.keys())
    from policy_cli.core.formulations.quoted import dictionary_noun

    rows = sorted(
        (w, d, quoted[w]) for w, d in said.items()
        if quoted[w] <= MAX_PLAIN_QUOTED_SHARE * d and w not in lexicon and not dictionary_noun(w)
    )
    out.write_text(
        "# Plain words of national text: words the national news 2012-2022 and the background\n"
        f"# reports say in {MIN_PLAIN_DOCUMENTS} documents or more (the IDF table's document\n"
        f"# frequency) and put in quotes in at most {MAX_PLAIN_QUOTED_SHARE:.0%} of them, built by\n"
        "# scripts/build_national.py (the dictionary's nouns left out: the product takes them as\n"
        "# plain anyway): word<TAB>documents saying it<TAB>documents quoting it; sorted by word\n"
        + "".join(f"{w}\t{d}\t{q}\n" for w, d, q in rows),
        encoding="utf-8",
    )
    print(f"wrote {out}: {len(rows)} plain words", file=sys.stderr)


def jieba_tags() -> dict[str, str]:
    import jieba

    path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    tags = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            tags[parts[0]] = parts[2]
    return tags


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--news", required=True, type=Path,
                    help="national-news-2012-2022.jsonl.xz (the team's shared corpus)")
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument("--reports-seed", type=Path, default=REPORTS_SEED)
    ap.add_argument("--news-read-seed", type=Path, default=NEWS_READ_SEED)
    ap.add_argument("--news-phrases-seed", type=Path, default=NEWS_PHRASES_SEED)
    ap.add_argument("--reports-framing-seed", type=Path, default=REPORTS_FRAMING_SEED)
    ap.add_argument("--knowledge-seed", type=Path, default=KNOWLEDGE_SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--phrases-out", type=Path, default=PHRASES_OUT)
    ap.add_argument("--images-out", type=Path, default=IMAGES_OUT)
    ap.add_argument("--plain-out", type=Path, default=PLAIN_OUT)
    ap.add_argument("--no-phrases", action="store_true", help="skip the phrase index (slow)")
    ap.add_argument("--mined", action="store_true",
                    help="add the mined source: fixed expressions the news repeats unquoted")
    a = ap.parse_args(argv)
    if not a.news.exists():
        raise SystemExit(f"{a.news}: no such file (the national news corpus; see the README, 'Data')")
    news = read_news(a.news)
    background = read_background()
    print(f"news: {len(news)} items; background: {len(background)} reports", file=sys.stderr)

    seed = read_seed(a.seed)
    # (an entry the seed holds, with other separators or without a 的, is the seed's)
    seed_keys = {k for t in seed for k in (key(t), key(t).replace(QUALIFIER_MARK, ""))}
    read_entries = read_reports_seed(a.reports_seed)
    held_out_days = {f"news-{day}" for day, _ in HELD_OUT_NEWS}
    for t, v in read_reports_seed(a.news_read_seed).items():
        if not NEWS_READ.fullmatch(v[1]):
            raise SystemExit(f"{a.news_read_seed}: {v[1]!r} is no news-YYYY-MM-DD")
        if v[1] in held_out_days:
            # read on the day of a held-out item (the Politburo of 2022-07-28, read before it
            # was held out): no entry is written from the misses a held-out item would show
            print(f"not kept (read on the day of a held-out news item): {t}\t{v[1]}",
                  file=sys.stderr)
            continue
        read_entries.setdefault(t, v)
    for t, kind in read_seed(a.knowledge_seed).items():
        read_entries.setdefault(t, (kind, KNOWLEDGE))
    phrases_read = set()  # read as framing entries at most: news phrases, earlier reports
    for path in (a.news_phrases_seed, a.reports_framing_seed):
        for t, v in read_reports_seed(path).items():  # (each report is checked below)
            if t not in read_entries:
                read_entries[t] = v
                phrases_read.add(t)
    read = {t: v for t, v in read_entries.items()
            if key(t) not in seed_keys and key(t).replace(QUALIFIER_MARK, "") not in seed_keys}
    tags = jieba_tags()
    quoted_days, quoted_uses = quoted_candidates(news)
    candidates = [s for s, d in quoted_days.items() if d >= MIN_QUOTED_DAYS and s not in seed]
    candidates = [s for s in candidates if classify_quoted(s) is not None
                  and not tags.get(s, "").startswith(NAME_TAGS)
                  # a two-character word of the dictionary (断点, 瓶颈) in quotes is emphasis
                  and not (len(s) == 2 and s in tags and classify_quoted(s) != "numbered")]
    ev = scan(sorted(set(seed) | set(read) | set(candidates)), news, background)
    for text, e in ev.items():
        e.quoted = quoted_uses.get(text, 0)

    rows = []
    dropped = []
    newer = provincial_evidence([t for t in seed if len(ev[t].days) < MIN_SEED_DAYS
                                 and not ev[t].background])
    for text, kind in sorted(seed.items()):
        e = ev[text]
        if len(e.days) >= MIN_SEED_DAYS or e.background:
            rows.append((text, kind, e, "seed"))
        elif newer.get(text, (0, 0))[0] >= MIN_SEED_PROVINCES:
            e.provinces = newer[text]  # (a day of the news, if any, stays in its evidence)
            rows.append((text, kind, e, "seed"))
        else:
            dropped.append(text)
    quoted = set()
    for text in sorted(candidates):
        e = ev[text]
        if e.count and e.quoted / e.count >= MIN_QUOTED_SHARE:
            kind = classify_quoted(text) or "name"
            rows.append((text, "name" if kind == "code" and not re.search(r"\d", text) else kind,
                         e, "quoted"))
            quoted.add(text)
    # reports: what the news quotes as a name is the quoted source's; the rest kept where
    # distinctive, then where it qualifies no entry kept (…的中国梦)
    read = {t: v for t, v in read.items() if t not in quoted}
    labels = [label for label, _ in background]
    for report in sorted({r for _, r in read.values()}):
        if NEWS_READ.fullmatch(report) or report == KNOWLEDGE:
            continue  # read in an item of the news, or written from knowledge
        if sum(names_report(label, report) for label in labels) != 1:
            raise SystemExit(f"a seed says an entry was read in {report!r}, which names no one "
                             "report of the background (gwr-YYYY: a work report; cpc-NN: the "
                             "report to the NN-th congress)")
    local = said_by_local_reports(sorted(read))
    not_kept: dict[str, str] = {}
    framing: set[str] = set()  # no distinctive formulation, listed where a document frames with it
    everyday: set[str] = set()  # everyday writing of the local reports: the `everyday` source
    for text in read:
        e = ev[text]
        report = read[text][1]
        why = not_distinctive(text, local[text], len(LOCAL_REPORTS))
        if not (len(other_days(e, report)) >= MIN_SEED_DAYS or other_reports(e, report)):
            why = ("said by no national text" if report == KNOWLEDGE
                   else "said by no other national text than the report it was read in")
        elif (why is not None or text in phrases_read or _framing_knowledge(text, read[text], e)) and (
            local[text] <= MAX_FRAMING_LOCAL_REPORTS or MOTTO_SEPARATOR in text
        ):
            framing.add(text)
        elif local[text] > MAX_LOCAL_REPORTS and len(text) >= EVERYDAY_MIN_LEN:
            everyday.add(text)  # (kept by the evidence, said by more local reports)
        if why is not None:
            not_kept[text] = why
    kept = set(seed) | quoted | {t for t in read if t not in not_kept}
    for text, (kind, report) in sorted(read.items()):
        why = qualifies(text, kept)
        if why is None and (text not in not_kept or text in framing):
            ev[text].read_in = report
            if text in framing:
                ev[text].local = (local[text], len(LOCAL_REPORTS))
            rows.append((text, kind, ev[text],
                         FRAMING_SOURCE if text in framing
                         else KNOWLEDGE_SOURCE if report == KNOWLEDGE else REPORTS_SOURCE))
            not_kept.pop(text, None)
        elif why is None and text in everyday:
            # everyday writing of the current local reports, which national text said by
            # its era: listed in a document of an earlier era (the `everyday` source)
            ev[text].read_in = report
            ev[text].local = (local[text], len(LOCAL_REPORTS))
            rows.append((text, kind, ev[text], EVERYDAY_SOURCE))
            not_kept.pop(text, None)
        else:
            not_kept[text] = why or not_kept[text]
    mined: dict[str, MinedStats] = {}
    if a.mined:
        segmenter = Segmenter()
        clauses = list(news_clauses(news, segmenter))
        entries = [t for t, *_ in rows]
        heads = policy_heads(entries, segmenter, tags)
        commands = set(clause_word_set())
        openers = opening_words(clauses, entries, segmenter, tags) | commands
        reports = "\n".join(QUOTE_CHARS.sub("", c) for _, c in background)
        mined = mined_candidates(clauses, tags, heads, openers, {key(t) for t in entries},
                                 reports, commands)
        del clauses
        mined_ev = scan(sorted(mined), news, background)
        for text in sorted(mined):
            rows.append((text, "slogan", mined_ev[text], "mined"))
        print(f"mined: {len(heads)} policy heads, {len(openers)} opening words; "
              f"{len(mined)} entries kept:", file=sys.stderr)
        for text, st in sorted(mined.items(), key=lambda kv: (-kv[1].days, kv[0])):
            print(f"  {text}\t{st.text()}", file=sys.stderr)
    watchwords = provincial_watchwords(
        news, background, Segmenter(), {key(t) for t, *_ in rows}
    )
    for text, (n, total) in sorted(watchwords.items()):
        e = Evidence()
        e.provinces = (n, total)
        rows.append((text, "slogan", e, "provincial"))
    write_images(quoted_days, tags, a.images_out)
    entries = {canonical(t) for t, *_ in rows}  # (a motto's parts are joined by 、)
    write_plain_words(news, background, {p for t in entries for p in (t, *t.split("、"))},
                      a.plain_out)
    header = (
        "# Established national formulations, built by scripts/build_national.py from the national\n"
        "# evening news 2012-2022 and the national reports of corpus/background.jsonl.xz.\n"
        "# text: the formulation (motto parts joined by 、, which matches any separator or none)\n"
        "# kind: slogan | name | numbered | metaphor | code; first_seen: first date (or year) in the\n"
        "# national corpus; documents: news days + background reports that say it; source: seed\n"
        "# (written from knowledge, kept because the corpus says it), reports (read in a national\n"
        "# work report, kept where the corpus says it and no current local report does),\n"
        "# knowledge (written from knowledge, kept as the entries read in reports are), framing\n"
        "# (read in a report or a news item or written from knowledge, said by at most one current\n"
        "# local report: listed where a document frames itself with it, see the script), everyday\n"
        "# (the same, said by more current local reports: no entry of the lexicon, listed in a\n"
        "# document of an earlier era; first_seen the year of its era), quoted (quoted as a\n"
        "# name) or provincial (newer than the corpus: most 2025 provincial reports say it;\n"
        "# first_seen 2023)"
        + (" or\n# mined (a fixed expression the news repeats without quotes; see the script).\n"
           if a.mined else ".\n")
        + "text\tkind\tfirst_seen\tdocuments\tsource\tevidence\n"
    )

    def evidence(text: str, e: Evidence) -> str:
        return "; ".join([e.text(), mined[text].text()]) if text in mined else e.text()

    def first_seen(e: Evidence, source: str) -> str:
        # (an everyday entry's date is the year of its era, which no held-out report gives)
        return _era(e) if source == EVERYDAY_SOURCE else e.first_seen()

    body = "".join(f"{t}\t{k}\t{first_seen(e, src)}\t{e.documents()}\t{src}\t{evidence(t, e)}\n"
                   for t, k, e, src in sorted(rows, key=lambda r: r[0]))
    a.out.write_text(header + body, encoding="utf-8")
    print(f"wrote {a.out}: {len(rows)} entries "
          f"({sum(r[3] == 'seed' for r in rows)} seed, "
          f"{sum(r[3] == REPORTS_SOURCE for r in rows)} read in reports, "
          f"{sum(r[3] == KNOWLEDGE_SOURCE for r in rows)} from knowledge, "
          f"{sum(r[3] == FRAMING_SOURCE for r in rows)} framing, "
          f"{sum(r[3] == EVERYDAY_SOURCE for r in rows)} everyday, "
          f"{sum(r[3] == 'quoted' for r in rows)} quoted, {len(mined)} mined); "
          f"{len(dropped)} seed entries without evidence dropped: {' '.join(dropped)}",
          file=sys.stderr)
    print(f"{len(not_kept)} entries read in reports or written from knowledge not kept:",
          file=sys.stderr)
    for text, why in not_kept.items():
        print(f"  {text}\t{why}", file=sys.stderr)
    if not a.no_phrases:
        bloom = phrase_index(news, background, Segmenter())
        bloom.save(a.phrases_out)
        print(f"wrote {a.phrases_out}: {a.phrases_out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
