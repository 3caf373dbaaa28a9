"""Stage `motto`: parallel mottos, clauses of one shape joined by 、.

稳地价、稳房价、稳预期; 尽力而为、量力而行; 不敢腐、不能腐、不想腐: clauses of equal length
sharing a word at the same place (rule `parallel`); whole runs that rhyme or share a predicate
(科技创新、产业焕新、城市更新, rule `rhyme`; 权利平等、机会平等、规则平等, `shared-predicate`); the pair that is the whole object of a
verb of command (坚持稳字当头、稳中求进, rule `object-pair`), and any pair of four-character
clauses a verb that takes a principle holds to (坚持|包容审慎、分类分级, rule `principle-pair`), or
that fiscal or monetary policy is to take as its stance (稳健的货币政策要|灵活精准、合理适度, the same
rule); three short clauses of one length
that fill a clause or are repeated (图更强、争一流、敢首创, rule `triplet`); three clauses or
more of a one-character verb and its object that are the whole of their clause, whatever verb
opens it (要|破障碍、去烦苛、筑坦途, rule `short-verb-objects`); three words or more of two
characters, the qualities or aims a verb of command takes to the end of its clause
(确保…|安全、可靠、可控, rule `qualities`); the ideals of one place said in parallel (法治天津、
平安天津, rule `ideals`); a pair of one act with two objects or results (保交楼、保交房; 开门红、
开门旺, rule `one-act-pair`); clauses that a predicate makes one task done together (兴业、强县、富民一体发展, rule
`together`); clauses of any length that qualify a principle's head (按照|精简、统一、效能|的原则,
rule `principle-named`, `principles.py`); in a short text of the centre, three kinds or more of
one thing in a row, each ending in one head (功能监管、穿透式监管、持续监管, rule `head-run`,
`head_runs.py`); three words or more ending in one suffix of quality that a verb sets for a
course (聚焦|市场化、法治化、国际化、便利化, rule `suffix-qualities`); three clauses or more on one
frame of parallel prose, whatever their lengths (以为人民服务为核心、以集体主义为原则、以诚实守信为
重点, rule `frame-series`); the standard a verb of attaining sets, the verb's whole object
(做到|无事不扰、有求必应, rule `attained`), and the predicate a modal of obligation sets
(必须|学习历史知识、厚植文化底蕴、强化生态观念, rule `obliged`). Lists of things (产业链、供应链; 市发改委、市经信局) and partnerships of
places by their one-character names (渝藏、渝疆、渝桂) are not mottos, and a run of three clauses or more of one length is a motto whole or none: the clauses
of it that share a word (大胆试、大胆闯|、自主改) are a motto cut short, which names nothing (the
whole run is read as a triplet instead), as are clauses whose opening the next clause repeats at
another length (有实力、有信誉|、有竞争力).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import BY_RULE, Candidate
from policy_cli.core.formulations.comma_runs import find_comma_mottos
from policy_cli.core.formulations.head_runs import find_head_runs
from policy_cli.core.formulations.national import CONJUNCTION_TAG
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.principles import find_named_principles
from policy_cli.core.formulations.proper import one_character_places, place_forms
from policy_cli.core.formulations.qualified import names_a_role, noun_named, qualifies
from policy_cli.core.formulations.quoted import question_pattern, questions_asked
from policy_cli.core.formulations.vocab import (
    Words,
    clause_word_set,
    clause_words,
    finditer_around,
    is_verb,
    patterns,
    words,
)
from policy_cli.core.national import national_lexicon
from policy_cli.core.phrases import canonical
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "motto"
FRAME_GAP = "…"  # where a frame of `series_frames` holds its noun phrase (以…为)


def find_mottos(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Find parallel mottos: 2-5 clauses of equal length (2-7 chars) joined by 、, the series of
    couplets, the mottos whose clauses a comma joins (`comma_runs`) and the runs of clauses of
    any length that name a principle (`principles`: rule `principle-named`).

    A triplet that is not a whole clause is a motto when the text repeats it: those are
    counted together, in one pass over the text, once every run has been read (one
    `str.count` scan of the text per candidate made a long text cost its square).
    """
    seg = seg or segment_text(text)
    found: list[Candidate | tuple[str, int]] = list(_find(text, options, seg))
    pending = [c[0] for c in found if isinstance(c, tuple)]
    counts: dict[str, int] = {}
    if pending:
        from policy_cli.core.occurrences import find_all, non_overlapping

        counts = {
            phrase: len(non_overlapping(starts, len(phrase)))
            for phrase, starts in find_all(text, pending).items()
        }
    found.extend(_couplet_series(text, options, seg))
    found.extend(find_comma_mottos(text, options))
    found.extend(find_named_principles(text, options, seg))
    found.extend(find_head_runs(text, options, seg))
    found.extend(_attained(text, options, seg))
    for c in found:
        if isinstance(c, Candidate):
            if not _each_of_a_kind(c.text):
                yield c
        elif counts.get(c[0], 0) >= options.triplet_min_count:
            yield Candidate(c[0], "slogan", c[1], None, (), BY_RULE, STAGE, "triplet")


def _attained(text: str, o: FormulationOptions, seg: Segmentation) -> Iterator[Candidate]:
    """The standards a verb of attaining sets (做到|无事不扰、有求必应; 实现|蓝天常在、绿水长流、
    永续发展): a run of clauses of like lengths (`attained_length_ratio`) joined by 、 that is
    the verb's whole object, up to the end of the clause (rule `attained`), as a reader lists
    what a report holds itself to. Not where the verb is negated or asked about (难以|实现…;
    如何|做到…), nor a list (…|等功能), nor questions (做到|群众关心什么、期待什么，…; a
    correlative rule asks none: 谁办案谁负责、谁决定谁负责). Where the first clause carries the
    run's subject with 的 (传统文化的|创造性转化、创新性发展), what follows it as long as another
    clause, the run starts after it (not 梦想的|路上不忘初心、拼搏向前). Not where
    the last clause alone goes on: a 的 (…、人民幸福|的必由之路; in every clause 的 is the frame,
    非必要|的|不调、拿不准|的|不动、…), a conjunction (…、民主监督|和|舆论监督), a goal's noun
    (…、决战脱贫攻坚|目标任务: `attained_goal_heads`), or, after one clause only, a word the
    first does not end with (更好、更快|发展: two modifiers of one head).

    The predicate a modal of obligation sets is read the same way (rule `obliged`): three
    clauses or more of one length, the whole rest of the clause (必须|学习历史知识、厚植文化底蕴、
    强化生态观念; 我们一定要|准确识变、科学应变、主动求变)."""
    w = words()
    p = patterns()
    # what is read before the verb: a negation past two modals at most, or a question word
    # (a window, not the whole text before each find: the cost stays linear)
    span = 3 * max(map(len, (*w.principle_negations, *w.principle_modals, *w.question_words)))
    found = [(m, "attained") for m in p.attained_run.finditer(text)]
    found += [(m, "obliged") for m in p.obliged_run.finditer(text)]
    for m, rule in found:
        run, start = m.group(2), m.start(2)
        if m.group(1) and not seg.starts_word(start):
            run, start = m.group(1) + run, m.start(1)  # 做到|了然于胸、…: 了 opens a word
        verb = m.start()
        before = text[max(0, verb - span) : verb]
        if _negated(before, verb, seg) or before.endswith(tuple(w.question_words)):
            continue
        parts = run.split(w.list_separator)
        first, rest = parts[0], parts[1:]
        if w.trail_possessive in first and len(first) > max(map(len, rest)):
            cut = first.rindex(w.trail_possessive) + 1
            if min(map(len, rest)) <= len(first) - cut <= max(map(len, rest)):
                start += cut  # 传统文化的|创造性转化、创新性发展: the subject is not the run's
                parts[0] = first = first[cut:]
        run = w.list_separator.join(parts)
        if w.etc in run or _asks(run):
            continue
        if max(map(len, parts)) > o.attained_length_ratio * min(map(len, parts)):
            continue
        if rule == "obliged" and len(set(map(len, parts))) > 1:
            continue  # (a predicate's clauses of one length: 必须坚持|稳中求进、… opens a verb)
        if _last_goes_on(parts):
            continue
        yield Candidate(run, "slogan", start, None, (), BY_RULE, STAGE, rule)


def _asks(run: str) -> bool:
    """Tell whether a clause of a run asks: a question word said once in it (群众关心什么);
    said twice it is a correlative rule (谁办案谁负责)."""
    if not question_pattern().search(run):
        return False  # (most runs)
    return any(
        questions_asked(default_tagger().tag(part, False)) == 1
        for part in run.split(words().list_separator)
    )


def _last_goes_on(parts: list[str]) -> bool:
    """Tell whether the last clause of a standard's run goes on past the run: with a 的, a
    conjunction or a goal's noun that the other clauses have not, or, in a pair, with a word
    the first clause does not end with (see `_attained`)."""
    w = words()
    *others, last = parts
    held = [w.trail_possessive in p for p in parts]
    if held[-1] and not all(held):
        return True
    longest = max(map(len, others))
    if any(last.endswith(h) and len(last) - len(h) <= longest for h in w.attained_goal_heads):
        return True
    extra = len(last) - len(others[0])
    if len(parts) == 2 and extra >= 2 and not others[0].endswith(last[-extra:]):
        return True  # 更好、更快发展; 碳达峰、碳中和目标
    def joined(clause: str) -> bool:
        return any(tag == CONJUNCTION_TAG for _, tag in default_tagger().tag(clause, False))

    return joined(last) and not any(joined(p) for p in others)


def _find(
    text: str, options: FormulationOptions, seg: Segmentation
) -> Iterator[Candidate | tuple[str, int]]:
    """The mottos of the text, and the triplets (phrase, offset) that are mottos if repeated."""
    w = words()
    sep = w.list_separator
    for m in _parallel_runs(text, sep):
        parts = m.group().split(sep)
        offset = m.start()
        if _places_paired(parts, options):
            continue  # 渝藏、渝疆、渝桂; 中新、中老、中缅|通道: partnerships listed one by one
        shaped = (
            _ideals_of_a_place(m.start(), parts, options)
            or _one_act_pair(m.start(), parts, options, seg)
            or _shaped_run(text, m.start(), m.end(), parts, options, seg)
            or _one_lead_run(text, m.start(), m.end(), parts, options, seg)
            or _chiasmus(m.start(), parts, options, seg)
            or _frame_series(text, m.start(), parts, options, seg)
        )
        if shaped is None:
            shaped = _new_form(text, m.start(), parts, options, seg)
        if shaped is not None:
            yield shaped
            continue
        # the first clause may carry the verb that opens the sentence (坚持稳字当头、稳中求进)
        if len(parts[0]) > len(parts[1]):
            lead = parts[0][: len(parts[0]) - len(parts[1])]
            # …财政政策要|提质增效、更可持续: the stance a policy is to take
            stance = lead.endswith(w.stance_leads)
            loose = not (stance or _ends_with_clause_word(lead))
            offset += len(lead)
            parts[0] = parts[0][len(lead) :]
        else:
            loose = stance = False
        trail = ""
        if len(parts[-1]) > len(parts[-2]):
            trail = parts[-1][len(parts[-2]) :]
            parts[-1] = parts[-1][: len(parts[-2])]
            if _one_more_item(trail, parts):
                continue  # 稳地价、稳房价、稳预期|和稳租金: the head of a list of four, cut
        # the rules of whole runs read three clauses or more of one length (most runs are not)
        uniform = len(parts) >= options.anaphora_min_clauses and len(set(map(len, parts))) == 1
        rhyme = _whole_rhyme(parts, trail, options) if uniform else None
        if uniform and rhyme is None and _short_verb_objects(
            parts, trail, options, text, m.start(), offset, m.end()
        ):
            rhyme = "short-verb-objects"
        if uniform and rhyme is None and _qualities(
            parts, trail, options, text, m.start(), offset, m.end()
        ):
            rhyme = "qualities"
        if uniform and rhyme is None and _anchored(parts, trail, options) and not _done_together(
            text, m.end(), parts, trail, options
        ):
            rhyme = "anchored"
        if uniform and rhyme is None and _suffix_qualities(
            text, m.start(), offset, parts, trail, options, seg
        ):
            yield Candidate(
                sep.join(parts), "slogan", offset, None, (), BY_RULE, STAGE, "suffix-qualities"
            )
            continue
        if loose and (rhyme is None or not _sentence_lead(lead, seg, m.start())):
            # a lead of any verb opens only whole rhymes: other runs need a clause word (the
            # lead is tagged last: most runs are no rhyme)
            continue
        if rhyme is not None:
            yield Candidate(sep.join(parts), "slogan", offset, None, (), BY_RULE, STAGE, rhyme)
            continue
        found = _parallel_run(parts, options, seg, _starts(parts, offset))
        rule = "parallel"
        if found is None and offset > m.start() and not trail and len(parts) == 2:  # a pair
            # the whole object of a verb of command, up to the clause end (坚持稳字当头、稳中求进。
            # 坚持外防输入、内防反弹，): the shape alone is enough
            at_end = text[m.end() : m.end() + 1] in w.clause_ends  # (or the text's end)
            aligned = any(a == b for a, b in zip(*parts, strict=True))
            # 稳中求进、以进促稳
            chiasmus = len(set(parts[0]) & set(parts[1])) >= options.chiasmus_min_shared
            # 是|全方位的、开创性的: two attributes said of something, each ending in 的
            at_end = at_end and not all(p.endswith(w.trail_possessive) for p in parts)
            # 加强|审计监督、统计监督: what a verb of strengthening or fighting takes, things listed
            at_end = at_end and not lead.endswith(w.list_taking_verbs)
            if at_end and len(parts[0]) == options.object_pair_len and (aligned or chiasmus):
                found, rule = (0, len(parts)), "object-pair"
            elif at_end and len(parts[0]) == options.object_pair_len and (
                _principle_pair(lead, offset, parts, seg)
                or (stance and not any(only_names_things(half) for half in parts))
            ):
                found, rule = (0, len(parts)), "principle-pair"
        if found is None and offset == m.start() and not trail and (
            _clause_anaphora(text, m.start(), m.end(), parts, options)
        ):
            found, rule = (0, len(parts)), "clause-anaphora"
        if found is None and _verb_object_clauses(parts, trail, options):
            found, rule = (0, len(parts)), "verb-objects"
        if uniform and _done_together(text, m.end(), parts, trail, options):
            # (a parallel run found too: 依法治国、依法执政、依法行政|共同推进 is one task); a
            # national motto done together is national, since the lexicon's date
            entry = national_lexicon().get(canonical(sep.join(parts)))
            meta = (("first_seen", entry.first_seen),) if entry is not None else ()
            yield Candidate(
                sep.join(parts) + trail, "slogan", offset, None, (), BY_RULE, STAGE, "together",
                meta=meta,
            )
            continue
        if found is not None and uniform and found != (0, len(parts)):
            # 大胆试、大胆闯|、自主改; 办实事、求实效|、重实绩: the clauses that share a word are
            # part of a run of one length, a motto whole or none; cut, it names nothing, and
            # whole, it is one as any triplet is (继续|大胆试、大胆闯、自主改。)
            found = None
        if found is not None and _anaphora_goes_on(parts, found):
            continue  # 有实力、有信誉|、有竞争力: the run's opening goes on, longer
        if found is None:
            triplet = _standalone_triplet(
                text, m.start(), m.end(), parts, trail, options, offset, seg
            )
            if triplet is True:
                yield Candidate(
                    sep.join(parts), "slogan", offset, None, (), BY_RULE, STAGE, "triplet"
                )
            elif triplet is None:  # a motto if the text repeats it: counted with the others
                yield (sep.join(parts), offset)
            continue
        i, j = found
        if j == len(parts) and trail and not trail.startswith(w.trail_openers):
            j -= 1
            if j - i >= options.motto_min_clauses and not _shares_position(
                parts[i:j], options, seg, _starts(parts, offset)[i:j]
            ):
                continue
        if (
            j - i < options.motto_min_clauses
            or len(parts[i]) > _max_clause(parts[i:j], options)
            or (
                len(parts[i]) <= options.short_clause_len and j - i < options.short_clause_min_count
            )
        ):
            continue
        clauses = list(parts[i:j])
        if _places_listed(clauses, options):
            continue  # 聊城机场新建、威海机场迁建: the works of places, one each, not a motto
        phrase = sep.join(clauses)
        start = offset + sum(len(p) + 1 for p in parts[:i])
        yield Candidate(phrase, "slogan", start, None, (), BY_RULE, STAGE, rule)


def _new_form(
    text: str, start: int, parts: Sequence[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Clauses of one length that a verb of forming opens and that qualify, with 的, a new form
    a field is to take, to the end of their clause: 加快形成|人机协同、跨界融合、共创分享|的智能
    经济和智能社会新形态，; 打造|平权、互信、多元、共赢|的人工智能能力建设开放生态。; 加快形成|
    动态敏捷、多元协同|的人工智能治理格局。 A central document states the character of the
    order it calls for in such a run, and the run is its motto (rule `new-form`); the same
    clauses before another verb or head (推动人工智能在|繁荣文化生产、增强文化传播、促进文化
    交流|中展现更大作为) list the fields the sentence is about. A verb of holding to a principle,
    a tradition or a goal opens the same run before the principle's head (弘扬|听党指挥、服务人民、
    英勇善战|的优良传统; 坚持|区别对待、有保有压|的方针): the principle as the text states it
    (`form_verbs`, `form_heads`); a principle's head may follow three clauses or more with no
    的 (按照|德才兼备、注重实绩、群众公认|原则选拔干部; `form_direct_heads`). (`start`: where
    the run's first part, its lead included, starts in `text`.)"""
    w = words()
    if w.trail_possessive not in parts[-1] and not any(h in parts[-1] for h in w.form_direct_heads):
        return None  # (most runs: checked first, the cheapest way)
    first = parts[0]
    size = len(parts[1]) if len(parts) > 2 else 0
    verb, lead = next(
        (
            (v, first[: i + len(v)])
            for v in (*w.form_verbs, *w.road_verbs)
            if (i := first.rfind(v)) >= 0
            and (not size or len(first) - i - len(v) == size)
        ),
        ("", None),
    )
    if lead is None:
        return None
    road = verb in w.road_verbs
    if road and not seg.starts_word(start + len(lead) - len(verb)):
        return None  # 行|走…: a verb that only ends in 走 walks somewhere
    size = size or len(first) - len(lead)
    if not (
        o.new_form_min_clauses <= len(parts) <= o.motto_max_clauses
        and o.new_form_clause_min <= size <= o.new_form_clause_max
        and all(len(p) == size for p in parts[1:-1])
        and len(parts[-1]) > size
    ):
        return None
    clauses = [first[len(lead) :], *parts[1:-1], parts[-1][:size]]
    if len(set(clauses)) != len(clauses):
        return None
    offset = start + len(lead)
    if (
        not road
        and parts[-1].startswith(w.form_direct_heads, size)
        and len(parts) >= o.new_form_direct_min_clauses
        and w.trail_possessive not in clauses[-1]
    ):
        return Candidate(
            w.list_separator.join(clauses), "slogan", offset, None, (), BY_RULE, STAGE, "new-form"
        )
    if parts[-1][size] != w.trail_possessive:
        return None
    end = start + sum(len(p) + 1 for p in parts[:-1]) + size + 1  # after 的
    head = _HEAD_SPAN.match(text, end, min(len(text), end + o.new_form_head_span_max + 1))
    if head is None or not head.group().endswith(w.road_heads if road else w.form_heads):
        return None  # (a road is the course 走 takes: 打造…的农村道路 is a road)
    if text[head.end() : head.end() + 1] not in w.clause_ends and head.end() < len(text):
        return None
    return Candidate(
        w.list_separator.join(clauses), "slogan", offset, None, (), BY_RULE, STAGE, "new-form"
    )


_HEAD_SPAN = re.compile(f"[{HAN}]+")


def _couplet_series(
    text: str, o: FormulationOptions, seg: Segmentation
) -> Iterator[Candidate]:
    """Two clauses or more in a row, each a pair of two four-character clauses and nothing else
    (，守正创新、先立后破，系统集成、协同配合，; 解放思想、创新求变，向海图强、开放发展，): a series of
    couplets is a series of mottos, whatever their shape. The first may follow a verb of command
    (坚持|稳中求进、以进促稳，…), or one and the people it asks of (引导广大人才|爱党报国、敬业奉献，
    胸怀祖国、服务人民。). A couplet of two things (基础设施、公共服务) lists them."""
    w = words()
    for m in _couplet_matches(text, o.object_pair_len, w.list_separator):
        start = m.start()
        before = text[start - 1 : start]
        if before and before not in w.clause_or_line_ends + w.clause_opens:
            if not seg.starts_word(start):
                continue
            lead = seg.words(max(0, start - o.couplet_lead_max), start)
            if (not lead or lead[-1] not in clause_word_set()) and not _asks_of_people(
                seg, start, o
            ):
                continue
        if text[m.end() : m.end() + 1] not in w.clause_or_line_ends:
            continue
        at = start
        for clause in re.split(f"[{re.escape(w.couplet_separators)}]", m.group()):
            if not all(only_names_things(half) for half in clause.split(w.list_separator)):
                yield Candidate(clause, "slogan", at, None, (), BY_RULE, STAGE, "couplet-series")
            at += len(clause) + 1


def _asks_of_people(seg: Segmentation, start: int, o: FormulationOptions) -> bool:
    """Tell whether a clause word and the people it asks something of end right before `start`
    (引导|广大|人才|爱党报国、敬业奉献，…; 引导|广大干部|敢于担当、踏实做事，…): the last word
    names people (`asked_people_heads`), and the words between are all of `asked_people_tags`
    (not 必须|铭记|…, 持续|整治|…, verbs the tagger takes for nouns)."""
    cut = seg.words(max(0, start - o.couplet_asked_lead_max), start)
    w = words()
    if not cut or not cut[-1].endswith(w.asked_people_heads):
        return False
    k = len(cut) - 1
    while k > 0 and (tagged := default_tagger().tag(cut[k - 1], False)) and (
        tagged[-1][1] in w.asked_people_tags
    ):
        k -= 1
    return k > 0 and cut[k - 1] in clause_word_set()


def _principle_pair(lead: str, offset: int, parts: Sequence[str], seg: Segmentation) -> bool:
    """Tell whether a pair of clauses is what a verb that takes a principle (坚持) holds to, up
    to the end of its clause, whatever characters the clauses share: 坚持|包容审慎、分类分级，,
    坚持|德才兼备、以德为先，, 坚持|因地制宜、循序渐进。 A pair of things, both halves nouns
    (坚持|基础设施、公共服务), lists them; one half that does something makes the pair a principle
    though the tagger takes the other for nouns (坚持|重点布局、梯次推进), and so does one that
    names a way of thinking (`mind_heads`: 坚持|问题导向、底线思维; 坚持|系统思维、全局观念). (做到,
    which takes a standard, was measured and left out: 做到|无事不扰、有求必应 but also 做到|认识
    统一、步调一致, a description.)"""
    w = words()
    verb = next((v for v in w.principle_verbs if lead.endswith(v)), None)
    return (
        verb is not None
        and seg.starts_word(offset - len(verb))
        and not _negated(lead[: -len(verb)], offset - len(verb), seg)  # 不再坚持…: not held
        and not all(only_names_things(half) and not half.endswith(w.mind_heads) for half in parts)
    )


def _negated(before: str, at: int, seg: Segmentation) -> bool:
    """Tell whether the word that ends right before the verb at `at` (`before`: the text
    before it), past one or two modal words (不能|再|坚持, 不|应该|坚持), is a negation
    (不, 从不, 尚未, 不能…: whole words, so that 分别|坚持 is none)."""
    w = words()
    end = at
    for _ in range(3):  # the word itself, or past one or two modals
        word = _word_ending(before, end, at, seg)
        if word is None:
            return False
        if word in w.principle_negations:
            return True
        if word not in w.principle_modals:
            return False
        end -= len(word)
    return False


def _word_ending(before: str, end: int, at: int, seg: Segmentation) -> str | None:
    """The word of the segmentation that ends at `end` (an offset at or before `at`, where
    `before` ends), or None at the start of the text or when that word is longer than any
    negation or modal (it is none of them)."""
    stop = len(before) - (at - end)  # where the word ends in `before`
    w = words()
    longest = max(map(len, (*w.principle_negations, *w.principle_modals)))
    for size in range(1, min(stop, longest) + 1):
        if seg.starts_word(end - size):
            return before[stop - size : stop]
    return None


def _kinds_of_its_own(run: Sequence[str], head: str) -> bool:
    """Tell whether a run of kinds sharing a head (…经济, …文化) says something the national
    lexicon's entries do not (庭院经济、林下经济、民宿经济), rather than list watchwords each
    listed on its own (首发经济、冰雪经济、银发经济: grouped, they would be folded into the run;
    a run with one national watchword among its parts, 首发经济、银发经济、夜间经济、直播经济,
    lists the forms a place takes up, as a reader sees, and names no motto of its own),
    and whether its modifiers are kinds, not all places (美国经济、欧洲经济、日本经济 are the
    economies of countries, by the tagger's place tag; 河海文化、红色文化、工商文化 keeps a place
    among kinds)."""
    lexicon = national_lexicon()
    if any(canonical(part) in lexicon for part in run):
        return False
    places = words().place_tags
    tagger = default_tagger()
    return not all(
        all(tag in places for _, tag in tagger.tag(part[: -len(head)], False)) for part in run
    )


def _a_person(clause: str) -> bool:
    """Tell whether the tagger takes a clause whole for a person's name (刘延东)."""
    tagged = default_tagger().tag(clause, False)
    return len(tagged) == 1 and tagged[0][1] in words().person_tags


def _each_of_a_kind(run: str) -> bool:
    """Tell whether every clause of a run says 各 and a noun (各地区、各部门、各单位;
    `each_determiners`): those a text addresses, listed, where a motto says what to do or be."""
    w = words()
    for part in run.split(w.list_separator):
        det = next((d for d in w.each_determiners if part.startswith(d)), None)
        if det is None or len(part) == len(det) or not only_names_things(part[len(det) :]):
            return False
    return True


def only_names_things(half: str) -> bool:
    """Tell whether every word of a clause is a noun or a place (基础设施, 北京上海): a couplet of
    two things lists them (基础设施、公共服务), where a motto says what to do or be."""
    return all(tag in words().noun_tags for _, tag in default_tagger().tag(half, False))


def _couplet_matches(text: str, size: int, sep: str) -> Iterator[re.Match[str]]:
    """`_couplet_run(size).finditer(text)`, tried only where a pair's 、 can be (a news item has a
    few: the pattern at every character cost ~8 us an item)."""
    run = _couplet_run(size)
    pos = 0
    while (q := text.find(sep, pos + size)) >= 0:
        m = run.match(text, q - size)
        if m is None:
            pos = q + 1 - size
            continue
        yield m
        pos = m.end()


@lru_cache(maxsize=4)
def _couplet_run(size: int) -> re.Pattern[str]:
    w = words()
    pair = f"[{HAN}]{{{size}}}{re.escape(w.list_separator)}[{HAN}]{{{size}}}"
    return re.compile(f"{pair}(?:[{re.escape(w.couplet_separators)}]{pair})+")


def _parallel_runs(text: str, sep: str) -> Iterator[re.Match[str]]:
    """The matches of the `parallel_run` pattern, as `finditer` gives them (44 us -> 7 us a
    news item of ~470 characters: `vocab.finditer_around`)."""
    return finditer_around(patterns().parallel_run, text, sep)


def _shaped_run(
    text: str, start: int, end: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Three clauses or more whose inner ones give the shape, all of them rhyming.

    The inner clauses set the length; the first clause is read from its end (what comes before
    is the sentence's own: 让|勤政为民, 严格落实网络安全技术措施|同步规划) and the last from its
    start, with a short rest of the clause kept (更深层次|对外开放, 德治|相结合).
    """
    w = words()
    inner = parts[1:-1]
    if len(parts) < o.anaphora_min_clauses or len({len(p) for p in inner}) != 1:
        return None
    size = len(inner[0])
    if len(parts[0]) < size or len(parts[-1]) < size or size > _max_clause(inner, o):
        return None
    run = [parts[0][-size:], *inner, parts[-1][:size]]
    last = end - len(parts[-1])
    if not _cut_between_words(seg, start, len(parts[0]), len(parts[0]) - size) or not (
        _cut_between_words(seg, last, len(parts[-1]), size)
    ):
        return None  # a clause cut inside a word (省人力资|源社会保障厅) is no clause of a motto
    if size <= o.short_clause_len and len(run) < o.short_clause_min_count:
        return None
    if _parallel_run(run, o, seg, _starts(run, start + len(parts[0]) - size)) != (0, len(run)):
        return None
    lead = len(parts[0]) - size
    trail = parts[-1][size:]
    if _one_more_item(trail, run):
        return None  # 创新政策、创新平台、创新氛围|和创新服务: a list of four, cut
    at_edge = text[end : end + 1] in w.clause_or_line_ends
    phrase = w.list_separator.join(run)
    if trail and at_edge and not names_a_role(trail) and (
        (len(trail) <= o.motto_max_trail and (
            _own_trail(trail, run) or trail.startswith(w.trail_possessive)
        ))
        or (noun_named(trail, o) and qualifies(phrase))
    ):
        # …|相结合; the noun the run qualifies at the end of its clause names it with it:
        # 更高质量、更有效率、更加公平、更可持续|的发展, …清洁美丽|的世界
        phrase += trail
    return Candidate(phrase, "slogan", start + lead, None, (), BY_RULE, STAGE, "shaped")


def _places_paired(parts: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether the inner clauses of a run of three or more, and the first and last read at
    their length, each pair places by their one-character abbreviations (province or country:
    渝藏、渝疆、渝桂; 中新、中老、中缅|通道): the partnerships of a place, listed one by one, no
    motto (the stage `proper` names a pairing said with its work: 闽宁协作, 中老铁路)."""
    if len(parts) < 3:
        return False
    size = len(parts[1])
    if size > o.pairing_max or any(len(p) != size for p in parts[1:-1]):
        return False
    places = one_character_places()
    clauses = [parts[0][-size:], *parts[1:-1], parts[-1][:size]]
    return all(c in places for clause in clauses for c in clause)


def _frame_series(
    text: str, start: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Three clauses or more built on one frame of parallel prose, whatever their lengths: 以
    X 为 Y (以为人民服务为核心、以集体主义为原则、以诚实守信为重点), X 更加 Y (经济更加发展、民主
    更加健全、…、人民生活更加殷实), 与 X 相 Y: each clause the frame's opening (if any), a noun
    phrase X, the frame's word and a last word Y of `frame_series_tail` characters, the whole
    of its clause (rule `frame-series`; the frames are `series_frames`). The first clause is read
    from its end, back to a verb or the clause's start (使|经济更加发展; 推动|城乡区域发展更加
    协调, not 推动城乡|区域发展…); the last from its start, up to the clause's end or a 的 (…为
    重点，; …更加殷实|的小康社会), not into a longer word (以网格化为责任|模式; 社会更加和谐|稳定).
    Clauses that open with a verb (推动经济更加发展、促进民主更加健全、…) are doings, not one frame.
    The run pattern reads clauses of up to twelve characters (与社会主义市场经济相适应、与社会
    主义法律规范相协调、与中华民族传统美德相承接), longer ones not. An opening frame takes
    what a sentence says of its subject too (该公司|以网络营销为外衣、以…为媒介、…: a known
    weakness, rare). (`start`: where the run's first part starts in `text`.)"""
    if len(parts) < o.frame_series_min_clauses:
        return None
    tail = o.frame_series_tail
    w = words()
    for opening, word in _frames():
        frame = len(opening) + len(word) + tail
        lo, hi = frame + o.frame_series_min_x, frame + o.frame_series_max_x
        if not all(  # (most runs: the inner clauses, checked first, the cheapest way)
            lo <= len(c) <= hi and c.startswith(opening) and _on_frame(c, word, tail)
            for c in parts[1:-1]
        ):
            continue
        first = _frame_first(parts[0], opening, word, len(parts[1]), o, seg, start)
        last = _frame_last(parts[-1], opening, word, o)
        if first is None or last is None:
            continue
        rest = parts[-1][len(last) :]
        if rest and not rest.startswith(w.trail_possessive):
            continue  # 以网格化为责任|模式: the last word goes on
        clauses = [first, *parts[1:-1], last]
        offset = start + len(parts[0]) - len(first)
        if not opening and any(
            is_verb(next(iter(seg.words(at, at + len(c))), ""))
            for at, c in zip(_starts(clauses, offset), clauses, strict=True)
        ):
            continue  # 推动经济更加发展、促进民主更加健全: doings, each its own verb
        return Candidate(
            w.list_separator.join(clauses), "slogan", offset, None, (), BY_RULE, STAGE,
            "frame-series",
        )
    return None


@lru_cache(maxsize=1)
def _frames() -> tuple[tuple[str, str], ...]:
    """The frames of `series_frames` as (opening, word): 以…为 is ("以", "为")."""
    out = []
    for frame in words().series_frames:
        opening, gap, word = frame.partition(FRAME_GAP)
        if not gap or not word:
            raise ValueError(f"series_frames: {frame!r} is no opening, {FRAME_GAP} and a word")
        out.append((opening, word))
    return tuple(out)


def _on_frame(clause: str, word: str, tail: int) -> bool:
    """Tell whether a clause ends in the frame's word and a last word `tail` long (…更加|和谐)."""
    return clause[-len(word) - tail : -tail] == word


def _frame_first(
    part: str,
    opening: str,
    word: str,
    next_len: int,
    o: FormulationOptions,
    seg: Segmentation,
    start: int,
) -> str | None:
    """The clause of a frame that ends the first part of a run (使|经济更加发展), or None
    (`start`: where the part starts in the text; `next_len`: the next clause's length)."""
    tail = o.frame_series_tail
    if not _on_frame(part, word, tail):
        return None
    body = len(part) - len(word) - tail  # where X ends
    if opening:
        at = part.rfind(opening, 0, body - o.frame_series_min_x + 1)
        if at < 0 or body - at - len(opening) > o.frame_series_max_x:
            return None
        return part[at:] if seg.starts_word(start + at) else None
    # no opening: X as long as the next clause's (党|思想上更加统一、政治上更加团结), else the
    # nearest length; X opens a word that the clause's start or a verb comes before (促进|世界经济
    # 更加平衡; 推动|城乡区域发展更加协调, not 推动城乡|区域发展; the part may open inside a
    # clause: 我们|的前进方向更加明确), and is no verb itself (构建|保障更加公平)
    wanted = next_len - len(word) - tail
    sizes = range(o.frame_series_min_x, min(o.frame_series_max_x, body) + 1)
    for size in sorted(sizes, key=lambda k: (abs(k - wanted), -k)):
        at = start + body - size
        if not seg.starts_word(at) or is_verb(next(iter(seg.words(at, at + size)), "")):
            continue
        if at == start and seg.text[start - 1 : start] in words().clause_opens:
            return part[body - size :]  # (the run's own clause: or the text's start)
        before = seg.words(start, at)
        if before and sum(map(len, before)) == at - start and _acts(before[-1]):
            return part[body - size :]
    return None


def _acts(word: str) -> bool:
    """Tell whether a word is a verb or a preposition (推动, 使, 对): what opens a frame's first
    clause, where a noun before it (城乡|区域发展) is a piece of its noun phrase."""
    if word in clause_word_set():
        return True
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1][:1] in words().frame_lead_tag_kinds


def _frame_last(part: str, opening: str, word: str, o: FormulationOptions) -> str | None:
    """The clause of a frame that opens the last part of a run (…相承接|的…), or None."""
    if not part.startswith(opening):
        return None
    at = part.find(word, len(opening) + o.frame_series_min_x)
    if at < 0 or at - len(opening) > o.frame_series_max_x:
        return None
    if len(part) < at + len(word) + o.frame_series_tail:
        return None
    return part[: at + len(word) + o.frame_series_tail]


def _ideals_of_a_place(
    start: int, parts: list[str], o: FormulationOptions
) -> Candidate | None:
    """Two clauses or more, each an ideal wished for one place, the same in all (建设更高水平|法治
    天津、平安天津; 平安重庆、法治重庆|…): the ideals a document sets for its place, said in
    parallel, are a motto, where each alone is a slogan of the `ideal` stage. The first clause
    is read from its end and the last from its start; what follows (…|水平全面提升) is the
    sentence's own. Other words before a place (来到内蒙古、爱上内蒙古) are no ideals; in a run
    of three or more of one province or city, a noun stands for one where another is an ideal
    (人文北京、科技北京、绿色北京)."""
    w = words()
    three = len(parts) >= o.ideal_nouns_min_parts
    sizes = [size for size in _ideal_sizes() if _an_ideal(parts[1][:size], three)]
    if not sizes:
        return None  # (most runs: the second clause opens with no ideal)
    first = parts[0]
    for size in sizes:
        for place_len in range(1, len(first) - size + 1):
            ideal, place = first[-size - place_len : -place_len], first[-place_len:]
            if not (place in place_forms() or place in w.ideal_places):
                continue
            # a noun stands for an ideal of a province or city in a run of three (人文北京、科技
            # 北京、绿色北京); one ideal of the list at least
            nouns = three and place in place_forms()
            if not _an_ideal(ideal, nouns):
                continue
            run = [ideal + place]
            for k, p in enumerate(parts[1:], 1):
                head = p[: size + place_len]
                if not _an_ideal(head[:size], nouns) or head[size:] != place or head in run:
                    return None
                if k < len(parts) - 1 and p != head:
                    return None  # an inner clause is one ideal of the place, nothing more
                run.append(head)
            if not any(x[:size] in w.ideals for x in run):
                return None
            at = start + len(first) - size - place_len
            return Candidate(
                w.list_separator.join(run), "slogan", at, None, (), BY_RULE, STAGE, "ideals"
            )
    return None


def _anchored(parts: Sequence[str], trail: str, o: FormulationOptions) -> bool:
    """Tell whether a run of three clauses or more of one length that share their opening
    (`anchored_lead_min` characters) holds a formulation of the national lexicon: its
    siblings of the same shape join it in one motto (一网通办、一网统管、一网慧治; 新发展阶段、
    新发展理念、新发展格局). Not where the run qualifies a noun with 的 (结合|伟大斗争、伟大事业、
    伟大梦想|的实践: three of four, named as what a practice is of)."""
    if len(parts) < o.anaphora_min_clauses or len(parts[0]) < o.anchored_clause_min:
        return False
    if trail.startswith(words().trail_possessive):
        return False
    lead = os.path.commonprefix(list(parts))
    if len(lead) < o.anchored_lead_min or len(set(parts)) != len(parts):
        return False
    lexicon = national_lexicon()
    return any(canonical(p) in lexicon for p in parts)


@lru_cache(maxsize=1024)
def _an_ideal(word: str, nouns: bool) -> bool:
    """Tell whether a word is an ideal (`ideals`), or, where `nouns`, a noun of two characters
    (人文, 科技, 绿色; not a verb: 来到|内蒙古、爱上|内蒙古)."""
    if word in words().ideals:
        return True
    if not nouns or len(word) != 2:
        return False
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1] in words().ideal_noun_tags


def _one_act_pair(
    start: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Two clauses of three characters that say one act of their two first characters, with two
    objects (保交楼、保交房; 煤改气、煤改电: the act ends in a verb of one character) or two
    results (开门红、开门旺; 融资难、融资贵: the last characters are qualities): a pair of one act
    is a motto, whatever follows it (…|任务, …|问题). Three-character nouns of one head (审计署、
    审计厅; 政务网、政务云; 货运量、货运值) end in no quality after no verb: a list of things. The
    first clause is read from its end and the last from its start, each where a word starts or
    ends."""
    size = o.one_act_pair_len
    if len(parts) != 2 or len(parts[0]) < size or len(parts[1]) < size:
        return None
    a, b = parts[0][-size:], parts[1][:size]
    lead = a[:-1]
    if b[:-1] != lead or a == b:
        return None  # (most runs: checked first, the cheapest way)
    w = words()
    tagger = default_tagger()
    lead_words = tagger.tag(lead, False)
    acts = len(lead_words) == len(lead) and lead_words[-1][1] in w.verb_tags
    # two results of one act (开门|红、开门|旺): the lead is itself one act, a verb or verbal noun
    # (价格高、价格低 and 王小明、王小红 are a thing's two values and two people)
    results = (
        len(lead_words) == 1
        and lead_words[0][1] in w.result_lead_tags
        and all(
            (tagged := tagger.tag(c, False)) and tagged[0][1] in w.quality_tags
            for c in (a[-1], b[-1])
        )
    )
    if not (acts or results):
        return None
    if any(word in w.disposal_marks for word, _ in tagger.tag(parts[0][:-size], False)):
        return None  # 把|自身|建设好、建设强: what is done to the object named, a description
    second = start + len(parts[0]) + 1
    if not _cut_between_words(seg, start, len(parts[0]), len(parts[0]) - size) or not (
        _cut_between_words(seg, second, len(parts[1]), size)
    ):
        return None
    at = start + len(parts[0]) - size
    return Candidate(
        f"{a}{w.list_separator}{b}", "slogan", at, None, (), BY_RULE, STAGE, "one-act-pair"
    )


@lru_cache(maxsize=1)
def _ideal_sizes() -> tuple[int, ...]:
    return tuple(sorted({len(i) for i in words().ideals}))


def _one_lead_run(
    text: str, start: int, end: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Three short clauses or more of unequal length, each opening with one verb, that end the
    clause: 投早、投小、投长期、投硬科技; 稳就业、稳企业、稳市场主体 (clauses of one length are
    read by the rules of parallel clauses)."""
    w = words()
    lead = parts[1][0]
    if (
        not o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses
        or any(p[0] != lead for p in parts[1:])
        or (lead in w.list_prefixes or lead in w.function_words or lead in w.department_ends)
    ):
        return None
    k = parts[0].rfind(lead)
    run = [parts[0][k:], *parts[1:]]
    if (
        k < 0
        or len({len(p) for p in run}) == 1
        or len(set(run)) < len(run)  # 稳就业、稳就业: a clause said twice is no parallel
        or not all(o.one_lead_min_clause <= len(p) <= o.one_lead_max_clause for p in run)
    ):
        return None
    if text[end : end + 1] not in w.clause_or_line_ends or not _cut_between_words(
        seg, start, len(parts[0]), k
    ):
        return None  # a run inside a longer clause, or a lead inside a word
    tagged = default_tagger().tag(lead, False)
    if len(tagged) != 1 or tagged[0][1] not in w.one_lead_tags:
        return None  # a shared modifier or place (市发改委、市经信局、市财政局) makes a list
    return Candidate(
        w.list_separator.join(run), "slogan", start + k, None, (), BY_RULE, STAGE, "one-lead"
    )


def _chiasmus(
    start: int, parts: list[str], o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Two clauses of the same characters in another order, opening alike: 人民领袖爱人民、
    人民领袖人民爱; 稳中求进、进中求稳 shares no opening and is read as an object pair. The first
    clause is read from its end, the second from its start, each cut where a word starts."""
    if len(parts) != 2:
        return None
    first, second = parts
    swapped = _swapped_pair(start, first, second, o, seg)
    if swapped is not None:
        return swapped
    longest = min(len(first), len(second), o.anaphora_max_clause)
    if second[0] not in first[-longest:]:
        return None  # (most pairs) no size can open both alike
    for size in range(longest, o.chiasmus_min_len - 1, -1):
        a, b = first[-size:], second[:size]
        if a == b or a[0] != b[0] or sorted(a) != sorted(b):
            continue
        at = start + len(first) - size
        if seg.starts_word(at) and seg.starts_word(start + len(first) + 1 + size):
            return Candidate(
                f"{a}{words().list_separator}{b}", "slogan", at, None, (), BY_RULE, STAGE,
                "chiasmus",
            )
    return None


def _swapped_pair(
    start: int, first: str, second: str, o: FormulationOptions, seg: Segmentation
) -> Candidate | None:
    """Two clauses of one length whose nouns swap places around different words: the second
    opens with what ends the first and ends with what opens it (大城市带动大京郊、大京郊服务
    大城市; 需求牵引供给、供给创造需求). The first clause is read from its end, as long as the
    second (坚持|大城市…); the nouns are whole words of `chiasmus_swap_min_noun` characters or
    more, and something stands between them in each clause."""
    size = len(second)
    if len(first) < size or size > o.anaphora_max_clause:
        return None
    a = first[-size:]
    least = o.chiasmus_swap_min_noun
    for k in range(least, size - least):
        if not a.endswith(second[:k]):
            continue
        for k2 in range(least, size - k):
            if second.endswith(a[:k2]):
                at = start + len(first) - size
                cuts = (at, at + k2, at + size - k, at + size + 1 + k, at + 2 * size + 1 - k2)
                if all(seg.starts_word(c) for c in cuts):
                    return Candidate(
                        f"{a}{words().list_separator}{second}", "slogan", at, None, (), BY_RULE,
                        STAGE, "chiasmus",
                    )
    return None


def _max_clause(run: Sequence[str], o: FormulationOptions) -> int:
    """The longest clause a run may have: longer for anaphora, where three clauses or more open
    with one lead that acts and differ after it (更加注重系统集成、更加注重突出重点、…)."""
    if len(run) < o.anaphora_min_clauses:
        return o.motto_max_clause
    lead = 0
    while lead < len(run[0]) and len({p[lead : lead + 1] for p in run}) == 1:
        lead += 1
    if lead < o.shared_lead_len or not _acting_lead(run[0][: o.shared_lead_len]):
        return o.motto_max_clause
    return min(o.anaphora_max_clause, lead + o.motto_max_clause)


def _starts(parts: Sequence[str], at: int) -> list[int]:
    """The offsets of clauses joined by one separator, the first at `at`."""
    out = []
    for p in parts:
        out.append(at)
        at += len(p) + 1
    return out


def _cut_between_words(seg: Segmentation, start: int, length: int, at: int) -> bool:
    """Tell whether position `at` of the clause text[start:start+length] falls between two
    of its words: where a piece of the segmentation starts (its pieces cover the text, so
    the words of the clause end where the pieces do; one lookup, not the clause's words)."""
    return at in (0, length) or (0 < at < length and seg.starts_word(start + at))


def _clause_anaphora(
    text: str, start: int, end: int, parts: Sequence[str], o: FormulationOptions
) -> bool:
    """Three clauses or more of one length opening with one word that fill a clause on their
    own: ，激活主体、激活要素、激活市场， (the segmenter's tags call 激活 an adjective; a list of
    things sharing a modifier is the object or subject of a clause, not a clause)."""
    w = words()
    lead = o.shared_lead_len
    return (
        o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses
        and len({len(p) for p in parts}) == 1
        and len(parts[0]) > lead
        and len({p[:lead] for p in parts}) == 1
        and len({p[lead:] for p in parts}) == len(parts)
        and parts[0][0] not in w.list_prefixes
        and text[start - 1 : start] in w.clause_opens
        and text[end : end + 1] in w.clause_or_line_ends
    )


def _verb_object_clauses(parts: Sequence[str], trail: str, o: FormulationOptions) -> bool:
    """Three clauses or more of two words each, a different verb acting on a noun or place
    (引领湖北、支撑中部、辐射全国、融入世界): one subject's actions said in parallel, whatever
    characters they share. Nothing but a possessive 的 may follow the last clause (…融入世界|的
    重要增长极)."""
    w = words()
    if not o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses or any(
        len(p) != o.object_pair_len for p in parts
    ):
        return False
    if trail and not trail.startswith(w.trail_possessive):
        return False
    verbs = set()
    for p in parts:
        tagged = default_tagger().tag(p, False)
        if len(tagged) != 2 or any(len(word) != len(p) // 2 for word, _ in tagged):
            return False
        (verb, vtag), (_, ntag) = tagged
        if vtag not in w.verb_tags or ntag not in w.object_tags:
            return False
        verbs.add(verb)
    return len(verbs) == len(parts)


def _standalone_triplet(
    text: str,
    m_start: int,
    m_end: int,
    parts: Sequence[str],
    trail: str,
    o: FormulationOptions,
    offset: int,
    seg: Segmentation,
) -> bool | None:
    """Three or more short clauses of one length that a document repeats, that fill a clause,
    or that a verb gives as the marks of what it builds.

    图更强、争一流、敢首创 (the whole clause between commas) and 创新深化、改革攻坚、开放提升
    (said twice) are mottos even without a shared character; so are the qualities a verb that
    builds a system or holds to principles sets, the clauses whole words between the verb and the
    的 of the noun they qualify (形成|决策科学、执行坚决、监督有力|的权力运行机制; 构建|基层首诊、双向转诊、急慢
    分治、上下联动|的分级诊疗制度). Returns True or False, or None when it is a motto only if
    the text says it `triplet_min_count` times (counted by the caller, with the other such
    triplets). (`offset`: where the first clause starts, after the lead of the first part.)
    """
    if (
        len(parts) < o.triplet_min_clauses
        or len({len(p) for p in parts}) != 1
        or not (o.triplet_min_len <= len(parts[0]) <= o.triplet_max_len)
    ):
        return False
    w = words()
    if len({p[-1] for p in parts}) == 1 or len({p[0] for p in parts}) == 1:
        return False  # a shared head or lead character: 创新链、产业链、供应链; 市发改委、市经信局
    whole_clause = (
        # …精准拆弹的基本方针
        (not trail or trail.startswith(w.trail_possessive) and len(trail) <= o.possessive_trail_max)
        and text[m_start - 1 : m_start] in w.clause_opens  # (or the text's start)
        and text[m_end : m_end + 1] in w.clause_or_line_ends  # (or its end)
    )
    if whole_clause or _qualities_set(text, m_start, parts, trail, offset, seg):
        return True
    return None


def _qualities_set(
    text: str, m_start: int, parts: Sequence[str], trail: str, offset: int, seg: Segmentation
) -> bool:
    """Tell whether clauses are the qualities a verb sets for what it builds: a verb that builds
    a system or holds to principles ends the lead (`quality_setting_verbs`), the clauses are
    whole words, and the trail opens with 的."""
    w = words()
    if not (offset > m_start and trail.startswith(w.trail_possessive)):
        return False
    if not text[m_start:offset].endswith(w.quality_setting_verbs):
        return False
    at = offset
    for p in parts:  # each clause opens a word, and so does the trail
        if not seg.starts_word(at):
            return False
        at += len(p) + 1
    return seg.starts_word(at - 1)


def _parallel_run(
    parts: Sequence[str], o: FormulationOptions, seg: Segmentation, starts: Sequence[int]
) -> tuple[int, int] | None:
    """Return the longest run of clauses that rhyme in shape, if it has two or more
    (`starts`: the offset of each clause in the text)."""
    best: tuple[int, int] | None = None
    n = len(parts)
    # a run of clauses of one length: parts[i:j] for j up to same[i] (the end of the clauses
    # as long as parts[i], found once instead of a set of lengths for every i and j)
    same = [n] * n
    for i in range(n - 2, -1, -1):
        same[i] = same[i + 1] if len(parts[i]) == len(parts[i + 1]) else i + 1
    for i in range(n):
        for j in range(same[i], i + 1, -1):
            run = parts[i:j]
            if len(run[0]) <= o.short_clause_len and len(run) < o.short_clause_min_count:
                continue
            if _shares_position(run, o, seg, starts[i:j]):
                if best is None or j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best is not None:
        # a clause of the same shape just before the run belongs to it (察实情、办实事、求实效)
        i, j = best
        while (
            i > 0
            and len(parts[i - 1]) == len(parts[i])
            and _shares_position(parts[i - 1 : j], o, seg, starts[i - 1 : j], by_word=False)
        ):
            i -= 1
        best = (i, j)
    return best


def _possessive_frames(run: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether clauses are two characters, 之 and a third that names what each is, no two
    opening alike (立党之本、执政之基、力量之源): a motto, though 之 links and is shared by no word.
    A character of degree or place after 之 describes (决心之大、力度之大; 城乡之间、地区之间).
    (A pair, 建军之本、强军之魂, is read by the stage's rules of pairs, which take none so.)"""
    w = words()
    at = o.possessive_frame_at
    if run[0][at : at + 1] != w.possessive_frame:
        return False  # (most runs: checked first, the cheapest way)
    return (
        all(len(p) == at + 2 and p[at] == w.possessive_frame for p in run)
        and all(p[-1] not in w.possessive_frame_not_after for p in run)
        and len({p[:at] for p in run}) == len(run)
    )


def _shares_position(
    run: Sequence[str],
    o: FormulationOptions,
    seg: Segmentation,
    starts: Sequence[int],
    *,
    by_word: bool = True,
) -> bool:
    """Tell whether clauses rhyme in shape: 稳地价/稳房价, 不敢腐/不能腐, 开局即奔跑/起步即冲刺.

    The shared character must be the same word in every clause (稳 / 地价, 稳 / 房价); a
    character shared by different words (资源勘探、能源工程) is a coincidence, and a shared
    head noun (产业链、供应链) or modifier (基本养老、基本医疗) makes a list of things, but for
    three forms of economy or cultures a policy promotes (首发经济、银发经济、冰雪经济:
    `kind_run_heads`).
    """
    length, n = len(run[0]), len(run)
    w = words()
    linking = w.linking
    # the places where every clause has one character, not a linking one (the clauses are of
    # one length; `tuple.count`, not a set per column: most runs share none)
    shared = [
        k
        for k, column in enumerate(zip(*run, strict=True))
        if column.count(column[0]) == n and column[0] not in linking
    ]
    if _possessive_frames(run, o):
        return True
    if not shared:
        return False
    many = len(run) >= o.anaphora_min_clauses
    kind = next((h for h in w.kind_run_heads if run[0].endswith(h)), None)
    if (
        many
        and kind is not None
        and length - len(shared) <= o.kind_run_modifier_max
        and all(length - 1 - q in shared for q in range(len(kind)))
        and _kinds_of_its_own(run, kind)
    ):
        # the forms of economy and the cultures a policy promotes, each a watchword or a brand
        # of its own, where a shared head lists things (产业链、供应链、创新链): 首发经济、银发经济、
        # 冰雪经济; 红色文化、海派文化、江南文化
        return True
    if shared == list(range(length - len(shared), length)):
        # three or more one-character subjects of one predicate: 谋在实处、干在实处、成在实处;
        # 勤政为民…; a common suffix otherwise (规范化、便利化; 持久战、总体战; 荒漠化、石漠化)
        if many and length - len(shared) == 1 and len(shared) >= o.shared_predicate_min:
            return True
        return many and (_strengths(run, o) or _verb_object_run(run, seg, starts, o))
    if many and 0 in shared and run[0][0] in w.frame_openers and length >= o.frame_min_clause:
        # three clauses or more in one frame of means and end: 以学铸魂、以学增智、以学正风;
        # 以资源换产业、以园区聚产业、以口岸促产业 (以上、以下、以内 are words, not a frame)
        return True
    if all(length - q in shared for q in range(1, o.shared_head_len + 1)):
        return False  # a shared head word: 政府协商、政协协商
    if many and _strengths(run, o):
        return True  # the ways a place is made strong: 产业强省、企业兴省、就业稳省
    if all(p[-1] in w.department_ends for p in run):
        return False  # a list of departments or places: 市发改委、市经信局; 科右前旗、科右中旗
    if 0 in shared and 2 * sum(map(_a_person, run)) >= n:
        # a list of people sharing a surname (刘延东、刘奇葆), where the tagger takes half the
        # clauses or more for names (not 高起点、高标准、高水平, of which it takes 高水平 for one)
        return False
    if (
        many
        and shared[: o.shared_lead_len] == list(range(o.shared_lead_len))
        and (_acting_lead(run[0][: o.shared_lead_len]))
    ):
        # three clauses or more opening with one verb or adverb are anaphora: 激活主体、激活要素、
        # 激活市场; 同步规划、同步建设、同步使用; 更加注重… (a shared modifier makes a list:
        # 重大举措、重大项目、重大政策; 行政许可、行政处罚; a pair is a list: 统一意志、统一行动)
        return True
    if run[0][0] in w.comparatives and 0 in shared and not many:
        return False  # comparatives: 更高质量、更有效率
    if (
        shared == list(range(len(shared)))
        and len(shared) >= o.common_modifier_min
        and (length - len(shared) >= o.common_modifier_rest)
    ):
        return False  # common modifier: 统一意志、统一行动
    if any(k + 1 in shared and k > 0 for k in shared):
        return True  # a two-character word at one place inside: 农业全面升级、农村全面进步
    if shared[: o.shared_lead_len] == list(range(o.shared_lead_len)) or not by_word:
        return True  # a shared two-character lead: 开门稳、开门好、开门红
    cuts = [seg.words(at, at + len(p)) for p, at in zip(run, starts, strict=True)]
    if all(len(c) == 1 for c in cuts) and length >= o.idiom_clause_min:
        return True  # idioms in parallel: 尽力而为、量力而行
    for k in shared:
        if len({_word_at(c, k) for c in cuts}) == 1:
            return True
    if many and _one_mark_inside(run, shared, cuts):
        return True
    # a first character that is a word of its own in most clauses, which the segmenter joins to
    # the rest in one (全|主体、全|品种、全链条、全|周期)
    alone = sum(1 for c in cuts if c and c[0] == run[0][:1])
    return 0 in shared and alone * 2 > len(run)


def _ends_with_clause_word(lead: str) -> bool:
    """Tell whether a lead is or ends with a clause word (坚持|…, 要坚持|…): its suffixes of
    the clause words' lengths looked up in their set (`str.endswith` with the 600 words was
    the motto stage's largest single cost)."""
    words_ = clause_word_set()
    return any(lead[-k:] in words_ for k in _clause_word_lengths() if k <= len(lead))


@lru_cache(maxsize=1)
def _clause_word_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in clause_word_set()}))


def _sentence_lead(lead: str, seg: Segmentation, start: int) -> bool:
    """Tell whether what the first clause holds before a run of shorter clauses opens the
    sentence with any verb or adverb (深化|科技创新、产业焕新、城市更新; 有效|盘活存量、做优增量、
    提升质量) rather than names who or what the clauses are of (龙头企业|稳产、配套企业集聚):
    whole words, the last of which is a verb or an adverb."""
    cut = seg.words(start, start + len(lead))
    if not cut or sum(len(word) for word in cut) != len(lead):
        return False  # the lead ends inside a word
    if cut[-1] in words().effort_adverbs:
        return True
    tagged = default_tagger().tag(cut[-1], False)
    return len(tagged) == 1 and tagged[0][1] in words().sentence_lead_tags


def _whole_rhyme(parts: Sequence[str], trail: str, o: FormulationOptions) -> str | None:
    """The rule by which a whole run of three clauses or more of one length, nothing after the
    last, is a motto by its rhyme, or None:

    - `rhyme`: clauses of two two-character halves whose second halves are different words
      sharing one character (科技创新、产业焕新、城市更新; 盘活存量、做优增量、提升质量;
      创新协同、产业协作、服务协助). A rhyme of different words is made on purpose; the same
      word shared (经济发展、社会发展) heads a list, a character shared in the first half
      (资源勘探、能源开发) is chance, and clauses of nouns alone (理想信念、价值理念、道德观念)
      list things;
    - `shared-predicate`: clauses sharing their last word as a predicate, an adjective or a
      verb each said of another subject (权利平等、机会平等、规则平等; 政企分开、政资分开、政事分开,
      whose subjects share a character too), where a shared noun (政府协商、政协协商) or
      verbal noun (经济发展、社会发展) heads a list.

    Only the whole run counts: the tail of a longer list that happens to rhyme (规划统筹、
    政策协同、|平台共建、资源共享、人才共育) is still a list.
    """
    if (
        trail
        or not o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses
        or len({len(p) for p in parts}) != 1
        or len(set(parts)) != len(parts)
    ):
        return None
    length = len(parts[0])
    shared = _same_columns(parts)
    half = o.rhyme_clause_len // 2
    if (
        length == o.rhyme_clause_len
        and len(shared) == 1
        and shared[0] >= half
        and len({p[:half] for p in parts}) == len(parts)
        and len({p[half:] for p in parts}) == len(parts)
        and not all(only_names_things(p) for p in parts)
    ):
        return "rhyme"
    size = o.shared_head_len
    if shared[-size:] == list(range(length - size, length)) and length > size:
        tagged = default_tagger().tag(parts[0][-size:], False)
        if len(tagged) == 1 and tagged[0][1] in words().shared_predicate_tags:
            return "shared-predicate"
    return None


def _short_verb_objects(
    parts: Sequence[str],
    trail: str,
    o: FormulationOptions,
    text: str,
    start: int,
    offset: int,
    end: int,
) -> bool:
    """Tell whether a whole run is three clauses or more of a verb of one character and its
    object, in the compressed form of a motto (重预防、强基础、严监管、提能力; 破障碍、去烦苛、
    筑坦途; 稳面积、提单产、增效益), with a different verb and no character shared at one place,
    that is the whole of its clause: it opens the clause (after the clause's own verb, if any,
    short: ，要|破障碍、去烦苛、筑坦途，) and ends it, or only the noun it qualifies (…|的要求，) or its
    own count (…提能力|四个关键，) follows it. Clauses inside a longer clause (开展“家门口”看大展、
    赏好戏、享非遗) are a detail of it, and clauses whose first word is longer or is no verb
    (大数据、云计算、物联网; 零部件、新能源) name things. (`start`, `end`: where the run's first
    part, its lead included, starts and its last part ends in `text`; `offset`: where its first
    clause starts.)"""
    size = o.short_verb_object_len
    if len(parts[0]) != size or len(parts[-1]) != size:
        return False  # (most runs: checked first, the cheapest way)
    w = words()
    # 周末他们喜欢|看电影、听音乐…: after a longer opening they list someone's doings
    if not _fills_its_clause(parts, size, o.short_verb_object_lead_max, o, text, start, offset, end):
        return False
    if trail and not (
        (trail.startswith(w.trail_possessive) and len(trail) <= o.possessive_trail_max)
        or w.count_values.get(trail[0]) == len(parts)
    ):
        return False
    verbs = set()
    nouns = 0  # clauses the dictionary holds whole as a noun (办公室, 服务器; 重实效)
    for p in parts:
        tagged = default_tagger().tag(p, False)
        verb, tag = tagged[0]
        if (len(verb) != 1 or tag not in w.one_lead_tags) and not _verb_and_noun(p, w):
            return False
        verbs.add(p[0])
        nouns += len(tagged) == 1 and tag in w.noun_tags
    # (every clause a noun of the dictionary: things listed, 办公室、服务器、发动机)
    return len(verbs) == len(parts) and nouns < len(parts)


def _verb_and_noun(clause: str, w: Words) -> bool:
    """Tell whether a clause of three characters reads as a verb of one character and a noun of
    two where the tagger does not cut it so (固|根基, 扬|优势, 补短板 one word of the policy
    lexicon, 强弱|项): the character alone may be a verb or a quality and the rest alone is one
    noun (not 云|计算, 物|联网: 大数据、云计算、物联网 name things)."""
    tagger = default_tagger()
    first, rest = tagger.tag(clause[0], False), tagger.tag(clause[1:], False)
    return (
        len(rest) == 1 and rest[0][1] in w.compressed_object_tags
        and first[0][1] in w.compressed_verb_tags
    )


def _fills_its_clause(
    parts: Sequence[str],
    size: int,
    lead_max: int,
    o: FormulationOptions,
    text: str,
    start: int,
    offset: int,
    end: int,
) -> bool:
    """Tell whether a run is three clauses or more of `size` characters, sharing no character at
    one place, that open their clause after at most `lead_max` characters of its own verb, or
    after a modal of obligation whatever the subject before it (…领导干部都要|讲党性、重品行、
    作表率。), and end it (or the text): the shape the short rules of whole runs share (`start`,
    `offset`, `end` as they say)."""
    w = words()
    return (
        all(len(p) == size for p in parts)
        and o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses
        and (
            (offset - start <= lead_max and (start == 0 or text[start - 1] in w.clause_opens))
            or _ends_with_modal(text[start:offset], w.predicate_modals)
        )
        and text[end : end + 1] in w.clause_or_line_ends  # (or the text's end)
        and not any(len(set(column)) == 1 for column in zip(*parts, strict=True))
    )


def _ends_with_modal(lead: str, modals: Sequence[str]) -> bool:
    """Tell whether a lead ends with a modal of obligation as a word of its own (都|要, not 需要
    or 主要: a need or a rank, no obligation)."""
    modal = next((m for m in modals if lead.endswith(m)), None)
    if modal is None:
        return False
    tagged = default_tagger().tag(lead[-(len(modal) + 3) :], False)
    return bool(tagged) and tagged[-1][0] == modal


def _qualities(
    parts: Sequence[str],
    trail: str,
    o: FormulationOptions,
    text: str,
    start: int,
    offset: int,
    end: int,
) -> bool:
    """Tell whether a whole run is three words or more of two characters, sharing no character
    at one place and one of them at least a quality (an adjective), that a verb of command
    opening their clause takes as what to reach, with nothing after them to the clause's end:
    ，确保人工智能发展|安全、可靠、可控。; ，坚持|自由、平等、公正、法治。. Qualities said in parallel
    are a motto; words of no quality (加强|教育、医疗、养老; 鼓励|投资、消费、出口) or that all name
    things (技术、人才、资金) list them, and a run after another opening (对各类数据进行|清洗、
    校验、抽取、融合; 当面逐一|拍照、登记、编号) or inside a longer clause (…的环境) is a detail
    of it.
    (`start`, `end`: where the run's first part, its lead included, starts and its last part
    ends in `text`; `offset`: where its first word starts.)"""
    size = o.quality_len
    if len(parts[-1]) != size:
        return False  # (most runs: checked first, the cheapest way)
    w = words()
    if (
        trail
        or len(set(parts)) != len(parts)
        or not _fills_its_clause(parts, size, o.quality_lead_max, o, text, start, offset, end)
        or not text[start:offset].startswith(clause_words())
    ):
        return False
    tagger = default_tagger()  # (an adjective among them: not all of them name things)
    return any(
        len(tagged := tagger.tag(p, False)) == 1 and tagged[0][1] in w.quality_tags for p in parts
    )


def _suffix_qualities(
    text: str,
    start: int,
    offset: int,
    parts: Sequence[str],
    trail: str,
    o: FormulationOptions,
    seg: Segmentation,
) -> bool:
    """Tell whether a run is three words or more of `suffix_quality_len` characters, each ending
    in one suffix that makes a quality or a course of something (`quality_suffixes`), that a
    verb opening a clause sets for what it builds or holds to: 聚焦|市场化、法治化、国际化、
    便利化; 加力提速|市场化、产业化、法治化、生态化、数字化|进程; 推动形成|科学化、精细化、智能化|
    治理新体系; 加强|普惠性、基础性、兜底性|民生建设. The characters a text sets for a course are
    its motto, what follows them aside, where the same words are the subject of their sentence
    (规模化、集约化、标准化|生产带来了实惠), are said of a subject (推动行政执法|规范化、…; 认识…斗争
    的|长期性、…; 提升农业|机械化、…|水平), follow a verb of having, of avoiding or fixing ills, of
    showing or offering (具有|前瞻性、…; 防止|形式化、表面化、简单化; 发挥|基础性、…|作用; 推出|
    品质化、…|的商品: `suffix_quality_refused_verbs`), or the list goes on (开发利用|网络化、数字化、
    智能化|等技术; 工业化、城镇化、信息化|和农业现代化); clauses sharing another last character name
    things (创新链、产业链、供应链), and verbs of two characters (优化、美化、亮化) or longer clauses
    (工具属性、媒体属性、社交属性) are no qualities of this kind. (`start`: where the run's first
    part, its lead included, starts; `offset`: where its first clause starts.)"""
    suffix = parts[0][-1:]
    w = words()
    if (
        suffix not in w.quality_suffixes  # (most runs: checked first, the cheapest way)
        or len(parts[0]) != o.suffix_quality_len
        or offset == start  # no verb before them: they are what the sentence is about
        or any(p[-1] != suffix for p in parts)
        or len(set(parts)) != len(parts)
        or any(trail.startswith(c) for c in w.principle_named_list_words)
        or any(trail.startswith(c) for c in w.list_run_conjunctions)
    ):
        return False
    cut = seg.words(start, offset)
    if not cut or sum(map(len, cut)) != offset - start:
        return False  # the lead ends inside a word
    if cut[-1] not in clause_word_set() or cut[-1] in w.suffix_quality_refused_verbs:
        return False  # …执法|, …美育|, …的|: a subject; 防止|, 具有|: no course set
    at = offset
    for p in parts:  # each clause a word of its own, not the end of a longer one
        if not seg.starts_word(at):
            return False
        at += len(p) + 1
    return seg.starts_word(at - 1)


def _done_together(
    text: str, end: int, parts: Sequence[str], trail: str, o: FormulationOptions
) -> bool:
    """Tell whether three clauses or more of one length are followed, to the end of their
    clause, by a predicate that makes them one task done together (兴业、强县、富民|一体发展;
    产量产能、生产生态、增产增收|一起抓): the clauses and their predicate are a motto, whatever
    the clauses share, where the same clauses followed by another verb (…|协同发展, …|等工作)
    list what a sentence is about. (`end`: where the last clause, its trail included, ends.)"""
    return (
        trail in words().together_predicates
        and o.anaphora_min_clauses <= len(parts) <= o.motto_max_clauses
        and len({len(p) for p in parts}) == 1
        and len(set(parts)) == len(parts)
        and text[end : end + 1] in words().clause_or_line_ends  # (or the text's end)
        and not any(p in place_forms() for p in parts)  # 沈阳、大连、鞍山一体发展: places listed
    )


def _places_listed(run: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether every clause opens with the name of a different place (聊城机场新建、威海机场
    迁建): a list of what each place does, where a motto says one thing of one subject."""
    w = words()
    firsts = []
    for p in run:
        word, tag = default_tagger().tag(p, False)[0]
        if tag not in w.place_tags or len(word) < o.min_word_len:
            return False
        firsts.append(word)
    return len(set(firsts)) == len(firsts)


def _strengths(run: Sequence[str], o: FormulationOptions) -> bool:
    """Tell whether clauses name the ways one place is made strong: a field, a quality and the
    place, one of them at least with a verb of strength (产业强省、企业兴省、就业稳省; 农业强县、
    工业大县、文旅名县、口岸强县)."""
    w = words()
    return (
        len({len(p) for p in run}) == 1
        and len(run[0]) == o.strength_clause_len
        and run[0][-1] in w.strengthened_places
        and any(p[-2] in w.strength_verbs for p in run)
    )


def _verb_object_run(
    run: Sequence[str], seg: Segmentation, starts: Sequence[int], o: FormulationOptions
) -> bool:
    """Tell whether clauses are a different verb each acting on objects of one head: 延长产业链、
    提升价值链、完善利益链 (where 产业链、供应链、创新链 list things)."""
    verbs = []
    for p, at in zip(run, starts, strict=True):
        first = seg.words(at, at + len(p))[0]
        if len(first) < o.min_word_len or len(first) >= len(p) - 1:
            return False  # a verb of one character, or one that leaves no object
        tagged = default_tagger().tag(first, False)
        if len(tagged) != 1 or tagged[0][1] not in words().acting_tags:
            return False
        verbs.append(first)
    return len(set(verbs)) == len(verbs)


def _anaphora_goes_on(parts: Sequence[str], found: tuple[int, int]) -> bool:
    """Tell whether a clause next to the run found opens as every clause of it does (有实力、
    有信誉|、有竞争力): the anaphora goes on in a clause of another length, and the run cut from
    it is a motto cut short."""
    i, j = found
    run = parts[i:j]
    lead = os.path.commonprefix(list(run))
    if not lead:
        return False
    return (j < len(parts) and parts[j].startswith(lead)) or (
        i > 0 and parts[i - 1].startswith(lead)
    )


def _one_more_item(trail: str, run: Sequence[str]) -> bool:
    """Tell whether what follows a run's last clause is a list's conjunction and one more
    clause of the run's shape (…、创新氛围|和创新服务四个方面): the run is then the head of a list
    of things, not a motto. The clause has the run's length and the characters every clause of
    the run shares at one place."""
    conj = next((c for c in words().list_run_conjunctions if trail.startswith(c)), None)
    if conj is None or len({len(p) for p in run}) != 1:
        return False
    size = len(run[0])
    clause = trail[len(conj) : len(conj) + size]
    shared = _same_columns(run)
    return len(clause) == size and bool(shared) and all(clause[k] == run[0][k] for k in shared)


def _same_columns(run: Sequence[str]) -> list[int]:
    """The places where every clause of a run of one length has the same character."""
    return [k for k, column in enumerate(zip(*run, strict=True)) if len(set(column)) == 1]


def _own_trail(trail: str, run: Sequence[str]) -> bool:
    """Tell whether what follows a motto's last clause belongs to the motto: the clauses' shared
    predicate (德治|相结合, …|并举), or the rest of the last object of clauses that open with a
    verb (体现人民意志、…、激发人民创造|活力). What clauses of nouns qualify (好房子、…、好城区|
    建设; 以学铸魂…|长效机制), a particle (…等, …的) and a predicate of more than one word (…|得到
    解决) are not the motto's."""
    w = words()
    if trail.startswith(w.trail_openers):
        return False
    tagger = default_tagger()
    tagged = tagger.tag(trail, False)
    if not tagged:
        return False
    if tagged[0][1] in w.trail_predicate_tags:
        # one word, the clauses' shared predicate (相结合, 并举); a longer predicate says what
        # became of the things listed (操心事、烦心事、揪心事|得到解决)
        return len(tagged) == 1
    opening = tagger.tag(run[0], False)
    return bool(opening) and opening[0][1] in w.verb_tags and tagged[0][1] in w.noun_tags


def _acting_lead(word: str) -> bool:
    """Tell whether a shared lead word acts (a verb, an adverb, a pronoun such as 人人) rather than
    qualifies (an adjective or noun: 重大, 行政)."""
    if len(word) == 2 and word[0] == word[1]:
        return True  # a doubled character means "every": 人人, 事事, 村村
    tagged = default_tagger().tag(word, False)
    return len(tagged) == 1 and tagged[0][1][:1] in words().acting_tags


def _one_mark_inside(
    run: Sequence[str], shared: Sequence[int], cuts: Sequence[list[str]]
) -> bool:
    """Tell whether clauses share one character only, inside them, that opens a word in each,
    with other words before and after it in every clause: the mark of a parallel run (科学|新
    发现、技术|新发明、产业|新方向、体制|新动能; 深入了解|民情、充分反映|民意、广泛集中|民智、切实珍惜|
    民力). A character that ends a word (前瞻性|思考、全局性|谋划: kinds), a degree or a negation
    (`inner_mark_refused`: 容量最大、距离最远; 意识不强、作风不实) and clauses with 的 describe."""
    if len(shared) != 1 or not 0 < shared[0] < len(run[0]) - 1:
        return False
    k = shared[0]
    w = words()
    if run[0][k] in w.inner_mark_refused or any(w.trail_possessive in p for p in run):
        return False  # 输送容量最大、…; 意识不强、作风不实; 繁荣的欧洲、团结的欧盟: descriptions
    if len({p[:k] for p in run}) < len(run) or len({p[k + 1 :] for p in run}) < len(run):
        return False
    return all(_word_at(c, k)[0] == k for c in cuts)


def _word_at(cut: Sequence[str], k: int) -> tuple[int, str]:
    pos = 0
    for w in cut:
        if pos <= k < pos + len(w):
            return pos, w
        pos += len(w)
    return -1, ""
