"""Rebuild policy_cli/data/idf.tsv.gz: document frequencies of national text at scale.

    python scripts/build_idf.py CORPUS      # CORPUS: the directory holding the national news
    make data CORPUS=DIR

The documents (scripts/sources.py; build time only: only the derived table is shipped; the
held-out documents of scripts/held_out.py are not read):
- 56,063 of the 56,068 items of the national evening news 2012-2022 (`national-news-2012-2022.jsonl.xz`,
  27 M characters; the team's shared corpus, or rebuilt from github.com/china-data/xwlb), each
  item (title and text) one document;
- 57 of the 62 background reports of `corpus/background.jsonl.xz` (national work reports 1954-2022
  and Party congress reports; the early ones converted from traditional characters with
  OpenCC's t2s table, `pip install -e '.[build]'`).

Each document is loaded and segmented as the tool does (`pipeline.prepare`: normalisation, noise
removal, the same segmenter and policy lexicon, its one-word formulations kept whole, so that
十九大 or 两重 are counted as the tool will see them) and turned into terms by `keywords.document_terms` (glued names,
compounds, place stems), plus every plain candidate word; the document frequency of a term is
the number of documents holding it, and the table stores the smooth IDF ln((1 + N) / (1 + df)) + 1
(as scikit-learn computes it) with each word's jieba part-of-speech tag (policy-lexicon words
take the tag the lexicon gives them: "nz" for a name). Terms in fewer than MIN_DF documents are
left out: they all take the IDF of a term seen once (`IdfTable.default`). The same IDF over the
57 background reports alone is stored too (`load_report_idf`): `policy diff` compares two
reports and asks how routine a word is in a report, not in the news.

Each term also gets its *timeliness* (`timeliness`): how much the news items that hold it gather
in a few years of 2012-2022 rather than spread over all of them. Watchwords of their time
(疫情, 十四五, 新发展格局) say what a document of their time is about; words every year uses
(服务, 政策) do not. The ranking weighs the first up.

The file is compact to load (well under the 50 ms a run may spend on it): columnar, the terms
sorted on one line and their coded values on three more, so that loading is a split and a term
is found by bisection (`keywords.IdfTable`).

Run it after `scripts/build_lexicon.py` (the lexicon changes the tokens).
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_lexicon import TOPICAL  # noqa: E402
from sources import NEWS_FILE, background_sources, news_path, news_sources  # noqa: E402

from policy_cli.core import keywords  # noqa: E402
from policy_cli.core.keywords import CODE_BASE, IDF_FILE, document_terms  # noqa: E402
from policy_cli.core.loaders import load_text  # noqa: E402
from policy_cli.core.pipeline import prepare  # noqa: E402
from policy_cli.core.segment import Segmenter, is_candidate_term, lexicon_tags  # noqa: E402

OUT = ROOT / "policy_cli" / "data" / IDF_FILE
MIN_DF = 3  # a term fewer documents hold is rare: it takes the IDF of a term seen once
TIMELINESS_PRIOR = 20  # news items: below this many, a term's yearly spread is mostly chance


def word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's dictionary, and the tags the policy lexicon gives.

    The verbs that name what a document is about (build_lexicon.TOPICAL: 就业, 创新, 改革...)
    are tagged as verbal nouns ("vn"), as jieba tags 发展 or 服务: the ranking weighs acting
    words down, and these name a topic.
    """
    import jieba.posseg

    tags = dict(jieba.posseg.POSTokenizer().word_tag_tab)
    tags.update(lexicon_tags())
    for word in TOPICAL:
        if tags.get(word, "vn") != "vn":
            tags[word] = "vn"
    return tags


def tags_only_table(tags: dict[str, str]) -> keywords.IdfTable:
    """An IDF table that knows only the tags (what document_terms reads while counting)."""
    items = sorted((t, g) for t, g in tags.items() if " " not in t)
    names = sorted({tag for _, tag in items})
    code = {name: chr(CODE_BASE + i) for i, name in enumerate(names)}
    return keywords.IdfTable([t for t, _ in items], chr(CODE_BASE) * len(items),
                             "".join(code[g] for _, g in items), "", names,
                             documents=0, default=1.0)


def document_frequencies(
    texts: list[tuple[str, str, str]], seg: Segmenter
) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Count, for every term, the documents that hold it, in all and per year ("" for the
    background reports)."""
    df: Counter[str] = Counter()
    per_year: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for n, (name, year, text) in enumerate(texts, 1):
        if not text.strip():
            continue
        tokens = prepare(load_text(text, source=name), segmenter=seg).tokens
        terms = {t for t, _ in document_terms(tokens, segmenter=seg, drop_guesses=False)}
        # boilerplate is never ranked but its IDF is still useful to other analyses
        terms.update(t.text for t in tokens if is_candidate_term(t.text, frozenset()))
        df.update(terms)
        per_year[year].update(terms)
        if n % 5000 == 0:
            print(f"  {n:,} documents", file=sys.stderr)
    return df, per_year


def timeliness(term: str, per_year: dict[str, Counter[str]], items: dict[str, int]) -> float:
    """How much a term belongs to a few years of the news rather than to all of them.

    1 - the entropy of its yearly share of news items (each year's rate, so that a year with
    more items weighs no more), over the entropy of an even spread; shrunk towards 0 for a term
    in few items (TIMELINESS_PRIOR), whose spread says little. 疫情 0.45 and 十四五 0.58 belong to
    2020-2022; 服务 and 政策 to every year (0.00).
    """
    rates = [per_year[y][term] / items[y] for y in sorted(items)]
    total = sum(rates)
    if not total:
        return 0.0
    entropy = -sum(r / total * math.log(r / total) for r in rates if r)
    df = sum(per_year[y][term] for y in items)
    return (1 - entropy / math.log(len(rates))) * df / (df + TIMELINESS_PRIOR)


def main(argv: list[str] | None = None) -> None:
    """Count document frequencies over the national corpus and write the IDF table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path,
                    help=f"the directory holding {NEWS_FILE} (see the README, section Data)")
    args = ap.parse_args(argv)
    news_path(args.corpus)  # fail early with the message that says where to get it
    tags = word_tags()
    # document_terms reads part-of-speech tags from the bundled table (which words may join a
    # compound); give it these tags, so that the table depends on its sources alone, not on the
    # table it replaces
    table = tags_only_table(tags)
    keywords.load_idf = lambda: table
    texts = [(s.name, s.date[:4], s.text) for s in news_sources(args.corpus)]
    texts += [(s.name, "", s.text) for s, _ in background_sources()]
    seg = Segmenter()
    df, per_year = document_frequencies(texts, seg)
    items = Counter(year for _, year, _ in texts if year)
    news_years = {y: per_year[y] for y in items}
    n = len(texts)
    kept = sorted(t for t, f in df.items() if f >= MIN_DF and " " not in t)
    # the background reports alone: how routine a word is in a report (policy diff)
    reports = per_year[""]
    n_reports = n - sum(items.values())
    report_terms = sorted(t for t in reports if " " not in t)
    tag_names = sorted({tags.get(t, "") for t in (*kept, *report_terms)})
    tag_code = {name: i for i, name in enumerate(tag_names)}

    def code(value: int) -> str:
        return chr(CODE_BASE + value)

    def idf(f: int, docs: int) -> int:  # hundredths of ln((1+N)/(1+df))+1
        return round((math.log((1 + docs) / (1 + f)) + 1) * 100)

    lines = [
        "# smooth IDF ln((1+N)/(1+df))+1 over the national news 2012-2022 and the background\n"
        "# reports (scripts/build_idf.py), with each term's jieba POS tag and its timeliness\n"
        "# (how much its news items gather in a few years), and the same IDF over the background\n"
        "# reports alone (report_*: how routine a word is in a report, for policy diff).\n"
        "# Columnar: terms sorted, space-separated; per term one character chr(0x100 + value)\n"
        "# for its IDF in hundredths, its tag (an index into tags) and its timeliness in tenths.\n"
        f"# documents={n}\n"
        f"# min_df={MIN_DF}\n"
        f"# report_documents={n_reports}\n",
        f"tags\t{' '.join(tag_names)}\n",
        f"terms\t{' '.join(kept)}\n",
        f"idf\t{''.join(code(idf(df[t], n)) for t in kept)}\n",
        f"tag\t{''.join(code(tag_code[tags.get(t, '')]) for t in kept)}\n",
        "timeliness\t"
        + "".join(code(round(timeliness(t, news_years, items) * 10)) for t in kept) + "\n",
        f"report_terms\t{' '.join(report_terms)}\n",
        f"report_idf\t{''.join(code(idf(reports[t], n_reports)) for t in report_terms)}\n",
        f"report_tag\t{''.join(code(tag_code[tags.get(t, '')]) for t in report_terms)}\n",
    ]
    # mtime=0 keeps the file byte-identical when the data does not change
    OUT.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({len(kept):,} terms in at least {MIN_DF} of {n:,} documents)")


if __name__ == "__main__":
    main()
