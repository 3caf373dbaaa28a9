"""Stage `ideal`: an ideal and the place it is wished for (美丽中国, 平安乡村, 健康江苏), and a
field that makes a place strong (交通强国, 文化强省, 人才兴皖).

National policy language names its goals this way (美丽中国, 健康中国, 平安中国, 法治中国, 数字
中国), and provinces and cities echo it for themselves (美丽上海, 平安江苏, 健康县城). The place
is a generic one (中国, 乡村, 城市, 县城, 社区…) or a word the segmenter tags as a place name;
the compound ends at a clause edge or before 建设.

A province or city names the place it is building by 新 and its own name (新福建, 新重庆: rule
`new-place`), where the name is a place of `places.tsv`, 新 opens a word and the compound ends at
a clause edge or before 建设, as an ideal does; a qualifier of the place's goal right before 新
is part of the name (现代化新重庆: `new_place_qualifiers`).

A province or city also names the image it gives itself by an image word and its own name
(美好安徽, 亮丽内蒙古, 多彩贵州: rule `image`, `place_images`), where the place is one of
`places.tsv` (美好家园, 美好生活 are words) and the segmenter starts and ends a word there.

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
from policy_cli.core.formulations.proper import place_forms
from policy_cli.core.formulations.vocab import clause_word_set, finditer, words
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
        if m.group("edge") is None:
            # more of the clause follows (数字福建|升级版, 美丽中国|新画卷): only a place of
            # places.tsv, where the segmenter starts and ends a word (健康|深度, 美丽|河湖 are
            # no places, 数字中国建设峰会 is another name)
            seg = seg or segment_text(text)
            if place not in place_forms() or not (
                seg.starts_word(m.start("phrase")) and seg.starts_word(m.end("phrase"))
            ):
                continue
        yield Candidate(m.group("phrase"), "slogan", m.start("phrase"), stage=STAGE, rule="place")
    for m in finditer(_image_pattern(), text):
        # the longer place first (亮丽|内蒙古), then the shorter (美好|安徽|上)
        end = next((m.end() + k for k in (3, 2) if text[m.end() : m.end() + k] in place_forms()), 0)
        if not end:
            continue
        seg = seg or segment_text(text)
        if seg.starts_word(m.start()) and seg.starts_word(end):
            yield Candidate(text[m.start() : end], "slogan", m.start(), stage=STAGE, rule="image")
    if w.new_place_mark in text:
        for m in _new_place_pattern().finditer(text):
            place = m.group("place")
            if place not in place_forms():
                continue
            seg = seg or segment_text(text)
            if not seg.starts_word(m.start()):
                continue  # 创新|福建…: 新 ends another word
            start = m.start()
            qualifier = next((q for q in w.new_place_qualifiers if text.endswith(q, 0, start)), "")
            if qualifier and seg.starts_word(start - len(qualifier)):
                start -= len(qualifier)  # 现代化|新重庆: the goal is named whole
            yield Candidate(text[start : m.end("phrase")], "slogan", start, stage=STAGE,
                            rule="new-place")
    for m in finditer(_strength_pattern(), text):
        seg = seg or segment_text(text)
        verb, end = m.start("verb"), m.end()
        if not (seg.starts_word(end) or text.startswith(w.strength_heads, end)):
            continue  # 强省会战略: another name
        field = _field(verb, seg, options)
        if field is not None:
            yield Candidate(text[field:end], "slogan", field, stage=STAGE, rule="strength")


def _field(verb: int, seg: Segmentation, o: FormulationOptions) -> int | None:
    """The start of the field before a verb of strength: the nouns right before it, back to
    anything else or `strength_field_max` characters (海洋经济|强省, 先进|制造业|强省).

    The verb starts a word, or the compound is one word for the segmenter (人才强国战略);
    a verb inside another word (新兴|市场) or after a verb or a count (推进|强省, 全国百|强县)
    has no field.
    """
    if not seg.starts_word(verb) and not seg.starts_word(verb - o.strength_field_min):
        return None
    low = max(0, verb - o.strength_field_max)
    start = verb
    for piece in reversed(seg.words(low, verb)):
        at = start - len(piece)
        if at < low or not seg.starts_word(at) or not _field_word(piece):
            break
        start = at
    return start if verb - start >= o.strength_field_min else None


@lru_cache(maxsize=4096)
def _field_word(piece: str) -> bool:
    """Tell whether a word may be part of a field: a noun (海洋 is tagged a place name), a verbal
    noun or set phrase (教育, 高等教育), a one-character modifier (新|材料), and no verb of
    command (建设|海洋经济强省), nor a word ending in one (全面实施|科教兴国, tagged a noun)."""
    w = words()
    clause = clause_word_set()
    if piece in clause or piece in w.phrase_breaks:
        return False
    if len(piece) > 2 and (piece[-2:] in clause or piece[-3:] in clause):
        return False
    tagged = default_tagger().tag(piece, False)
    if len(tagged) != 1:
        return False
    tag = tagged[0][1]
    return tag in w.field_tags or (len(piece) == 1 and tag in w.manner_tags)


@lru_cache(maxsize=4096)
def _is_place_name(word: str) -> bool:
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1] == _PLACE_TAG


@lru_cache(maxsize=1)
def _strength_pattern() -> re.Pattern[str]:
    """A verb of strength and the place, after Chinese text (文化|强省).

    The look-behind is read after the verb, so that `re` scans for the verbs rather than
    trying every position (the same matches; 15 -> 5 us a news item)."""
    w = words()
    return re.compile(rf"(?P<verb>[{w.strength_verbs}])(?<=[{HAN}].)[{w.strengthened_places}]")


@lru_cache(maxsize=1)
def _new_place_pattern() -> re.Pattern[str]:
    """新 and a place of two or three characters, ending as an ideal's compound does."""
    mark = re.escape(words().new_place_mark)
    return re.compile(rf"(?P<phrase>{mark}(?P<place>[{HAN}]{{2,3}}))(?=建设|[，。；、”）)\s]|$)")


@lru_cache(maxsize=1)
def _image_pattern() -> re.Pattern[str]:
    """An image before Chinese text (美好|安徽, 亮丽|内蒙古): where a place may follow."""
    images = "|".join(re.escape(x) for x in words().place_images)
    return re.compile(rf"(?:{images})(?=[{HAN}]{{2}})")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """An ideal and a place of two characters, at a clause edge or before 建设 (`edge`), or
    before more Chinese text. The matches do not overlap: an ideal right before another one is
    read first and takes its characters (美丽宜居|乡村: neither 美丽宜居, no place, nor
    宜居乡村, a piece of the village's longer ideal)."""
    w = words()
    ideals = "|".join(re.escape(x) for x in w.ideals)
    return re.compile(
        rf"(?P<phrase>(?:{ideals})(?P<place>[{HAN}]{{2}}))(?:(?P<edge>(?=建设|[，。；、”）)\s]|$))|(?=[{HAN}]))"
    )
