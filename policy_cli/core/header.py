"""What a document says about itself: title, date, issuer or speaker, number, and its kind.

Documents state these in a few fixed places, read here in order of trust:

- metadata lines, printed by the issuer, a legal database or a government site
  ("制定机关：全国人大常委会", "发文字号：国发〔2025〕11号", "公布日期：2025.06.27",
  "审理法院：…", "案号：…"), and an HTML page's <meta> title and publication time;
- the title block: a title line, a document number line ("国发〔2025〕11号"), a dateline
  ("——2025年1月14日在…会议上") and a byline ("省长 王予波"), or an adoption note
  ("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）");
- a closing signature: the issuer on a short line over a date line ("国务院 / 2025年8月21日");
- the opening: a report speaks for a body ("我代表国务院"); news opens with a lead sentence
  ("2日上午，…大会举行。市委常委、区委书记刘颖出席大会并讲话"); documents of the Party and the
  State carry the issuer in the title ("中共中央 国务院关于…的意见").

Dates are reported as stated (a date without a year keeps no year) and, where the statement
is complete enough, in ISO 8601 form (2025-08-21, or 2025-01 / 2025 when that is all it says).
A person is the speaker only where the text has them speak or sign, never where it quotes or
studies them ("学习贯彻习近平总书记重要讲话精神").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date_cls
from functools import cache, lru_cache
from typing import Any

from policy_cli.core.chars import (
    CN_NUMERALS,
    CN_YEAR_DIGITS,
    CN_ZEROS,
    HAN,
    HAN_CHAR,
    digit_value,
)
from policy_cli.core.patterns import longest_first
from policy_cli.core.places import LEVEL_BODY, Place, find_place
from policy_cli.data import lines as data_lines
from policy_cli.data import toml as data_toml
from policy_cli.models import Document, Header, Paragraph, Person

WORK_REPORT = "work report"
CONGRESS_REPORT = "congress report"
LAW = "law"
COURT_CASE = "court case"
NOTICE = "notice"
OPINION = "opinion"
PLAN = "plan"
DECISION = "decision"
NEWS = "news"
SPEECH = "speech"
OTHER = "document"
DOC_TYPES = (
    WORK_REPORT, CONGRESS_REPORT, LAW, COURT_CASE, NOTICE, OPINION, PLAN, DECISION, NEWS,
    SPEECH, OTHER,
)

# what a title word alone does not tell (the third column of header_types.tsv): 法 names a law
# only in a text that reads like one, 案 a court case only in a text that names a court
READS_LIKE_LAW = "reads like a law"
NAMES_A_COURT = "names a court"
TITLE_WORD_CONDITIONS = (READS_LIKE_LAW, NAMES_A_COURT)

# documents someone delivers or speaks (the others are issued: their signer is no speaker)
_SPOKEN = frozenset({WORK_REPORT, CONGRESS_REPORT, NEWS, SPEECH, PLAN, OTHER})
# documents that speak for a body: whoever they quote is not their speaker
_REPORTED = frozenset({WORK_REPORT, CONGRESS_REPORT, PLAN})


@dataclass(frozen=True)
class HeaderOptions:
    """Where to look for the header and how a title line must look."""

    head_paragraphs: int = 6  # the title block: the first lines that are not metadata
    metadata_paragraphs: int = 16  # a legal database's metadata box sits in the first lines
    title_lines: int = 2  # a headline and its kicker
    title_max_chars: int = 60
    title_min_han: int = 4  # a title says something: "1-10月" is no title
    signature_max_chars: int = 40  # the issuer line over a closing date is short
    date_line_max_chars: int = 20  # a closing date line is the date and at most brackets
    adoption_max_chars: int = 80  # an adoption note on a line of its own (or in brackets)
    byline_max_chars: int = 90  # a byline or dateline, not running text
    lead_paragraphs: int = 3  # where news names who speaks
    speech_window: int = 30  # characters after a name in which the text has them speak
    reporter_chars: int = 200  # where news names its reporter or agency (记者, 讯)
    law_articles: int = 3  # a text cut into this many articles (第一条…) reads like a law
    court_mentions: int = 2  # a text that names a court this often is a court's document


DEFAULT_OPTIONS = HeaderOptions()

RULES_FILE = "header_rules.toml"
# sections of the rules file that hold patterns (the others: labels and fragments)
PATTERN_SECTIONS = ("dates", "title", "news", "speaker", "report", "issuer", "number", "law", "kind")
_HAN = HAN_CHAR
_CN_NUM = CN_ZEROS + CN_NUMERALS  # a number in words: 二〇二五, 十八
# typography, not words: a subtitle opens on a dash; a title may end on closing quotes and a
# parenthesis ("（2025修订）")
_SUBTITLE = re.compile(r"^(?:——|--|－－|—|-{2,})")
_TITLE_TAIL = re.compile(r"[》」』”\s]*(?:[（(][^（）()]{1,12}[）)])?[》」』”\s]*$")


def rules_table() -> dict[str, Any]:
    """The parsed rules file: {section: {key: value}}."""
    return data_toml(RULES_FILE)


def expand(pattern: str, fragments: dict[str, str] | None = None) -> str:
    """Fill the rules file's fragments and the character classes into a pattern."""
    for name, value in (fragments or {}).items():
        pattern = pattern.replace("{" + name + "}", value)
    classes = {
        "HAN": HAN, "CN_NUMERALS": CN_NUMERALS, "CN_YEAR_DIGITS": CN_YEAR_DIGITS, "CN_NUM": _CN_NUM,
    }  # fmt: skip
    for name, value in classes.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


@dataclass(frozen=True)
class _Table:
    patterns: dict[tuple[str, str], re.Pattern[str]]
    labels: dict[str, str]


@cache
def _table() -> _Table:
    """The rules file compiled, read once (on the first header read, not at start-up)."""
    t = rules_table()
    fragments = {k: expand(v) for k, v in t["fragments"].items()}
    patterns = {
        (section, key): re.compile(expand(value, fragments))
        for section in PATTERN_SECTIONS
        for key, value in t[section].items()
    }
    return _Table(patterns, dict(t["labels"]))


def _re(section: str, key: str) -> re.Pattern[str]:
    """A compiled pattern of the rules file."""
    return _table().patterns[(section, key)]


def label(key: str) -> str:
    """A label of the rules file (a topic the header writes itself)."""
    return _table().labels[key]


@dataclass(frozen=True)
class _Label:
    field: str
    rank: int
    evidence: str | None


@lru_cache(maxsize=1)
def _labels() -> dict[str, _Label]:
    """The metadata labels of `data/header_labels.tsv`, keyed by label (meta names lowercased)."""
    out: dict[str, _Label] = {}
    for rank, line in enumerate(data_lines("header_labels.tsv")):
        parts = line.split("\t")
        out[parts[1].lower()] = _Label(parts[0], rank, parts[2] if len(parts) > 2 else None)
    return out


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    """A label of the table followed by a colon, at a line start or after a non-Han character.

    Sites align labels with spaces ("索 引 号：", "标        题："), so spaces may sit between
    the characters of a label.
    """
    han = longest_first(lb for lb in _labels() if _HAN.match(lb))
    alts = "|".join(r"\s*".join(map(re.escape, lb)) for lb in han)
    return re.compile(rf"(?:^|(?<![{HAN}]))(?P<label>{alts})\s*[:：]")


@lru_cache(maxsize=1)
def _type_words() -> list[tuple[str, str, str | None]]:
    """The title words of `data/header_types.tsv`: (kind, word, condition or None)."""
    rows = []
    for line in data_lines("header_types.tsv"):
        kind, word, *condition = line.split("\t")
        rows.append((kind, word, condition[0] if condition else None))
    # a longer word first (实施意见 before 意见), else the file's order
    return sorted(rows, key=lambda r: -len(r[1]))


# the metadata names of a JSON-lines record's title and date (`core.corpus.load_item`): what
# the user says of the document, before anything its text says (header_labels.tsv ranks them
# first)
RECORD_TITLE = "record.title"
RECORD_DATE = "record.date"


@dataclass
class _Fields:
    """What metadata lines and page metadata say, by header field."""

    found: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # (rank, source, value)
    evidence: set[str] = field(default_factory=set)
    lines: set[int] = field(default_factory=set)  # paragraphs that are metadata lines

    def add(self, label: str, value: str, source: int) -> None:
        info = _labels().get(re.sub(r"\s+", "", label).lower())
        if info is None:
            return
        if info.evidence:
            self.evidence.add(info.evidence)
        value = value.strip(" \u3000:：;；,，")
        if value and info.field != "other":
            self.found.setdefault(info.field, []).append((info.rank, source, value))

    def get(self, name: str, *, where: str | None = None) -> str | None:
        """The preferred value of a field (optionally only from labels of one evidence kind)."""
        values = sorted(self.found.get(name, []))
        labels = _labels()
        for rank, _source, value in values:
            if where is None:
                return value
            kind = next((lb.evidence for lb in labels.values() if lb.rank == rank), None)
            if kind == where:
                return value
        return None

    def get_except(self, name: str, kind: str) -> str | None:
        by_rank = {lb.rank: lb.evidence for lb in _labels().values()}
        for rank, _source, value in sorted(self.found.get(name, [])):
            if by_rank.get(rank) != kind:
                return value
        return None


def extract_header(
    document: Document,
    *,
    people: list[Person] | None = None,
    options: HeaderOptions = DEFAULT_OPTIONS,
) -> Header:
    """Read the title, date, issuer or speaker, number, effective date and kind of a document.

    Args:
        document: a loaded document.
        people: the people of the document if already extracted (saves a second pass).
        options: where to look and what a title line looks like.

    Returns:
        A Header; fields the document does not state are None (doc_type is always set).
    """
    if people is None:
        from policy_cli.core.people import extract_people

        people = extract_people(document)
    fields = _read_fields(document, options)
    head = _head(document, fields, options)
    title, title_end = _title(document, fields, options)
    explicit_title = fields.get("title")
    record_title = next((v for name, v in document.meta if name == RECORD_TITLE), None)
    if record_title:
        title = " ".join(record_title.split())  # the record's own title, as given
    elif explicit_title and _is_title(explicit_title, options):
        title = _clean_title(explicit_title)
    subtitle = " ".join(p.text.strip() for p in head if _SUBTITLE.match(p.text.strip()))
    lead = _lead(document, title_end)
    signature = _signature(document, options)
    doc_type = _doc_type(document, fields, head, title or "", subtitle, lead, options)
    date = _date(document, fields, head, signature, title or "", lead)
    issuer = _issuer(document, fields, head, signature, title or "", options)
    person = None
    if doc_type in _SPOKEN:
        person = _speaker(document, people, head, title or "",
                          reported=doc_type in _REPORTED, options=options)
    if title is None:
        title = _topic(document, options)
    effective = fields.get("effective") or _effective(document)
    place = find_place(document, title=title)
    issuer = _placed_issuer(issuer, place)
    return Header(
        title=title,
        date=date,
        speaker=person or issuer,
        doc_type=doc_type,
        date_iso=_iso_of_stated(date, fields),
        issuer=issuer,
        number=fields.get("number") or _number(head),
        effective_date=effective,
        effective_date_iso=iso_date(effective) if effective else None,
        place=place.name if place else None,
    )


# -- metadata ---------------------------------------------------------------------------------
def _read_fields(document: Document, options: HeaderOptions) -> _Fields:
    """Collect label: value pairs from the first lines, from noise lines and from page metadata."""
    fields = _Fields()
    paras = document.paragraphs[: options.metadata_paragraphs]
    for i, para in enumerate(paras):
        pairs = _pairs(para.text.strip())
        if not pairs:
            # a label glued to the end of the title line: "…（2025修订） 制定机关：全国人大常委会"
            for label, value in _pairs(para.text.strip(), glued=True):
                fields.add(label, value, 0)
            continue
        fields.lines.add(para.index)
        if len(pairs) == 1 and not pairs[0][1] and i + 1 < len(paras):
            nxt = paras[i + 1].text.strip()
            if nxt and len(nxt) <= options.title_max_chars and not _pairs(nxt):
                pairs = [(pairs[0][0], nxt)]
                fields.lines.add(paras[i + 1].index)
        for label, value in pairs:
            fields.add(label, value, 0)
    # lines the loader cut as page furniture ("发布时间：2025-08-27 来源：中国政府网")
    for item in document.noise:
        for label, value in _pairs(item.text.strip()):
            fields.add(label, value, 2)
    for name, value in document.meta:
        if _HAN.match(name):
            fields.add(name, value, 1)  # a metadata table of the page ("发文机关", "国务院")
        else:
            fields.add(name, " ".join(value.split()), 3)
    return fields


def _pairs(line: str, *, glued: bool = False) -> list[tuple[str, str]]:
    """The label: value pairs of a metadata line ([] when the line does not open with a label).

    With `glued`, the pairs from the first label that follows other text ("…（2025修订）
    制定机关：…"; the label pattern already wants no Chinese character right before it).
    """
    matches = list(_label_pattern().finditer(line))
    if glued:
        matches = [m for m in matches if m.start() > 0]
        if not matches:
            return []
    elif not matches or line[: matches[0].start()].strip():
        return []
    out = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(line)
        out.append((m.group("label"), line[m.end() : end].strip()))
    return out


# -- title ------------------------------------------------------------------------------------
def _head(document: Document, fields: _Fields, options: HeaderOptions) -> list[Paragraph]:
    """The first paragraphs that are not metadata lines: the title block of the document."""
    out = []
    for para in document.paragraphs[: options.head_paragraphs + len(fields.lines)]:
        if para.index not in fields.lines:
            out.append(para)
        if len(out) == options.head_paragraphs:
            break
    return out


def _is_title(text: str, options: HeaderOptions) -> bool:
    return len(_HAN.findall(text)) >= options.title_min_han and len(text) <= 2 * options.title_max_chars


def _clean_title(text: str) -> str:
    text = " ".join(text.split())
    # "2007　年末": a space between a digit and a Chinese character is a typing slip
    return re.sub(rf"(?<=[0-9])\s+(?=[{HAN}])|(?<=[{HAN}])\s+(?=[0-9])", "", text)


def _title(document: Document, fields: _Fields, options: HeaderOptions) -> tuple[str | None, int]:
    """The title lines at the top (a headline and its kicker are joined by a space)."""
    lines: list[str] = []
    end = 0
    for para in document.paragraphs[: options.head_paragraphs + len(fields.lines)]:
        text = para.text.strip()
        if not text:
            continue
        if para.index in fields.lines:
            if lines:
                break  # the metadata box under the title
            continue
        glued = _label_pattern().search(text)
        if glued and glued.start() > 0:
            text = text[: glued.start()].rstrip()  # "…（2025修订） 制定机关：…": the label is not title
        if _re("title", "skip_line").match(text) or _SUBTITLE.match(text):
            if lines:
                break
            continue
        if len(text) > options.title_max_chars or re.search(r"[。！？；，]", text):
            break
        if text.endswith(("：", ":")):
            break  # the addressee under a notice's title (各区县人民政府：), or 各位代表：
        if re.fullmatch(rf"[{HAN}]{{2,4}}", text) and lines:
            break  # a byline under the title
        if _re("title", "part_heading").match(text) or _re("dates", "full").match(text):
            break  # a part heading or a dateline ("2025年1月20日在…会议上")
        if _re("number", "line").match(text) or _re("number", "order_head").match(text):
            if lines:
                break
            continue
        if not _is_title(text, options):
            if lines:
                break
            continue  # "1-10月", "//": no title
        if text in lines:
            continue  # the same title repeated by the page
        lines.append(text)
        end = para.end
        if len(lines) == options.title_lines:
            break
    if not lines:
        return None, 0
    if len(lines) == 2 and _looks_like_byline(lines[1]):
        lines = lines[:1]
    return " ".join(lines), end


def _looks_like_byline(line: str) -> bool:
    return bool(re.fullmatch(rf"[{HAN}]{{2,4}}", line))


def _topic(document: Document, options: HeaderOptions) -> str | None:
    """The topic of the first sentence: its subject, without the time and the event verb."""
    for sent in document.sentences[:4]:
        text = sent.text.strip().rstrip("。！？；")
        if not text or _re("title", "skip_line").match(text) or _re("title", "part_heading").match(text):
            continue
        if len(_HAN.findall(text)) < options.title_min_han:
            continue  # "1-10月": a heading that names no topic
        if _re("report", "cc_report").search(text):
            return label("congress_report")
        if _re("report", "to_congress").search(text):
            return label("work_report")
        text = _re("news", "time").sub("", text)
        clauses = [c for c in re.split(r"[，,；]", text) if c.strip()]
        while len(clauses) > 1 and _re("title", "adverbial").match(clauses[0].strip()):
            clauses = clauses[1:]
        while len(clauses) > 1 and len(_HAN.findall(clauses[0])) < options.title_min_han:
            clauses = clauses[1:]  # "1-10月，全省…": a time is no topic
        clause = (clauses[0] if clauses else text) if not text.startswith("“") else text
        clause = _re("title", "event_verb").sub("", clause).strip()
        return clause[: options.title_max_chars] or None
    return None


def _lead(document: Document, title_end: int) -> str:
    """The first sentence after the title block (the lead of a news report).

    A short line without punctuation (a heading such as "1-10月") is not the lead.
    """
    for sent in document.sentences:
        text = sent.text.strip()
        if sent.start >= title_end and text and re.search(r"[，。！？；,]", text):
            return text
    return ""


# -- dates ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Signature:
    """A closing date line and the issuer line over it, if any."""

    date: str
    issuer: str | None


def _signature(document: Document, options: HeaderOptions) -> _Signature | None:
    """The first paragraph that is only a date, and the short issuer line above it."""
    paras = document.paragraphs
    for i, para in enumerate(paras):
        text = para.text.strip()
        if len(text) > options.date_line_max_chars or not _re("dates", "line").match(text):
            continue
        issuer = None
        if i > 0:
            above = paras[i - 1].text.strip()
            if (
                len(above) <= options.signature_max_chars
                and not re.search(r"[。！？；，：:]", above)
                and _re("issuer", "body_end").search(above)
            ):
                issuer = above
        return _Signature(text.strip("（）()"), issuer)
    return None


def _date(
    document: Document,
    fields: _Fields,
    head: list[Paragraph],
    signature: _Signature | None,
    title: str,
    lead: str,
) -> str | None:
    """The date the document states for itself, as stated."""
    stated = fields.get("date")
    if stated:
        return _first_date(stated) or stated
    if signature is not None:
        return signature.date
    text = " ".join(p.text for p in head)
    for pattern in (_re("dates", "full"), _re("dates", "cn")):
        m = pattern.search(text)
        if m:
            return m.group()
    m = _re("dates", "partial").search(lead)  # news: the day of the event ("2日上午，…")
    if m:
        return m.group()
    published = fields.get("published")
    if published and _first_date(published):
        return _first_date(published)
    m = _re("dates", "year").search(title)
    return m.group() if m else None


def _first_date(text: str) -> str | None:
    for pattern in (_re("dates", "full"), _re("dates", "cn"), _re("dates", "numeric")):
        m = pattern.search(text)
        if m:
            return m.group()
    return None


def _cn_int(text: str) -> int:
    """A Chinese numeral up to 99 (十八, 二十一) or read digit by digit (二〇二五)."""
    digits = {c: digit_value(c) or 0 for c in text if c != "十"}
    if "十" not in text:
        return int("".join(str(digits[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def iso_date(stated: str | None) -> str | None:
    """Write a stated date in ISO 8601: 2025年8月21日, 二〇二五年八月二十一日, 2025.08.21 -> 2025-08-21.

    A date that names only a year and month (2025年1月) or a year gives 2025-01 or 2025; a date
    without a year (2日) or one that is no calendar date gives None.

    Args:
        stated: a date as a document states it.

    Returns:
        The ISO form, or None.
    """
    if not stated:
        return None
    text = re.sub(r"\s+", "", stated)
    m = _re("dates", "iso_numeric").search(text)
    if m is None:
        cn = _re("dates", "iso_cn").search(text)
        if cn is not None:
            try:
                y, mo, d = (_cn_int(g) for g in cn.groups())
            except (KeyError, ValueError):
                return None
            return _valid(y, mo, d)
        m2 = _re("dates", "iso_year_month").search(text)
        if m2 is None:
            return None
        if m2.group(2):
            month = int(m2.group(2))
            return f"{m2.group(1)}-{month:02d}" if 1 <= month <= 12 else None
        return m2.group(1)
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return _date_cls(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_of_stated(stated: str | None, fields: _Fields, *, within_days: int = 40) -> str | None:
    """The ISO form of the stated date; a date without a year takes it from the publication date.

    News states the day of the event ("11日", "11月11日") and its page the day it was published
    (2025-11-12): the event is the last such day on or before publication, within `within_days`.
    """
    iso = iso_date(stated)
    if iso is not None or not stated:
        return iso
    m = _re("dates", "day").match(stated)
    published = iso_date(fields.get("published"))
    if m is None or published is None or len(published) != 10:
        return None
    from datetime import timedelta

    pub = _date_cls.fromisoformat(published)
    month, day = (int(m.group(1)) if m.group(1) else None), int(m.group(2))
    for back in range(within_days + 1):
        d = pub - timedelta(days=back)
        if d.day == day and (month is None or d.month == month):
            return d.isoformat()
    return None


def _effective(document: Document) -> str | None:
    """The date the document says it takes effect ("本法自2026年1月1日起施行")."""
    found = None
    for m in _re("law", "effective").finditer(document.text):
        found = m.group("date")  # the last statement: the document's own final provision
    return found


# -- issuer, number, speaker ------------------------------------------------------------------
def _issuer(
    document: Document,
    fields: _Fields,
    head: list[Paragraph],
    signature: _Signature | None,
    title: str,
    options: HeaderOptions,
) -> str | None:
    """The body that issues the document: metadata, an adoption note, the title, a signature."""
    stated = fields.get_except("issuer", COURT_CASE)
    if stated:
        return stated
    for para in head:
        text = para.text.strip()
        if text.startswith(("（", "(")) or len(text) <= options.adoption_max_chars:
            m = _re("issuer", "adopted").search(text)
            if m and _re("issuer", "body_end").search(m.group("body")):
                return _strip_session(m.group("body"))
    court = fields.get("issuer", where=COURT_CASE)
    if court:
        return court
    m = _re("issuer", "in_title").match(title)
    if m:
        return m.group("who").strip()
    if signature is not None and signature.issuer:
        return signature.issuer
    m = _re("issuer", "represent").search(" ".join(p.text for p in document.paragraphs[: len(head) + 2]))
    if m:
        return m.group("who")
    return None


def _placed_issuer(issuer: str | None, place: Place | None) -> str | None:
    """A body named by its level alone (我代表省人民政府 in a provincial report) named with the
    place the document is about, whose full name ends with that level: 湖北省 + 人民政府,
    广西壮族自治区 + 人民政府; a body that names its place, or another level, is left as it is."""
    if not issuer or place is None:
        return issuer
    m = LEVEL_BODY.fullmatch(issuer)
    if m is None or not place.full.endswith(m.group("level")):
        return issuer
    return place.full + m.group("body")



def _strip_session(body: str) -> str:
    """"2007年6月29日第十届全国人民代表大会常务委员会" -> "全国人民代表大会常务委员会"."""
    body = _re("issuer", "session").sub("", body) or body
    return _re("issuer", "session_tail").sub("", body) or body


def _number(head: list[Paragraph]) -> str | None:
    """A document number on a line of its own in the title block."""
    for i, para in enumerate(head):
        text = para.text.strip()
        if _re("number", "line").match(text):
            return re.sub(r"\s+", "", text)
        if _re("number", "order_head").match(text) and i + 1 < len(head):
            nxt = head[i + 1].text.strip()
            if _re("number", "order_number").match(nxt):
                return text + re.sub(r"[\s（）()]", "", nxt)
    return None


def _speaker(
    document: Document,
    people: list[Person],
    head: list[Paragraph],
    title: str,
    *,
    reported: bool,
    options: HeaderOptions,
) -> str | None:
    """The person who speaks or delivers the document: a byline, or who speaks in the lead."""
    head_end = head[-1].end if head else 0
    text = document.text
    for person in people:
        if person.first_offset >= head_end:
            continue
        if person.name in title and _speaks_in(title, person.name, options):
            return _styled(person)
        if _is_byline(document, person, options):
            return _styled(person)
    if reported:
        return None
    # news: the person the lead has speak at the event, not one it quotes
    paras = document.paragraphs
    lead_end = paras[min(len(paras), len(head) + options.lead_paragraphs) - 1].end if paras else 0
    lead = text[:lead_end]
    for verbs in (_re("speaker", "event_speech"), _re("speaker", "says")):
        for person in people:
            if _speaks_in(lead, person.name, options, verbs=verbs):
                return _styled(person)
    for person in people:  # the lead names no speaker: someone the body has speak
        if _speaks_in(text, person.name, options, verbs=_re("speaker", "event_speech")):
            return _styled(person)
    return None


def _speaks_in(
    text: str, name: str, options: HeaderOptions, *, verbs: re.Pattern[str] | None = None
) -> bool:
    """Tell whether `text` has `name` speak: a speech verb soon after, and not quoted or studied."""
    at = text.find(name)
    while at >= 0:  # (a name is found as written: no pattern is compiled of a document's words)
        end = at + len(name)
        at = text.find(name, end) if name else -1  # (not overlapping, as re.finditer)
        if _quoted(text, end - len(name), end):
            continue
        after = text[end : end + options.speech_window].split("。")[0]
        if verbs is None:
            if _re("speaker", "event_speech").search(after) or _re("speaker", "says").search(after):
                return True
        elif verbs.search(after):
            return True
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    return bool(
        _re("speaker", "quoted_before").search(text[max(0, start - 12) : start])
        or _re("speaker", "quoted_after").match(text[end : end + 24])
    )


def _is_byline(document: Document, person: Person, options: HeaderOptions) -> bool:
    para = next((p for p in document.paragraphs if p.start <= person.first_offset < p.end), None)
    if para is None:
        return False
    body = para.text.strip()
    if len(body) > options.byline_max_chars or re.search(r"[。！？；]", body.rstrip("。")):
        return False  # running text, not a byline or a dateline
    if _quoted(document.text, person.first_offset, person.first_offset + len(person.name)):
        return False  # a headline that studies someone's speech is not by them
    return body.endswith(person.name) or bool(_re("speaker", "byline").search(body))


def _styled(person: Person) -> str:
    return f"{'、'.join(person.titles)}{person.name}" if person.titles else person.name


# -- kind -------------------------------------------------------------------------------------
def _doc_type(
    document: Document,
    fields: _Fields,
    head: list[Paragraph],
    title: str,
    subtitle: str,
    lead: str,
    options: HeaderOptions,
) -> str:
    """Guess the kind of document from its metadata, title block and opening."""
    if COURT_CASE in fields.evidence:
        return COURT_CASE
    if LAW in fields.evidence:
        return LAW
    head_text = " ".join(p.text for p in document.paragraphs[: len(head) + 2])
    titles = f"{title} {subtitle}"
    if _re("kind", "congress_title").search(titles):
        return CONGRESS_REPORT
    if _re("report", "cc_report").search(head_text) or _re("kind", "party_congress").search(titles):
        return CONGRESS_REPORT
    if label("work_report") in titles or _re("report", "to_congress").search(head_text):
        return WORK_REPORT
    kind = _kind_of_title(document, title, options)
    if kind:
        return kind
    if _re("news", "time").match(lead) or _re("news", "event_end").search(lead):
        return NEWS
    if _re("news", "reporter").search(head_text[: options.reporter_chars]):
        return NEWS
    if _re("kind", "speech").search(titles):
        return SPEECH
    if _re("kind", "report").search(titles):
        return WORK_REPORT if _re("kind", "of_work").search(titles) else CONGRESS_REPORT
    return OTHER


def _kind_of_title(document: Document, title: str, options: HeaderOptions) -> str | None:
    """The kind the last word of the title names (意见, 通知, 条例, 规划…)."""
    end = _TITLE_TAIL.sub("", title)
    for kind, word, condition in _type_words():
        if end.endswith(word) and _holds(condition, document, title, options):
            return kind
    return None


def _holds(condition: str | None, document: Document, title: str, options: HeaderOptions) -> bool:
    """Tell whether the text bears out a title word that alone does not tell its kind."""
    if condition == READS_LIKE_LAW:
        return _reads_like_law(document, title, options)
    if condition == NAMES_A_COURT:
        return len(_re("law", "court").findall(document.text)) >= options.court_mentions
    return True


def _reads_like_law(document: Document, title: str, options: HeaderOptions) -> bool:
    """A law: its title names the state, or its text is cut into articles (第一条…)."""
    if _re("law", "state_title").match(title):
        return True
    article = _re("law", "article")
    return sum(1 for p in document.paragraphs if article.match(p.text.strip())) >= options.law_articles
