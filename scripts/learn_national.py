"""Learn a tier of national formulations from the national news: fixed expressions of policy
language the news says unquoted on many days that the national lexicon does not hold.

OFF: an experiment kept for the next attempt. `make data` does not run it, nothing ships its
table and no stage reads it, because the tier fails the team's keep rule (measured below).

The national lexicon (policy_cli/data/national_formulations.tsv, scripts/build_national.py) holds
a hand-written seed verified in the corpus and the phrases the news quotes as names. Many
established formulations are never quoted (assessments like 稳中向好, strategies like 中部崛起):
this script learns what the lexicon's entries look like in the corpus and ranks every recurring
unquoted word n-gram of the news by it.

How (positive-unlabelled learning, at build time only):
1. Candidates: word n-grams of the product's segmenter inside one clause of the news (quote
   marks dropped), MIN_WORDS-MAX_WORDS words, MIN_CHARS-MAX_CHARS characters, said on at least
   MIN_DAYS days, opening and ending with no function word, number, letter or digit (157,439).
2. Features, all from the corpus: days said, uses per day, years spread, the year first said,
   the share of its days in its first year of use, left and right branching entropy and the
   share of uses one lengthening neighbour accompanies (a piece of a longer unit), the PMI of
   its weakest split, its length in words and characters, the jieba tags of its first and last
   words, how many lexicon entries end with its last word and open with its first, whether it
   is one word of jieba's dictionary, whether its words are known to the segmenter or names,
   how many national reports of the background say it (the annotated ones left out:
   ANNOTATED_REPORTS), and the share of its uses the news puts in quotes.
3. Labels: the lexicon's entries found among the candidates that --positives names are
   positives (seed: 506; seed and quoted: 869); every candidate not in the lexicon is
   unlabelled. A gradient-boosted classifier (scikit-learn) scores every candidate out of fold
   (FOLDS folds), so that no candidate is scored by a model that saw its own label.
4. The threshold: the score that keeps THRESHOLD_RECALL of the positives (out of fold). The
   unlabelled candidates above it that a national report of the background says, with no name
   or jieba dictionary word, less the pieces of a longer kept one said on nearly the same days,
   are written with their evidence (days, first date and first item's title, background
   reports, score) to --out.

What it gives (2026-12-04, seed positives, 104 entries: 稳中向好, 提质增效, 营商环境, 负面清单,
获得感, 爬坡过坎, 先行先试, 新就业形态, 医养结合 ... and 实体经济, 国家安全, 新时代, 全民健身,
重要讲话精神, 世界一流): it ranks established topic terms and set phrases of national text alike,
and the annotations list the former as noise (and disagree among themselves on 提质增效 and
实体经济). Measured with a stage that listed an entry said as whole words at least N times in
a document (after `national`): N=2: gwr-2018 recall 0.78 -> 0.79 (稳中向好), no other recall
gained on the sixteen development and gold documents; precision gwr-2022 0.92 -> 0.89,
local-jiangsu-2025 0.86 -> 0.84, gwr-2021 0.98 -> 0.95; held out gwr-2016 0.73/0.95 ->
0.74/0.93, shandong-2025 0.81/0.92 -> 0.81/0.91. N=1: precision falls on nine of the ten gold
documents (by up to 0.10: yuhang) and no recall is gained. Lexicon positives (217 entries, or
the top 23) did no better. Closest: the 89 entries said on at most 380 days (--max-days 380: one
day in ten; chosen after reading the noise), N=3: gwr-2018 +稳中向好, gwr-2016 0.728/0.947 ->
0.735/0.942, cpc19 precision 0.945 -> 0.934, jiangsu 0.859 -> 0.855: still fails. See
docs/formulations.md, "The national lexicon".

The national corpus is the national evening news 2012-2022 (national-news-2012-2022.jsonl.xz,
the team's shared corpus, not shipped); only the derived table is written. About 4 minutes and
3 GB of memory.

    python scripts/learn_national.py --news PATH/national-news-2012-2022.jsonl.xz --out FILE
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_national import (  # noqa: E402
    QUOTE_CHARS,
    jieba_tags,
    news_clauses,
    quoted_candidates,
    read_background,
    read_news,
)

from policy_cli.core.phrases import key  # noqa: E402
from policy_cli.core.segment import Segmenter  # noqa: E402

LEXICON = ROOT / "policy_cli" / "data" / "national_formulations.tsv"
OUT = ROOT / "policy_cli" / "data" / "national_learnt.tsv"
# the entries of the lexicon that teach the classifier (--positives): "seed", the hand-written
# entries verified in the corpus (the default: it ranks unquoted set phrases higher), or
# "lexicon", the seed and the quoted entries (these were chosen for being quoted, so the quoted
# share is then no feature but their label); the other entries are neither label nor kept
POSITIVES = {"seed": ("seed",), "lexicon": ("seed", "quoted")}
POSITIVE_SOURCES = ("seed", "quoted")  # what makes a word a head or opener of the lexicon
MIN_DAYS = 8
MIN_WORDS = 1
MAX_WORDS = 6
MIN_CHARS = 3
MAX_CHARS = 16
# jieba tags no formulation opens or ends with: prepositions, conjunctions, particles,
# pronouns, numbers and measures, interjections, onomatopoeia, modal particles
EDGE_TAGS = ("p", "c", "u", "r", "m", "q", "e", "o", "y", "x", "w")
END_TAGS = EDGE_TAGS + ("d", "f")  # nor ends with an adverb or a direction (…以来, …方面)
TAG_CLASSES = ("n", "v", "a", "d", "vn", "ns", "nr", "nt", "nz", "t", "f", "l", "i", "j", "")
FOLDS = 5
# the threshold keeps this share of the positives (out of fold): 0.5 kept 104 entries (seed
# positives), 217 (lexicon positives); 0.2 kept 23 (lexicon)
THRESHOLD_RECALL = 0.5
# kept only when at least this many national reports of the background (the annotated ones left
# out) say it: the language of national reports, not a name in the news of the day
MIN_BACKGROUND = 1
# --max-days: kept only when said on at most this many days (off by default; 380, one day in ten
# of the news, drops the news's everyday words: 新时代, 实体经济, 国家安全, 营商环境)
MAX_DAYS: int | None = None
# a piece of a longer kept entry said on at least this share of the piece's days is dropped
PIECE_DAYS_SHARE = 0.8
SEED = 12  # random state of the classifier and the folds
LETTER_DIGIT = re.compile(r"[0-9A-Za-z０-９]")


def clauses_of(news) -> list[tuple[str, list[str]]]:
    """(date, words) of every clause of the news (build_national.news_clauses)."""
    return list(news_clauses(news, Segmenter()))


def _edges_ok(tags: dict[str, str]):
    """Per-word answers: may a candidate open with it, end with it (kept in dicts)."""
    return _edge_test(tags, EDGE_TAGS), _edge_test(tags, END_TAGS)


def _edge_test(tags: dict[str, str], refused: tuple[str, ...]):
    """A test of a word at a candidate's edge: no letter or digit, no tag opening with one of
    `refused` (each word's answer kept)."""
    answers: dict[str, bool] = {}

    def ok(w: str) -> bool:
        answer = answers.get(w)
        if answer is None:
            t = tags.get(w, "")
            answer = answers[w] = not LETTER_DIGIT.search(w) and not (t and t.startswith(refused))
        return answer

    return ok


def _grams(words: list[str], can_open, can_end):
    """(i, j, text) of every candidate n-gram words[i:j] of a clause."""
    n = len(words)
    for i in range(n):
        if not can_open(words[i]):
            continue
        g = ""
        for j in range(i, min(i + MAX_WORDS, n)):
            w = words[j]
            if LETTER_DIGIT.search(w):
                break
            g += w
            if len(g) > MAX_CHARS:
                break
            if len(g) >= MIN_CHARS and j + 1 - i >= MIN_WORDS and can_end(w):
                yield i, j + 1, g


def recurring(clauses, tags: dict[str, str]) -> set[str]:
    """The candidate n-grams said on at least MIN_DAYS days (counted by hash, then named)."""
    can_open, can_end = _edges_ok(tags)
    days: dict[int, int] = {}
    last: dict[int, str] = {}
    for date, words in clauses:
        for _, _, g in _grams(words, can_open, can_end):
            h = hash(g)
            if last.get(h) != date:
                last[h] = date
                days[h] = days.get(h, 0) + 1
    del last
    keep = {h for h, n in days.items() if n >= MIN_DAYS}
    del days
    out = set()
    for _, words in clauses:
        for _, _, g in _grams(words, can_open, can_end):
            if hash(g) in keep:
                out.add(g)
    return out


class Stats:
    """What the corpus says about one candidate."""

    __slots__ = ("words", "days", "count", "years", "first", "first_title", "last_day",
                 "left", "right", "first_year_days")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.days = 0
        self.count = 0
        self.years: set[str] = set()
        self.first = ""
        self.first_title = ""
        self.last_day = ""
        self.left: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.first_year_days = 0


def gather(clauses, texts: set[str], tags: dict[str, str]) -> tuple[dict[str, Stats], Counter, int]:
    """Days, uses, years, neighbours of every candidate, and the counts of their parts."""
    can_open, can_end = _edges_ok(tags)
    stats: dict[str, Stats] = {}
    for date, words in clauses:
        for i, j, g in _grams(words, can_open, can_end):
            if g not in texts:
                continue
            st = stats.get(g)
            if st is None:
                st = stats[g] = Stats(tuple(words[i:j]))
                st.first = date
            st.count += 1
            if st.last_day != date:
                st.last_day = date
                st.days += 1
                st.years.add(date[:4])
                if date[:4] == st.first[:4]:
                    st.first_year_days += 1
            st.left[words[i - 1] if i else f"<{st.count}"] += 1  # a clause edge: its own value
            st.right[words[j] if j < len(words) else f">{st.count}"] += 1
    parts = {st.words[a:b] for st in stats.values()
             for a in range(len(st.words)) for b in range(a + 1, len(st.words) + 1)}
    counts: Counter[tuple[str, ...]] = Counter()
    total = 0
    for _, words in clauses:
        total += len(words)
        for i in range(len(words)):
            for j in range(i + 1, min(i + MAX_WORDS, len(words)) + 1):
                g = tuple(words[i:j])
                if g in parts:
                    counts[g] += 1
    return stats, counts, total


def first_titles(news, stats: dict[str, Stats]) -> None:
    """The title of the first item that says each candidate (on its first day)."""
    by_date: dict[str, list[str]] = {}
    for st in stats.values():
        by_date.setdefault(st.first, []).append("".join(st.words))
    for date, title, content in news:
        wanted = by_date.get(date)
        if not wanted:
            continue
        text = QUOTE_CHARS.sub("", title + "\n" + content)
        for g in list(wanted):
            if g in text:
                stats[g].first_title = title
                wanted.remove(g)


def entropy(c: Counter[str]) -> float:
    n = sum(c.values())
    return -sum(v / n * math.log(v / n) for v in c.values()) if n else 0.0


def top_share(c: Counter[str], tags: dict[str, str]) -> float:
    """The share of uses one neighbour word that could lengthen the phrase accompanies."""
    n = sum(c.values())
    best = max((v for w, v in c.items() if w[:1] not in "<>"
                and not tags.get(w, "").startswith(EDGE_TAGS + ("d",))), default=0)
    return best / n if n else 0.0


def tag_class(word: str, tags: dict[str, str]) -> str:
    t = tags.get(word, "")
    return t if t in TAG_CLASSES else (t[:1] if t[:1] in TAG_CLASSES else "other")


def read_lexicon(path: Path = LEXICON) -> dict[str, str]:
    """key -> source of every entry of the national lexicon."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("text\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 5:
            out[key(parts[0])] = parts[4]
    return out


def background_counts(texts: list[str], background) -> Counter[str]:
    """How many national reports of the background say each candidate."""
    import ahocorasick_rs

    ac = ahocorasick_rs.AhoCorasick(texts)
    out: Counter[str] = Counter()
    for label, content in background:
        if ANNOTATED_REPORTS.search(label):
            continue
        out.update(set(ac.find_matches_as_strings(QUOTE_CHARS.sub("", content), overlapping=True)))
    return out


FEATURES = (
    "log_days", "uses_per_day", "years", "first_year", "first_year_share", "left_entropy",
    "right_entropy", "left_share", "right_share", "pmi", "words", "chars", "head_entries",
    "opener_entries", "dictionary_word", "log_background", "last_word_len", "first_word_len",
    "known_share", "name_word", "quoted_share", "ever_quoted",
)
# the national reports of the background that are annotated documents (scored by make eval):
# left out, so that what the learner keeps is not chosen by the documents it is measured on
ANNOTATED_REPORTS = re.compile(r"^(2016|2018|2021|2022) |十九大")
NAME_TAGS = ("nr", "ns", "nt", "nrfg", "nrt")


def features(stats: dict[str, Stats], counts: Counter, total: int, lexicon: dict[str, str],
             tags: dict[str, str], background: Counter[str], quoted: Counter[str]):
    """(texts, feature matrix) of every candidate (FEATURES, then one-hot tags of the first
    and last words)."""
    import numpy as np

    segmenter = Segmenter()
    heads: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    for k, source in lexicon.items():
        if source in POSITIVE_SOURCES:
            words = segmenter.cut(k)
            if len(words) > 1:
                heads[words[-1]] += 1
                openers[words[0]] += 1
    texts = sorted(stats)
    rows = []
    for g in texts:
        st = stats[g]
        w = st.words
        if len(w) > 1:
            pmi = min(math.log(st.count * total / (counts[w[:k]] * counts[w[k:]]))
                      for k in range(1, len(w)))
        else:
            pmi = 10.0
        # a candidate that is a lexicon entry is not counted as its own head or opener
        own = 1 if lexicon.get(key(g)) in POSITIVE_SOURCES and len(w) > 1 else 0
        row = [
            math.log(st.days), st.count / st.days, len(st.years), int(st.first[:4]) - 2012,
            st.first_year_days / st.days, entropy(st.left), entropy(st.right),
            top_share(st.left, tags), top_share(st.right, tags), pmi, len(w), len(g),
            math.log1p(max(0, heads[w[-1]] - own)), math.log1p(max(0, openers[w[0]] - own)),
            int(len(w) == 1 and g in tags), math.log1p(background[g]), len(w[-1]), len(w[0]),
            sum(segmenter.knows(v) for v in w) / len(w),
            int(any(tags.get(v, "").startswith(NAME_TAGS) for v in w)),
            quoted.get(g, 0) / st.count, int(quoted.get(g, 0) > 0),
        ]
        first, last = tag_class(w[0], tags), tag_class(w[-1], tags)
        row += [int(first == t) for t in (*TAG_CLASSES, "other")]
        row += [int(last == t) for t in (*TAG_CLASSES, "other")]
        rows.append(row)
    return texts, np.array(rows, dtype=float)


def score(x, y):
    """Out-of-fold scores of a gradient-boosted classifier, positives against unlabelled."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(x, y):
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05,
                                               class_weight="balanced", random_state=SEED)
        model.fit(x[train], y[train])
        out[test] = model.predict_proba(x[test])[:, 1]
    return out


def select(texts, x, y, scores, threshold_recall: float, known=None,
           max_days: int | None = None):
    """(indices of the kept unlabelled candidates, threshold): scored at least the threshold,
    said by MIN_BACKGROUND background reports, no name or dictionary word, no piece of a longer
    kept one said on nearly the same days."""
    import numpy as np

    f = {name: x[:, FEATURES.index(name)]
         for name in ("log_background", "name_word", "dictionary_word", "log_days")}
    eligible = ((f["log_background"] >= math.log1p(MIN_BACKGROUND)) & (f["name_word"] == 0)
                & (f["dictionary_word"] == 0))
    pos = np.sort(scores[(y == 1) & eligible])[::-1]
    threshold = float(pos[max(0, int(threshold_recall * len(pos)) - 1)])
    known = y if known is None else known
    kept = [i for i in np.argsort(-scores, kind="stable")
            if known[i] == 0 and y[i] == 0 and eligible[i] and scores[i] >= threshold]
    days = {texts[i]: math.exp(f["log_days"][i]) for i in kept}
    out = [i for i in kept
           if not any(texts[i] != t and texts[i] in t and d >= PIECE_DAYS_SHARE * days[texts[i]]
                      for t, d in days.items())]
    if max_days is not None:  # after the pieces: a piece of an everyday phrase goes with it
        out = [i for i in out if days[texts[i]] <= max_days * (1 + 1e-9)]
    return out, threshold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--news", required=True, type=Path,
                    help="national-news-2012-2022.jsonl.xz (the team's shared corpus)")
    ap.add_argument("--out", type=Path, required=True,
                    help=f"the table to write (no stage reads it yet; {OUT.name} under policy_cli/data "
                         "is the name kept for it)")
    ap.add_argument("--threshold-recall", type=float, default=THRESHOLD_RECALL)
    ap.add_argument("--positives", choices=sorted(POSITIVES), default="seed")
    ap.add_argument("--max-days", type=int, default=MAX_DAYS,
                    help="keep only entries said on at most this many days (380: one in ten)")
    a = ap.parse_args(argv)
    import numpy as np

    if not a.news.exists():
        raise SystemExit(f"{a.news}: no such file (the national news corpus; see the README, 'Data')")
    news = read_news(a.news)
    background = read_background()
    tags = jieba_tags()
    lexicon = read_lexicon()
    clauses = clauses_of(news)
    stats, counts, total = gather(clauses, recurring(clauses, tags), tags)
    del clauses
    _, quoted = quoted_candidates(news)
    texts, x = features(stats, counts, total, lexicon, tags,
                        background_counts(sorted(stats), background), quoted)
    if a.positives == "lexicon":  # the quoted share picked the quoted entries: not a feature
        q = FEATURES.index("quoted_share")
        x = np.delete(x, [q, q + 1], axis=1)  # the columns before them keep their places
    known = np.array([int(key(g) in lexicon) for g in texts])
    y = np.array([int(lexicon.get(key(g)) in POSITIVES[a.positives]) for g in texts])
    train = (known == 0) | (y == 1)  # entries of other sources: neither label
    scores = np.full(len(texts), -1.0)
    scores[train] = score(x[train], y[train])
    kept, threshold = select(texts, x, y, scores, a.threshold_recall, known, a.max_days)
    first_titles(news, {texts[i]: stats[texts[i]] for i in kept})
    bg = x[:, FEATURES.index("log_background")]
    rows = []
    for i in sorted(kept, key=lambda i: texts[i]):
        st = stats[texts[i]]
        rows.append(f"{texts[i]}\tslogan\t{st.first}\t{st.days}\tlearnt\t"
                    f"news: {st.days} days, from {st.first} 《{st.first_title}》; "
                    f"background: {round(math.expm1(bg[i]))} reports; score {scores[i]:.3f}\n")
    a.out.write_text(
        "# National formulations learnt from the national evening news 2012-2022, built by\n"
        "# scripts/learn_national.py: recurring unquoted n-grams a classifier trained on the national\n"
        f"# lexicon ({a.positives}) scores like its entries (threshold {threshold:.3f}, keeping"
        f" {a.threshold_recall:.0%}"
        " of the lexicon's\n# entries out of fold), said by a national report of the background.\n"
        "text\tkind\tfirst_seen\tdocuments\tsource\tevidence\n" + "".join(rows),
        encoding="utf-8")
    print(f"wrote {a.out}: {len(rows)} entries; {int(y.sum())} positives ({a.positives}) among "
          f"{len(texts)} candidates; threshold {threshold:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
