"""Stage `siblings`: the other names of a list whose names the stages found.

A list joined by 、 whose items all end in the head of a name (…论坛, …交易会, …新城, …新区,
…中心) and of which the stages found two names or more names things of one kind: its other
items are names too, though no rule of their own reads them (中国国际服务贸易交易会、中关村论坛、
金融街论坛、北京文化论坛等平台: 金融街 is no place name; 武汉新城、襄阳东津城市新中心、宜昌东部
产业新区). The first item may carry the verb before the list (提升|中国国际服务贸易交易会): it
counts as found where a found name ends it, and is never added; the last ends at its head
(…论坛|等平台).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.patterns import longest_first

STAGE = "siblings"


def add_listed_siblings(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """The candidates, and the unfound items of lists whose names they found."""
    out = list(candidates)
    sep = words().list_separator
    if sep not in text or not candidates:
        return out
    found = {c.text for c in candidates}
    heads = _heads()
    for m in _lists().finditer(text):
        raw = m.group().split(sep)
        ends = [_head_end(item, heads) for item in raw]
        if any(end is None for end in ends):
            continue
        items = [item[:end] for item, end in zip(raw, ends, strict=True)]  # (…论坛|等平台)
        # (the first item's ends looked up, not every find tried against it: linear in the text)
        head = items[0]
        first = any(
            head[k:] in found for k in range(len(head) - options.sibling_min_len + 1)
        )
        said = [first] + [item in found for item in items[1:]]
        if sum(said) < options.siblings_min_found or all(said):
            continue
        at = m.start()
        for k, item in enumerate(items):
            if k and not said[k] and _one_name(item, options):
                out.append(Candidate(item, "name", at, stage=STAGE, rule="listed"))
            at += len(raw[k]) + len(sep)
    return out


def _one_name(item: str, o: FormulationOptions) -> bool:
    """Tell whether a list's item is one name of a fitting length: no conjunction joins two
    in it (特色农产品优势区|和|现代农业产业园)."""
    joiners = words().position_joiners
    return o.sibling_min_len <= len(item) <= o.sibling_max_len and not any(
        j in item for j in joiners
    )


def _head_end(item: str, heads: re.Pattern[str]) -> int | None:
    """Where the head of a name ends in `item`: at its end, or before 等…; else None."""
    m = heads.search(item)
    return m.end() if m is not None and m.start() > 0 else None


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    """A name's head at the end of a list's item, or right before 等 (…论坛|等平台)."""
    w = words()
    heads = longest_first({
        *w.proper_institution_heads, *w.proper_area_heads, *w.proper_fair_heads,
        *w.proper_fund_heads, *w.zone_heads, *w.place_heads,
    })  # fmt: skip
    alternatives = "|".join(re.escape(h) for h in heads)
    return re.compile(f"(?:{alternatives})(?={re.escape(w.etc)}|$)")


@lru_cache(maxsize=1)
def _lists() -> re.Pattern[str]:
    """Three items or more of Chinese (quote marks and dashes inside) joined by 、, the first
    from where its run starts."""
    sep = re.escape(words().list_separator)
    chars = f"{HAN}“”—"
    # an item starts a run of its characters, and each is read whole (++): no retry inside a
    # long run of Chinese that holds no list (which made the scan cost a run's square)
    return re.compile(f"(?<![{chars}])[{chars}]++(?:{sep}[{chars}]++){{2,}}")
