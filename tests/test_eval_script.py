"""`scripts/eval.py --markdown`: the README's quality tables, made from the same scoring as the
tests (a document's row holds the scorer's figures; the block's last row is its micro average)."""

from __future__ import annotations

import contextlib
import io

from policy_cli.api import formulations_of
from policy_cli.core.loaders import load_document
from policy_cli.serialize import formulation_to_dict
from scripts import eval as evaluation
from tests.conftest import gold, gold_document
from tests.scoring import score_formulations


def _figures(name: str) -> tuple[float, float]:
    annotation = gold(f"{name}.json")
    found = formulations_of(load_document(gold_document(annotation)))
    score = score_formulations(annotation, {"formulations": [formulation_to_dict(f) for f in found]})
    return score.figures["recall"], score.figures["precision"]


def test_the_markdown_tables_hold_the_scorers_figures_and_the_micro_average():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert evaluation.main(["--only", "yuhang", "local-shaoxing", "--markdown"]) == 0
    table = out.getvalue()
    assert "recall" in err.getvalue()  # the usual table goes to stderr
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.strip("|").split("|")]
            for line in table.splitlines() if line.startswith("| ") and "---" not in line}
    assert set(rows) == {"document", "yuhang-conference-2026",
                         "local-shaoxing-conference-2023", "all (micro)"}
    for name in ("yuhang-conference-2026", "local-shaoxing-conference-2023"):
        recall, precision = _figures(name)
        assert rows[name][1] == "development"
        assert rows[name][2:4] == [f"{recall:.2f}", f"{precision:.2f}"]
    # key terms are annotated on the gold documents: their columns are there
    assert rows["document"][5:] == ["key terms: top 20 ok", "must missing"]


def test_a_blocks_micro_average_weighs_each_document_by_its_items():
    rows = [
        {"document": "a", "block": "team", "recall": 1.0, "precision": 0.5, "f1": 0.0,
         "gold": 30, "listed": 10},
        {"document": "gwr-2016", "block": "team", "recall": 0.5, "precision": 1.0, "f1": 0.0,
         "gold": 10, "listed": 30},
    ]
    table = evaluation.markdown_tables(rows)
    assert "| gwr-2016 | held out | 0.50 | 1.00 |" in table  # a held-out document says so
    # recall (30 + 5) / 40, precision (5 + 30) / 40, not the plain means
    assert "| all (micro) | | 0.88 | 0.88 | 0.88 |" in table
    assert "key terms" not in table  # the team's files annotate formulations only
