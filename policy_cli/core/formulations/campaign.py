"""Stage `campaign`: multi-year campaigns named by their length (安全生产治本攻坚三年行动).

The pattern finds 三年行动 / 五年规划 / 十年禁渔; the name is the noun phrase that ends there,
with a quoted name in front of it (“新农人”培育三年行动) and the launching verb's object.
"""

from __future__ import annotations

from collections.abc import Iterator

from policy_cli.core.formulations.boundary import campaign_start, phrase_ending_at
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import finditer, patterns, words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "campaign"


def find_campaigns(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names of multi-year campaigns, with their modifier."""
    seg = seg or segment_text(text)
    w = words()
    for m in finditer(patterns().campaign, text):
        phrase = phrase_ending_at(text, m.end(), len(m.group()), options, seg)
        start = m.end() - len(phrase)
        if text[start - 1 : start] == w.close_quote:
            # “新农人”培育三年行动: the quoted name belongs to the campaign
            k = text.rfind(w.open_quote, max(0, start - options.quoted_name_lookback), start)
            if k >= 0:
                phrase, start = text[k : m.end()], k
        if phrase.startswith(w.ordinal_mark):
            continue  # 第三轮三年行动计划: one round of a series, not a name
        if len(phrase) >= len(m.group()) + options.campaign_min_modifier:
            start = campaign_start(text, start, options, seg, m.end())
            yield Candidate(text[start : m.end()], "numbered", start, stage=STAGE, rule="years")
