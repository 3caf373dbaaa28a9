"""Stage `head`: phrases ending in a head word that names a doctrine, strategy or campaign.

新发展格局, 伟大建党精神, 污染防治攻坚战, 乡村振兴战略, 以人民为中心的发展思想: the head word
is found first, the phrase that ends with it is walked back with the segmenter
(`boundary.phrase_ending_at`), and each head has guards against the generic uses of running
prose (会议精神, 国家战略, 城乡融合发展新格局). The rule of the evidence is the head word.

An event is named the same way (世界林木业大会, 中国碳市场大会, 北京国际电影节: `event_heads`),
without the verb of holding it, and not where the words name who meets (全市领导干部大会), a
congress of representatives, a count of events or a piece of a longer name (`_event_name`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policy_cli.core.chars import is_han
from policy_cli.core.formulations.boundary import phrase_ending_at
from policy_cli.core.formulations.candidate import Candidate
from policy_cli.core.formulations.known import background_lexicon
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import clause_word_set, patterns, word_tag, words
from policy_cli.core.national import national_lexicon
from policy_cli.core.occurrences import count_each
from policy_cli.core.patterns import longest_first
from policy_cli.core.phrases import CLOSING_QUOTES
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_text

STAGE = "head"
# a formulation of the national lexicon at the end of a head phrase has this many characters
CORE_OF_PHRASE_MIN = 3


def find_heads(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the names that end in a doctrine, strategy or campaign head word."""
    seg = seg or segment_text(text)
    w, p, o = words(), patterns(), options
    found: list[tuple[str, str, int, int]] = []  # head, phrase, start, end of each name kept
    for m in _heads_pattern().finditer(text):
        head = m.group()
        after = text[m.end() : m.end() + 1]
        if head in w.word_internal_heads and after and is_han(after) and (
            after not in w.function_words and after not in w.after_head
        ):
            continue  # the head is part of a longer word (精神文化生活, 共同体意识)
        if head in w.word_internal_heads and after and after in w.adverbial_after_head:
            continue  # 思想上政治上…: an adverbial of the sentence, "in thought"
        if not seg.starts_word(m.end()):
            continue  # 脱贫攻坚战|线: the head ends inside a longer word
        if head in w.modifying_heads and _noun_follows(text, m.end(), o):
            continue  # 履行战略使命, 战略腹地: 战略 modifies the noun after it
        phrase = phrase_ending_at(text, m.end(), len(head), o, seg)
        start = m.end() - len(phrase)
        if head in w.carried_heads:
            phrase, start = _after_carrying_verb(phrase, seg, start)
        if head in w.acted_on_heads:
            phrase, start = _without_acting_verb(phrase, seg, start)
        framed = p.centred.search(text, max(0, start - o.centred_lookback), start)
        if framed and framed.end() == start and len(phrase) <= o.centred_max_phrase:
            # 以人民为中心的发展思想: the frame 以X为中心的 is part of the doctrine's name
            phrase, start = text[framed.start() : m.end()], framed.start()
        modifier = phrase[: -len(head)]
        if _holds_an_adverb(phrase, seg, start):
            continue  # 更加|振奋精神: an adverb makes a verb phrase, never a name
        counted = p.counted.search(text, start, m.start())
        if counted and counted.end() == m.start() and counted.start() > start:
            continue  # 煤矿瓦斯治理和整顿关闭|两个|攻坚战: a counted set (the counted stage's)
        if len(modifier) < o.head_min_modifier or len(phrase) > o.phrase_max_len or (
            modifier[-1] in w.generic_modifier_ends
        ):
            continue
        if any(h in modifier for h in w.nested_heads) or phrase.endswith(w.head_verb_phrases):
            continue  # 讲话精神统一思想: two heads, not one name; 统一思想 is a verb phrase
        if head in w.strict_heads and (
            len(modifier) < o.strict_head_min_modifier
            or modifier.endswith(w.generic_strict_modifiers)
            or any(x in modifier for x in w.strict_modifier_words)
        ):
            continue  # 国家战略, 加快…战略: the generic strategy of running prose, a task
        if head in w.descriptive_heads and len(phrase) > o.descriptive_head_max_len:
            continue  # 新发展格局 is a name; 城乡融合发展新格局 is a description
        if len(modifier) < o.short_head_min_modifier and (
            len(head) == o.short_head_len or head in w.common_heads
        ) and not _a_formulation(modifier):
            # 忧患意识, 发展思想, 法治理念: ordinary words, not names; a formulation of the
            # lexicon names its own spirit (三北|精神)
            continue
        if head in w.rare_heads and len(modifier) < o.rare_head_min_modifier:
            continue  # 社会责任意识; but 中华民族共同体意识
        if head in w.quality_heads and p.people.search(modifier):
            continue  # 人民群众首创精神, 政府工作人员改革创新意识: a group's quality, not a name
        if head in w.quality_heads and _a_virtue(modifier, o):
            continue  # 开拓进取精神, 爱国主义精神: a virtue, where a named spirit is an event's
        if head in w.founded_heads and not text[max(0, start - o.lead_verb_len) : start].endswith(
            w.founding_verbs
        ):
            continue  # 上海期货交易所: an institution that exists; 设立北京证券交易所 is news
        if _second_half(text, start, phrase):
            continue  # 中央八项规定及|实施细则精神: the second half of a name, cut from it
        if _acted_on_entry(phrase, seg, start):
            continue  # 把它称为|毛泽东思想: the national stage names the formulation itself
        if head in w.event_heads:
            event = _event_name(text, start, phrase, head, seg)
            if event is None:
                continue
            phrase, start = event
        if any(x in phrase[: -len(head)] for x in w.pointing_modifier_words):
            continue  # 这一战略, 一系列重要思想, 各种腐朽思想: a kind pointed at or counted
        found.append((head, phrase, start, m.end()))
    # said once, X格局 / X理念 describes; a name is repeated: the phrases of descriptive heads
    # counted as `str.count` would, all in one pass over a long text
    if not found:
        return
    described = [phrase for head, phrase, _, _ in found if head in w.descriptive_heads]
    said = count_each(text, described) if described else {}
    for head, phrase, start, end in found:
        if head in w.descriptive_heads and said[phrase] < o.descriptive_head_min_count:
            continue
        phrase, start = _with_quoted_name(text, start, phrase, o)
        if head in w.battle_heads:
            phrase, start = _with_listed_battles(text, start, end, phrase, o, seg)
        phrase, start = _with_coordinate(text, start, phrase, head, o, seg)
        yield Candidate(phrase, "slogan", start, stage=STAGE, rule=head)


def _after_carrying_verb(phrase: str, seg: Segmentation, start: int) -> tuple[str, int]:
    """The phrase after the last verb that carries on, shows or has what the head names, and
    an aspect particle after it (秉承|团结合作精神, 传承着|铁人精神, 迈向|命运共同体:
    `carrying_verbs`, `carried_heads`), else the phrase."""
    w = words()
    cut = seg.words(start, start + len(phrase))
    last = max((k for k, word in enumerate(cut[:-1]) if word in w.carrying_verbs), default=-1)
    if last < 0:
        return phrase, start
    k = last + 1
    if k < len(cut) - 1 and word_tag(cut[k]) in w.aspect_tags:
        k += 1
    drop = sum(len(word) for word in cut[:k])
    return phrase[drop:], start + drop


def _without_acting_verb(phrase: str, seg: Segmentation, start: int) -> tuple[str, int]:
    """The phrase without the verb that opens it where a noun follows the verb (抵制|资本主义
    腐朽思想, 培养|青少年科学精神, 增加|公众环保意识: `acted_on_heads`): the verb acts on a
    spirit, a thought or an awareness the noun has, and names none; a verb right before the head
    or before another verb stays (伟大建党精神, 开放包容精神)."""
    w = words()
    cut = seg.words(start, start + len(phrase))
    if len(cut) >= 3 and word_tag(cut[0]) in w.verb_tags and word_tag(cut[1]) in w.noun_tags:
        return phrase[len(cut[0]) :], start + len(cut[0])
    return phrase, start


def _holds_an_adverb(phrase: str, seg: Segmentation, start: int) -> bool:
    """Tell whether a head phrase opens with a word the tagger reads as an adverb alone (更加,
    也许), or holds one before a verb (领导干部|不|应有|特权思想): the walk took in a verb phrase
    (更加|振奋|精神), which no name is; an adverb before a noun qualifies it (特别|峰会)."""
    w = words()
    tags = [word_tag(word) for word in seg.words(start, start + len(phrase))]
    if tags and tags[0] in w.lead_adverb_tags:
        return True
    return any(
        a in w.lead_adverb_tags and b in w.verb_tags
        for a, b in zip(tags, tags[1:], strict=False)
    )


def _with_coordinate(
    text: str, start: int, phrase: str, head: str, o: FormulationOptions, seg: Segmentation
) -> tuple[str, int]:
    """The phrase with the noun phrase its modifier is coordinated with by 和, where the walk
    stopped at the conjunction (实施|科技创新和人才强市首位战略; 以质取胜和出口市场多元化战略):
    the words before it up to the clause's verb, `coordinate_min_len` characters or more and as
    long as the words of the modifier after it (科技创新 | 人才强市), no verb first, not the last
    item of a list (…、社会主义和|艰苦创业精神), not an event (峰会和|世界林木业大会: two)."""
    w = words()
    conj = next((c for c in w.title_conjunctions if text.endswith(c, 0, start)), None)
    if conj is None or head in w.event_heads:
        return phrase, start  # (峰会和|世界林木业大会: two events, `_event_name`)
    at = start - len(conj)
    clause = clause_word_set()
    before = ""
    for word in reversed(seg.words(max(0, at - o.phrase_max_len), at)):
        if not is_han(word) or word in w.function_words or word in clause:
            break
        before = word + before
    size = len(before)
    if not (o.coordinate_min_len <= size <= len(phrase) - len(head)):
        return phrase, start
    if not seg.starts_word(start + size):
        return phrase, start  # (the words after 和 as long as those before it)
    if text.endswith(w.list_separator, 0, at - size) or before.endswith(w.doctrine_heads):
        # 爱国主义、…、社会主义和|艰苦创业精神: the last of a list; 文化数字化战略和|重大产业
        # 项目带动战略: two names
        return phrase, start
    tagged = default_tagger().tag(before, False)
    if not tagged or tagged[0][1] in w.task_verb_tags:
        return phrase, start  # 推进|产业升级和…: a verb opens a task, not a name's part
    return before + conj + phrase, at - size


def _event_name(
    text: str, start: int, phrase: str, head: str, seg: Segmentation
) -> tuple[str, int] | None:
    """The name of an event a head phrase says (世界林木业大会), without the verb of holding it
    or acting on it before (申办|第十六届全国运动会, 提升|北京国际电影节), or None where the phrase
    names no event of its own: an event's short name a verb takes or a word points at (我国取得|
    冬奥会, 历届|冬奥会), the people who meet (全市领导干部大会), a congress of
    representatives (…人民代表大会), a count of events (百场|…对接大会), a name cut right after a
    digit, a quote mark, a bracket, a title or inside a word (中国500|强企业高峰论坛, 中国（福建）|
    …论坛, 《生物多样性公约》|第十五次缔约方大会),
    and the last part of a longer name (创新深化、改革攻坚、|开放提升大会; 中国－拉美和|加勒比
    国家航天合作论坛, where an event before the conjunction makes it two: …峰会和|世界林木业大会)."""
    w = words()
    for verb in w.event_holding_verbs:
        at = phrase.rfind(verb)
        if at >= 0:
            phrase, start = phrase[at + len(verb) :], start + at + len(verb)
    before = text[start - 1 : start]
    if before.isdigit() or (before.isascii() and before.isalpha()) or (
        before and before in CLOSING_QUOTES + w.closing_brackets + w.title_marks[1:]
    ):
        return None
    if before == w.list_separator:
        return None
    conj = next((c for c in w.list_run_conjunctions if text.endswith(c, 0, start)), None)
    if conj and not text.endswith(w.event_heads, 0, start - len(conj)):
        return None
    before_head = seg.words(start, start + len(phrase) - len(head))
    if head in w.event_named_heads and before_head and (
        word_tag(before_head[-1]) in w.event_named_refused_tags
        or _points_at_a_session(phrase[: -len(head)])
    ):
        # 我国取得|冬奥会, 历届|冬奥会, 上届|世博会: the event acted on or pointed at, no name
        return None
    if before_head and _a_verb(before_head[0]):
        skip = len(before_head[0])
        phrase, start = phrase[skip:], start + skip
    if not seg.starts_word(start) or patterns().event_count.match(phrase):
        return None
    ordinal = patterns().event_ordinal.match(phrase)
    if phrase[ordinal.end() if ordinal else 0 :] in w.event_heads or any(
        x in phrase for x in w.event_refused_words
    ):
        return None  # (大会, 第二届|高峰论坛: the head alone, or after an ordinal, names none)
    return phrase, start


def _acted_on_entry(phrase: str, seg: Segmentation, start: int) -> bool:
    """Tell whether a head phrase is a formulation of the national lexicon that a verb or a
    pronoun before it acts on or points to (它称为|毛泽东思想): the walk back took in words of the
    sentence, and the national stage lists the formulation."""
    lexicon = national_lexicon()
    refused = words().acted_on_tags
    for k in range(1, len(phrase) - CORE_OF_PHRASE_MIN + 1):
        if phrase[k:] in lexicon and seg.starts_word(start + k):
            before = seg.words(start, start + k)
            return any(t in refused for word in before for _, t in default_tagger().tag(word, False))
    return False


def _a_virtue(modifier: str, o: FormulationOptions) -> bool:
    """Tell whether a spirit's modifier is a virtue: a four-character idiom of the dictionary
    (开拓进取, 坚韧不拔, 艰苦奋斗) or an -ism (爱国主义, 人道主义). A named spirit is named after
    an event, a place, a campaign or a rule (伟大建党精神, 大别山精神, 中央八项规定精神)."""
    w = words()
    if modifier.endswith(w.virtue_ends):
        return True
    tagged = default_tagger().tag(modifier, False)
    return (
        len(tagged) == 1
        and len(modifier) == o.virtue_idiom_len
        and tagged[0][1] in w.virtue_idiom_tags
    )


def _points_at_a_session(modifier: str) -> bool:
    """Tell whether the words before an event's short name end with a session word that no
    ordinal counts (上届, 此届, 该届, 两届: not 第二十四届, 首届)."""
    if not modifier.endswith(words().event_session_word):
        return False
    ends = [m.end() for m in patterns().event_ordinal.finditer(modifier)]
    return not ends or ends[-1] != len(modifier)


def _a_verb(word: str) -> bool:
    return word_tag(word) in words().event_verb_tags


def _a_formulation(phrase: str) -> bool:
    """Tell whether a phrase is a formulation of the bundled lexicons (三北, 两山)."""
    return phrase in national_lexicon() or phrase in background_lexicon().texts


def _second_half(text: str, start: int, phrase: str) -> bool:
    """Tell whether a head phrase at `start` is the dependent second half of a name joined by
    及 (中央八项规定及|实施细则精神, …及其|…); one with a field of its own is a name of its
    own (长江经济带发展战略及|黄河流域生态保护战略), and so is any after 以及."""
    w = words()
    if not text.endswith(w.name_conjunctions, 0, start) or text.endswith(
        w.independent_conjunctions, 0, start
    ):
        return False
    return text.endswith(w.dependent_conjunctions, 0, start) or phrase.startswith(
        w.dependent_parts
    )


def _with_quoted_name(
    text: str, start: int, phrase: str, o: FormulationOptions
) -> tuple[str, int]:
    """Add the quoted name right before a head phrase (“三北”工程攻坚战, 「三北」…): the walk
    of `phrase_ending_at` stops at the quote mark, and a phrase that opens with the generic
    head of a programme (工程攻坚战: `name_heads`) is a piece cut from the name. The name is
    joined without its quote marks (三北工程攻坚战, as the document may also write it).

    A phrase that names something alone (“十四五”乡村振兴战略) keeps it: the quoted word is
    a modifier (a plan period), not part of the name.
    """
    w = words()
    closing = text[start - 1 : start]
    pair = next((p for p in w.quote_pairs if p[1] == closing), None)
    if pair is None or not phrase.startswith(w.name_heads):
        return phrase, start
    opening = text.rfind(pair[0], max(0, start - 2 - o.head_quoted_name_max), start - 1)
    name = text[opening + 1 : start - 1]
    if opening < 0 or not is_han(name):
        return phrase, start
    return name + phrase, opening + 1


def _with_listed_battles(
    text: str, start: int, end: int, phrase: str, o: FormulationOptions, seg: Segmentation
) -> tuple[str, int]:
    """Add the short battles listed before and after a battle head (蓝天、碧水、净土保卫战);
    a list whose first item would open inside a word is none (整治形|式主义、官僚主义攻坚战: the
    battles are longer than short ones, and the head's phrase stays as it is)."""
    w = words()
    sep = w.list_separator
    if text[start - 1 : start] == sep:
        # 蓝天、碧水、净土保卫战: the short battles listed before the head belong to it
        first = battles_listed_before(
            text, start - 1, sep, w.battle_list_marks, o.battle_min_len, o.battle_max_len
        )
        if first is not None and seg.starts_word(first) and text[
            first : min(first + o.lead_verb_len, start - 1)
        ] not in clause_word_set():
            phrase, start = text[first:end], first
    # 反腐败斗争攻坚战、持久战、总体战: the battles listed after the head belong to it
    more = patterns().more_battles.match(text[end : end + o.battle_window])
    if more:
        phrase += more.group()
    return phrase, start


def battles_listed_before(
    text: str, end: int, sep: str, marks: str, shortest: int, longest: int
) -> int | None:
    """Return where the list of short items that ends at `end` (蓝天、碧水) starts, or None.

    The list is the longest tail of the clause before `end` (which opens after one of `marks`)
    whose items, split at `sep`, are all of one length between `shortest` and `longest`; its
    first item may be the end of a longer piece of the clause (打好蓝天 -> 蓝天). The items are
    read right to left and no further than one item past the list, never the whole clause
    (which, read again for each head, made a long clause cost its square or its cube).
    """
    size: int | None = None  # the length of the items read so far
    right = end  # the end of the piece being read
    while True:
        left, floor = right, max(0, right - longest - 1)
        while left > floor and text[left - 1] != sep and text[left - 1] not in marks:
            left -= 1
        # a piece is whole when a separator, a mark or the text's start is right before it; one
        # cut short at `floor` is longer than any item
        whole = left == 0 or text[left - 1] == sep or text[left - 1] in marks
        opens = left == 0 or text[left - 1] != sep  # the clause's first piece (or a long one)
        n = right - left
        if size is None and not (whole and shortest <= n <= longest):
            # the last piece is no item: its end is one when long enough
            return None if whole and n < shortest else max(left, right - longest)
        if size is None or (whole and n == size):
            size = n
            if opens:
                return left
            right = left - 1
            continue
        # the piece before the list: its end is an item when long enough
        return right - size if not whole or n >= size else right + 1


def _noun_follows(text: str, pos: int, o: FormulationOptions) -> bool:
    """Tell whether a word that a name can modify starts right at pos (战略|使命)."""
    window = text[pos : pos + o.noun_window]
    if len(window) < o.min_word_len or not is_han(window[: o.min_word_len]):
        return False
    word, tag = default_tagger().tag(window, False)[0]
    # a verb that opens the clause (战略|取得成效) makes the strategy its subject instead
    return (
        len(word) >= o.min_word_len
        and tag[:1] in words().modified_tags
        and word not in clause_word_set()
    )


@lru_cache(maxsize=1)
def _heads_pattern() -> re.Pattern[str]:
    heads = longest_first(words().doctrine_heads)
    return re.compile("|".join(re.escape(h) for h in heads))
