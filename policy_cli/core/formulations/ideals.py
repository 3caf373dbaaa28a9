"""Stage `ideal`: an ideal and the place it is wished for (美丽中国, 平安乡村, 健康江苏), and a
field that makes a place strong (交通强国, 文化强省, 人才兴皖).

National policy language names its goals this way (美丽中国, 健康中国, 平安中国, 法治中国, 数字
中国), and provinces and cities echo it for themselves (美丽上海, 平安江苏, 健康县城). The place
is a generic one (中国, 乡村, 城市, 县城, 社区…) or a word the segmenter tags as a place name;
the compound ends at a clause edge or before 建设.

The other shape is a field, then a verb of strength and the place it strengthens (rule
`strength`): 科教兴国, 制造强国, 交通强国, 文化强省, 教育强市, 农业强县, 人才兴皖, 文化兴滇.
The field is a noun (推进|强省建设, 全面加强|国防 and 新兴|市场 are not such names) and the
compound starts and ends where the segmenter cuts words (强省会战略 is another name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import finditer, words
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "ideal"
_PLACE_TAG = "ns"


def find_ideals(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the ideal-and-place slogans of the text."""
    w = words()
    for m in finditer(_pattern(), text):
        place = m.group("place")
        if place not in w.ideal_places and not _is_place_name(place):
            continue
        yield Candidate(m.group("phrase"), "slogan", m.start("phrase"), stage=STAGE, rule="place")
    tagger = default_tagger()
    for m in finditer(_strength_pattern(), text):
        seg = seg or segment_text(text)
        start, end = m.start(), m.end()
        field = _field(text, start, m.start("verb"), seg)
        if field is None or not (seg.starts_word(end) or text.startswith(w.strength_heads, end)):
            continue
        last = seg.words(field, m.start("verb"))[-1]
        tagged = tagger.tag(last, False)
        if len(tagged) != 1 or tagged[0][1] not in w.field_tags:
            continue  # a verb or a count before the strength: 推进|强省, 全国百|强县
        yield Candidate(text[field:end], "slogan", field, stage=STAGE, rule="strength")


def _field(text: str, start: int, verb: int, seg: Segmentation) -> int | None:
    """The start of the field before a verb of strength: the latest word start from which the
    field is long enough, the verb itself starting a word or the whole compound being one."""
    if not seg.starts_word(verb) and not seg.starts_word(verb - 2):
        return None  # 新兴|市场: the verb inside another word
    for pos in range(verb - 2, start - 1, -1):
        if seg.starts_word(pos):
            return pos
    return None


@lru_cache(maxsize=4096)
def _is_place_name(word: str) -> bool:
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1] == _PLACE_TAG


@lru_cache(maxsize=1)
def _strength_pattern() -> re.Pattern[str]:
    """A field of two to five characters, a verb of strength and the place (文化强省)."""
    w = words()
    return re.compile(
        rf"[{HAN}]{{2,5}}(?P<verb>[{w.strength_verbs}])[{w.strengthened_places}]"
    )


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    w = words()
    ideals = "|".join(re.escape(x) for x in w.ideals)
    return re.compile(
        rf"(?P<phrase>(?:{ideals})(?P<place>[{HAN}]{{2}}))(?=建设|[，。；、”）)\s]|$)"
    )
