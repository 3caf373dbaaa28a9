"""Stage `title`: the title of a policy document between 《》 (kind `document`).

《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》,
《福建省营商环境建设规划（2024—2029年）》, 《巴黎协定》: a title whose last word (before a
bracketed note such as （试行）) is a type of official document (data: `document_heads`).
A notice that issues or forwards a document (《…关于印发X的通知》) names X. Other titles
(newspapers, books, films) are left out. A law the text says is being made or revised is
named without 《》 too (制定乡村振兴法的…: rule `enacted`). A bracketed note is not part of the name: the
title as printed is the name's `refers_to` (包头市数字政府建设行动方案, refers to
包头市数字政府建设行动方案（2021—2023年）). A title that is only a type of document
(《决定》, 《建议》) names none: it is the document the text named before, said again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.candidate import BY_RULE, CERTAIN, Candidate
from policy_cli.core.formulations.national import short_central_text
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import finditer, patterns, words
from policy_cli.core.patterns import longest_first
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "title"
# a word ending in a method word after this many characters of its own is a method too
# (实施|办法), where one character before it makes a law (公|司法)
METHOD_PREFIX_MIN = 2
# a law's short name has this many characters at least (物权法), 法 included
LAW_NAME_MIN = 3


def find_titles(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names of policy documents: the titles between 《》, without a bracketed note
    (the title as printed is the name's refers_to), and the laws named after a verb of
    law-making without 《》 (`find_enacted_laws`)."""
    w, p = words(), patterns()
    for m in finditer(_title_pattern(w.title_marks, options.title_max_len), text):
        title, start, rule = m.group(1), m.start(1), ""
        issued = p.issuing_notice.search(title)
        if issued:  # 关于印发X的通知: the notice names the document X
            title, start, rule = issued.group(1), start + issued.start(1), "issued"
        core = p.title_note.sub("", title)
        head = next((h for h in w.document_heads if core.endswith(h)), None)
        if head is None or title != title.strip() or core == head:
            continue  # (《决定》, 《建议》 alone: the document named before, said again)
        # the name without its note (…行动方案（2021—2023年）, …办法（试行）): the same document
        # renewed or made final keeps its name; the title as printed is what it refers to
        full = title if core != title else None
        yield Candidate(core, "document", start, full, (), CERTAIN, STAGE, rule or head)
        subject = _title_subject(core, options, text)
        if subject is not None:  # (certain: named by the title, not a part to fold into it)
            yield Candidate(
                subject[0], "name", start + subject[1], None, (), CERTAIN, STAGE, "subject"
            )
    yield from find_enacted_laws(text, seg)


def _title_subject(title: str, o: FormulationOptions, text: str) -> tuple[str, int] | None:
    """The subject of a title 关于 + verbs of policy + a system, mechanism, reform, pilot or
    strategy, and where it starts in the title: 关于构建|数据基础制度|更好发挥数据要素作用的意见,
    关于开展|科技人才评价改革试点|的工作方案. It holds nouns only (no verb, adverb, pronoun,
    conjunction or number: 关于支持|福建省深入实施生态省战略…, 关于|我国医疗保障制度改革 name none).
    A verb among them is a word of its name where a short text of the centre (the news of the
    meeting that reviews the document) says the subject again outside the title
    (`title_subject_said_min` times in all): the topic the text goes on about is named
    whatever its words (关于深化|考试招生制度改革|的实施意见, then 考试招生制度改革 in the body:
    招生 is tagged a verb); an adverb, a particle or a conjunction never is (更加有效的…机制,
    主体功能区战略和制度)."""
    m = _subject_pattern().search(title)
    if m is None:
        return None
    subject = m.group(1)
    if not o.title_subject_min <= len(subject) <= o.title_subject_max:
        return None
    w = words()
    tags = {tag for _, tag in default_tagger().tag(subject, False)} & set(w.coined_inner_refused_tags)
    if tags and (
        not tags <= set(w.verb_tags)
        or text.count(subject) < o.title_subject_said_min
        or not short_central_text(text, o)
    ):
        return None
    return subject, m.start(1)


@lru_cache(maxsize=1)
def _subject_pattern() -> re.Pattern[str]:
    w = words()
    verbs = "|".join(map(re.escape, longest_first(w.title_subject_verbs)))
    heads = "|".join(map(re.escape, longest_first(w.title_subject_heads)))
    stops = "|".join(map(re.escape, w.title_subject_stops))
    joiner = re.escape(w.title_subject_verb_joiner)
    opener = re.escape(w.title_subject_opener)
    return re.compile(f"{opener}(?:(?:{verbs}){joiner}?)+([{HAN}]+?(?:{heads}))(?:{stops}|$)")


def find_enacted_laws(text: str, seg: Segmentation | None = None) -> Iterator[Candidate]:
    """Yield the laws a text says are being made or revised without 《》 (制定乡村振兴法的…,
    颁布实施土地管理法，), and the outlines, regulations and agreements made, enacted or signed
    the same way (签署实施两岸经济合作框架协议，; 出台优化营商环境条例，): a name ending in 法 (or in
    纲要, 条例, 协议, 协定, 公约) right after verbs of law-making, whose last word
    is no method (制定管理|办法) and which opens with no function word (修订|和完善相关法); what
    qualifies it up to a 的 is not its name (修改后的|个人所得税法)."""
    w, p = words(), patterns()
    for m in finditer(p.enacted_law, text):
        name, start = m.group(1), m.start(1)
        if w.trail_possessive in name:
            # 修改后的|个人所得税法, 实施新的|企业所得税法: what qualifies a law is not its name
            cut = name.rindex(w.trail_possessive) + 1
            name, start = name[cut:], start + cut
        if len(name) < LAW_NAME_MIN or name[0] in w.function_words:
            continue
        seg = seg or segment_text(text)
        if _names_a_method(seg.words(start, start + len(name))[-1], w.not_law_words):
            continue  # 制定管理|办法, 自治区实施办法: a method, not a law
        yield Candidate(name, "document", start, None, (), BY_RULE, STAGE, "enacted")


def _names_a_method(last: str, methods: frozenset[str]) -> bool:
    """Tell whether the last word of a name in 法 is a method (办法, 实施办法) rather than a law:
    it is one, or ends in one after a word of its own (实施|办法; 公司法 is 公|司法, a law)."""
    return last in methods or any(
        last.endswith(x) and len(last) - len(x) >= METHOD_PREFIX_MIN for x in methods
    )


@lru_cache(maxsize=4)
def _title_pattern(marks: str, longest: int) -> re.Pattern[str]:
    o, c = re.escape(marks[0]), re.escape(marks[1])
    return re.compile(f"{o}([^{o}{c}\\n]{{1,{longest}}}){c}")
