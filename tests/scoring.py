"""The quality scorer of the project's quality bars, ported from the team's score.py.

Each function takes a gold annotation (dict) and a command's `--format json` output (dict) and
returns the figures; the tests assert the bars and print the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

QUOTES = "“”\"'‘’「」『』《》 \u3000"


def norm(s: str) -> str:
    return "".join(ch for ch in s if ch not in QUOTES).strip()


def find_lists(obj: Any, key: str) -> list[list[Any]]:
    """Every list stored under `key` anywhere in obj."""
    out: list[list[Any]] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == key and isinstance(v, list):
                out.append(v)
            else:
                out.extend(find_lists(v, key))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(find_lists(v, key))
    return out


def texts(items: list[Any], fld: str = "text") -> list[str]:
    res = []
    for it in items:
        if isinstance(it, str):
            res.append(it)
        elif isinstance(it, dict):
            for f in (fld, "text", "term", "formulation"):
                if f in it and isinstance(it[f], str):
                    res.append(it[f])
                    break
    return res


def matches(gold: str, got: str, slack: int = 6) -> bool:
    """A listed item names a gold item: the same text, the text with a few more characters
    around it (“十四五”规划 for 十四五), or a whole motto one of whose 、/，-parts is the gold item
    (稳中求进、以进促稳、先立后破 names 先立后破). A truncated motto names nothing."""
    g, o = norm(gold), norm(got)
    if not g or not o:
        return False
    if g == o or (g in o and len(o) - len(g) <= slack):
        return True
    parts = [norm(p) for p in re.split(r"[、，,；;]", got)]
    return len(parts) > 1 and g in parts


@dataclass
class Score:
    """Figures of one scoring run; `ok` says whether the bar holds."""

    ok: bool
    figures: dict[str, float] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        figs = " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in self.figures.items())
        det = "; ".join(f"{k}: {v}" for k, v in self.details.items())
        return f"{figs} | {det}"


def score_formulations(gold: dict, out: dict, recall: float = 0.9, precision: float = 0.9) -> Score:
    got = [t for lst in find_lists(out, "formulations") for t in texts(lst)]
    got = list(dict.fromkeys(got))
    must = [f["text"] for f in gold["formulations"]["must"]]
    ok = must + [f["text"] for f in gold["formulations"].get("ok", [])]
    found = [m for m in must if any(matches(m, g) for g in got)]
    missing = [m for m in must if m not in found]
    noise = [g for g in got if not any(norm(g) == norm(o) or matches(o, g) for o in ok)]
    r = len(found) / len(must) if must else 1.0
    p = (len(got) - len(noise)) / len(got) if got else 0.0
    return Score(
        r >= recall and p >= precision,
        {"recall": r, "precision": p, "listed": len(got), "gold": len(must)},
        {"missing": missing, "noise": noise},
    )


def score_keywords(gold: dict, out: dict, top: int = 20, ok_share: float = 0.8) -> Score:
    lists = find_lists(out, "keywords")
    got = texts(lists[0], "term")[:top] if lists else []
    kt = gold["key_terms"]
    ok = set(kt["ok"])
    musts = kt.get("must_in_top_20", [])
    bad = set(kt.get("noise_examples", []))
    spam = "".join(gold.get("spam", []))
    missing = [m for m in musts if m not in got]
    noise = [g for g in got if g in bad or (spam and g in spam and len(g) > 1)]
    good = [g for g in got if g in ok]
    share = len(good) / len(got) if got else 0.0
    return Score(
        not missing and not noise and share >= ok_share and len(got) == top,
        {"ok_share": share, "musts_missing": len(missing), "noise": len(noise)},
        {"top": got, "missing": missing, "noise": noise, "not_ok": [g for g in got if g not in ok]},
    )


def score_diff(gold: dict, out: dict, recall: float = 0.8, window: int = 40) -> Score:
    adds = [lst for k in ("added", "new", "rising") for lst in find_lists(out, k)]
    got_added = [t for lst in adds for t in texts(lst)[:window]]
    rems = [lst for k in ("removed", "dropped", "falling") for lst in find_lists(out, k)]
    got_removed = [t for lst in rems for t in texts(lst)[:window]]
    want_add = texts(gold["diff"]["new_must"])
    want_rem = texts(gold["diff"].get("dropped_must", []))
    miss_a = [w for w in want_add if not any(matches(w, g, 8) for g in got_added)]
    miss_r = [w for w in want_rem if not any(matches(w, g, 8) for g in got_removed)]
    strictly_new = [t for k in ("added", "new") for lst in find_lists(out, k) for t in texts(lst)]
    wrong = [
        g for g in strictly_new
        if any(matches(w, g, 0) for w in texts(gold["diff"].get("not_new", [])))
    ]
    total = len(want_add) + len(want_rem)
    r = (total - len(miss_a) - len(miss_r)) / total if total else 1.0
    return Score(
        r >= recall and not wrong,
        {"recall": r, "wrongly_new": len(wrong)},
        {"missed_new": miss_a, "missed_dropped": miss_r, "wrongly_new": wrong},
    )


def score_noise(gold: dict, out: dict) -> Score:
    """Spam must be flagged; flags outside spam and page furniture are false alarms."""
    lists = find_lists(out, "noise") or find_lists(out, "warnings")
    got = [t for lst in lists for t in texts(lst)]
    spam = gold.get("spam", [])
    allowed = spam + gold.get("furniture", [])

    def overlaps(x: str, y: str) -> bool:
        x, y = norm(x), norm(y)
        return bool(x and y) and (x in y or (y in x and len(y) >= 4))

    found = [s for s in spam if any(overlaps(s, g) for g in got)]
    false = [g for g in got if not any(overlaps(g, s) for s in allowed)]
    return Score(
        len(found) == len(spam) and not false,
        {"found": len(found), "spam": len(spam), "false_flags": len(false)},
        {"flagged": got, "false": false},
    )


def score_targets(gold: dict, out: dict, recall: float = 0.9, core_only: bool = False) -> Score:
    got = [t for lst in find_lists(out, "targets") for t in lst if isinstance(t, dict)]
    joined = [" ".join(str(v) for v in t.values() if isinstance(v, str | int | float)) for t in got]
    want = [t for t in gold["targets"] if t.get("value") and (t.get("core") or not core_only)]

    def hit(t: dict) -> bool:
        value, ind = norm(t["value"]), t["indicator"]
        grams = {ind[i : i + 3] for i in range(max(1, len(ind) - 2))}
        return any(value in norm(j) and any(g in j for g in grams) for j in joined)

    found = [t for t in want if hit(t)]
    missing = [f"{t['indicator']} {t['value']}" for t in want if t not in found]
    r = len(found) / len(want) if want else 1.0
    return Score(r >= recall, {"recall": r, "listed": len(got), "gold": len(want)}, {"missing": missing})
