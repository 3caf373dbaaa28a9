"""Stage `event`: a fair or expo by its short name (进博会, 广交会, 东博会, 投洽会, 服贸会).

The short name of a fair is one character of its place or theme and the short form of its kind
(博会 of 博览会, 交会 of 交易会, 洽会 of 洽谈会, 贸会 of 贸易会): a word of its own, said as a
name (第21届东博会, 华创会、汉交会等). What a longer word holds (快速|交会对接: two craft meeting in
orbit) starts no word there, so it names no fair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "event"


def find_events(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the fairs a text names by their short name."""
    w = words()
    if not any(h in text for h in w.fair_heads):
        return  # (most texts)
    found = list(_fair().finditer(text))
    if not found:
        return
    seg = seg or segment_text(text)
    for m in found:
        start, end = m.span()
        if text[start] in w.function_words or not (
            seg.starts_word(start) or text[start - 1 : start] in w.fair_editions
        ):
            continue  # (第21届|东博会: the segmenter may glue the edition to the name)
        if not seg.starts_word(end) and end < len(text):
            continue
        if text.startswith(w.fair_verbs_after, end):
            continue  # 交会对接: a meeting in orbit
        if text[start] in w.fair_not_openers:
            continue  # 在此交会: two rivers meet here
        yield Candidate(m.group(), "name", start, None, (), BY_RULE, STAGE, "fair")


@lru_cache(maxsize=1)
def _fair() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in words().fair_heads)
    return re.compile(rf"[{HAN}](?:{heads})")
