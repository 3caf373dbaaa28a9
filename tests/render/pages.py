"""Read a page the HTML renderer wrote: its anchors, links, marks and the text of its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "base", "col"}


@dataclass
class Mark:
    """An `<a class="m …">` of a shown text: its classes, anchor, link, hover text and words."""

    classes: set[str]
    id: str
    href: str
    title: str
    text: str = ""


@dataclass
class Page:
    ids: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    marks: list[Mark] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # section id -> its paragraphs
    lang: str = ""
    attrs: list[tuple[str, str | None]] = field(default_factory=list)  # every attribute


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.section: list[str] = []  # ids of the open sections (a <section> may hold a text)
        self.in_text = 0  # depth inside <div class="text">
        self.para: list[str] | None = None
        self.mark: Mark | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.page.tags.add(tag)
        self.page.attrs += attrs
        if tag == "html":
            self.page.lang = a.get("lang") or ""
        if a.get("id"):
            self.page.ids.append(a["id"] or "")
        if a.get("href"):
            self.page.hrefs.append(a["href"] or "")
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "section":
            self.section.append(a.get("id") or "")
        classes = set((a.get("class") or "").split())
        if tag == "div" and "text" in classes:
            self.in_text = len(self.stack)
            self.page.texts.setdefault(self.section[-1], [])
        if self.in_text and tag == "p":
            self.para = []
        if self.in_text and tag == "a" and "m" in classes:
            self.mark = Mark(classes, a.get("id") or "", a.get("href") or "", a.get("title") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        if self.in_text and tag == "p" and self.para is not None:
            self.page.texts[self.section[-1]].append("".join(self.para))
            self.para = None
        if tag == "a" and self.mark is not None:
            self.page.marks.append(self.mark)
            self.mark = None
        if len(self.stack) == self.in_text:
            self.in_text = 0
        if tag == "section" and self.section:
            self.section.pop()
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.para is not None:
            self.para.append(data)
        if self.mark is not None:
            self.mark.text += data


def read_page(html: str) -> Page:
    """Parse a page written by `policy_cli.render_html`."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
