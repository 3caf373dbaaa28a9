"""Stage `frame`: mottos found by their frame.

- (统筹A和B filling a clause was read as a motto, rule `balance`, until 2026-12-05: the
  established balances are the national lexicon's, 统筹发展和安全, and the others a plain
  instruction, 统筹消费和投资, 统筹层次和保障水平);
- `stance`: in a short text of the centre, the stance one policy is to take, a clause whole
  (宏观政策要强化逆周期调节, 积极的财政政策要加力提效);
- `adhered`: in a short text of the centre, what it says to adhere to, a clause whole after
  坚持 or 必须/始终坚持 (坚持|金融业务持牌经营, 坚持和完善|生态文明制度体系): the principle as
  the meeting states it (`_adhered_principle`); not where 坚持 is part of a longer word
  (坚持不懈|抓下去), follows 不要 or keeps on (坚持|不动摇, 坚持|就是胜利); the steadfastness
  after it trimmed (…|不动摇: `adhered_trimmed_ends`); the formulations inside it stay items of
  their own (refine's `HOLD_PARTS_WITH_OTHERS`);
- `negated-pair`: a clause and its negation sharing a frame (房子是用来住的、不是用来炒的);
- `shared-head`: two modifiers sharing a head (跨周期和逆周期调节);
- `manner-list`: adverbs listed before one verb phrase (完整、准确、全面贯彻新发展理念);
- `condition`: a condition and what it conditions (没有全民健康，就没有全面小康), or the only
  conditions of two outcomes (只有社会主义才能救中国，只有改革开放才能发展中国…);
- `leadership`: the Party's leadership over a field, qualified (党中央对行政区划工作的集中统一
  领导, 党对人民军队的绝对领导);
- `orientation`: the clauses a policy takes as its orientation or principle (以|生态优先、绿色发展|
  为导向);
- `guiding-frame`: the main line, theme, centre or driving force a policy takes, a clause whole
  (以供给侧结构性改革为主线, 以改革开放为动力);
- `field-chain`: fields abbreviated to one character each, joined (农文旅融合, 商旅文体展联动);
- `held-together`: what a principle holds to be done together, to the end of its clause
  (坚持|物质文明和精神文明一起抓; 坚持|工业农业一起抓、城市农村一起抓);
- `theme`: the theme a congress states for itself, a sentence of clauses (大会的主题
  是：高举邓小平理论伟大旗帜，…，继往开来，与时俱进，全面建设小康社会，加快推进社会主义现代化，为
  开创中国特色社会主义事业新局面而奋斗。): its aim (开创中国特色社会主义事业新局面), each run of
  short clauses of one length (继往开来，与时俱进) and each longer clause (加快推进社会主义现代化),
  as a reader lists what the congress stands on, in a theme of `theme_min_clauses` clauses or
  more; not the clause that says what guides it (以邓小平理论和“三个代表”重要思想为指导), a
  national formulation it raises with an opener (高举|中国特色社会主义伟大旗帜, named with its
  opener by the refine stage: `named_openers`) or a clause holding other marks, each of which
  ends a run, nor a short clause alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from policy_cli.core.chars import HAN, is_han
from policy_cli.core.formulations.boundary import clause_lead, common_run, starts_a_word
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.mottos import only_names_things
from policy_cli.core.formulations.national import a_place, short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import (
    Words,
    a_dictionary_word,
    finditer,
    finditer_around,
    is_verb,
    patterns,
    word_tag,
    words,
)
from policy_cli.core.national import national_lexicon
from policy_cli.core.patterns import longest_first
from policy_cli.core.phrases import QUOTE_MARKS, canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "frame"
# the rule of the main line, theme or driving force a policy takes (refine: it holds no parts)
GUIDING_FRAME = "guiding-frame"
# the rule of a policy's stance (refine: it holds no parts either)
STANCE = "stance"
# the rule of what a short text of the centre says to adhere to, and the verb it follows
ADHERED = "adhered"
ADHERED_VERB = "坚持"


def find_frames(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Find mottos by their frame: 跨周期和逆周期调节, 碳达峰碳中和, 是…的、不是…的."""
    seg = seg or segment_text(text)
    w, p, o = words(), patterns(), options
    if short_central_text(text, o):
        for m in finditer(p.policy_stance, text):
            yield Candidate(m.group(1), "slogan", m.start(1), stage=STAGE, rule=STANCE)
        for m in finditer(p.adhered_to, text):
            if seg.starts_word(m.start(1)):
                principle = _adhered_principle(m.group(1), w, o)
                if principle:
                    yield Candidate(principle, "slogan", m.start(1), stage=STAGE, rule=ADHERED)
    for m in finditer_around(p.negated_pair, text, w.list_separator):
        first, second = m.group(1), m.group(2)
        lead = clause_lead(first, o)
        first = first[len(lead) :]
        end = second.rfind(first[-1])
        if end < 1:
            continue
        # …不是用来炒的定位: the pair ends where the second clause closes like the first
        second = second[: end + 1]
        frame = common_run(first, second[1:])
        if len(frame) >= o.negated_frame_min and first[-1] == second[-1] and (
            abs(len(first) - len(second)) <= o.negated_length_gap
        ):
            start = m.start() + len(lead)
            pair = f"{first}{w.list_separator}{second}"
            yield Candidate(pair, "slogan", start, stage=STAGE, rule="negated-pair")
    for m in finditer_around(p.shared_head_pair, text):  # around its 和
        if m.group(1) != m.group(3) and starts_a_word(text, m.start(), o, seg):
            end = _shared_head_end(m.start(4), m.end(), seg)
            if end is not None:
                pair = text[m.start() : end]
                yield Candidate(pair, "slogan", m.start(), stage=STAGE, rule="shared-head")
    for m in finditer(p.field_chain, text):
        chain = m.group(1)
        if len(set(chain)) == len(chain) and seg.starts_word(m.start()):
            yield Candidate(m.group(), "slogan", m.start(), stage=STAGE, rule="field-chain")
    for pattern in (p.condition_pair, p.necessity_pair):
        for m in finditer(pattern, text):
            yield Candidate(m.group(), "slogan", m.start(), stage=STAGE, rule="condition")
    for m in finditer(p.party_leadership, text):
        yield Candidate(m.group(), "slogan", m.start(), stage=STAGE, rule="leadership")
    for m in finditer(p.orientation_run, text):
        if not all(only_names_things(part) for part in m.group(1).split(w.list_separator)):
            # (以市场需求、企业需求为导向: things, no orientation of a policy)
            yield Candidate(m.group(1), "slogan", m.start(1), stage=STAGE, rule="orientation")
    for m in finditer(p.guiding_frame, text):
        taken = m.group(2)
        if w.trail_possessive not in taken.replace(w.party_prefix, "") and not all(
            a_place(part) for part in taken.split(w.list_separator)
        ):
            # (以哈尔滨为中心, 以上海、北京为中心: places; 以智能制造的核心部件为牵引: a description,
            # where 以党的政治建设为统领 names the Party's)
            yield Candidate(m.group(1), "slogan", m.start(1), stage=STAGE, rule=GUIDING_FRAME)
    for m in finditer(p.manner_list, text):
        if _manner_words(m.group(1).split(w.list_separator)[:-1]) and is_verb(m.group(3)):
            yield Candidate(m.group(), "slogan", m.start(), stage=STAGE, rule="manner-list")
    if o.theme_short_max:
        for m in finditer(p.theme_sentence, text):
            yield from _theme(m.group(1), m.start(1), o)
    if any(t in text for t in w.together_predicates):  # (most texts say none)
        pattern = _held_together(o.held_together_min, o.held_together_max, o.held_together_parts)
        for m in pattern.finditer(text):
            if not any(_opens_with_no_subject(part) for part in m.group(1).split(w.list_separator)):
                yield Candidate(m.group(1), "slogan", m.start(1), stage=STAGE, rule="held-together")


def _theme(theme: str, at: int, o: FormulationOptions) -> Iterator[Candidate]:
    """The formulations of a theme's clauses (rule `theme`, see the module): the aim of its
    last clause, its runs of short clauses of one length, and its longer clauses. A clause
    left out (what guides the theme, a banner, one holding other marks) ends a run; a short
    clause alone is none."""
    base = at
    clauses: list[tuple[int, str]] = []  # (offset, clause)
    for clause in _CLAUSE_SEPARATORS.split(theme):
        clauses.append((at, clause))
        at += len(clause) + 1  # (and the comma after it)
    if len(clauses) < max(1, o.theme_min_clauses):
        return
    aim = patterns().theme_aim.fullmatch(clauses[-1][1])
    if aim is not None:
        yield Candidate(aim.group(1), "slogan", clauses[-1][0] + 1, stage=STAGE, rule="theme")
        clauses.pop()
    run: list[tuple[int, str]] = []
    for offset, clause in [*clauses, (-1, "")]:
        kept = bool(clause) and not _left_out_of_theme(clause)
        if run and (not kept or len(clause) != len(run[0][1]) or len(clause) > o.theme_short_max):
            if len(run) > 1:  # (as printed, its commas Chinese or ASCII)
                said = theme[run[0][0] - base : run[-1][0] - base + len(run[-1][1])]
                yield Candidate(said, "slogan", run[0][0], stage=STAGE, rule="theme")
            run = []
        if not kept:
            continue
        if len(clause) <= o.theme_short_max:
            run.append((offset, clause))
        else:
            yield Candidate(clause, "slogan", offset, stage=STAGE, rule="theme")


# what separates a theme's clauses: a comma, Chinese or ASCII (one character each)
_CLAUSE_SEPARATORS = re.compile("[，,]")


def _left_out_of_theme(clause: str) -> bool:
    """Tell whether a theme's clause names no formulation of its own there: it says what guides
    the theme (…为指导: `theme_guided_ends`), raises a national formulation with an opener the
    refine stage names it with (高举|中国特色社会主义伟大旗帜: `named_openers`), or holds a mark
    other than quotes (与时俱进（2022）)."""
    w = words()
    if clause.endswith(w.theme_guided_ends) or not all(
        is_han(ch) or ch in QUOTE_MARKS for ch in clause
    ):
        return True
    lexicon = national_lexicon()
    return any(
        clause.startswith(opener) and canonical(clause[len(opener) :]) in lexicon
        for opener in w.named_openers
    )


def _shared_head_end(start: int, end: int, seg: Segmentation) -> int | None:
    """Where the head two modifiers share ends (跨周期和逆周期|调节, 传统和非传统|安全威胁): the
    longest run of whole words from `start`, up to `end`, that are nouns or verbal nouns
    (`shared_head_tags`), or None where none is (冬奥会和夏奥会|的…, 中文版和英文版|今天分别,
    上交所和港交所|连接起来: two things named, no head shared)."""
    if not seg.starts_word(start):
        return None
    tags = words().shared_head_tags
    at, last = start, None
    for word in seg.words(start, end):
        if word_tag(word) not in tags or not seg.starts_word(at + len(word)):
            break
        at += len(word)
        last = at
    return last


@lru_cache(maxsize=4)
def _held_together(part_min: int, part_max: int, parts: int) -> re.Pattern[str]:
    """A principle verb (坚持) and what it holds to be done together (…一起抓, …一体推进), one
    clause or up to `parts` joined by 、 (each `part_min` to `part_max` characters before the
    predicate), to the end of the clause or line. (The bound on the parts keeps the pattern
    linear: a run of such clauses that ends in no clause end is not read again from each 坚持.)"""
    w = words()
    verb = "|".join(map(re.escape, w.principle_verbs))
    done = "|".join(map(re.escape, longest_first(w.together_predicates)))
    part = f"[{HAN}]{{{part_min},{part_max}}}?(?:{done})"
    sep = re.escape(w.list_separator)
    ends = re.escape(w.clause_or_line_ends)
    return re.compile(f"(?:{verb})({part}(?:{sep}{part}){{0,{parts - 1}}})(?=[{ends}]|$)")


def _adhered_principle(clause: str, w: Words, o: FormulationOptions) -> str:
    """The principle a clause after 坚持 states (rule `adhered`), or "" where it states none:
    the steadfastness said after it trimmed (…|不动摇); nothing where what opens it is a
    particle, a preposition, a word of keeping on or a pronoun of when or which
    (`adhered_refused_openers`: 不动摇, 就是胜利, 每月…), it ends in a 的 of a predicate or of a
    requirement (…的要求), it is a word of the language (高标准) or holds 坚持 again, or where the
    Party's opener opens it (党的基本路线: the refine stage names the find it opens so, found by
    the others)."""
    for end in w.adhered_trimmed_ends:
        if clause.endswith(end):
            clause = clause[: -len(end)]
            break
    if (
        len(clause) < o.adhered_min_len
        or clause.startswith((*w.named_openers, *w.adhered_refused_openers))
        or clause.endswith(w.adhered_refused_ends)
        or ADHERED_VERB in clause
        or a_dictionary_word(clause)
    ):
        return ""
    return clause


def _opens_with_no_subject(part: str) -> bool:
    """Tell whether what is held to be done together opens with a preposition, a time or a
    pronoun rather than with what is done together (坚持|和群众一起抓, 坚持|每月一起抓)."""
    tagged = default_tagger().tag(part, False)
    return bool(tagged) and tagged[0][1].startswith(words().held_together_refused_tags)


def _manner_words(listed: Sequence[str]) -> bool:
    """Tell whether every word is an adjective or adverb for the tagger (完整, 准确)."""
    tagger, manner = default_tagger(), words().manner_tags
    for word in listed:
        tags = tagger.tag(word, False)
        if len(tags) != 1 or tags[0][1] not in manner:
            return False
    return True

