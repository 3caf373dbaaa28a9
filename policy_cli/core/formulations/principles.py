"""Parallel clauses that name a principle, read by the stage `motto` (rule `principle-named`).

A run of clauses joined by 、 that qualifies, with 的, the head of a principle (…的原则, …的方针,
…的要求, …的理念, …的精神: `principle_heads`) is that principle as the text states it, whatever
verb opens the run and whatever follows the head: 按照|精简、统一、效能|的原则和决策、执行、监督
相协调的要求; 可按照|依法、自愿、有偿|的原则进行…; 坚持|独立自主、完全平等、互相尊重、互不干涉
内部事务|的原则; 按照|冷静观察、沉着应对|的方针和|相互尊重、求同存异|的精神. A guideline's
head may name the run with no 的 (突出|稳进增效、除险固安、改革突破、惠民强企|工作导向:
`principle_direct_heads`). Its clauses may differ in length (政事分开、事企分开、管办分开、
营利性与非营利性分开|的要求). (The rule `new-form`
reads the wider run a verb of forming opens before a form or a goal, 形成|…|的…新格局, where a
head of that kind alone is as often a list's: 农业基础薄弱、农村发展滞后|的局面.)

A list is no principle: a run whose last clause says 等 (民主、法治、公平…环境|等|方面的要求)
or that holds a quoted clause (the stage `quoted` reads those) is left. The cost is linear in
the text: one pattern finds each head, and the run before it is read back to the last mark, at
most `principle_named_max_span` characters and never past the head before it (a run cut by that
limit is left: its first clause would be a piece).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from policy_cli.core.chars import HAN, is_han
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import clause_word_set, longest_first, word_tag, words
from policy_cli.core.national import national_lexicon
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation

STAGE = "motto"
RULE = "principle-named"


def find_named_principles(
    text: str, o: FormulationOptions, seg: Segmentation
) -> Iterator[Candidate]:
    """Find the runs of clauses that qualify the head of a principle (rule `principle-named`)."""
    w = words()
    sep = w.list_separator
    if not o.principle_named_max_clause or sep not in text:
        return
    floor = 0  # a run is read back no further than the head before it
    for m in _head_pattern().finditer(text):
        at = m.start()  # the 的, or the head said with none
        head = m.start("head") if m.group("head") else at
        if not (seg.starts_word(head) and seg.starts_word(m.end())) or _noun_follows(
            seg, m.end(), o
        ):
            continue  # …的精神|文明, …的精神|血脉: the head is part of a longer noun phrase
        start = at
        limit = max(floor, at - o.principle_named_max_span)
        while start > limit and _in_a_run(text, start - 1, sep):
            start -= 1
        floor = m.end()
        if start == at - o.principle_named_max_span and start > 0 and _in_a_run(text, start - 1, sep):
            continue  # the span's limit cut the first clause: a piece, no run
        if start > 0 and text[start - 1] in w.principle_named_refused_before:
            continue  # “港人治港”、“澳人治澳”、高度自治: a run with quoted clauses
        run = _principle(text[start:at], seg, start, o)
        if run is not None:
            offset, phrase = run
            if text.endswith(w.basis_prepositions, 0, offset) and (
                m.group("head") not in w.basis_heads
            ):
                continue  # 根据|法律法规、有关规定|的要求: the documents a decision rests on
            yield Candidate(phrase, "slogan", offset, None, (), BY_RULE, STAGE, RULE)


def _principle(
    stretch: str, seg: Segmentation, start: int, o: FormulationOptions
) -> tuple[int, str] | None:
    """The run of clauses a stretch of text ends with, and where it starts, when it can be a
    principle's, else None: two clauses or more, none longer than `principle_named_max_clause`
    (the last may join two with a conjunction) nor more than `principle_named_max_ratio` times
    as long as another, the last not listing (…等), not all of them entries of the national
    lexicon. The first clause is read past what opens it (`_lead`)."""
    w = words()
    parts = stretch.split(w.list_separator)
    if len(parts) < 2 or not all(parts):
        return None
    lead = _lead(parts, seg, start, o)
    if lead is None:
        return None
    last_at = start + len(stretch) - len(parts[-1])
    sizes = [len(c) for c in (parts[0][lead:], *parts[1:-1], *_last_clauses(parts[-1], seg, last_at))]
    if max(sizes) > o.principle_named_max_clause or (
        max(sizes) > o.principle_named_max_ratio * min(sizes)
    ):
        return None  # (将|偷税、逃避缴纳税款案件|的标准: no run of clauses)
    if any(word in w.principle_named_list_words for word, _ in default_tagger().tag(parts[-1], False)):
        return None
    lexicon = national_lexicon()
    if all(canonical(c) in lexicon for c in (parts[0][lead:], *parts[1:])):
        return None  # 坚持|党的全面领导、全面从严治党|的要求: formulations listed, each its own
    return start + lead, stretch[lead:]


def _lead(parts: Sequence[str], seg: Segmentation, start: int, o: FormulationOptions) -> int | None:
    """How many characters of the first clause open the sentence, not the run, or None when the
    run is no principle's:
    - a second clause that opens with a verb that opens a clause, said in the first too, makes
      the clauses tasks (要坚持党性原则、坚持以人民为中心|的工作导向): None (共同建设、共同享有,
      an adverb, is a principle);
    - the word the later clauses open with, found later in the first, starts the run (本着|对党、
      对人民、对历史负责|的精神);
    - else a verb of holding to a principle (坚持, 按照: `form_verbs`) and, where the first clause
      is still longer than the second, up to `principle_named_max_lead` characters of words that
      end in a verb, a preposition or a conjunction (要坚持|…, 坚持实行|…, 和|…)."""
    first, second = parts[0], parts[1]
    opening = default_tagger().tag(second, False)[0][0]
    at = first.find(opening, 1)
    shared = all(p.startswith(opening) for p in parts[2:])
    if (
        opening in clause_word_set()
        and word_tag(opening) in words().verb_tags
        and (first.startswith(opening) or at > 0)
    ):
        return None
    if shared and len(parts) > 2 and at > 0 and seg.starts_word(start + at):
        return at
    lead = _verb_of_holding(first, second, seg, start)
    more = len(first) - lead - len(second)
    if more > 0:  # (要坚持|…, 坚持实行|…: what opens the clause goes on)
        if more > o.principle_named_max_lead or not _opens_the_run(
            first[lead:], more, seg, start + lead
        ):
            return None
        lead += more
    return lead


def _last_clauses(last: str, seg: Segmentation, offset: int) -> list[str]:
    """The last clause of a run (at `offset` in the text), or the two its conjunction joins, a
    word of its own (营利性|与|非营利性分开: `list_run_conjunctions`; not the 和 of 爱好和平)."""
    for conjunction in words().list_run_conjunctions:
        at = last.find(conjunction, 1)
        end = at + len(conjunction)
        if at > 0 and seg.starts_word(offset + at) and seg.starts_word(offset + end):
            return [last[:at], last[end:]]
    return [last]


def _verb_of_holding(first: str, second: str, seg: Segmentation, start: int) -> int:
    """Where the verb of holding to a principle in a run's first clause ends, when the second
    clause does not open with it too (要坚持|为人民服务、为社会主义服务|的方向: `form_verbs`),
    else 0."""
    for verb in words().form_verbs:
        at = first.rfind(verb)
        end = at + len(verb)
        if (
            at >= 0
            and not second.startswith(verb)
            and len(first) > end
            and seg.starts_word(start + at)
            and seg.starts_word(start + end)
        ):
            return end
    return 0


def _opens_the_run(first: str, lead: int, seg: Segmentation, start: int) -> bool:
    """Tell whether the first `lead` characters of a run's first clause are whole words that end
    in a verb, a preposition or a conjunction (按照|, 坚持|, 和|): what opens the clause, not a
    part of the run's first clause."""
    if not seg.starts_word(start + lead):
        return False
    tagged = default_tagger().tag(first[:lead], False)
    return bool(tagged) and tagged[-1][1].startswith(words().principle_named_lead_tags)


def _noun_follows(seg: Segmentation, end: int, o: FormulationOptions) -> bool:
    """Tell whether the word of the text's segmentation right after a principle's head (which
    ends at `end`) is one the tagger takes for a noun: 精神|血脉 names no principle."""
    after = seg.words(end, end + o.principle_named_lookahead)
    return bool(after) and word_tag(after[0]) in words().noun_tags


def _in_a_run(text: str, at: int, sep: str) -> bool:
    """Tell whether the character at `at` can be part of a run of clauses (Han, or 、)."""
    return is_han(text[at]) or text[at] == sep


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    """的 and a principle's head, the longest head first (的工作导向 before 的导向), or a head
    that names one with no 的 (…惠民强企|工作导向: `principle_direct_heads`) after a Han
    character that is no 的."""
    w = words()
    heads = "|".join(map(re.escape, longest_first(w.principle_heads)))
    direct = "|".join(map(re.escape, longest_first(w.principle_direct_heads)))
    possessive = re.escape(w.trail_possessive)
    return re.compile(
        f"{possessive}(?P<head>{heads})|(?<=[{HAN}])(?<!{possessive})(?P<direct>{direct})"
    )
