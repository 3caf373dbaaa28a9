"""Stage `motto`, rule `head-run`: in a short text of the centre, the kinds of one thing it
names in a row, each ending in one head (功能监管、穿透式监管、持续监管; 问题导向、目标导向、结果导向;
数字化、网络化、智能化; 道路自信、理论自信、制度自信、文化自信).

A communiqué or a conference's news states its policy in such runs, and a reader lists them
whole. The clauses may differ in length (穿透式监管), and the run may open after the verb that
takes it (强化|功能监管、…) and go on after its last head (…、智能化|的基础): the first clause is the
stretch of whole words before the first mark that ends in the head and is as long as another
clause (or, failing that, as long give or take `head_run_spread`); the last ends at its first
head. Not a motto: a run of fewer than `head_run_min_clauses` clauses or with a clause longer
than `head_run_max_clause`; a one-character head that makes no quality (美国、英国、法国;
`head_run_quality_heads`: 性, 力, 化, 感, 观 do); a clause the tagger reads a place's or a body's
name in (黑龙江代表团、…); a head after the fields a policy develops or builds (经济发展、
社会发展、文化发展: `head_run_list_heads`); a description with 之 (力度之大、规模之大); a run
that holds a watchword of the national lexicon, listed on its own (首发经济、冰雪经济、银发经济).
A report or a local text lists things this way (特殊教育、继续教育、
专门教育; 法律监督、监察监督、人民监督: unlisted by the reference annotation of the national work
report of 2022), and is not read for them. On 3,000 items of the national news the rule lists
about one run in thirty items, most of them mottos (积极性、主动性、创造性; 系统治理、源头治理、
依法治理), some lists of things (综合频道、综艺频道、音乐频道).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.national import national_lexicon
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "motto"
RULE = "head-run"


def find_head_runs(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the runs of clauses joined by 、 that end in one head, in a short text of the
    centre."""
    o = options
    sep = words().list_separator
    if not o.head_run_min_clauses or sep not in text or not short_central_text(text, o):
        return
    at = 0
    while (k := text.find(sep, at)) >= 0:
        start = _run_start(text, k)
        parts, end = _run(text, start, sep)
        at = max(end, k + 1)
        if len(parts) < o.head_run_min_clauses:
            continue
        found = _head_run(text, start, parts, o, seg or (seg := segment_text(text)))
        if found is not None:
            yield found


def _run_start(text: str, k: int) -> int:
    """Where the stretch of Han characters before the separator at `k` starts."""
    start = k
    while start and is_han(text[start - 1]):
        start -= 1
    return start


def _run(text: str, start: int, sep: str) -> tuple[list[str], int]:
    """The stretches of Han characters from `start` joined by the separator, and where the last
    ends."""
    parts: list[str] = []
    k = start
    while True:
        j = k
        while j < len(text) and is_han(text[j]):
            j += 1
        parts.append(text[k:j])
        if j < len(text) and text[j] == sep and j + 1 < len(text) and is_han(text[j + 1]):
            k = j + 1
            continue
        return parts, j


def _head_run(
    text: str, start: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """The motto the run states, where the first and the middle clauses end in one head and the
    last clause's opening does."""
    middle = parts[1:-1]
    # (the first clause ends where its stretch does: the verb that takes the run is before it)
    head = os.path.commonprefix([p[::-1] for p in (parts[0], *middle)])[::-1]
    if not head or any(len(p) == len(head) or len(p) > o.head_run_max_clause for p in middle):
        return None  # (a head shared whole: 制度、制度; or clauses too long for a motto)
    lengths = [n for n, _ in Counter(map(len, middle)).most_common()]
    shortest = min(lengths) - o.head_run_spread
    longest = max(lengths) + o.head_run_spread
    w = words()
    if len(head) == 1 and head not in w.head_run_quality_heads:
        return None  # (美国、英国、法国; 湘江、资江、沅江: things of one kind, no qualities)
    if head.endswith(w.head_run_list_heads) or any(w.head_run_describing in p for p in parts):
        return None  # (经济发展、社会发展、文化发展: fields; 力度之大、规模之大: a description)
    first = _tail_ending_in(parts[0], start, head, lengths, o.head_run_spread, seg)
    if first is None:
        return None
    cut = parts[-1].find(head, 1)
    last = parts[-1][: cut + len(head)] if cut > 0 else ""
    if first is None or not shortest <= len(last) <= longest:
        return None
    clauses = [first, *middle, last]
    if len(set(clauses)) != len(clauses):
        return None  # (the same clause twice is no motto)
    if any(_a_proper_name(c) for c in clauses):
        return None  # (新华网、人民网、央视网; 黑龙江代表团、…: names of places and bodies)
    lexicon = national_lexicon()
    if any(canonical(c) in lexicon for c in clauses):
        return None  # (首发经济、冰雪经济、银发经济: the lexicon's watchwords, each on its own)
    offset = start + len(parts[0]) - len(first)
    return Candidate(
        words().list_separator.join(clauses), "slogan", offset, None, (), BY_RULE, STAGE, RULE
    )


def _a_proper_name(clause: str) -> bool:
    """Tell whether the tagger takes a word of a clause for the name of a place, a body or a
    person (美国, 新华网, 湘江)."""
    return any(
        t.startswith(words().head_run_name_tags) for _, t in default_tagger().tag(clause, False)
    )


def _tail_ending_in(
    part: str, start: int, head: str, lengths: list[int], spread: int, seg: Segmentation
) -> str | None:
    """The stretch of whole words that ends the first clause (the verb that takes the run stays
    out: 强化|功能监管), as long as one of the other clauses (`lengths`, the most common first)
    or, failing that, as long give or take the spread."""
    if not part.endswith(head):
        return None
    wanted = [*lengths, *(n + d for d in range(1, spread + 1) for n in lengths for d in (-d, d))]
    for n in wanted:
        k = len(part) - n
        if n > len(head) and k >= 0 and (k == 0 or seg.starts_word(start + k)):
            return part[k:]
    return None
