"""Stage `motto`, rule `head-run`: in a short text of the centre, the kinds of one thing it
names in a row, each ending in one head (功能监管、穿透式监管、持续监管; 公共数据、企业数据、个人数据;
数字化、网络化、智能化; 前瞻性、针对性、有效性).

A communiqué or a conference's news states its policy in such runs, and a reader lists them
whole. The clauses may differ in length (穿透式监管), and the run may open after what takes it
(强化|功能监管、…) and go on after its last head (…、智能化|的基础). The first clause is a stretch
of whole words that ends the first stretch before a mark: it opens with what the other clauses
open with where they share an opening (对|历史负责、对|人民负责), else with a word of two
characters or more that is no verb or preposition (强化|, 是|, 抓|, 2025年| stay out), and is as
long as the most common clause, or the nearest length within `head_run_spread`. The last ends at
its first head, at a word's end, as long as the others within the spread (not shorter where the
head is one character: 文化|素养 is no kind of 数字化), else the run is none; a run whose first
stretch is another item that does not end as the run's clauses do (加强党的领导、|功能监管、…) is
read from the next.
No clause is longer than `head_run_max_clause`. Not a motto: fewer than `head_run_min_clauses`
clauses (three at least: the head is read from the first and the middle ones); a one-character
head that makes no quality (美国、英国、法国; `head_run_quality_heads`: 性, 力, 化, 感, 观 do); a
clause the tagger reads a place's or a body's name in (黑龙江代表团、…); a head after the fields
a policy develops or builds (经济发展、社会发展、文化发展: `head_run_list_heads`); the head of a
kind of body (监察机关、审判机关、检察机关: `head_run_body_heads`) or a pronoun (审视自己、要求自己、
检查自己: acts on oneself); a head with a
numeral (四十斤、六十斤、八十斤: quantities); a description
with 之 (力度之大、规模之大); a run that holds a watchword of the national lexicon, listed on its
own (首发经济、冰雪经济、银发经济; 问题导向、目标导向、结果导向 is the lexicon's whole). A clause
that opens with a verb after clauses that do not may still end a run where another clause opens
with one (…、穿透式监管、持续监管、加强监管|协作: the tagger reads 穿透 as a verb).

A report or a local text lists things this way (特殊教育、继续教育、专门教育; 法律监督、监察监督、
人民监督: unlisted by the reference annotation of the national work report of 2022), and is not
read for them. On 2,992 items of the national news the rule lists 150 runs in 115 items, most of
them mottos (积极性、主动性、创造性; 系统治理、源头治理、依法治理), some lists of things (综合频道、
综艺频道、音乐频道; 外交部长、运输部长、国防部长).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

from policy_cli.core.chars import CN_NUMERALS, is_han
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import word_tag, words
from policy_cli.core.national import national_lexicon
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "motto"
RULE = "head-run"
MIN_CLAUSES = 3  # a first, a middle and a last clause: what the head is read from


def find_head_runs(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the runs of clauses joined by 、 that end in one head, in a short text of the
    centre."""
    o = options
    sep = words().list_separator
    least = max(o.head_run_min_clauses, MIN_CLAUSES)
    if not o.head_run_min_clauses or sep not in text or not short_central_text(text, o):
        return
    at = 0
    while (k := text.find(sep, at)) >= 0:
        start = _run_start(text, k)
        parts, end = _run(text, start, sep)
        at = max(end, k + 1)
        while len(parts) >= least:
            seg = seg or segment_text(text)
            found = _head_run(text, start, parts, o, seg)
            if found is not None:
                yield found
            if found is not None or parts[0].endswith(parts[1][-1]):
                # (a first stretch that ends as the next clause does is the run's own first
                # clause: a run whose first clause is not found is none, no piece of it is)
                break
            # a run that opens with another item (加强党的领导、|功能监管、…) is read from the next
            start += len(parts[0]) + len(sep)
            parts = parts[1:]


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
    last clause's opening does (a run whose last clause is none, …、|加强监管|协作, is no motto:
    ending it at the clause before listed unlisted pieces)."""
    w = words()
    middle = parts[1:-1]
    # (the first clause ends where its stretch does: the verb that takes the run is before it)
    head = os.path.commonprefix([p[::-1] for p in (parts[0], *middle)])[::-1]
    if not head or any(len(p) == len(head) or len(p) > o.head_run_max_clause for p in middle):
        return None  # (a head shared whole: 制度、制度; or clauses too long for a motto)
    if len(head) == 1 and head not in w.head_run_quality_heads:
        return None  # (美国、英国、法国; 湘江、资江、沅江: things of one kind, no qualities)
    if any(ch in CN_NUMERALS for ch in head):
        return None  # (四十斤、六十斤、八十斤; 十次、二十次: quantities)
    if head.endswith(w.head_run_list_heads):
        return None  # (经济发展、社会发展、文化发展: the fields a policy develops)
    if head.endswith(w.head_run_body_heads) or _a_pronoun(head):
        return None  # (监察机关、审判机关、检察机关: bodies; 审视自己、要求自己: what one does)
    lengths = [n for n, _ in Counter(map(len, middle)).most_common()]
    last = _last_clause(parts[-1], head, lengths, o)
    last_at = start + sum(len(p) + len(w.list_separator) for p in parts[:-1])
    if (
        last is None
        or not seg.starts_word(last_at + len(last))
        or (_opens_with_a_verb(last) and not any(map(_opens_with_a_verb, middle)))
    ):
        return (
            None  # (…、|加强监管|协作: a task of its own, where no other clause opens with a verb)
        )
    opening = os.path.commonprefix([*middle, last])
    first = _first_clause(parts[0], start, head, lengths, opening, o, seg)
    if first is None:
        return None
    clauses = [first, *middle, last]
    if len(set(clauses)) != len(clauses) or any(w.head_run_describing in c for c in clauses):
        return None  # (the same clause twice; 力度之大、规模之大: a description)
    if any(_a_proper_name(c) for c in clauses):
        return None  # (新华网、人民网、央视网; 黑龙江代表团、…: names of places and bodies)
    lexicon = national_lexicon()
    if any(canonical(c) in lexicon for c in clauses):
        return None  # (首发经济、冰雪经济、银发经济: the lexicon's watchwords, each on its own)
    offset = start + len(parts[0]) - len(first)
    return Candidate(
        w.list_separator.join(clauses), "slogan", offset, None, (), BY_RULE, STAGE, RULE
    )


def _last_clause(part: str, head: str, lengths: list[int], o: FormulationOptions) -> str | None:
    """The last clause: the stretch up to its first head (…、智能化|的基础), as long as the other
    clauses give or take the spread (not shorter where the head is one character: 文化|素养 is
    no kind of 数字化), and no longer than a clause may be."""
    cut = part.find(head, 1)
    if cut <= 0:
        return None
    last = part[: cut + len(head)]
    shortest = min(lengths) - (o.head_run_spread if len(head) > 1 else 0)
    longest = min(max(lengths) + o.head_run_spread, o.head_run_max_clause)
    if not shortest <= len(last) <= longest:
        return None
    return last


def _first_clause(
    part: str,
    start: int,
    head: str,
    lengths: list[int],
    opening: str,
    o: FormulationOptions,
    seg: Segmentation,
) -> str | None:
    """The first clause: the stretch of whole words that ends the first stretch, as long as the
    others give or take the spread. It opens with what the others open with, where they share an
    opening (对|历史负责、对|人民负责); otherwise with a word of two characters or more (抓|…,
    2025年|… stay out), one that is no verb or preposition where there is one (强化|功能监管, but
    实践特色、理论特色、…), as long as the most common clause, or else the nearest, the shorter
    first."""
    shortest = min(lengths) - o.head_run_spread
    longest = min(max(lengths) + o.head_run_spread, o.head_run_max_clause)
    common = lengths[0]
    fits = []
    for n in range(max(shortest, len(head) + 1), min(longest, len(part)) + 1):
        k = len(part) - n
        if not seg.starts_word(start + k):
            continue
        tail = part[k:]
        if opening:
            if tail.startswith(opening):
                fits.append((0, abs(n - common), n, tail))
        elif len(seg.words(start + k, start + len(part))[0]) > 1:
            # a verb may open the clause itself (实践|特色, 争取|人权) where no other stretch fits
            fits.append((int(_opens_with_a_verb(tail)), abs(n - common), n, tail))
    return min(fits)[3] if fits else None


def _opens_with_a_verb(clause: str) -> bool:
    """Tell whether the tagger reads a clause's first word as a verb or a preposition (加强|监管,
    强化|功能监管, 是|数字化), which takes the run rather than belongs to it."""
    tagged = default_tagger().tag(clause, False)
    return bool(tagged) and tagged[0][1] in words().head_run_taking_tags


def _a_proper_name(clause: str) -> bool:
    """Tell whether the tagger takes a word of a clause for the name of a place, a body or a
    person (美国, 新华网, 湘江)."""
    return any(
        t.startswith(words().head_run_name_tags) for _, t in default_tagger().tag(clause, False)
    )


def _a_pronoun(word: str) -> bool:
    """Tell whether the tagger reads a head alone as a pronoun (自己, 我们)."""
    return word_tag(word) in words().pronoun_tags
