#!/usr/bin/env python3
"""Score the product on every annotated document at once: formulations and key terms.

    python scripts/eval.py                 # the table (make eval)
    python scripts/eval.py --details       # also what is missing and what is noise
    python scripts/eval.py --only gwr-2021 # one or more documents (name prefixes)
    python scripts/eval.py --without repeated --without frame   # with stages switched off
    python scripts/eval.py --by-stage      # what each formulation stage adds, per document
    python scripts/eval.py --news PATH     # also the annotated items of the national news
    python scripts/eval.py --markdown      # the README's quality tables (the usual table on stderr)

--by-stage prints, per document and in total, for each candidate stage of the formulation
extractor: the listed formulations its evidence is on that are right (in the gold's must or ok
lists) and wrong (noise); of those, the ones no other stage proposed (only+ / only-); and the
must items it alone finds (found with every stage, lost when this one is switched off).

The items of the national evening news annotated in tests/data/gold-news/ are scored when the
news corpus is given (--news, or the NEWS variable of `make eval`): the project does not ship
its texts, only the annotations (tests/data/gold-news/README.md).

Reads the gold files in tests/data/gold/ with the scorer of the tests (tests/scoring.py, a port of
the team's score.py); the product itself never reads a gold file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.api import formulations_of, keywords_of  # noqa: E402
from policy_cli.core.formulations import STAGES, FormulationOptions  # noqa: E402
from policy_cli.core.loaders import load_document  # noqa: E402
from policy_cli.core.pipeline import prepare  # noqa: E402
from policy_cli.errors import PolicyCliError  # noqa: E402
from policy_cli.models import Document, Formulation  # noqa: E402
from policy_cli.serialize import formulation_to_dict  # noqa: E402
from tests.conftest import gold_document  # noqa: E402
from tests.scoring import score_formulations, score_keywords  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
# blind annotations of formulations by the team (tests/data/gold-team/README.md): printed apart
TEAM_GOLD = ROOT / "tests" / "data" / "gold-team"
# held out: blind annotations whose misses no rule writer reads (their figures are printed, their
# items only with --show-holdout): the honest measure of a change on a document nobody tuned to
HOLDOUT = frozenset({
    "cpc18-report", "gwr-2012", "gwr-2016", "shandong-2025", "sichuan-2025",
    "news-cewc-2022", "news-plan13-proposal-2015",
    "news-politburo-2022-07", "news-reform27-2022", "news-stcouncil-2016-05",
    "gwr-2008", "cpc15-report",
})
# blind annotations of items of the national news (tests/data/gold-news/README.md): scored when
# the corpus is given, each item written out as its title line and its content
NEWS_GOLD = ROOT / "tests" / "data" / "gold-news"


def news_items(corpus: Path, folder: Path = NEWS_GOLD) -> list[tuple[str, dict, Path]]:
    """(name, gold, path of the item's text) of every annotated news item, read from the corpus
    (one JSON object a line, xz-compressed or not) and written to a temporary folder."""
    import atexit
    import lzma
    import shutil
    import tempfile

    wanted: dict[tuple[str, str], tuple[str, dict]] = {}
    for path in sorted(folder.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        wanted[(g["item"]["date"], g["item"]["title"])] = (path.stem, g)
    out_dir = Path(tempfile.mkdtemp(prefix="policy-eval-news-"))
    atexit.register(shutil.rmtree, out_dir, True)  # (the items' texts are not kept)
    found: dict[str, tuple[str, dict, Path]] = {}
    opener = lzma.open if corpus.suffix == ".xz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        dates = {d for d, _ in wanted}
        for line in f:
            head = line[:40]  # {"date": "YYYY-MM-DD", ...: parse only the lines of those days
            if not any(d in head for d in dates):
                continue
            item = json.loads(line)
            hit = wanted.get((item["date"], item["title"]))
            if hit:
                text = out_dir / f"{hit[0]}.txt"
                text.write_text(f"{item['title']}\n{item['content']}\n", encoding="utf-8")
                found[hit[0]] = (hit[0], hit[1], text)
    missing = sorted({n for n, _ in wanted.values()} - set(found))
    if missing:
        print(f"news items not in {corpus}: {', '.join(missing)}", file=sys.stderr)
    return [found[k] for k in sorted(found)]


def annotated(folder: Path = GOLD) -> list[tuple[str, dict, Path]]:
    """(name, gold, document path) of every gold file of `folder` that annotates formulations."""
    out = []
    for path in sorted(folder.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if "formulations" in g:
            out.append((path.stem, g, gold_document(g)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--details", action="store_true", help="print missing and noise items")
    ap.add_argument("--only", nargs="*", default=None, help="document name prefixes")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--without", action="append", default=[], metavar="STAGE",
                    help="switch a formulation stage off (repeat, or comma-separate)")
    ap.add_argument("--show-holdout", action="store_true",
                    help=f"also print the items of the held-out documents ({', '.join(sorted(HOLDOUT))})")
    ap.add_argument("--by-stage", action="store_true",
                    help="what each formulation stage adds, right and wrong, per document")
    ap.add_argument("--markdown", action="store_true",
                    help="print the README's quality tables on stdout (the usual table on stderr)")
    ap.add_argument("--news", metavar="PATH", type=Path,
                    help="the national news corpus (national-news-2012-2022.jsonl.xz): also score "
                         "its annotated items")
    a = ap.parse_args(argv)
    if a.news is not None and not a.news.is_file():
        ap.error(f"--news: no such file: {a.news}")
    try:
        options = FormulationOptions(
            disabled_stages=frozenset(s.strip() for w in a.without for s in w.split(",") if s.strip())
        )
        from policy_cli.core.formulations.stages import check_stages

        check_stages(options.disabled_stages)
    except PolicyCliError as e:
        ap.error(str(e))
    if a.by_stage:
        return by_stage(a.only, options, details=a.details, show_holdout=a.show_holdout,
                        news=tuple(news_items(a.news)) if a.news else ())
    rows: list[dict] = []
    if a.markdown:
        with contextlib.redirect_stdout(sys.stderr):
            _score_all(a, options, rows)
        print(markdown_tables(rows))
    else:
        _score_all(a, options, rows)
    if a.json:
        Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _score_all(a: argparse.Namespace, options: FormulationOptions, rows: list[dict]) -> None:
    """Score and print every block of annotated documents, one row of `rows` a document."""
    if options.disabled_stages:
        print(f"formulation stages switched off: {', '.join(sorted(options.disabled_stages))}")
    head = f"{'document':34} {'recall':>6} {'prec':>6} {'F1':>6} {'listed':>6} {'gold':>5} | {'kw ok':>5} {'must-':>5} {'noise':>5}  {'s':>5}"
    print(head)
    print("-" * len(head))
    _block(annotated(), a, options, rows, len(head), block="gold")
    team = annotated(TEAM_GOLD)
    if team and any(not a.only or any(n.startswith(p) for p in a.only) for n, *_ in team):
        print()
        print("team annotations, blind, formulations only (tests/data/gold-team/README.md):")
        print("-" * len(head))
        _block(team, a, options, rows, len(head), block="team")
    news = news_items(a.news) if a.news else []
    if news and any(not a.only or any(n.startswith(p) for p in a.only) for n, *_ in news):
        print()
        print("national news items, blind, formulations only (tests/data/gold-news/README.md):")
        print("-" * len(head))
        _block(news, a, options, rows, len(head), block="news")


# the README's quality tables: one a block, in this order, with its caption
MARKDOWN_BLOCKS = (
    ("gold", "the ten gold documents (`tests/data/gold/`, read while rules were written)"),
    ("team", "blind team annotations (`tests/data/gold-team/`, formulations only)"),
    ("news", "blind annotations of national news items (`tests/data/gold-news/`, `--news`)"),
)


def markdown_tables(rows: list[dict]) -> str:
    """The figures of `rows` as Markdown tables, a block each: recall, precision and F1 per
    document, its role (held out or development) and the block's micro average."""
    out: list[str] = []
    for block, caption in MARKDOWN_BLOCKS:
        mine = [r for r in rows if r["block"] == block]
        if not mine:
            continue
        terms = all("keywords_ok_share" in r for r in mine)  # (key terms annotated too)
        head = "| document | role | recall | precision | F1 |"
        if terms:
            head += " key terms: top 20 ok | must missing |"
        out += [f"Formulations{' and key terms' if terms else ''}, {caption}:", "", head,
                "|" + " --- |" * (head.count("|") - 1)]
        for r in mine:
            role = "held out" if r["document"] in HOLDOUT else "development"
            line = (f"| {r['document']} | {role} | {r['recall']:.2f} | {r['precision']:.2f} "
                    f"| {r['f1']:.2f} |")
            if terms:
                line += f" {r['keywords_ok_share']:.2f} | {r['keywords_musts_missing']} |"
            out.append(line)
        must, listed = sum(r["gold"] for r in mine), sum(r["listed"] for r in mine)
        rec = sum(r["recall"] * r["gold"] for r in mine) / must if must else 0.0
        pre = sum(r["precision"] * r["listed"] for r in mine) / listed if listed else 0.0
        f1 = 2 * rec * pre / (rec + pre) if rec + pre else 0.0
        line = f"| all (micro) | | {rec:.2f} | {pre:.2f} | {f1:.2f} |"
        if terms:
            share = sum(r["keywords_ok_share"] for r in mine) / len(mine)
            missing = sum(r["keywords_musts_missing"] for r in mine)
            line += f" {share:.2f} (mean) | {missing} |"
        out += [line, ""]
    return "\n".join(out).rstrip("\n")



def _block(
    docs: list[tuple[str, dict, Path]], a: argparse.Namespace, options: FormulationOptions,
    rows: list[dict], width: int, *, block: str,
) -> None:
    """Score and print each document of `docs`, then the micro average of the block."""
    tot = {"found": 0.0, "must": 0, "right": 0.0, "listed": 0}
    for name, g, doc_path in docs:
        if a.only and not any(name.startswith(p) for p in a.only):
            continue
        t0 = time.perf_counter()
        prepared = prepare(load_document(doc_path), formulation_options=options)
        found = formulations_of(prepared)
        has_terms = "key_terms" in g
        kws = keywords_of(prepared, top=20) if has_terms else []
        dt = time.perf_counter() - t0
        fs = score_formulations(g, {"formulations": [formulation_to_dict(f) for f in found]})
        r, p = fs.figures["recall"], fs.figures["precision"]
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        n_must, n_listed = fs.figures["gold"], fs.figures["listed"]
        tot["found"] += r * n_must
        tot["must"] += n_must
        tot["right"] += p * n_listed
        tot["listed"] += n_listed
        row = {"document": name, "block": block, "recall": r, "precision": p, "f1": f1,
               "gold": n_must, "listed": n_listed,
               "missing": fs.details["missing"], "noise": fs.details["noise"]}
        terms = f"{'':5} {'':5} {'':5}"
        if has_terms:
            ks = score_keywords(g, {"keywords": [asdict(k) for k in kws]})
            terms = (f"{ks.figures['ok_share']:5.2f} {ks.figures['musts_missing']:5d} "
                     f"{ks.figures['noise']:5d}")
            row |= {"keywords_ok_share": ks.figures["ok_share"],
                    "keywords_musts_missing": ks.figures["musts_missing"],
                    "keywords_noise": ks.figures["noise"], "keywords_not_ok": ks.details["not_ok"]}
        print(f"{name:34} {r:6.2f} {p:6.2f} {f1:6.2f} {n_listed:6d} {n_must:5d} | {terms}  {dt:5.2f}")
        rows.append(row)
        if name in HOLDOUT and not a.show_holdout:
            del row["missing"], row["noise"]  # (held out: figures only)
        elif a.details:
            print("   missing:", " ".join(fs.details["missing"]))
            print("   noise:  ", " ".join(fs.details["noise"]))
            if has_terms:
                print("   kw not ok:", " ".join(ks.details["not_ok"]), "| missing musts:",
                      " ".join(ks.details["missing"]))
    if tot["must"]:
        r = tot["found"] / tot["must"]
        p = tot["right"] / tot["listed"] if tot["listed"] else 0.0
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        print("-" * width)
        print(f"{'all (micro)':34} {r:6.2f} {p:6.2f} {f1:6.2f} {tot['listed']:6d} {tot['must']:5d} |")


def _right_and_noise(g: dict, found: list[Formulation]) -> tuple[list[str], list[str]]:
    """Split listed formulations into right (in must or ok) and noise, as the scorer does."""
    fs = score_formulations(g, {"formulations": [formulation_to_dict(f) for f in found]})
    noise = set(fs.details["noise"])
    texts = list(dict.fromkeys(f.shown for f in found))
    return [t for t in texts if t not in noise], [t for t in texts if t in noise]


def _stages_of(f: Formulation) -> set[str]:
    return {e.split("/")[0] for e in f.evidence}


def stage_rows(g: dict, doc: Document, options: FormulationOptions) -> dict[str, dict]:
    """Per candidate stage: right/noise it proposes, only it proposes, musts it alone finds."""
    from policy_cli.core.formulations import extract_formulations

    found = extract_formulations(doc, options=options)
    base = score_formulations(g, {"formulations": [formulation_to_dict(f) for f in found]})
    found_musts = {m["text"] for m in g["formulations"]["must"]} - set(base.details["missing"])
    rows: dict[str, dict] = {}
    for stage in STAGES:
        if stage.find is None or stage.name in options.disabled_stages:
            continue
        mine = [f for f in found if stage.name in _stages_of(f)]
        only = [f for f in mine if _stages_of(f) == {stage.name}]
        right, noise = _right_and_noise(g, mine)
        only_right, only_noise = _right_and_noise(g, only)
        without = FormulationOptions(disabled_stages=options.disabled_stages | {stage.name})
        off = extract_formulations(doc, options=without)
        lost_score = score_formulations(g, {"formulations": [formulation_to_dict(f) for f in off]})
        alone = sorted(found_musts & set(lost_score.details["missing"]))
        rows[stage.name] = {"right": right, "noise": noise, "only_right": only_right,
                            "only_noise": only_noise, "alone_must": alone}
    return rows


def by_stage(
    only: list[str] | None, options: FormulationOptions, *, details: bool, show_holdout: bool,
    news: tuple[tuple[str, dict, Path], ...] = (),
) -> int:
    """Print what each stage adds on every annotated document, and the totals."""
    head = f"  {'stage':10} {'right':>5} {'noise':>5} {'only+':>5} {'only-':>5} {'alone':>5}"
    keys = ("right", "noise", "only_right", "only_noise", "alone_must")
    total: dict[str, dict[str, int]] = {}
    if options.disabled_stages:
        print(f"formulation stages switched off: {', '.join(sorted(options.disabled_stages))}")
    print("right/noise: listed formulations the stage proposed that are in the gold (must or ok) "
          "/ not;\nonly+/only-: of those, proposed by no other stage; alone: must items lost "
          "when the stage is switched off")
    # (the team's blind annotations too: they are the documents no rule was written for)
    for name, g, doc_path in annotated() + annotated(TEAM_GOLD) + list(news):
        if only and not any(name.startswith(p) for p in only):
            continue
        rows = stage_rows(g, load_document(doc_path), options)
        print(f"\n{name}")
        print(head)
        for stage, row in rows.items():
            counts = [len(row[k]) for k in keys]
            tot = total.setdefault(stage, dict.fromkeys(keys, 0))
            for k, n in zip(keys, counts, strict=True):
                tot[k] += n
            print(f"  {stage:10} " + " ".join(f"{n:5d}" for n in counts))
            if details and (show_holdout or name not in HOLDOUT):
                for label, k in (("noise", "noise"), ("alone", "alone_must")):
                    if row[k]:
                        print(f"  {'':10}   {label}: {' '.join(row[k])}")
    print("\nall documents")
    print(head)
    for stage, tot in total.items():
        print(f"  {stage:10} " + " ".join(f"{tot[k]:5d}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
