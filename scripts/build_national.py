"""Build policy_cli/data/national_formulations.tsv: established national formulations (提法).

Each entry says what it is (kind), since when national text uses it (first_seen), in how many
documents of the national corpus it occurs, and the evidence: the first news item (date and
title) or background report (year and title) that says it. The sources:

1. `seed`: formulations written from knowledge of policy language (scripts/seeds/
   national_seed.txt). An entry is kept only where the national corpus says it (on at least
   MIN_SEED_DAYS days of the news, or in a national report of the background); an entry with no
   evidence is dropped and listed on stderr.
2. `quoted`: phrases the national news itself puts in quotes as names (“放管服”, “六稳”): quoted
   on at least MIN_QUOTED_DAYS days and in at least MIN_QUOTED_SHARE of all its uses (a word
   quoted now and then for emphasis is used plainly most of the time), shaped like a
   formulation (the product's own quoted-span classifier), and no jieba dictionary name of a
   person, place or organisation (storms, parties and armies abroad are quoted as names too).

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
from policy_cli.core.formulations.quoted import names_a_thing  # noqa: E402
from policy_cli.core.phrases import PhraseMatcher, canonical, key  # noqa: E402
from policy_cli.core.segment import Segmenter  # noqa: E402

BACKGROUND = ROOT / "corpus" / "background.jsonl.xz"
SEED = ROOT / "scripts" / "seeds" / "national_seed.txt"
OUT = ROOT / "policy_cli" / "data" / "national_formulations.tsv"
PHRASES_OUT = ROOT / "policy_cli" / "data" / "national_phrases.bloom"
IMAGES_OUT = ROOT / "policy_cli" / "data" / "quoted_images.tsv"
# quoted images: dictionary words the news puts in quotes on at least this many days
MIN_IMAGE_DAYS = 3

KINDS = ("slogan", "name", "numbered", "metaphor", "code")
MIN_SEED_DAYS = 2
# watchwords newer than the corpus: said by this many of the unannotated 2025 provincial reports
PROVINCES = ROOT / "tests" / "data" / "docs" / "provinces-2025"
# the reports the tests score formulations on (their annotations are in tests/data/gold): kept
# out, so that the lexicon is not learnt from the documents it is measured on
ANNOTATED = {"shanghai.txt", "yunnan.txt"}
MIN_PROVINCES = 5
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
PHRASE_ERROR_RATE = 0.005
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
        """When national text first says it (a watchword newer than the corpus: 2023).

        The first date the news uses it steadily, or the year of the first background
        report that says it when that year is earlier."""
        if self.provinces[0]:
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
        if self.provinces[0]:
            parts.append(f"not in the news 2012-2022 or the background; said by {self.provinces[0]}"
                         f" of {self.provinces[1]} provincial reports of 2025")
        return "; ".join(parts)


def read_news(path: Path) -> list[tuple[str, str, str]]:
    """(date, title, content) of every news item, in date order."""
    opener = lzma.open if path.suffix == ".xz" else open
    items = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                d = json.loads(line)
                items.append((d["date"], d.get("title", ""), d.get("content", "")))
    items.sort(key=lambda it: it[0])
    return items


def read_background() -> list[tuple[str, str]]:
    """(label, content) of the national reports: label is "year title"."""
    out = []
    with lzma.open(BACKGROUND, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            year = str(d.get("year") or "")
            if not year:
                m = re.search(r"(1[89]\d\d|20\d\d)年", d["content"][:400])
                year = m.group(1) if m else "????"
            out.append((f"{year} {d.get('title', '')}".strip(), d["content"]))
    return out


def read_seed(path: Path) -> dict[str, str]:
    """text -> kind of the seed file; separators of a motto normalised to 、."""
    out: dict[str, str] = {}
    keys: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, _, kind = line.partition("\t")
        if kind not in KINDS:
            raise SystemExit(f"{path}:{n}: unknown kind {kind!r}")
        text = canonical(text)
        k = key(text)
        if k in keys:  # the same motto with and without separators: keep the separated form
            if "、" not in text:
                continue
            del out[keys[k]]
        keys[k] = text
        out[text] = kind
    return out


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

    A phrase said inside a longer one counts too (有效市场和有为政府 in 有效市场和有为政府更好结合).
    """
    matcher = PhraseMatcher(phrases)
    segmenter = Segmenter()
    keys = {p: key(p) for p in phrases}
    inside = {p: [q for q in phrases if q != p and keys[q] in keys[p]] for p in phrases}
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
                    if names_a_thing(text, m.end(), m.start()):
                        things[canonical(span)] += 1  # “利奇马”台风: a storm's name
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

    reports = [p for p in sorted(PROVINCES.glob("*.txt")) if p.name not in ANNOTATED]
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
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--phrases-out", type=Path, default=PHRASES_OUT)
    ap.add_argument("--images-out", type=Path, default=IMAGES_OUT)
    ap.add_argument("--no-phrases", action="store_true", help="skip the phrase index (slow)")
    a = ap.parse_args(argv)
    if not a.news.exists():
        raise SystemExit(f"{a.news}: no such file (the national news corpus; see the README, 'Data')")
    news = read_news(a.news)
    background = read_background()
    print(f"news: {len(news)} items; background: {len(background)} reports", file=sys.stderr)

    seed = read_seed(a.seed)
    tags = jieba_tags()
    quoted_days, quoted_uses = quoted_candidates(news)
    candidates = [s for s, d in quoted_days.items() if d >= MIN_QUOTED_DAYS and s not in seed]
    candidates = [s for s in candidates if classify_quoted(s) is not None
                  and not tags.get(s, "").startswith(NAME_TAGS)
                  # a two-character word of the dictionary (断点, 瓶颈) in quotes is emphasis
                  and not (len(s) == 2 and s in tags and classify_quoted(s) != "numbered")]
    ev = scan(sorted(set(seed) | set(candidates)), news, background)
    for text, e in ev.items():
        e.quoted = quoted_uses.get(text, 0)

    rows = []
    dropped = []
    for text, kind in sorted(seed.items()):
        e = ev[text]
        if len(e.days) >= MIN_SEED_DAYS or e.background:
            rows.append((text, kind, e, "seed"))
        else:
            dropped.append(text)
    for text in sorted(candidates):
        e = ev[text]
        if e.count and e.quoted / e.count >= MIN_QUOTED_SHARE:
            kind = classify_quoted(text) or "name"
            rows.append((text, "name" if kind == "code" and not re.search(r"\d", text) else kind,
                         e, "quoted"))
    watchwords = provincial_watchwords(
        news, background, Segmenter(), {key(t) for t, *_ in rows}
    )
    for text, (n, total) in sorted(watchwords.items()):
        e = Evidence()
        e.provinces = (n, total)
        rows.append((text, "slogan", e, "provincial"))
    write_images(quoted_days, tags, a.images_out)
    header = (
        "# Established national formulations, built by scripts/build_national.py from the national\n"
        "# evening news 2012-2022 and the national reports of corpus/background.jsonl.xz.\n"
        "# text: the formulation (motto parts joined by 、, which matches any separator or none)\n"
        "# kind: slogan | name | numbered | metaphor | code; first_seen: first date (or year) in the\n"
        "# national corpus; documents: news days + background reports that say it; source: seed\n"
        "# (written from knowledge, kept because the corpus says it), quoted (quoted as a name) or\n"
        "# provincial (newer than the corpus: most 2025 provincial reports say it; first_seen 2023).\n"
        "text\tkind\tfirst_seen\tdocuments\tsource\tevidence\n"
    )
    body = "".join(f"{t}\t{k}\t{e.first_seen()}\t{e.documents()}\t{src}\t{e.text()}\n"
                   for t, k, e, src in sorted(rows, key=lambda r: r[0]))
    a.out.write_text(header + body, encoding="utf-8")
    print(f"wrote {a.out}: {len(rows)} entries "
          f"({sum(r[3] == 'seed' for r in rows)} seed, {sum(r[3] == 'quoted' for r in rows)} quoted); "
          f"{len(dropped)} seed entries without evidence dropped: {' '.join(dropped)}",
          file=sys.stderr)
    if not a.no_phrases:
        bloom = phrase_index(news, background, Segmenter())
        bloom.save(a.phrases_out)
        print(f"wrote {a.phrases_out}: {a.phrases_out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
