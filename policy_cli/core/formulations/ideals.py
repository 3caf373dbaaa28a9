"""Stage `ideal`: an ideal and the place it is wished for (美丽中国, 平安乡村, 健康江苏).

National policy language names its goals this way (美丽中国, 健康中国, 平安中国, 法治中国, 数字
中国), and provinces and cities echo it for themselves (美丽上海, 平安江苏, 健康县城). The place
is a generic one (中国, 乡村, 城市, 县城, 社区…) or a word the segmenter tags as a place name;
the compound ends at a clause edge or before 建设.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import words
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation

STAGE = "ideal"
_PLACE_TAG = "ns"


def find_ideals(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the ideal-and-place slogans of the text."""
    w = words()
    for m in _pattern().finditer(text):
        place = m.group("place")
        if place not in w.ideal_places and not _is_place_name(place):
            continue
        yield Candidate(m.group("phrase"), "slogan", m.start("phrase"), stage=STAGE, rule="place")


@lru_cache(maxsize=4096)
def _is_place_name(word: str) -> bool:
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1] == _PLACE_TAG


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    w = words()
    ideals = "|".join(re.escape(x) for x in w.ideals)
    return re.compile(
        rf"(?P<phrase>(?:{ideals})(?P<place>[{HAN}]{{2}}))(?=建设|[，。；、”）)\s]|$)"
    )
