"""What a document says about itself: title, date, speaker or issuer, and its kind.

Reports open with a title line, a dateline ("——2025年1月14日…在…会议上") and a byline
("省长 王予波"); news opens with a lead sentence ("2日上午，…大会举行。市委常委、区委书记刘颖
出席大会并讲话"); documents of the Party and the State open with the issuer in the title
("中共中央 国务院关于…的意见"). Dates are reported as stated: a date without a year keeps
no year.
"""

from __future__ import annotations

import re

from policy_cli.core.places import find_place
from policy_cli.models import Document, Header, Person

WORK_REPORT = "work report"
CONGRESS_REPORT = "congress report"
PLAN = "plan/proposal"
NOTICE = "notice"
NEWS = "news"
SPEECH = "speech"
OTHER = "document"

_REPORTED = frozenset({WORK_REPORT, CONGRESS_REPORT, PLAN, NOTICE})
_HEAD_PARAGRAPHS = 6  # the title block of a report is in its first lines
_SKIP_LINE = re.compile(
    r"^(?:来源|原文链接|发布时间|作者|编辑|责任编辑|记者|【|http|www\.|各位代表|同志们|同事们|"
    r"[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$|[（(].*[）)]$|.*〔\d{4}〕\d+号$)"
)
_SUBTITLE = re.compile(r"^(?:——|--|－－|—|-{2,})")
_DATE_FULL = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
_DATE_CN = re.compile(r"[一二〇○零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_DATE_PARTIAL = re.compile(r"^(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?\d{1,2}日")
_YEAR = re.compile(r"(?:19|20)\d\d年")
_NEWS_TIME = re.compile(r"^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚间|早上|中午)?[，,]?")
_EVENT_VERB = re.compile(r"(?:隆重)?(?:举行|召开|开幕|闭幕|举办|启动|发布|印发|落幕)[了]?$")
_SPEECH_VERB = re.compile(
    r"^[^。]{0,14}?(?:出席[^。]{0,12}讲话|讲话|强调|指出|作[^。]{0,10}报告|致辞|主持召开|表示)"
)
_TO_CONGRESS = re.compile(r"向(?:大会|全会)(?:报告|作)[^，。]{0,14}?(?:工作|报告)")
_CC_REPORT = re.compile(r"(?:代表|受)[^，。]{0,12}中央委员会[^。]{0,6}向[^。]{0,10}大会作[^。]{0,20}报告")
_ADVERBIAL = re.compile(r"^(?:现在|此外|首先|今天|同志们|各位代表|在此)$")
_REPRESENT = re.compile(r"我代表(?P<who>[^，。、\s]{2,20}?)(?:[，,]|向|作)")
_ISSUER_TITLE = re.compile(r"^(?P<who>[^关]{2,30}?)关于")


def extract_header(document: Document, *, people: list[Person] | None = None) -> Header:
    """Read the title, date, speaker/issuer and kind of a document.

    Args:
        document: a loaded document.
        people: the people of the document if already extracted (saves a second pass).

    Returns:
        A Header; fields the document does not state are None (doc_type is always set).
    """
    if people is None:
        from policy_cli.core.people import extract_people

        people = extract_people(document)
    head = document.paragraphs[:_HEAD_PARAGRAPHS]
    title, title_end = _title(document)
    subtitle = " ".join(p.text.strip() for p in head if _SUBTITLE.match(p.text.strip()))
    lead = _lead(document, title_end)
    date = _date(document, title or "", lead)
    doc_type = _doc_type(document, title or "", subtitle, lead)
    speaker = _speaker(document, people, title or "", reported=doc_type in _REPORTED)
    if title is None:
        title = _topic(document)
    place = find_place(document, title=title)
    return Header(title=title, date=date, speaker=speaker, doc_type=doc_type,
                  place=place.name if place else None)


def _title(document: Document) -> tuple[str | None, int]:
    """The title lines at the top (a headline and its kicker are joined by a space)."""
    lines: list[str] = []
    end = 0
    for para in document.paragraphs[:_HEAD_PARAGRAPHS]:
        text = para.text.strip()
        if not text:
            continue
        if _SKIP_LINE.match(text) or _SUBTITLE.match(text):
            if lines:
                break
            continue
        if len(text) > 60 or re.search(r"[。！？；，]", text):
            break
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) and lines:
            break  # a byline under the title
        if re.match(r"^[一二三四五六七八九十]+、", text) or _DATE_FULL.match(text):
            break  # a part heading or a dateline ("2025年1月20日在…会议上")
        if text in lines:
            continue  # the same title repeated by the page
        lines.append(text)
        end = para.end
        if len(lines) == 2:
            break
    if not lines:
        return None, 0
    if len(lines) == 2 and _looks_like_byline(lines[1]):
        lines = lines[:1]
    return " ".join(lines), end


def _looks_like_byline(line: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", line))


def _topic(document: Document) -> str | None:
    """The topic of the first sentence: its subject, without the time and the event verb."""
    for sent in document.sentences[:4]:
        text = sent.text.strip().rstrip("。！？；")
        if not text or _SKIP_LINE.match(text) or re.match(r"^[一二三四五六七八九十]+、", text):
            continue
        if _CC_REPORT.search(text):
            return "中央委员会向全国代表大会的报告"
        if _TO_CONGRESS.search(text):
            return "政府工作报告"
        text = _NEWS_TIME.sub("", text)
        clauses = [c for c in re.split(r"[，,；]", text) if c.strip()]
        while len(clauses) > 1 and _ADVERBIAL.match(clauses[0].strip()):
            clauses = clauses[1:]
        clause = (clauses[0] if clauses else text) if not text.startswith("“") else text
        clause = _EVENT_VERB.sub("", clause).strip()
        return clause[:60] or None
    return None


def _lead(document: Document, title_end: int) -> str:
    """The first sentence after the title block (the lead of a news report)."""
    for sent in document.sentences:
        if sent.start >= title_end and sent.text.strip():
            return sent.text.strip()
    return ""


def _date(document: Document, title: str, lead: str) -> str | None:
    """The date the document states for itself, as stated."""
    head = " ".join(p.text for p in document.paragraphs[:_HEAD_PARAGRAPHS])
    for pattern in (_DATE_FULL, _DATE_CN):
        m = pattern.search(head)
        if m:
            return m.group()
    m = _DATE_PARTIAL.search(lead)
    if m:
        return m.group()
    m = _YEAR.search(title)
    return m.group() if m else None


def _speaker(
    document: Document, people: list[Person], title: str, *, reported: bool
) -> str | None:
    """Who speaks or issues the document: a byline, the person who speaks, or the issuer."""
    head_end = document.paragraphs[min(len(document.paragraphs), _HEAD_PARAGRAPHS) - 1].end if (
        document.paragraphs
    ) else 0
    text = document.text
    in_head = [p for p in people if p.first_offset < head_end]
    # the person named in the title or the dateline/byline of a report
    for person in in_head:
        if person.name in title or _is_byline(document, person):
            return _styled(person)
    # a report speaks for a body ("我代表国务院"), whoever it quotes
    m = _REPRESENT.search(" ".join(p.text for p in document.paragraphs[:_HEAD_PARAGRAPHS + 2]))
    if m:
        return m.group("who")
    m = _ISSUER_TITLE.match(title)
    if m:
        return m.group("who").strip()
    for person in [] if reported else people:  # news: the one who speaks, not one quoted
        if _speaks_at(text, person):
            return _styled(person)
    return None


def _is_byline(document: Document, person: Person) -> bool:
    para = next((p for p in document.paragraphs if p.start <= person.first_offset < p.end), None)
    if para is None:
        return False
    body = para.text.strip()
    if len(body) > 90 or re.search(r"[。！？；]", body.rstrip("。")):
        return False  # running text, not a byline or a dateline
    return body.endswith(person.name) or "报告" in body or "讲话" in body


def _speaks_at(text: str, person: Person) -> bool:
    for m in re.finditer(re.escape(person.name), text):
        if _SPEECH_VERB.match(text[m.end() : m.end() + 30]):
            return True
    return False


def _styled(person: Person) -> str:
    return f"{'、'.join(person.titles)}{person.name}" if person.titles else person.name


def _doc_type(document: Document, title: str, subtitle: str, lead: str) -> str:
    """Guess the kind of document from its title block and opening."""
    head = " ".join(p.text for p in document.paragraphs[:_HEAD_PARAGRAPHS + 2])
    label = f"{title} {subtitle}"
    if re.search(r"代表大会上的报告|全国代表大会上的|党代会报告|党的[一二三四五六七八九十]+大报告", label):
        return CONGRESS_REPORT
    if _CC_REPORT.search(head) or re.search(r"中国共产党第.{1,4}次全国代表大会", label):
        return CONGRESS_REPORT
    if "政府工作报告" in label or _TO_CONGRESS.search(head):
        return WORK_REPORT
    if re.search(r"(?:通知|公告|通告|办法|规定|条例|细则|通报|批复|函)(?:》)?$", title):
        return NOTICE
    if re.search(r"(?:规划|纲要|建议|方案|计划|意见|决定|行动|指导意见)(?:》)?(?:（[^）]*）)?$", title):
        return PLAN
    if _NEWS_TIME.match(lead) or re.search(r"(?:举行|召开|开幕|闭幕|举办)。?$", lead):
        return NEWS
    if re.search(r"(?:记者|讯|报道)", head[:200]):
        return NEWS
    if re.search(r"讲话|致辞|发言", label):
        return SPEECH
    if "报告" in label:
        return WORK_REPORT if "工作" in label else CONGRESS_REPORT
    return OTHER
