"""The shape of a phrase: which kind of formulation a quoted span is, whether it names a set."""

from __future__ import annotations

import re

from policy_cli.core.formulations.vocab import CODE, COUNT_START, NUM, PLAN, SENTENCE_END


def classify_quoted(span: str) -> str | None:
    """Tell which kind of formulation a quoted span is, or None if it is not one.

    Args:
        span: the text between the quote marks.

    Returns:
        "code", "numbered", "slogan", "name", or None for quotations and ordinary words.
    """
    s = span.strip()
    if not s or len(s) > 30 or SENTENCE_END.search(s):
        return None
    if CODE.match(s):
        return "code"
    han = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
    if han < 2 and not re.search(r"\d", s):
        return None  # a single character in quotes (“新”, “拼”): emphasis, not a name
    if "，" in s or "," in s:
        parts = [p for p in re.split(r"[，,]", s) if p]
        # two halves of a couplet (风劲好扬帆，奋斗正当时) are a motto; longer is a quotation
        if len(parts) != 2 or abs(len(parts[0]) - len(parts[1])) > 1 or len(parts[0]) > 8:
            return None
        return "slogan"
    if COUNT_START.match(s) and names_a_set(s):
        return "numbered"
    if len(s) <= 4 and re.search(r"[两三四五六七八九十双](?:个|大|样|张|链|侧|区)", s):
        return "numbered"  # 新三样
    if "、" in s or " " in s or len(s) >= 7:
        return "slogan"
    if s.endswith("+") or "+" in s:
        return "slogan"
    return "name"


def names_a_set(s: str) -> bool:
    """两个确立, 六稳, 三贯通一融合, 十四五 name a set; 一刀切, 千里马, 百里花廊 do not."""
    if re.match(rf"第?[{NUM}]+(?:个|大|项|条|种|重|类|张|件|批|孩|支柱)", s):
        return not s.startswith(("一些", "一批", "一系列", "一定", "一个"))
    if PLAN.fullmatch(s) or len(re.findall(f"[{NUM}]", s)) >= 2:
        return True  # 十四五; 两新一重, 一带一路
    return len(s) <= 5 and s[0] in "两三四五六七八九十双"  # 六稳, 双控, 四好农村路, 双高计划


def plan_period(plan: str) -> str:
    """十四五 -> 第十四个五年规划时期."""
    return f"第{plan[:-1]}个五年规划时期"
