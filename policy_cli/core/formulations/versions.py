"""Stage `version`: a programme named with its version (营商环境7.0版, 协同办公3.0版).

Reports name the rounds of a standing reform as software is named: 优化|营商环境7.0版,
实施|零基预算改革2.0版, 打造|协同办公3.0版. The name is the noun phrase just before the
version number, back to the verb that acts on it or the clause edge; a version with no name
before it (推动|2.0版零碳园区) and a version number inside a word (平台3.0|版本) are left alone;
the quote marks of a brand inside the name are dropped, as other stages drop them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import clause_word_set, finditer, patterns, words
from policy_cli.core.patterns import longest_first
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "version"


def find_versions(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names before a version number (营商环境7.0版), the version included."""
    w = words()
    for m in finditer(patterns().version, text):
        seg = seg or segment_text(text)
        # the plan or programme of that version is the name (…开放2.0版|方案)
        head = next((h for h in _heads() if text.startswith(h, m.end())), "")
        end = m.end() + len(head)
        if not seg.starts_word(end):
            continue  # 平台3.0|版本: a version number, no named round
        start = _name_start(text, m.start(), options, seg)
        if start is not None:
            start = _quoted_opening(text, start, options)
            name = text[start:end].replace(w.open_quote, "").replace(w.close_quote, "")
            yield Candidate(name, "name", start, None, (), BY_RULE, STAGE, "version")


def _name_start(text: str, end: int, o: FormulationOptions, seg: Segmentation) -> int | None:
    """The start of the name ending at `end`: the words back to a verb that acts on it (a verb
    of command, one that launches or furthers a programme, or one that upgrades it), a function
    word or the clause edge, at most `version_name_max` characters."""
    w = words()
    low = max(0, end - o.version_name_max)
    start = end
    for piece in reversed(seg.words(low, end)):
        at = start - len(piece)
        if (
            at < low
            or not seg.starts_word(at)
            or piece in _openers()
            or (piece in w.function_words or any(ch in w.clause_edge for ch in piece))
        ):
            break
        start = at
    return start if end - start >= o.version_name_min else None


def _quoted_opening(text: str, start: int, o: FormulationOptions) -> int:
    """Take a quoted brand just before the name into it (“智慧好办”政务服务3.0版)."""
    w = words()
    if start == 0 or text[start - 1] not in w.close_quote:
        return start
    opening = max(
        text.rfind(q, max(0, start - o.version_name_max), start - 1) for q in w.open_quote
    )
    return opening if opening >= 0 else start


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The heads of plans and programmes, longest first (行动方案 before 方案)."""
    w = words()
    return tuple(longest_first({*w.programme_heads, *w.document_heads}))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """The verbs that act on a versioned programme (实施, 优化, 打造…)."""
    w = words()
    return frozenset(
        {
            *clause_word_set(),
            *w.launch_verbs,
            *w.construction_verbs,
            *w.zone_verbs,
            *w.version_verbs,
        }
    )
