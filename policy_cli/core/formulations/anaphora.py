"""Stage `anaphora`: words that open alike and name one policy (碳达峰碳中和, 共商共建共享)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import clause_word_set, words
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
                if k > o.anaphora_free_words and not (
                    run[max(0, i - o.lead_verb_len) : i] in clause_word_set()
                    and text[m.start() + i + span : m.start() + i + span + 1] in v.clause_ends
                    and i + span == len(run)
                ):
                    continue
                yield Candidate(s, "slogan", m.start() + i, stage=STAGE, rule=f"{k}-words")


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

