"""The stages after the candidates: `filter`, `merge` and `fold`.

- `filter` drops what is never a formulation (one character, plain numbers, 一批, idioms
  found by an unquoted rule, a text opening with a particle: 的|传统和非传统安全挑战, or with the
  measure word of a number in digits before it: 7个|自贸试验区; an unquoted run whose every
  clause tells an act done: 加深了互信、扩大了共识);
- `merge` keeps one candidate per text: the certain (quoted) ones first, then the earliest;
  the evidence of every stage that proposed the text is kept on it;
- `fold` drops an unquoted find that only ever occurs inside a longer find, a quoted member
  of a longer find that is quoted only where a glossary defines it (“登高”即…), and a scope
  word in front of another find (国家污染防治攻坚战 beside 污染防治攻坚战), or the other find
  where the lexicon of national formulations holds the scoped one (统一大市场 beside
  全国统一大市场); and it names a find with the opener a reader names it with (党的基本路线,
  高举中国特色社会主义伟大旗帜: `named_openers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.candidate import CERTAIN, FRAME_SLOT, Candidate, with_evidence
from policy_cli.core.formulations.counted import STAGE as COUNTED_STAGE
from policy_cli.core.formulations.frames import ADHERED, GUIDING_FRAME, STANCE
from policy_cli.core.formulations.frames import STAGE as FRAME_STAGE
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.pieces import QUOTES
from policy_cli.core.formulations.rank import SAID_AS, find_said
from policy_cli.core.formulations.vocab import (
    idioms,
    is_verb,
    names_on,
    next_word,
    patterns,
    words,
)
from policy_cli.core.national import everyday_lexicon, national_lexicon, national_openers
from policy_cli.core.occurrences import containers, find_all
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger

# the stages (or stage/rule) whose finds hold no parts: a point's headline (坚持|扩大内需这个战略
# 基点) says a formulation with its verb, and a guiding frame (以|供给侧结构性改革|为主线) with
# its frame, and a policy's stance (稳健的货币政策要|灵活适度) with its policy; the formulation
# stays an item of its own
HOLD_NO_PARTS = ("point", f"{FRAME_STAGE}/{GUIDING_FRAME}", f"{FRAME_STAGE}/{STANCE}")
# the rules whose finds hold parts only where another stage finds them too: what a short text of
# the centre says to adhere to (坚持|中国特色社会主义法治体系) is a clause that may say a
# formulation and more, and the formulation stays an item of its own
HOLD_PARTS_WITH_OTHERS = (f"{FRAME_STAGE}/{ADHERED}",)
OPENER_UNNAMED_KINDS = ("code", "document")  # (kinds named by themselves, never with 党的)
OPENER_LOOKBEHIND = 4  # characters cut before an opener to tell it is a word of its own
OPENER_LOOKAHEAD = 4  # characters cut after a name it opens to tell a word ends with the name
WHOLE_STAGES = (COUNTED_STAGE, "motto")  # (finds that a counted set at their end never makes a description)


def filter_candidates(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """Drop the candidates that are never formulations."""
    return [
        c for c in candidates
        if _acceptable(c.text.strip(), options, quoted=c.strength >= CERTAIN)
        and not (c.strength < CERTAIN and _opens_with_a_counts_measure(text, c))
    ]


def _opens_with_a_counts_measure(text: str, c: Candidate) -> bool:
    """Tell whether an unquoted find opens with the measure word of a number said right before
    it, in digits or in count words (新设7个|自贸试验区, 新设立的三|个自贸试验区): the measure
    word is the count's, the find a piece."""
    t = c.text.lstrip()
    before = text[c.offset - 1 : c.offset] if 0 < c.offset <= len(text) else ""
    return (
        bool(t)
        and t[0] in words().measures_never_first
        and bool(before)
        and (before.isdigit() or before in words().count)
    )


def merge_candidates(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """Keep one candidate per text, with the evidence of all that proposed it."""
    by_text: dict[str, Candidate] = {}
    for c in sorted(candidates, key=lambda c: (-c.strength, c.offset)):
        t = c.text.strip()
        old = by_text.get(t)
        if old is None:
            by_text[t] = c
            continue
        if not old.items and c.items:
            old = replace(old, text=t, refers_to=old.refers_to or c.refers_to, items=c.items)
        by_text[t] = with_evidence(old, c)
    return list(by_text.values())


def fold_candidates(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """Drop unquoted finds that are parts of longer ones, and scope-word variants."""
    texts = {c.text for c in candidates}
    drop: set[str] = set()
    # find -> the longer finds holding it
    holders = _holders(candidates)
    parts = [c.text for c in candidates if c.strength < CERTAIN and c.text in holders]
    starts = find_said(text, candidates, [*parts, *{t for p in parts for t in holders[p]}])
    for c in candidates:
        if c.strength >= CERTAIN:
            continue
        # an unquoted find that only ever occurs inside longer finds is a part of them
        # (社会发展第十四个五年规划 in 国民经济和社会发展第十四个五年规划); one the document
        # also says on its own is an item of its own (中国式现代化 beside
        # 在推进中国式现代化中走在前、做示范)
        longer = holders.get(c.text)
        if longer and _only_inside(c.text, longer, starts):
            drop.add(c.text)
    drop.update(_defined_members(text, candidates, holders))
    described = _described_sets(candidates)
    if described:
        # the set stays where every longer find holding it describes it
        drop -= {
            c.text for c in candidates
            if _counted(c) and set(holders.get(c.text, ())) <= described
        }
        drop |= described
    scope_words = words().scope_words
    kept = texts - drop
    strength = {c.text: c.strength for c in candidates}
    for c in candidates:
        # 国家污染防治攻坚战 beside 污染防治攻坚战: a scope word in front is the same item (the
        # one kept: not where the bare one is dropped as a part of this one, 实施|国家黑土地保护
        # 工程 beside the lexicon's 黑土地保护工程, which the text never says alone); the one
        # listed is the bare one, unless national text names it with its scope (全国统一大市场,
        # an entry of the national lexicon, beside the everyday 统一大市场: the scoped one)
        for scope in scope_words:
            bare = c.text[len(scope) :]
            if c.text.startswith(scope) and bare in kept and c.strength < CERTAIN:
                if canonical(c.text) not in national_lexicon():
                    drop.add(c.text)
                elif strength.get(bare, CERTAIN) < CERTAIN:
                    drop.add(bare)
    kept_finds = _sessions_by_number([c for c in candidates if c.text not in drop])
    return _named_with_openers(text, kept_finds, options)


def _named_with_openers(
    text: str, candidates: Sequence[Candidate], options: FormulationOptions
) -> list[Candidate]:
    """A find the text says after one of the `named_openers` is named with it, as a reader
    names it: 党的 (党的基本路线, 党的第二代中央领导集体, 党的政治建设、思想建设、组织建设…: a
    line, a generation or a kind of building of the Party, not any) and 高举 before a banner
    (高举中国特色社会主义伟大旗帜). The name's mentions are the find's (`rank.SAID_AS`: 党的基本
    路线 is counted where 基本路线 is said alone too). Named so:
    - an entry of the national lexicon only where national text names it so in
      `opener_national_min_percent` of its uses or more (`national_openers`: 党的|群众路线, not
      党的|乡村振兴战略 or 党的|初心使命, where 党的 only says whose it is); a find the lexicon
      lacks (党的|创造力、凝聚力、战斗力) by the document alone;
    - only where the text says it so in `opener_named_min_percent` of its mentions or more, the
      opener a word of its own (not 中国共产|党的…, 全面从严治|党的…), no pronoun saying whose
      party (我们党的|立党之本、执政之基、力量之源: what it is to itself) and no name running on
      after the find (党的|群众路线教育实践活动, 党的|脱贫攻坚好政策: 党的 qualifies a longer one);
    - never a congress or a plenum, named by its number alone (二十大, 二十大精神:
      `session_number`; one a stage found with 党的 has lost it: `_sessions_by_number`), a code
      or a document."""
    w = words()
    session = patterns().session_number
    texts = {c.text for c in candidates}
    habits = national_openers()
    named: dict[str, tuple[Candidate, str]] = {}
    for c in candidates:
        if c.kind in OPENER_UNNAMED_KINDS or session.match(c.text):
            continue
        for opener, heads in w.named_openers.items():
            if (
                c.text.endswith(tuple(heads))
                and opener + c.text not in texts
                and _a_national_habit(c.text, opener, habits, options)
            ):
                named[opener + c.text] = (c, opener)
    if not named:
        return list(candidates)
    starts = find_all(text, [*named, *{c.text for c, _ in named.values()}])
    renamed: dict[int, tuple[str, int]] = {}
    for name, (c, opener) in named.items():
        if id(c) in renamed:
            continue  # (the first opener of the table said)
        said = [at for at in starts.get(name, ()) if _opens_a_name(text, at, name, opener)]
        bare = len(starts.get(c.text, ()))
        if said and 100 * len(said) >= options.opener_named_min_percent * bare:
            renamed[id(c)] = (name, said[0])
    return [
        replace(
            c, text=renamed[id(c)][0], offset=renamed[id(c)][1],
            meta=(*c.meta, (SAID_AS, c.text)),
        )
        if id(c) in renamed else c
        for c in candidates
    ]


def _sessions_by_number(candidates: Sequence[Candidate]) -> list[Candidate]:
    """A congress or plenum a stage found with 党的 (the phrase a short text repeats: 党的十八届
    三中全会精神) named by its number alone, as the numbered stage names it (十八届三中全会精神);
    dropped where the bare one is found too."""
    prefix, session = words().party_prefix, patterns().session_number
    texts = {c.text for c in candidates}
    out = []
    for c in candidates:
        bare = c.text[len(prefix) :]
        if c.text.startswith(prefix) and session.match(bare):
            if bare in texts:
                continue
            c = replace(c, text=bare, offset=c.offset + len(prefix))
        out.append(c)
    return out


def _a_national_habit(
    find: str, opener: str, habits: dict[tuple[str, str], int], options: FormulationOptions
) -> bool:
    """Tell whether national text names an entry of its lexicon with the opener in
    `opener_national_min_percent` of its uses; a find the lexicon lacks (a document's own
    motto: 党的|创造力、凝聚力、战斗力) has no habit to follow, and the document decides."""
    key = canonical(find)
    if key not in national_lexicon() and key not in everyday_lexicon():
        return True
    return habits.get((key, opener), 0) >= options.opener_national_min_percent


def _opens_a_name(text: str, at: int, name: str, opener: str) -> bool:
    """Tell whether the opener at `at` is a word of its own (no pronoun before 党的) and no name
    runs on after `name`, the find it opens."""
    w = words()
    before = _tag_before_word(text, at, len(opener))
    if before is None or (opener == w.party_prefix and before in w.pronoun_tags):
        return False
    if not _ends_a_word(text, at, at + len(name)):
        return False  # 党的十五|大: the find is cut from a longer word there (十五大, 十五届)
    after = next_word(text, at + len(name))
    if after is not None and len(after[0]) == 1 and after[1] in w.quality_tags:
        after = next_word(text, at + len(name) + 1)  # 党的脱贫攻坚|好|政策: the word after
    return after is None or not names_on(after[1])


def _ends_a_word(text: str, start: int, end: int) -> bool:
    """Tell whether a word of the tagger's cut of the text from `start` ends at `end` (or the
    text, or its Chinese, ends there)."""
    if end >= len(text) or not is_han(text[end]):
        return True
    pos = start
    for word, _ in default_tagger().tag(text[start : end + OPENER_LOOKAHEAD], False):
        pos += len(word)
        if pos >= end:
            return pos == end
    return True


def _tag_before_word(text: str, at: int, size: int) -> str | None:
    """The tag of the word before `at` where a word starts there, as the tagger cuts the text
    around it ("" at the text's start or after a mark), or None where `at` is inside a word
    (中国共产|党的)."""
    if at == 0 or not is_han(text[at - 1]):
        return ""
    lo = max(0, at - OPENER_LOOKBEHIND)
    pos, tag_before = lo, ""
    for word, tag in default_tagger().tag(text[lo : at + size], False):
        if pos == at:
            return tag_before
        if pos > at:
            return None
        pos, tag_before = pos + len(word), tag
    return None


def _described_sets(candidates: Sequence[Candidate]) -> set[str]:
    """The longer finds that end with a counted set the counted stage found, where the words
    before the count are a clause of their own, opening with a verb (推动房地产高质量发展|八大
    提升行动, 促进高校毕业生就业创业|十项行动), or a list (汽车、钢铁、化工|三大产业转型攻坚战):
    the set is the name and those words say what it is for; so the longer find goes, and the set
    stays. A qualifier is the name's own (中央|八项规定精神, 全面|两孩政策), and sets side by side
    are one motto (两个市场、两种资源; 一个中心、两个基本点)."""
    sets = {c.text for c in candidates if _counted(c)}
    if not sets:
        return set()
    sep, counts = words().list_separator, patterns().set_measure
    lengths = sorted({len(s) for s in sets})

    def described(find: str) -> bool:
        for size in lengths:  # (the sets looked up by the find's ends: no scan of all of them)
            if size < len(find) and find[-size:] in sets:
                before = find[:-size]
                if counts.search(before):
                    continue  # 两个市场、|两种资源, 一个中心、|两个基本点: sets side by side
                if sep in before or _opens_with_verb(before):
                    return True
        return False

    return {
        c.text for c in candidates
        if c.strength < CERTAIN and c.stage not in WHOLE_STAGES and not _counted(c)
        and described(c.text)
    }


def _counted(c: Candidate) -> bool:
    """Tell whether the counted stage found a candidate (itself, or one merged into it)."""
    prefix = COUNTED_STAGE + "/"
    return c.stage == COUNTED_STAGE or any(tag.startswith(prefix) for tag in c.also)


def _opens_with_verb(phrase: str) -> bool:
    """Tell whether a phrase's first word is a verb that opens a clause (推动|房地产…, 促进|
    高校…: a word of `vocab.is_verb` the tagger takes for a verb), not a noun that holds one's
    characters (快递|进村, 建设银行, 大连)."""
    tagged = default_tagger().tag(phrase, False)
    return bool(tagged) and is_verb(tagged[0][0]) and tagged[0][1] in words().verb_tags


def _defined_members(
    text: str, candidates: Sequence[Candidate], holders: dict[str, list[str]]
) -> set[str]:
    """The quoted finds that are members a glossary defines, of a longer find: quoted nowhere
    but in their definition (“登高”即…, “三级”即… beside “登高、升规、晋位、上市” and
    “三级三类”), they are parts of that find, not items of their own."""
    w = words()
    members = [c.text for c in candidates if c.strength >= CERTAIN and c.text in holders]
    out: set[str] = set()
    for member, starts in find_all(text, members).items():
        quoted = 0
        for at in starts:
            end = at + len(member)
            if text[at - 1 : at] not in QUOTES or text[end : end + 1] not in QUOTES:
                continue
            quoted += 1
            if not text.startswith(w.glossary_marks, end + 1):
                break  # quoted on its own somewhere: an item of its own
        else:
            if quoted:
                out.add(member)
    return out


def _holders(candidates: Sequence[Candidate]) -> dict[str, list[str]]:
    """Each find -> the longer finds that hold it as a part: any longer find, but those whose
    evidence names a stage or rule of `HOLD_NO_PARTS` (a point's headline, a guiding frame),
    which may be parts of longer finds themselves (以科学发展为主题 inside the lexicon's
    以科学发展为主题，以加快转变经济发展方式为主线) but hold none."""
    holders = containers({c.text for c in candidates})
    for c in candidates:
        # a find that fills a slot of an uneven frame whole is a name of its own: 蒙古马精神|是跑
        # 出来的，三北精神|是拼出来的… (candidate.FRAME_SLOT; a piece of a slot stays a part)
        for slot in (v for k, v in c.meta if k == FRAME_SLOT):
            if c.text in holders.get(slot, ()):
                holders[slot] = [t for t in holders[slot] if t != c.text]
    holders = {part: longer for part, longer in holders.items() if longer}
    holding_none = {
        c.text
        for c in candidates
        if any(tag.split("/")[0] in HOLD_NO_PARTS or tag in HOLD_NO_PARTS for tag in c.evidence)
        or all(tag in HOLD_PARTS_WITH_OTHERS for tag in c.evidence)
    }
    if not holding_none:
        return holders
    out = {}
    for part, longer in holders.items():
        kept = [t for t in longer if t not in holding_none]
        if kept:
            out[part] = kept
    return out


def _only_inside(part: str, finds: list[str], starts: dict[str, list[int]]) -> bool:
    """Tell whether every occurrence of `part` lies inside an occurrence of a longer find.

    `starts` holds the offsets of every occurrence of `part` and of the `finds` in the text.
    """
    covered: set[int] = set()
    for t in finds:
        offsets = [k for k in range(len(t) - len(part) + 1) if t.startswith(part, k)]
        covered.update(at + k for at in starts.get(t, ()) for k in offsets)
    return all(at in covered for at in starts.get(part, ()))


def _done_acts(t: str) -> bool:
    """Tell whether every clause of a run joined by 、 tells an act done: the aspect particle of
    a done act (the tagger's `aspect_tags`) inside it, after its first word and before its last
    (加深|了|互信、扩大|了|共识): narration, where a motto says what to do (a 了 that ends its
    clause is the sentence's, 人气聚起来了、…)."""
    w = words()
    if w.done_particle not in t or w.list_separator not in t:
        return False
    for part in t.split(w.list_separator):
        tagged = default_tagger().tag(part, True)
        if not any(
            word == w.done_particle and tag in w.aspect_tags for word, tag in tagged[1:-1]
        ):
            return False
    return True


def _acceptable(t: str, o: FormulationOptions, *, quoted: bool) -> bool:
    if len(t) < o.min_len and not t.isdigit():
        return False
    if t in words().excluded or (not quoted and t in idioms()):
        return False
    if not quoted and t[0] in words().particles_never_first:
        return False  # 了|197个调整改造项目, 的|传统和非传统安全挑战: cut after a particle
    if not quoted and _done_acts(t):
        return False  # 加深了互信、扩大了共识、增强了默契: what was done, told, no motto
    p = patterns()
    if p.not_a_formulation.fullmatch(t):
        return False
    return quoted or not p.plain_number.fullmatch(t)
