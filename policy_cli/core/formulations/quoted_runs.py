"""Quoted parallel runs: a motto printed with each clause quoted on its own (rule `chain`).

做好“由矿变土”、“由土变材”、“由材变用”的文章: three quoted clauses or more joined by 、 (or
和/与 before the last) are one motto when they pass one thing along, the figure of 顶真: the
clauses share one frame (由_变_) and vary in two places, and what the second place says in one
clause the first place says in the next (矿→土, 土→材, 材→用). The clauses then name the steps
of one progression and a reader lists them whole, as stated. (A pair of one link names two
steps each by its own term as often: “幼升小”和“小升初”; `quoted_run_min_clauses`.)

Quoted items of one frame that pass nothing along stay one by one, each a formulation of its own:
“南菜北运”、“西菜东运”, “公转铁”、“公转水”, “硬联通”、“软联通”、“心联通”, “港人治港”、“澳人治澳”,
“四个意识”和“四个自信”. (A shared frame alone was measured and refused: on the annotated
documents it joined eight runs the annotators list one by one for the one they list whole.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.candidate import CERTAIN, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words

RULE = "chain"


def quoted_chains(
    text: str, quotes: Sequence[re.Match[str]], options: FormulationOptions, stage: str
) -> Iterator[tuple[int, int, Candidate]]:
    """Yield (i, j, candidate) for each run quotes[i:j] of quoted clauses that is one motto
    passed along as a chain (see the module), the candidate being the whole run as printed
    without its quote marks (由矿变土、由土变材、由材变用).

    `quotes` are the matches of the quoted stage's pattern, in text order, one group a pair of
    quote marks (the span inside)."""
    w = words()
    joiners = w.quoted_run_joiners
    sep = w.list_separator
    i, n = 0, len(quotes)
    while i < n:
        j = i + 1
        marks: list[str] = []  # what joins each clause of the run to the one before
        # the run goes on while only a joiner stands between a quote and the next; 和/与 may
        # join the last clause only (“十项行动”和“三新”、“三量” is no one run)
        while j < n and (mark := text[quotes[j - 1].end() : quotes[j].start()]) in joiners and (
            not marks or marks[-1] == sep
        ):
            marks.append(mark)
            j += 1
        parts = [_span(m) for m in quotes[i:j]]
        k = 0  # the chains of the run, left to right (a run may hold another quoted item, or
        # two chains: “绿色发展”、“由矿变土”、“由土变材”、“由材变用”)
        while j - i - k >= options.quoted_run_min_clauses:
            found = _first_chain(parts, k, options)
            if found is None:
                break
            a, b = found
            while (
                b - a >= options.quoted_run_max_clauses  # (a shorter one was refused longer)
                and b < len(parts)
                and parts[b] not in parts[a:b]
                and _chain(parts[b - 2 : b + 1], options)
            ):
                b += 1  # past quoted_run_max_clauses, a chain goes on link by link
            joins = marks[a : b - 1]
            phrase = parts[a] + "".join(m + p for m, p in zip(joins, parts[a + 1 : b], strict=True))
            start = quotes[i + a].start() + 1
            yield i + a, i + b, Candidate(phrase, "slogan", start, None, (), CERTAIN, stage, RULE)
            k = b
        i = j


def _first_chain(parts: Sequence[str], k: int, o: FormulationOptions) -> tuple[int, int] | None:
    """The first stretch parts[a:b] from `k` on of `quoted_run_min_clauses` to
    `quoted_run_max_clauses` clauses that is a chain (`_chain`), the longest starting there;
    None when there is none. (Each start tries a bounded number of sizes: linear in the run.)"""
    n = len(parts)
    for a in range(k, n - o.quoted_run_min_clauses + 1):
        for size in range(min(n - a, o.quoted_run_max_clauses), o.quoted_run_min_clauses - 1, -1):
            if _chain(parts[a : a + size], o):
                return a, a + size
    return None


def _span(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None).strip()


def _chain(parts: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether clauses of one length share a frame and vary in two places, each clause's
    second place being the next one's first (由矿变土、由土变材、由材变用; 从无到有、从有到优)."""
    size = len(parts[0])
    if not o.quoted_run_clause_min <= size <= o.quoted_run_clause_max:
        return False
    if any(len(p) != size or not is_han(p) for p in parts) or len(set(parts)) != len(parts):
        return False
    varying = [k for k, column in enumerate(zip(*parts, strict=True)) if len(set(column)) > 1]
    slots = _slots(varying)
    if len(slots) != 2:
        return False  # one place varies (硬联通、软联通; 公转铁、公转水), or more than two
    (a0, a1), (b0, b1) = slots
    if a1 - a0 != b1 - b0:
        return False  # the two places say things of one size
    # 南菜北运、西菜东运, 港人治港、澳人治澳: two places vary, but nothing is passed along
    return all(p[b0:b1] == q[a0:a1] for p, q in zip(parts, parts[1:], strict=False))


def _slots(varying: Sequence[int]) -> list[tuple[int, int]]:
    """The places that vary, as (start, end) of each stretch of adjacent columns."""
    slots: list[tuple[int, int]] = []
    for k in varying:
        if slots and slots[-1][1] == k:
            slots[-1] = (slots[-1][0], k + 1)
        else:
            slots.append((k, k + 1))
    return slots
