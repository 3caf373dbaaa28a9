"""Stage `anaphora`: words that open alike and name one policy (碳达峰碳中和, 共商共建共享), and
three words that end alike, written as one clause (积势蓄势谋势, 识变求变应变: rule `3-endings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN, is_han
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import clause_word_set, word_tag, words
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "anaphora"


def find_anaphora(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Find words that open with one character and name one policy: 碳达峰碳中和, 共商共建共享.

    Two three-character words, or three two-character words that are the whole object of a
    verb of command; each part one word for the segmenter, the repeated character not a
    generic modifier (新业态新模式, 新任务新要求 are lists).
    """
    seg = seg or segment_text(text)
    v, o = words(), options
    shortest, repeat = _patterns(o.anaphora_shapes)
    for m in _runs_opening_alike(text, shortest, repeat):
        run = m.group()
        bounds: set[int] = set()  # the word edges of the run, cut when first needed
        # three two-character words (共商共建共享, but also 交往交流交融, 事前事中事后,
        # 通水通电通气) were measured at one formulation in four on the annotated reports:
        # lists are as common as mottos in that shape, so three words count only as the
        # whole object of a verb of command (坚持共商共建共享，), like 坚持稳字当头、稳中求进.
        for k, size in o.anaphora_shapes:
            span = k * size
            # only where the parts share their first character (checked again below)
            for hit in _opens_alike(size).finditer(run, 0, len(run) - span + size + 1):
                i = hit.start()
                if not bounds:
                    bounds = _edges(seg.words(m.start(), m.end()))
                if i not in bounds or i + span not in bounds:
                    continue
                if any((i + q in bounds) != (q % size == 0) for q in range(1, span)):
                    continue  # each part is one word: 共商|共建|共享, not 地方属|地责任, 段|示范
                s = run[i : i + span]
                parts = [s[j * size : (j + 1) * size] for j in range(k)]
                if len(set(parts)) < k or any(p[0] in v.function_words for p in parts):
                    continue
                shared = [q for q in range(size) if len({p[q] for p in parts}) == 1]
                if shared != [0] or s[0] in v.list_prefixes:
                    continue
                if any(word_tag(p) in v.anaphora_refused_tags for p in parts):
                    continue  # 海南省|海口市, 国务院|国资委, 第四季|第八期: no motto
                if k > o.anaphora_free_words and not (
                    run[max(0, i - o.lead_verb_len) : i] in clause_word_set()
                    and text[m.start() + i + span : m.start() + i + span + 1] in v.clause_ends
                    and i + span == len(run)
                ):
                    continue
                yield Candidate(s, "slogan", m.start() + i, stage=STAGE, rule=f"{k}-words")
    if o.endings_alike:
        yield from _endings_alike(text, seg, o)


def _endings_alike(text: str, seg: Segmentation, o: FormulationOptions) -> Iterator[Candidate]:
    """Three two-character words or more that end with one character, written as one and closing
    their clause, right after a verb, an adverb or a mark (善于|积势蓄势谋势，又善于|识变求变应变;
    坚持|防灾减灾救灾; 带头|尊法学法守法用法): a motto of acts on one thing or of kinds of it,
    whose parts are whole words for the segmenter (防灾减灾|救灾, not 庸|政懒|政怠政); the
    repeated character no function word, and no part an everyday word of the language (an IDF
    below `endings_alike_min_idf_x10` tenths: 协作合作工作 lists kinds of work). After a noun
    the run names kinds of a thing the clause is about (青年职业技能|大赛决赛开赛)."""
    if not _ENDING_HINT.search(text):
        return  # (most texts: the IDF table is not read for them)
    from policy_cli.core.keywords import load_idf

    v, idf, min_idf = words(), load_idf(), o.endings_alike_min_idf_x10 / 10
    for m in _ENDING_ALIKE.finditer(text):
        at, run = m.start(1), m.group(1)
        parts = [run[k : k + 2] for k in range(0, len(run), 2)]
        if len({p[0] for p in parts}) < len(parts) or run[1] in v.function_words:
            continue
        if not (seg.starts_word(at) and seg.starts_word(at + len(run))):
            continue
        if any(len(word) % 2 for word in seg.words(at, at + len(run))):
            continue  # (words of whole parts: 积势|蓄势|谋势, 防灾减灾|救灾)
        before = seg.words(max(0, at - ENDING_LEAD_REACH), at)
        if before and is_han(before[-1]) and not _a_lead(before[-1]):
            continue
        if min(idf(p) for p in parts) < min_idf:
            continue  # 协作合作工作: a part is an everyday word (工作), the run lists kinds of it
        yield Candidate(run, "slogan", at, stage=STAGE, rule="3-endings")


ENDING_LEAD_REACH = 4  # characters read before a run of words ending alike for its lead word


def _a_lead(word: str) -> bool:
    """Tell whether a word may open a motto's clause before it: a verb or an adverb (善于,
    积极, 坚持), as the tagger reads it alone, or a clause word."""
    if word in clause_word_set():
        return True
    w = words()
    return word_tag(word) in w.verb_tags | w.lead_adverb_tags


# two-character words ending with one character (X c Y c Z c…), three or more, closing a clause
_ENDING_ALIKE = re.compile(rf"(([{HAN}])([{HAN}])(?:[{HAN}]\3){{2,}})(?=[，。；、”\n])")
# a quick test that a text holds such a run at all: the last three parts before a clause's end
_ENDING_HINT = re.compile(r"(.).\1.\1[，。；、”\n]")


def _runs_opening_alike(
    text: str, shortest: re.Pattern[str], repeat: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of `shortest` (whole runs of Chinese) in which `repeat` matches, in order:
    the runs are found from the few places something opens alike (2 of ~28 runs of a news
    item), not each run tested (14 us -> ~3 us an item). `repeat` reads Chinese characters
    only, so each of its matches lies in one run, and a run that holds one holds the first
    match `finditer` gives at or after its start."""
    last = -1
    backwards = ""
    n = len(text)
    for hit in repeat.finditer(text):
        at = hit.start()
        if at < last:
            continue  # in the run read last
        backwards = backwards or text[::-1]  # text[i] is backwards[n - 1 - i]
        before = _NOT_HAN.search(backwards, n - at)  # the last other character before `at`
        m = shortest.match(text, n - before.start() if before else 0)
        if m is None:
            last = at + 1  # a run too short: the next hit may be in the next run
            continue
        last = m.end()
        yield m


_NOT_HAN = re.compile(f"[^{HAN}]")


def _edges(words: list[str]) -> set[int]:
    """The offsets where the words of a run start and end."""
    bounds = {0}
    pos = 0
    for w in words:
        pos += len(w)
        bounds.add(pos)
    return bounds


@lru_cache(maxsize=8)
def _opens_alike(size: int) -> re.Pattern[str]:
    """The places where a character comes again `size` characters later."""
    return re.compile(rf"(?=(.).{{{size - 1}}}\1)", re.DOTALL)


@lru_cache(maxsize=4)
def _patterns(shapes: tuple[tuple[int, int], ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A run of Chinese long enough for the shortest shape, and a character repeated one word
    later (a quick test that something opens alike: 碳达峰碳中和)."""
    shortest = min(k * size for k, size in shapes)
    sizes = [size for _, size in shapes]
    run = re.compile(rf"[{HAN}]{{{shortest},}}")
    repeat = re.compile(rf"([{HAN}])[{HAN}]{{{min(sizes) - 1},{max(sizes) - 1}}}\1")
    return run, repeat

