"""The members of a numbered set that the document lists next to it (三大行动: A、B、C)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policy_cli.core.formulations.vocab import CN_VALUE, COMPOUND, DIGIT_NUM, HAN, is_verb
from policy_cli.core.segment import default_segmenter


def listed_items(
    text: str, start: int, end: int, head: str, *, quoted: bool = False
) -> tuple[str, ...]:
    """Return the members of a numbered set listed next to it.

    Before it: 大会发布了A、B、C三大行动; 面临需求收缩、供给冲击、预期转弱三重压力;
    粮食面积、总产、单产实现“两增一稳” (a quoted head after the list's verb).
    After it: 六保，即保居民就业、保基本民生…; 三大球（足球、篮球、排球）.
    A quoted head right after a word sits inside a member (营造“三贯通一融合”一流创新生态).
    """
    n = count_of(head)
    if n < 2:
        return ()
    clause_start = max(text.rfind(ch, 0, start) for ch in "，。；：\n") + 1
    before = text[clause_start:start]
    if quoted or before.endswith("“"):
        before = before.removesuffix("“")
        verb = next((before[-k:] for k in (2, 3) if is_verb(before[-k:])), "")
        before = before[: len(before) - len(verb)] if verb else ""
    parts = before.split("、") if before else []
    if len(parts) == n and all(1 <= len(p) <= 30 for p in parts):
        parts[0] = _first_item(parts[0], parts[1:])
        items = _clean_items(parts)
        if items:
            return items
    m = re.match(r"”?(?:，即|：|（)([^。；）]{4,120})", text[end : end + 130])
    if m:
        parts = m.group(1).split("、")
        if len(parts) == n and all(len(p) <= 20 and "，" not in p for p in parts):
            parts[0] = parts[0].lstrip("对把被让使向到在")  # ：对伟大祖国、中华民族…的认同
            return _clean_items(parts)
    return ()


def _clean_items(parts: Sequence[str]) -> tuple[str, ...]:
    """Tidy list members (stray quote marks) and refuse lists that are not members of a set."""
    items = []
    for p in parts:
        p = p.strip()
        if p.count("“") != p.count("”"):
            p = p.strip("“”")
        if len(re.findall(rf"[{HAN}]", p)) < 2 or is_verb(p):
            return ()  # “两个确立”、坚决做到“两个维护”: not a list of members
        items.append(p)
    return tuple(items)


def _first_item(first: str, others: Sequence[str]) -> str:
    """Cut the clause's subject and verb off the first member of a list.

    After 了 the object starts (大会发布了余杭区打造… -> 余杭区打造…). Otherwise the first member
    is the longest run of its last words that is no longer than the other members and does not
    open with a verb (布局建设物理、应用数学、合成生物 -> 物理; 面临需求收缩 -> 需求收缩).
    """
    k = first.rfind("了")
    if k >= 0:
        return first[k + 1 :]  # 发布了 A、B、C: the object starts after the verb's 了
    first = re.sub(rf"^[^{HAN}“]+", "", first).lstrip("对把被让使向到在")
    longest = max(4, *(len(o) for o in others))
    if len(first) <= longest:
        return first
    words = default_segmenter().cut(first)
    best = words[-1]
    for i in range(len(words) - 1, -1, -1):
        tail = "".join(words[i:])
        if len(tail) > longest:
            break
        if not is_verb(words[i]):
            best = tail
    return best


def count_of(head: str) -> int:
    """How many members a numbered set has: 三大行动 3, 两增一稳 3, 一馆四中心 5."""
    m = re.match(rf"第?([{DIGIT_NUM}两双])", head)
    if not m:
        return 0
    parts = re.findall(rf"([{DIGIT_NUM}两双])[^{DIGIT_NUM}两双]+", head)
    if len(parts) >= 2 and COMPOUND.fullmatch(head):
        return sum(CN_VALUE.get(p, 0) for p in parts)
    return CN_VALUE.get(m.group(1), 0)
