"""A document's own place: the province, city or district it is about, as its head names it.

The place a document is about says where, not what: the summary shows it once in its header and
the key terms count its forms as one term (包头市, 包头 -> 包头), so that it does not crowd the
list; other places the document names rank as any term.

The rule: the head of the document (its title, its dateline, its first lines; source lines such
as 来源：北京日报 excepted) names the place, as one of China's provincial- or prefecture-level
divisions (`data/places.tsv`, built by scripts/build_places.py from the Ministry of Civil
Affairs' list: 云南省, 包头市, 延边朝鲜族自治州) or as a county-level name with its suffix
(余杭区, 诸暨市: the name is a place word of the dictionary); the body must name it again
(at least MIN_MENTIONS times). A national document's head names no place: it has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from policy_cli import data
from policy_cli.core.chars import HAN
from policy_cli.models import Document

HEAD_PARAGRAPHS = 6  # the title block and dateline of a report are in its first lines
MIN_MENTIONS = 3  # the body names its own place again
# county-level names written with their suffix (余杭区, 诸暨市, 新昌县, 达茂旗)
_COUNTY = re.compile(rf"([{HAN}]{{2,4}}?)(?:自治县|自治旗|区|县|市|旗)")
_SOURCE_LINE = re.compile(r"^\s*(?:【|来源|原文链接|发布时间|作者|编辑|责任编辑|记者|http|www\.)")
# a government or Party body named by its level alone (省人民政府, 自治区人民政府, 县委): not
# 市场监管总局, which opens with 市 too. The header names such an issuer with the document's
# place; an organisation so named in a list of kinds (各旗、县、区人民政府) is none.
LEVEL_BODY = re.compile(
    "(?P<level>自治区|自治州|省|市|州|盟|旗|县|区|乡|镇)"
    "(?P<body>人民政府|政府|人大常委会|人民代表大会常务委员会|委员会|党委|委|政协|办公厅)"
)
# jieba part-of-speech tags a county's name may have: jieba tags many as a person's name
# (余杭: nr) or leaves them untagged; a common word (开发区, 示范区, 高新区) has another tag
PLACE_TAGS = frozenset({"ns", "nr", "nrt", "nz", ""})


@dataclass(frozen=True)
class Place:
    """An administrative division: its usual name, full name, level and province."""

    name: str  # 云南, 包头, 延边
    full: str  # 云南省, 包头市, 延边朝鲜族自治州
    level: str  # province | prefecture | county
    province: str
    short: tuple[str, ...] = ()  # 滇, 云

    @property
    def forms(self) -> tuple[str, ...]:
        """How a document writes it: the full name and the usual name, longest first."""
        return tuple(dict.fromkeys((self.full, self.name)))


@lru_cache(maxsize=1)
def load_places() -> dict[str, Place]:
    """Return the provincial- and prefecture-level divisions by usual name (data/places.tsv)."""
    out: dict[str, Place] = {}
    for line in data.lines("places.tsv"):
        name, full, level, province, short = line.split("\t")[:5]
        # a name that is both (吉林, 海南) is the province
        out.setdefault(name, Place(name, full, level, province, tuple(short.split(",")) if short
                                   else ()))
    return out


@lru_cache(maxsize=1)
def _by_form() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for place in load_places().values():
        for form in place.forms:
            out.setdefault(form, place)
    return out


def head_text(document: Document, title: str | None = None) -> str:
    """The title and the first lines of a document, without its source lines."""
    lines = [title or ""]
    for para in document.paragraphs[:HEAD_PARAGRAPHS]:
        if not _SOURCE_LINE.match(para.text):
            lines.append(para.text[:120])
    return "\n".join(lines)


def find_place(document: Document, *, title: str | None = None) -> Place | None:
    """Return the place a document is about, or None (see the module docstring).

    Args:
        document: a loaded document.
        title: its title, when known (the header's).

    Returns:
        The place its head names and its body names again; the first one named when several.
    """
    head = head_text(document, title)
    found = list(_known_places(head))
    for m in _COUNTY.finditer(head):
        name = m.group(1)
        if name not in load_places() and _is_place_word(name) and m.group() not in _by_form():
            found.append((m.start(), Place(name, m.group(), "county", "")))
    body = document.text
    for place in dict.fromkeys(place for _, place in sorted(found, key=lambda f: f[0])):
        if sum(body.count(form) for form in _distinct(place.forms)) >= MIN_MENTIONS:
            return place
    return None


def _known_places(text: str) -> Iterator[tuple[int, Place]]:
    """(offset, division) of every division's name in a text, longest name first."""
    by_form = _by_form()
    longest = max(map(len, by_form))
    i = 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            place = by_form.get(text[i : i + size])
            if place is not None:
                yield i, place
                i += size
                break
        else:
            i += 1


def _distinct(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms of a place with none inside another (包头 counts 包头市 too)."""
    return tuple(f for f in forms if not any(f != g and g in f for g in forms))


def _is_place_word(name: str) -> bool:
    """A word national text uses (in the IDF table) that may be a place's name."""
    from policy_cli.core.keywords import load_idf

    idf = load_idf()
    return name in idf and idf.tag(name) in PLACE_TAGS
