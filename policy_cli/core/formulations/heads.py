"""Stage `head`: phrases ending in a head word that names a doctrine, strategy or campaign.

新发展格局, 伟大建党精神, 污染防治攻坚战, 乡村振兴战略, 以人民为中心的发展思想: the head word
is found first, the phrase that ends with it is walked back with the segmenter
(`boundary.phrase_ending_at`), and each head has guards against the generic uses of running
prose (会议精神, 国家战略, 城乡融合发展新格局). The rule of the evidence is the head word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.formulations.boundary import phrase_ending_at
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import (
    CENTRED,
    DOCTRINE_HEADS,
    FUNCTION_WORDS,
    GENERIC_MODIFIER_END,
    GENERIC_STRATEGY,
    HAN,
    PEOPLE,
    WORD_INTERNAL_HEADS,
    clause_word_set,
)
from policy_cli.core.segment import default_tagger

STAGE = "head"


def find_heads(text: str, options: FormulationOptions) -> Iterator[Candidate]:
    """Yield the names that end in a doctrine, strategy or campaign head word."""
    for m in _heads_pattern().finditer(text):
        head = m.group()
        after = text[m.end() : m.end() + 1]
        if head in WORD_INTERNAL_HEADS and after and re.match(rf"[{HAN}]", after) and (
            after not in FUNCTION_WORDS and after not in "下"
        ):
            continue  # the head is part of a longer word (精神文化生活, 共同体意识)
        if head == "战略" and _noun_follows(text, m.end()):
            continue  # 履行战略使命, 战略腹地: 战略 modifies the noun after it
        phrase = phrase_ending_at(text, m.end(), len(head))
        start = m.end() - len(phrase)
        framed = CENTRED.search(text, max(0, start - 12), start)
        if framed and framed.end() == start and len(phrase) <= 6:
            # 以人民为中心的发展思想: the frame 以X为中心的 is part of the doctrine's name
            phrase, start = text[framed.start() : m.end()], framed.start()
        modifier = phrase[: -len(head)]
        if len(modifier) < 2 or len(phrase) > 16 or modifier[-1] in GENERIC_MODIFIER_END:
            continue
        if any(h in modifier for h in ("精神", "思想", "意识")) or phrase.endswith(
            ("统一思想", "解放思想")
        ):
            continue  # 讲话精神统一思想: two heads, not one name; 统一思想 is a verb phrase
        if head == "战略" and (
            len(modifier) < 4
            or modifier.endswith(GENERIC_STRATEGY)
            or re.search("这|那|系列|加快", modifier)
        ):
            continue
        if head in ("格局", "理念") and len(phrase) > 6:
            continue  # 新发展格局 is a name; 城乡融合发展新格局 is a description
        if len(modifier) < 3 and (len(head) == 2 or head == "大市场"):
            continue  # 忧患意识, 发展思想, 法治理念: ordinary words, not names
        if head in ("格局", "理念") and text.count(phrase) < 2:
            continue  # said once, X格局 / X理念 describes; a name is repeated
        if head == "意识" and len(modifier) < 5:
            continue  # 社会责任意识; but 中华民族共同体意识
        if head in ("精神", "意识") and PEOPLE.search(modifier):
            continue  # 人民群众首创精神, 政府工作人员改革创新意识: a group's quality, not a name
        if head.endswith("战") and text[start - 1 : start] == "、":
            # 蓝天、碧水、净土保卫战: the short battles listed before the head belong to it
            clause_start = max(text.rfind(ch, 0, start) for ch in "，。；：\n“") + 1
            listed = text[clause_start : start - 1]
            words = clause_word_set()
            k = next((i for i in range(len(listed)) if listed[i:].split("、")[0] and
                      all(2 <= len(w) <= 3 for w in listed[i:].split("、")) and
                      len({len(w) for w in listed[i:].split("、")}) == 1), None)
            if k is not None and listed[k : k + 2] not in words:
                phrase, start = text[clause_start + k : m.end()], clause_start + k
        if head.endswith("战"):
            # 反腐败斗争攻坚战、持久战、总体战: the battles listed after the head belong to it
            more = re.match(rf"(?:、[{HAN}]{{1,3}}战)+(?=[，。；”]|$)", text[m.end() : m.end() + 24])
            if more:
                phrase += more.group()
        yield Candidate(phrase, "slogan", start, stage=STAGE, rule=head)


def _noun_follows(text: str, pos: int) -> bool:
    """Tell whether a word that a name can modify starts right at pos (战略|使命)."""
    window = text[pos : pos + 4]
    if not window or not re.match(rf"[{HAN}]{{2}}", window):
        return False
    word, tag = default_tagger().tag(window, False)[0]
    # a verb that opens the clause (战略|取得成效) makes the strategy its subject instead
    return len(word) >= 2 and tag[:1] in ("n", "v") and word not in clause_word_set()


@lru_cache(maxsize=1)
def _heads_pattern() -> re.Pattern[str]:
    return re.compile("|".join(sorted(DOCTRINE_HEADS, key=len, reverse=True)))
