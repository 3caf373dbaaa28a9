"""People named in a document, with their titles as stated, and the organisations it names.

Chinese news and reports name officials in a fixed way: the titles first, joined by 、, then
the name ("市委常委、区委书记刘颖"), or the name then one title ("习近平总书记", "王坚院士"),
or a list of names closed by a group title ("朱红丹、梅建胜等区四套班子领导"). The rules
anchor on those title words and on the common surnames; jieba's part-of-speech tags alone
(nr) are too noisy on policy text (they tag 高水平 and 余杭 as names) to be trusted without
a title beside them.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress, count
from typing import Any

from policy_cli import data
from policy_cli.core.chars import CN_NUMERALS, HAN, is_han
from policy_cli.core.occurrences import containers, find_all, non_overlapping
from policy_cli.core.places import LEVEL_BODY
from policy_cli.core.segment import default_tagger
from policy_cli.core.tokens import Segmentation, segment_document
from policy_cli.models import Document, Person

RULES_FILE = "people_rules.toml"
# what a title unit before a name never holds ("市委常委、区委书记": the units, joined by 、)
_UNIT_BREAKS = r"，。；：、,;:\s“”\"（）()"


@dataclass(frozen=True)
class PeopleRules:
    """The word lists and patterns of people and organisations (policy_cli/data/people_rules.toml,
    written by hand and checked by scripts/check_people_rules.py), compiled once."""

    not_names: frozenset[str]
    honorifics: frozenset[str]
    title_words: str
    titled: re.Pattern[str]
    title_word: re.Pattern[str]  # one title word
    title_word_width: int  # the longest a title word can be
    titled_anchor: re.Pattern[str]  # a title word a name follows (where `titled` titles end)
    name_start: re.Pattern[str]  # a name's surname, maybe after a space
    unit_break: re.Pattern[str]  # a character no title unit holds, but 、
    name_title: re.Pattern[str]
    group: re.Pattern[str]
    name_line: re.Pattern[str]
    follow_start: re.Pattern[str]
    title_lead: re.Pattern[str]
    title_end: re.Pattern[str]
    in_names: re.Pattern[str]
    org_end: re.Pattern[str]
    not_org: re.Pattern[str]
    suffix_word: re.Pattern[str]
    department_end: re.Pattern[str]
    verb_like: frozenset[str]
    joiners: frozenset[str]
    name_openers: frozenset[str]
    levels: frozenset[str]
    generic_orgs: frozenset[str]
    org_tags: frozenset[str]
    noun_tags: frozenset[str]
    proper_tags: frozenset[str]
    shared_head_tags: frozenset[str]
    function_tags: frozenset[str]


@lru_cache(maxsize=1)
def rules_table() -> dict[str, Any]:
    """The parsed rules file: {section: {key: value}}."""
    text = resources.files(data).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def expand(pattern: str) -> str:
    """Fill the character classes into a pattern of the rules file."""
    return pattern.replace("{HAN}", HAN).replace("{CN_NUMERALS}", CN_NUMERALS)


@lru_cache(maxsize=1)
def rules() -> PeopleRules:
    """The rules, read and compiled once."""
    t = rules_table()
    names, titles, orgs, tags = t["names"], t["titles"], t["organisations"], t["tags"]
    name = (
        f"(?:{'|'.join(names['compound_surnames'])}|[{names['surnames']}])[{HAN}]{{1,2}}"
    )
    unit = rf"[^{_UNIT_BREAKS}]{{0,16}}?(?:{titles['title_words']})"
    follow = titles["follow_words"]
    suffixes = orgs["suffixes"]
    name_start = rf"\s?(?:{'|'.join(names['compound_surnames'])}|[{names['surnames']}])"
    return PeopleRules(
        not_names=frozenset(names["not_names"]),
        honorifics=frozenset(names["honorifics"]),
        title_words=titles["title_words"],
        titled=re.compile(
            rf"(?P<titles>(?:{unit}、)*{unit})\s?(?P<names>{name}(?:、{name})*)(?={follow})"
        ),
        title_word=re.compile(rf"(?:{titles['title_words']})"),
        title_word_width=_widest(titles["title_words"]),
        titled_anchor=re.compile(rf"(?:{titles['title_words']})(?={name_start})"),
        name_start=re.compile(name_start),
        unit_break=re.compile(f"[{_UNIT_BREAKS.replace('、', '')}]"),
        name_title=re.compile(rf"(?P<name>{name})(?P<title>{titles['name_titles']})"),
        group=re.compile(
            rf"(?:^|(?<=[，。；：,;:\s]))(?P<names>{name}(?:、{name})+)等"
            rf"(?P<title>[^，。；：、,\s]{{0,12}}?(?:{titles['group_titles']}))"
        ),
        name_line=re.compile(rf"^{name}$"),
        follow_start=re.compile(rf"^{follow}"),
        title_lead=re.compile(expand(titles["title_lead"])),
        title_end=re.compile(rf"(?:{titles['title_words']})$"),
        in_names=re.compile(titles["in_names"]),
        org_end=re.compile(rf"(?:{suffixes}|{orgs['ends']})$"),
        not_org=re.compile(expand(orgs["not_organisations"])),
        suffix_word=re.compile(rf"(?:{suffixes}|院)"),
        department_end=re.compile(orgs["department_ends"]),
        verb_like=frozenset(orgs["verb_like"]),
        joiners=frozenset(orgs["joiners"]),
        name_openers=frozenset(orgs["name_openers"]),
        levels=frozenset(orgs["levels"]),
        generic_orgs=frozenset(orgs["generic"]),
        org_tags=frozenset(tags["organisation"]),
        noun_tags=frozenset(tags["noun"]),
        proper_tags=frozenset(tags["proper"]),
        shared_head_tags=frozenset(tags["shared_head"]),
        function_tags=frozenset(tags["function"]),
    )


@dataclass(frozen=True)
class PeopleOptions:
    """How a person's titles are chosen, and how long an organisation's name can be."""

    # a title is shown when the text gives it at this share of the mentions where it addresses
    # the person (by a title or as 同志): 习近平 is not "主席" from one mention in a report that
    # says 习近平同志 seven times
    title_min_share: float = 0.25
    # the longest organisation name built by walking back over the words before its head
    max_org_chars: int = 20


DEFAULT_PEOPLE_OPTIONS = PeopleOptions()


@dataclass
class _Found:
    name: str
    titles: list[str] = field(default_factory=list)
    first: int = -1
    given: dict[int, set[str]] = field(default_factory=dict)  # mention offset -> titles there

    def supported(self, title: str) -> int:
        return sum(1 for g in self.given.values() if any(x in title or title in x for x in g))


def extract_people(
    document: Document,
    *,
    options: PeopleOptions = DEFAULT_PEOPLE_OPTIONS,
    segmentation: Segmentation | None = None,
) -> list[Person]:
    """List the people a document names, with the titles the text gives them.

    Args:
        document: a loaded document.
        options: how titles are chosen (a title the text gives a person once, where it
            mostly calls them otherwise, is not theirs).
        segmentation: the document's one segmentation (made here when not given).

    Returns:
        People in order of first mention; `count` is how often the name occurs in the text.
    """
    text = document.text
    mentions = _Mentions(text, segmentation or segment_document(document, tags=False), rules())
    mentions.titled()
    mentions.groups()
    mentions.name_titles()
    mentions.bylines(document)
    found = mentions.found
    # every name counted in one pass over the text (not one scan per name)
    counts = {
        name: len(non_overlapping(starts, len(name)))
        for name, starts in find_all(text, found).items()
    }
    _drop_heads_of_longer_names(found, counts)
    people = [
        Person(
            name=f.name,
            titles=tuple(
                t for t in f.titles
                if f.supported(t) >= options.title_min_share * max(1, len(f.given))
            ),
            count=counts[f.name],
            first_offset=f.first,
        )
        for f in found.values()
    ]
    people.sort(key=lambda p: (p.first_offset, p.name))
    return people


class _Mentions:
    """The people a text names, gathered pattern by pattern (titles first, then the others:
    a name-and-title mention is taken when an earlier one found the name)."""

    def __init__(self, text: str, seg: Segmentation, r: PeopleRules) -> None:
        self.text, self.seg, self.r = text, seg, r
        self.found: dict[str, _Found] = {}

    def note(self, name: str, offset: int, titles: list[str], *, honorific: bool = False) -> None:
        """Keep a mention of a plausible name with the titles given there."""
        r = self.r
        if name in r.not_names or r.in_names.search(name) or re.search(
            rf"[{CN_NUMERALS}两百千万亿]", name
        ):
            return
        if not _plausible_name(self.seg, offset, name):
            return
        entry = self.found.setdefault(name, _Found(name))
        if entry.first < 0 or offset < entry.first:
            entry.first = offset
        if titles or honorific:
            entry.given.setdefault(offset, set()).update(titles)
        for title in titles:
            if title and not any(title in t for t in entry.titles):
                entry.titles = [t for t in entry.titles if t not in title] + [title]

    def titled(self) -> None:
        """Titles, then names: 市委常委、区委书记刘颖."""
        text, r = self.text, self.r
        for m in _titled_matches(text, r):
            titles = _split_titles(m.group("titles"), r)
            if not titles:
                continue
            pos = m.start("names")
            names = m.group("names").split("、")
            last = names[-1]
            if len(last) == 3 and r.follow_start.match(last[2] + text[m.end() : m.end() + 3]):
                names[-1] = last[:2]  # "魏伟等参加": the name is 魏伟
            for name in names:
                self.note(name, pos, titles)
                pos += len(name) + 1

    def groups(self) -> None:
        """Names closed by a group title: 朱红丹、梅建胜等区四套班子领导."""
        for m in self.r.group.finditer(self.text):
            pos = m.start("names")
            for name in m.group("names").split("、"):
                self.note(name, pos, [m.group("title")])
                pos += len(name) + 1

    def name_titles(self) -> None:
        """A name then one title: 习近平总书记, 王坚院士, 习近平同志."""
        found, r = self.found, self.r
        for m in r.name_title.finditer(self.text):
            name, title = m.group("name"), m.group("title")
            if len(name) == 3 and name[:2] in found:
                name = name[:2]
            elif len(name) == 3 and name[1:] in found:  # "聘任王坚院士": 任 is not part of it
                name = name[1:]
            if name in found or _tagged_name(name):
                if title in r.honorifics:
                    self.note(name, m.start("name"), [], honorific=True)
                else:
                    self.note(name, m.start("name"), [title])

    def bylines(self, document: Document) -> None:
        """A name alone on one of the first lines: the byline ("李克强")."""
        for para in document.paragraphs[:8]:
            body = para.text.strip()
            if self.r.name_line.match(body) and _tagged_name(body):
                self.note(body, para.start + para.text.index(body), [])


def _titled_matches(text: str, r: PeopleRules) -> Iterator[re.Match[str]]:
    """The matches of `r.titled`, as `finditer` gives them, tried only where one can start.

    A match's titles end with a title word that a name follows (an anchor), and its start lies
    in the stretch of title units (no break but 、) that ends there: the pattern is tried at
    the places of those stretches alone, not at every character (its lazy units made each
    try cost a dozen attempts: 2.3 s of a 2 M-character document -> ~0.2 s; same matches).
    """
    n = len(text)
    backwards = ""
    pos = 0  # where the last match ended
    tried = 0  # every place before this was tried (or lay inside a match)
    for end in _anchor_ends(text, r):
        backwards = backwards or text[::-1]  # text[i] is backwards[n - 1 - i]
        before = r.unit_break.search(backwards, n - end)  # the last break before the anchor
        p = max(pos, tried, n - before.start() if before else 0)
        while p < end:
            m = r.titled.match(text, p)
            if m is None:
                p += 1
                continue
            yield m
            pos = m.end()
            p = max(p + 1, pos)
        tried = max(tried, p)


def _anchor_ends(text: str, r: PeopleRules) -> list[int]:
    """Where a title word that a name follows ends, every such place (overlaps too)."""
    ends: set[int] = set()
    at, n = 0, len(text)
    while (m := r.titled_anchor.search(text, at)) is not None:
        start = m.start()
        for end in range(start + 1, min(n, start + r.title_word_width) + 1):
            if r.title_word.fullmatch(text, start, end) and r.name_start.match(text, end):
                ends.add(end)
        at = start + 1
    return sorted(ends)


def _widest(pattern: str) -> int:
    """The longest text a pattern can match (a bound when it cannot be read)."""
    try:
        import importlib

        parser = importlib.import_module("re._parser")  # the parser behind re.compile (3.11+)
        return int(min(parser.parse(pattern).getwidth()[1], 64))
    except Exception:  # a pattern the parser cannot read: a generous bound
        return 64


def _drop_heads_of_longer_names(found: dict[str, _Found], counts: dict[str, int]) -> None:
    """A two-character reading that is the head of a three-character name found elsewhere
    ("施惠" of 施惠芳), as often said, is the same person: drop it."""
    heads: dict[str, str] = {}
    for n in found:
        if len(n) == 3:
            heads.setdefault(n[:2], n)
    for short in [n for n in found if len(n) == 2]:
        longer = heads.get(short)
        if longer is not None and counts[short] == counts[longer]:
            del found[short]


def extract_organizations(
    document: Document,
    *,
    segmentation: Segmentation | None = None,
    options: PeopleOptions = DEFAULT_PEOPLE_OPTIONS,
) -> list[str]:
    """List the organisations a document names (institutions, companies, government bodies).

    Args:
        document: a loaded document.
        segmentation: the document's one segmentation (made here when not given).
        options: how long a name built from the words before its head can be.

    Returns:
        Organisation names in order of first mention, without repeats.
    """
    r = rules()
    seen: dict[str, int] = {}
    seg = segmentation if segmentation is not None and segmentation.has_tags else None
    seg = seg or segment_document(document)  # its words' tags are read
    text = document.text
    for start, name in _org_chunks(document, seg, r, options):
        if name not in seen and name not in r.generic_orgs and len(name) >= 3:
            if LEVEL_BODY.fullmatch(name) and text[start - 1 : start] in _KINDS_LISTED:
                continue  # 各旗、县、区人民政府: the kinds of body a notice goes to, no body
            seen[name] = start
    # keep the longest form: "国新院" is part of "北航国新院"
    held = containers(seen)
    names = [n for n in seen if n not in held]
    return sorted(names, key=lambda n: (seen[n], n))


# what stands before a body named by its level alone (`places.LEVEL_BODY`) in a list of the
# kinds of body a text addresses (各旗、县、区人民政府; 各州、市人民政府)
_KINDS_LISTED = ("、", "各")


def _org_chunks(
    document: Document, seg: Segmentation, r: PeopleRules, o: PeopleOptions
) -> Iterator[tuple[int, str]]:
    """The organisations of the runs of name words, sentence by sentence.

    A run opens at a word tagged as an organisation and goes on over such words and suffix
    words (学院, 中心). Only the runs are read: their openings found in one C loop over the
    tags (10 M characters: 5 M words, some 450 k of them tagged so), each sentence's tagged
    words made once, for the sentences that hold a run (`_org_chunks_word_by_word` is the
    same, every word of every sentence visited).
    """
    tags, pieces, sentence, starts = seg.tags, seg.pieces, seg.sentence, seg.starts
    org, suffix = r.org_tags.__contains__, r.suffix_word.fullmatch
    known = range(len(document.sentences))
    tokens: list[tuple[int, str, str]] = []
    current = lo = hi = free = -1  # the sentence read, its pieces, the first piece after a run
    for p in compress(count(), map(org, tags)):
        k = sentence[p]
        if k not in known:  # the text between sentences
            continue
        if k != current:
            current, tokens = k, seg.tagged(k)
            lo = bisect_left(starts, tokens[0][0])
            hi, free = lo + len(tokens), lo
        if p < free:
            continue  # in the run before
        q = p + 1
        while q < hi and (org(tags[q]) or suffix(pieces[q])):
            q += 1
        yield from _close_run(tokens, p - lo, q - lo, r, o)
        free = q


def _org_chunks_word_by_word(
    document: Document, seg: Segmentation, r: PeopleRules, o: PeopleOptions
) -> Iterator[tuple[int, str]]:
    """`_org_chunks`, every word of every sentence visited (the plain form, for tests)."""
    for sent in document.sentences:
        tokens = seg.tagged(sent.index)
        start: int | None = None
        for k, (_pos, word, tag) in enumerate(tokens):
            if tag in r.org_tags or (start is not None and r.suffix_word.fullmatch(word)):
                if start is None:
                    start = k
                continue
            if start is not None:
                yield from _close_run(tokens, start, k, r, o)
                start = None
        if start is not None:
            yield from _close_run(tokens, start, len(tokens), r, o)


def _close_run(
    tokens: list[tuple[int, str, str]], a: int, b: int, r: PeopleRules, o: PeopleOptions
) -> Iterator[tuple[int, str]]:
    """The organisation a run of name tokens ends in, with the words before it that belong to it."""
    while b - a > 1 and (tokens[a][1] in r.verb_like or tokens[a][1] in r.joiners):
        a += 1
    name = "".join(w for _, w, _ in tokens[a:b])
    if not r.org_end.search(name):
        return
    # a generic kind after an organisation ("交易所上市公司"): companies listed there, not a name
    if (
        b - a > 1
        and tokens[b - 1][1] in r.generic_orgs
        and r.org_end.search("".join(w for _, w, _ in tokens[a : b - 1]))
    ):
        return
    start = _name_start(tokens, a, b, r, o)
    if start is None:
        return
    if name in r.generic_orgs and not any(
        t in r.proper_tags or w in r.levels for _, w, t in tokens[start:a]
    ):
        return  # a kind with its modifiers (国家|公立医院, 县级|公立医院), not a name
    name = "".join(w for _, w, _ in tokens[start:b])
    if r.not_org.search(name):
        return
    yield tokens[start][0], name
    # a head shared by a list: "嘉陵江、明月湖实验室" names 嘉陵江实验室 too
    head = tokens[b - 1][1]
    if (
        b - start > 1 and r.suffix_word.fullmatch(head) and start >= 2
        and tokens[start - 1][1] == "、"
    ):
        pos, word, tag = tokens[start - 2]
        before = tokens[start - 3] if start >= 3 else None
        if (
            tag in r.shared_head_tags
            and len(word) >= 2
            and not r.org_end.search(word)
            and (before is None or not _is_name_part(before))
        ):
            yield pos, word + head


def _name_start(
    tokens: list[tuple[int, str, str]], a: int, b: int, r: PeopleRules, o: PeopleOptions
) -> int | None:
    """Move the start of a name left over the words glued in front of it that belong to it.

    A name opens after the word that places it (驻|渝解放军, 驻|鄂人民解放军), keeps a single
    character glued in front (鹏|瑞利医院, 省|财政厅) unless a number makes it a measure word
    (30项|省委), and a one-character place needs what precedes it (明月|湖实验室). An institution
    named by a place (海河|实验室, 天津|医院) and a department (建设厅, 国资委) keep the nouns in
    front of them up to their level (低维电子材料海河实验室, 协和医学院天津医院, 省住房城乡建设厅,
    自治区国资委). Verbs, prepositions, numbers and punctuation end a name.

    Returns:
        The index of the name's first token, or None when the name is cut and cannot be
        completed ("在|沪实验室" names laboratories in Shanghai, not one).
    """
    first_tag = tokens[a][2]
    by_nouns = first_tag in r.proper_tags or bool(r.department_end.search(tokens[b - 1][1]))
    length = sum(len(w) for _, w, _ in tokens[a:b])
    while a > 0 and length < o.max_org_chars:
        _pos, word, tag = tokens[a - 1]
        if word in r.name_openers:
            return a - 1
        if not is_han(word) or tag in r.function_tags or word in r.verb_like:
            break
        if len(word) == 1 and _is_name_part(tokens[a - 1]):
            if a >= 2 and tokens[a - 2][1][-1:].isdigit():
                break  # "30项省委": a measure word
            a, length = a - 1, length + 1
            continue
        if len(tokens[a][1]) == 1 and tokens[a][1] not in r.levels:
            a, length = a - 1, length + len(word)  # "明月|湖实验室"
            continue
        if by_nouns and tag in r.noun_tags:  # not b (同级|人大, 大型|商业银行) nor t
            a, length = a - 1, length + len(word)
            if word in r.levels:
                break  # the level opens the name: 自治区|国资委
            continue
        break
    if len(tokens[a][1]) == 1 and tokens[a][1] not in r.levels and a < b - 1:
        if a == 0 or tokens[a - 1][1] not in r.name_openers:
            prev = tokens[a - 1] if a > 0 else None
            if prev is not None and is_han(prev[1]):
                return None  # "在|沪实验室", "住|鲁两院": a place abbreviation cut from its phrase
    return a


def _is_name_part(token: tuple[int, str, str]) -> bool:
    _pos, word, tag = token
    return is_han(word) and (tag[:1] == "n" or tag in ("j", "ng"))


def _split_titles(chunk: str, r: PeopleRules) -> list[str]:
    out = []
    for unit in chunk.split("、"):
        unit = r.title_lead.sub("", unit).strip()
        if len(unit) >= 2 and r.title_end.search(unit):
            out.append(unit)
    return out


def _plausible_name(seg: Segmentation, offset: int, name: str) -> bool:
    """Tell whether `name` at `offset` reads as a name, not as the edge of other words.

    The tokenizer must not glue the name to the word before it ("理解|毛主席" has no 解毛)
    nor read it as one ordinary word ("任期制") or as a preposition and a word ("向|全党");
    and it must end a word where the name ends, unless it tags the name alone as a name.
    """
    tags = default_tagger().tag(name, True)
    if len(tags) == 1 and not tags[0][1].startswith("nr"):
        return False
    if len(tags) == 2 and not any(t.startswith("nr") for _, t in tags):
        if not all(len(w) == 1 for w, _ in tags):
            return False
    if offset > 0 and not seg.starts_word(offset):
        return False
    return _word_boundary(seg, offset, name) or _tagged_name(name)


def _word_boundary(seg: Segmentation, offset: int, name: str) -> bool:
    """Tell whether the segmentation ends a word where the name ends ("农村工|作" fails)."""
    pos = 0
    for word in seg.words(offset, offset + len(name) + 4):
        pos += len(word)
        if pos == len(name):
            return True
        if pos > len(name):
            return False
    return True


@lru_cache(maxsize=4096)
def _tagged_name(name: str) -> bool:
    """Tell whether the tagger reads `name` as a person's name (nr) on its own."""
    tags = default_tagger().tag(name, True)
    return len(tags) == 1 and tags[0][1].startswith("nr") or (
        len(tags) == 2 and tags[0][1].startswith("nr") and len(tags[0][0]) == 2 and len(name) == 3
    )
