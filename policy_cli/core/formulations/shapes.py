"""The shape of a phrase: which kind of formulation a quoted span is, whether it names a set."""

from __future__ import annotations

import re

from policy_cli.core.chars import han_count
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import patterns, words

_DEFAULTS = FormulationOptions()


def classify_quoted(span: str, *, options: FormulationOptions | None = None) -> str | None:
    """Tell which kind of formulation a quoted span is, or None if it is not one.

    Args:
        span: the text between the quote marks.
        options: the length limits of the shapes (defaults when None).

    Returns:
        "code", "numbered", "slogan", "name", or None for quotations and ordinary words.
    """
    o = options or _DEFAULTS
    p, w = patterns(), words()
    s = span.strip()
    if not s or len(s) > o.quoted_max_len or p.sentence_end.search(s):
        return None
    if p.code.match(s):
        return "code"
    if p.letters_plus.fullmatch(s):
        return "slogan"  # “AI+”, as “人工智能+”
    han = han_count(s)
    if han < o.quoted_min_han and not re.search(r"\d", s):
        return None  # a single character in quotes (“新”, “拼”): emphasis, not a name
    if any(c in s for c in w.commas):
        parts = [x for x in re.split(f"[{w.commas}]", s) if x]
        # two halves of a couplet (风劲好扬帆，奋斗正当时) are a motto, and so is a run of three
        # short clauses or more (解放思想，实事求是，团结一致向前看: 我们的基本口号); longer
        # clauses are a quotation
        if len(parts) == 2:
            if abs(len(parts[0]) - len(parts[1])) > o.couplet_max_gap or (
                len(parts[0]) > o.couplet_max_half
            ):
                return None
            return "slogan"
        if len(parts) > o.quoted_motto_max_parts or any(
            len(x) > o.couplet_max_half for x in parts
        ):
            return None
        return "slogan"
    if p.count_start.match(s) and names_a_set(s, o):
        return "numbered"
    if len(s) <= o.short_numbered_max_len and p.short_numbered.search(s):
        return "numbered"  # 新三样
    if p.named_code.search(s):
        return "code"  # 民营经济32条
    if p.named_set.search(s):
        return "numbered"  # 碳达峰十大行动, 7个专项行动, 科创板八条
    if any(c in s for c in w.slogan_marks) or len(s) >= o.quoted_slogan_min_len:
        return "slogan"
    return "name"


def names_a_set(s: str, o: FormulationOptions) -> bool:
    """两个确立, 六稳, 三贯通一融合, 十四五 name a set; 一刀切, 千里马, 百里花廊 do not."""
    p, w = patterns(), words()
    if p.set_measure.match(s):
        return not s.startswith(w.not_set_openers)
    if p.plan.fullmatch(s) or len(re.findall(f"[{w.count}]", s)) >= o.set_min_count_words:
        return True  # 十四五; 两新一重, 一带一路
    return len(s) <= o.short_set_max_len and s[0] in w.set_count  # 六稳, 双控, 四好农村路, 双高计划


def plan_period(plan: str) -> str:
    """十四五 -> 第十四个五年规划时期."""
    return words().plan_period.format(number=plan[:-1])
