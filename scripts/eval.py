#!/usr/bin/env python3
"""Score the product on every annotated document at once: formulations and key terms.

    python scripts/eval.py                 # the table (make eval)
    python scripts/eval.py --details       # also what is missing and what is noise
    python scripts/eval.py --only gwr-2021 # one or more documents (name prefixes)

Reads the gold files in tests/data/gold/ with the scorer of the tests (tests/scoring.py, a port of
the team's score.py); the product itself never reads a gold file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_cli.api import formulations_of, keywords_of  # noqa: E402
from policy_cli.core.loaders import load_document  # noqa: E402
from policy_cli.core.pipeline import prepare  # noqa: E402
from tests.scoring import score_formulations, score_keywords  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
DOCS = ROOT / "tests" / "data" / "docs"


def annotated() -> list[tuple[str, dict, Path]]:
    """(name, gold, document path) of every gold file that annotates formulations."""
    out = []
    for path in sorted(GOLD.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if "formulations" in g:
            out.append((path.stem, g, DOCS / Path(g["document"]).relative_to("corpus")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--details", action="store_true", help="print missing and noise items")
    ap.add_argument("--only", nargs="*", default=None, help="document name prefixes")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    a = ap.parse_args(argv)
    rows = []
    head = f"{'document':34} {'recall':>6} {'prec':>6} {'F1':>6} {'listed':>6} {'gold':>5} | {'kw ok':>5} {'must-':>5} {'noise':>5}  {'s':>5}"
    print(head)
    print("-" * len(head))
    tot = {"found": 0.0, "must": 0, "right": 0.0, "listed": 0}
    for name, g, doc_path in annotated():
        if a.only and not any(name.startswith(p) for p in a.only):
            continue
        t0 = time.perf_counter()
        prepared = prepare(load_document(doc_path))
        found = formulations_of(prepared)
        kws = keywords_of(prepared, top=20)
        dt = time.perf_counter() - t0
        fs = score_formulations(g, {"formulations": [asdict(f) for f in found]})
        ks = score_keywords(g, {"keywords": [asdict(k) for k in kws]})
        r, p = fs.figures["recall"], fs.figures["precision"]
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        n_must, n_listed = fs.figures["gold"], fs.figures["listed"]
        tot["found"] += r * n_must
        tot["must"] += n_must
        tot["right"] += p * n_listed
        tot["listed"] += n_listed
        print(
            f"{name:34} {r:6.2f} {p:6.2f} {f1:6.2f} {n_listed:6d} {n_must:5d} | "
            f"{ks.figures['ok_share']:5.2f} {ks.figures['musts_missing']:5d} {ks.figures['noise']:5d}  {dt:5.2f}"
        )
        rows.append({"document": name, "recall": r, "precision": p, "f1": f1,
                     "keywords_ok_share": ks.figures["ok_share"],
                     "keywords_musts_missing": ks.figures["musts_missing"],
                     "keywords_noise": ks.figures["noise"],
                     "missing": fs.details["missing"], "noise": fs.details["noise"],
                     "keywords_not_ok": ks.details["not_ok"]})
        if a.details:
            print("   missing:", " ".join(fs.details["missing"]))
            print("   noise:  ", " ".join(fs.details["noise"]))
            print("   kw not ok:", " ".join(ks.details["not_ok"]), "| missing musts:", " ".join(ks.details["missing"]))
    if tot["must"]:
        r = tot["found"] / tot["must"]
        p = tot["right"] / tot["listed"] if tot["listed"] else 0.0
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        print("-" * len(head))
        print(f"{'all (micro)':34} {r:6.2f} {p:6.2f} {f1:6.2f} {tot['listed']:6d} {tot['must']:5d} |")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
