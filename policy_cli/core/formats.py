"""Text extraction from HTML pages, .docx and .pdf files, guarded against hostile input.

Every extractor returns plain text, one paragraph a line, for `normalize` to clean up. The
format libraries (lxml, python-docx, pypdfium2) are imported inside the functions: loading a plain
text file never pays for them.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from policy_cli.core.chars import (
    CJK_MARKS,
    HAN,
    HAN_EXTENDED,
    RADICALS,
    small_numeral,
)
from policy_cli.errors import EncodingError, FormatError, InputError

# Hostile-input limits. Real policy documents are far below each of them.
MAX_HTML_DEPTH = 200  # libxml2 stops nesting at 255 and silently drops the rest
# A government page has a few thousand elements; a million-<p> page is markup, not a document
# (each element costs the walk a few microseconds: the limit keeps a page under a second).
MAX_HTML_ELEMENTS = 200_000
MAX_DOCX_UNCOMPRESSED = 64 * 1024 * 1024  # total of the zip members python-docx reads
MAX_DOCX_RATIO = 200  # compression ratio of one member; XML compresses ~10x, bombs 1000x+
MAX_DOCX_MEMBERS = 2000
MAX_PDF_PAGES = 2000
MAX_PDF_SECONDS = 60.0
MAX_TEXT_CHARS = 20_000_000

_CJK_RANGES = HAN_EXTENDED + RADICALS
_HAN = re.compile(f"[{_CJK_RANGES}]")
_SENTENCE_MARK = re.compile("[，。；！？]")  # not ：、 (footers: 主办单位：…)

# --------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Browsers ignore a stray </body> or </html> mid-page; libxml2 stops reading there.
_END_TAGS = re.compile(r"</\s*(?:html|body)\s*>", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br center dd details dialog div dl dt fieldset "
    "figcaption figure form h1 h2 h3 h4 h5 h6 hr html li main ol p pre section summary "
    "table tbody td tfoot th thead tr ul caption".split()
)
# Block elements whose line breaks are the text's own (a text file pasted into a page).
_PREFORMATTED_TAGS = frozenset({"pre"})
# Elements whose text is never document text.
_SKIP_TAGS = frozenset(
    "script style noscript template iframe object embed svg canvas select option button "
    "input textarea nav header footer head title map audio video".split()
)
_CONTAINERS = frozenset(
    "article body center div dl form main section table tbody td tr ul ol blockquote".split()
)
# "Title_Site", "Title - Site", "Title|Site"; not the hyphen of a range ("1-10月")
_SITE_SEPARATOR = re.compile(r"\s*(?:_{1,2}|\s[-|–—]\s|[|｜]|(?<![0-9])[-–—](?![0-9]))\s*")


def html_to_text(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Extract the title and main text of an HTML page, one paragraph a line.

    The page is decoded by the forced encoding, else its declared charset, else detection.
    Navigation, headers, footers, scripts and link lists are left out: the text is taken from
    the smallest element that holds most of the page's sentence-like text (a readability-style
    rule; trafilatura returned only the navigation of a gov.cn page and flattened the
    paragraphs of a table-layout page, so it is not used).

    Args:
        data: the raw bytes of the page.
        encoding: force this encoding instead of the declared one.

    Returns:
        The text and the name of the encoding used.

    Raises:
        EncodingError: the bytes cannot be decoded.
        FormatError: the page cannot be parsed or is nested too deeply.
    """
    text, used, _meta = html_document(data, encoding=encoding)
    return text, used


def html_document(
    data: bytes, *, encoding: str | None = None
) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Extract the text of an HTML page (as `html_to_text`) and what the page says about it.

    Returns:
        The text, the encoding used, and the page's metadata: (name, content) of its <meta>
        elements with a name or property (names lowercased), then the label/value pairs of
        metadata tables anywhere on the page ("发文机关：" | "国务院").

    Raises:
        EncodingError, FormatError: as `html_to_text`.
    """
    text, used = _decode_html(data, encoding=encoding)
    root = _parse_html(text)
    title = _page_title(root)
    blocks = _blocks(root)
    lines = _main_lines(root, blocks)
    if (
        not any(_SENTENCE_MARK.search(b.text) for b in blocks)
        and sum(len(_HAN.findall(line)) for line in lines) < EMPTY_PAGE_HAN
        and not any(
            len(_HAN.findall("".join(h.itertext()))) >= HEADING_MIN_HAN
            for h in root.xpath("//h1|//h2|//h3")
        )
    ):  # (a notice of one title and its attachment has a heading: an article)
        raise InputError(
            "no article text in the page: no sentence, only its menus (a page that loads its"
            " text by script holds none; save the page as the browser shows it)"
        )
    meta = (*_meta_tags(root), *_label_pairs(blocks))
    return "\n".join(_merge_title(title, lines)), used, meta


# a page with no sentence, fewer characters than this and no heading of `HEADING_MIN_HAN`
# characters holds menus, no article
EMPTY_PAGE_HAN = 200
HEADING_MIN_HAN = 8


def _decode_html(data: bytes, *, encoding: str | None) -> tuple[str, str]:
    from policy_cli.core.decoding import decode_bytes, text_codec

    if encoding:
        return decode_bytes(data, encoding=encoding)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    wide = _utf16_page(data)
    if wide is not None:
        return wide
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        # GB2312 and GBK pages routinely contain GB18030-only characters: decode by the superset.
        name = "gb18030" if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else declared
        try:
            text_codec(name)  # charset=undefined, base64, rot13: not a text encoding
            return data.decode(name), name
        except (InputError, LookupError, UnicodeError, ValueError):
            pass  # a wrong, unknown or unusable declaration: detect instead
    try:
        return decode_bytes(data)
    except InputError as exc:
        raise EncodingError(f"cannot decode the HTML page: {exc}") from exc


def _utf16_page(data: bytes) -> tuple[str, str] | None:
    """A page saved in UTF-16 without a byte-order mark (its markup's every other byte NUL):
    read in the byte order in which it opens with markup and holds no control character."""
    if b"\x00" not in data[:64] or len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if text.lstrip().startswith("<") and not _CONTROLS.search(text):
            return text, name
    return None


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _parse_html(text: str) -> Any:
    import lxml.etree

    text = _END_TAGS.sub("", _XML_DECL.sub("", text, count=1))
    if not text.strip():
        raise FormatError("empty HTML page")
    # lxml.etree's parser, not lxml.html's: its elements need no Python class lookup each
    # (a third of the walk's time on a large page); only plain element methods are used.
    parser = lxml.etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = lxml.etree.fromstring(text, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(f"cannot parse the HTML page ({exc})") from exc
    if root is None:
        raise FormatError("empty HTML page")
    # both checks are counted by libxml2, not walked in Python
    elements = int(root.xpath("count(//*)"))
    if elements > MAX_HTML_ELEMENTS:
        raise FormatError(
            f"the HTML page has {elements:,} elements (limit {MAX_HTML_ELEMENTS:,}):"
            " markup, not a document"
        )
    if _deeper_than(root, MAX_HTML_DEPTH):
        raise FormatError(
            f"HTML nested more than {MAX_HTML_DEPTH} elements deep: not a page we can read"
        )
    return root


def _deeper_than(root: Any, depth: int) -> bool:
    """Tell whether an element lies more than `depth` levels below the root."""
    return bool(root.getroottree().xpath("boolean(" + "/*" * (depth + 2) + ")"))


_SITE_NAME = re.compile(r"(?:门户网站|网站|政府网|官网|门户)\s*$")


def _page_title(root: Any) -> str:
    """The page's title: the first part of <title> (a site's name follows a separator), or
    the page's heading (<h1>) where <title> holds only the site's name (某某市人民政府门户网站
    on every page of a county's site): a heading longer than the title and not in it."""
    titles = root.xpath("//title")
    raw = " ".join("".join(titles[0].itertext()).split()) if titles else ""
    parts = [p.strip() for p in _SITE_SEPARATOR.split(raw) if p.strip()]
    title = parts[0] if parts else raw
    headings = [" ".join("".join(h.itertext()).split()) for h in root.xpath("//h1")]
    sites = [_squash(p) for p in parts[1:]]  # the site's name after the title's separator
    heading = max(
        (
            h for h in headings
            if re.search(f"[{HAN}]", h) and not _SITE_NAME.search(h)
            and not any(site and site in _squash(h) for site in sites)
        ),
        key=len,
        default="",
    )  # (a site's logo set in an <h1> is no title: …门户网站, …人民政府 of <title>)
    if len(heading) > len(title) and _squash(heading) not in _squash(raw):
        title = heading
    if not title:
        return ""
    # "2007　年末": a space between a digit and a Chinese character is a typing slip.
    return re.sub(rf"(?<=[0-9])\s+(?=[{HAN}])|(?<=[{HAN}])\s+(?=[0-9])", "", title)


@dataclass
class _Block:
    """A run of text between block boundaries, with the element it belongs to."""

    owner: Any
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    links: int = 0  # the links it holds (one is an item of the article; several, a list)
    preformatted: bool = False  # a <pre> block: its line breaks are the text's

    @cached_property
    def text(self) -> str:  # asked for several times, once the walk is over
        joined = "".join(self.parts)
        if self.preformatted:  # a text pasted into <pre>: its lines, joined where hard-wrapped
            from policy_cli.core.normalize import unwrap_hard_lines

            lines = (" ".join(line.split()) for line in joined.splitlines() if line.strip())
            return unwrap_hard_lines("\n".join(lines))
        return " ".join(joined.split())


_CELL_TAGS = frozenset({"td", "th"})


def _plain_cell(el: Any, rows: dict[Any, bool]) -> bool:
    """Tell whether a table cell is one of a row of data: every cell of its row holds text only
    (no paragraph, break or table of its own: a page's layout) and none is a label (发文机关：,
    a page's metadata table, read label by value). `rows` keeps each row's answer."""
    row = el.getparent()
    if row is None:
        return False
    if row not in rows:
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in _CELL_TAGS]
        rows[row] = not any(
            any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in cell.iterdescendants())
            or "".join(cell.itertext()).strip().endswith((":", "："))
            for cell in cells
        )
    return rows[row]


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None


def _blocks(root: Any) -> list[_Block]:
    """Walk the tree (iteratively: no recursion limit) and cut its text into blocks."""
    blocks: list[_Block] = []
    current = _Block(root)
    blocks.append(current)
    in_link = 0
    rows: dict[Any, bool] = {}  # a table's row -> whether it is a row of data (`_plain_cell`)
    # Events: ("open", el) / ("close", el) / ("tail", el).
    stack: list[tuple[str, Any]] = [("open", root)]
    while stack:
        kind, el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if kind == "tail":
            if el.tail:
                current.parts.append(el.tail)
                if in_link:
                    current.link_chars += len(el.tail.strip())
            continue
        if kind == "close":
            if tag == "a":
                in_link -= 1
            if tag in _BLOCK_TAGS and not (tag in _CELL_TAGS and _plain_cell(el, rows)):
                current = _Block(el.getparent() if el.getparent() is not None else el)
                blocks.append(current)
            continue
        if not tag or tag in _SKIP_TAGS or _hidden(el):
            continue
        if tag in _CELL_TAGS and _plain_cell(el, rows):
            # a cell of a data table: its row is one line, the cells apart (a .docx's rows too)
            if el.getprevious() is not None:
                current.parts.append(" ")
        elif tag in _BLOCK_TAGS:
            current = _Block(el, preformatted=tag in _PREFORMATTED_TAGS)
            blocks.append(current)
        if tag == "a":
            in_link += 1
            current.links += 1
        if el.text:
            current.parts.append(el.text)
            if in_link:
                current.link_chars += len(el.text.strip())
        stack.append(("close", el))
        for child in reversed(el):  # LIFO: child 0 opens first, its tail after its close
            stack.append(("tail", child))
            stack.append(("open", child))
    return [b for b in blocks if b.text]


def _content_weight(block: _Block) -> int:
    text = block.text
    han = len(_HAN.findall(text))
    if han < 8 or not _SENTENCE_MARK.search(text):
        return 0
    if block.link_chars > 0.5 * len(text.replace(" ", "")):
        return 0
    return han


def _main_lines(root: Any, blocks: list[_Block] | None = None) -> list[str]:
    blocks = _blocks(root) if blocks is None else blocks
    weights = [_content_weight(b) for b in blocks]
    total = sum(weights)
    if total == 0:
        # No sentence-like text anywhere: keep every line that is not a link list.
        return [b.text for b in blocks if b.link_chars < 0.5 * len(b.text)]
    mass: Counter[Any] = Counter()
    for block, weight in zip(blocks, weights, strict=True):
        if weight:
            el = block.owner
            while el is not None:
                mass[el] += weight
                el = el.getparent()
    # Descend from the root to the deepest element that still holds 80% of the content.
    node = root
    while True:
        best = max(node, key=lambda c: mass.get(c, 0), default=None)
        if best is None or mass.get(best, 0) < 0.8 * total or best.tag not in _CONTAINERS:
            break  # a paragraph is not a container: keep its siblings (title, date line)
        node = best
    inside = set(node.iter())
    lines = []
    for block in blocks:
        if block.owner not in inside:
            continue
        text = block.text
        if (
            block.links > 1
            and block.link_chars >= 0.5 * len(text.replace(" ", ""))
            and not _SENTENCE_MARK.search(text)
        ):
            continue  # a link list inside the article container (one link is an item of
            # the article: 附件：<a>项目表.pdf</a>, a heading that links its part)
        lines.append(text)
    return lines


MAX_META = 64  # a page's metadata entries kept (a hostile page may carry thousands)
MAX_META_CHARS = 300
_LABEL_CELL = re.compile(rf"^([{HAN}][{HAN}\s]{{1,9}})\s*[:：]\s*(.*)$")


def _meta_tags(root: Any) -> list[tuple[str, str]]:
    """(name, content) of the page's <meta name|property=… content=…>, names lowercased."""
    out: list[tuple[str, str]] = []
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        content = " ".join((el.get("content") or "").split())
        if name and content:
            out.append((name[:MAX_META_CHARS], content[:MAX_META_CHARS]))
            if len(out) == MAX_META:
                break
    return out


def _label_pairs(blocks: list[_Block]) -> list[tuple[str, str]]:
    """Label/value pairs of metadata tables: "发文机关：国务院", or "发文字号：" | "国发〔2025〕11号".

    Government policy pages print the document's issuer, number and dates in a table above
    the text, outside the element that holds the text itself.
    """
    out: list[tuple[str, str]] = []
    for k, block in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        m = _LABEL_CELL.match(block.text)
        if m is None:
            continue
        label, value = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
        if not value and nxt is not None and not _LABEL_CELL.match(nxt.text):
            value = nxt.text
        if value and len(value) <= MAX_META_CHARS and not _SENTENCE_MARK.search(value[-1]):
            out.append((label, value))
            if len(out) == MAX_META:
                break
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _merge_title(title: str, lines: list[str]) -> list[str]:
    """Put the page title first: as the opening lines say it, or from <title>."""
    if not title:
        return lines
    want = _squash(title)
    joined = ""
    for i, line in enumerate(lines[:6]):
        joined += _squash(line)
        if joined == want:
            # A title broken by <br> over several lines becomes one line again.
            return [title, *lines[i + 1 :]]
        if not want.startswith(joined):
            break
    if lines and want in _squash(lines[0]):
        return lines
    return [title, *lines]


# --------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def docx_to_text(data: bytes, *, depth: int = 0) -> str:
    """Extract a .docx file's text: paragraphs in order, table rows as lines, headings kept.

    The zip is checked before python-docx reads it: its members' declared sizes, their total
    and their compression ratios must be sane (a zip bomb is refused, never inflated).

    Args:
        data: the raw bytes of the file.
        depth: how deep in .docx files imported into one (altChunk) this one is.

    Returns:
        The text, one paragraph (or table row, cells joined by a tab) a line.

    Raises:
        FormatError: not a .docx file, corrupt, or hostile.
    """
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError("not a .docx file (not a valid zip archive)") from exc
    with archive:
        _check_zip(archive)
        names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise FormatError("not a .docx file (the zip has no word/document.xml)")
    return "\n".join(_docx_lines(data, depth))


def _check_zip(archive: Any) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_DOCX_MEMBERS:
        raise FormatError(f"the .docx has {len(infos):,} parts: refused as hostile")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > 1_000_000 and ratio > MAX_DOCX_RATIO:
            raise FormatError(
                f"the .docx part {info.filename} expands {ratio:,.0f}-fold: refused as a zip bomb"
            )
        if total > MAX_DOCX_UNCOMPRESSED:
            raise FormatError(
                f"the .docx expands to more than {MAX_DOCX_UNCOMPRESSED // 2**20} MB: refused"
            )


def _docx_lines(data: bytes, depth: int) -> Iterator[str]:
    import io
    import zipfile

    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise FormatError(f"not a readable .docx file ({exc})") from exc
    except Exception as exc:  # lxml syntax errors and friends from a corrupt part
        raise FormatError(f"corrupt .docx file ({type(exc).__name__})") from exc
    body = getattr(document.element, "body", None)
    if body is None or not hasattr(body, "iterchildren"):
        # e.g. a main part in another XML namespace: python-docx finds no w:body in it
        raise FormatError("not a .docx file (its main part is not a WordprocessingML document)")
    numbering = _Numbering(document)
    yield from _block_lines(body, numbering, document, depth)
    yield from _notes(document)


# what holds paragraphs and tables without being one, read through: content controls, custom
# XML, tracked insertions and the target of a tracked move (anything else is read as nothing:
# the source of a tracked move, whose text is also at its target, and a tracked deletion)
_DOCX_WRAPPERS = frozenset(
    f"{_W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")
)
_DOCX_MAX_CHUNK_DEPTH = 2  # a .docx imported into a .docx imported into one, at most
# the imports (altChunk) of one document read at most, however many it refers to: one part
# imported a hundred times was a hundred copies (300 M characters from a 1.8 MB file)
_DOCX_MAX_CHUNKS = 32


def _block_lines(
    container: Any, numbering: Any, document: Any, depth: int, imported: set[str] | None = None,
) -> Iterator[str]:
    """The lines of the paragraphs and tables of a body (or a wrapper in it), in order; the
    content a document imports whole (w:altChunk: an HTML page or text a converter embedded)
    where it stands, each part once and `_DOCX_MAX_CHUNKS` at most (`imported`: the parts of
    the document read so far)."""
    imported = set() if imported is None else imported
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield numbering.label(child) + _paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            for p in child.iter(f"{_W}p"):
                numbering.label(p)  # (Word counts a table's numbered paragraphs in the list)
            yield from _table_rows(child)
        elif child.tag in _DOCX_WRAPPERS:
            yield from _block_lines(child, numbering, document, depth, imported)
        elif child.tag == f"{_W}altChunk":
            rid = child.get(f"{_R}id")
            part = document.part.related_parts.get(rid) if rid else None
            if part is None or part.partname in imported or len(imported) >= _DOCX_MAX_CHUNKS:
                continue  # (a part read once; no more imports than the budget)
            imported.add(part.partname)
            yield from _imported_lines(part, depth)


def _imported_lines(part: Any, depth: int) -> Iterator[str]:
    """The lines of the part an altChunk imports: an HTML page, plain text or a .docx."""
    if depth >= _DOCX_MAX_CHUNK_DEPTH:
        return
    kind = (getattr(part, "content_type", "") or "").lower()
    blob = part.blob
    try:  # (read as any page, text or .docx is: checked, decoded; a .docx's zip, its size)
        if "html" in kind:
            text = html_to_text(blob)[0]
        elif kind.startswith("text/plain"):
            from policy_cli.core.decoding import decode_bytes

            text = decode_bytes(blob)[0]
        elif "wordprocessingml" in kind:
            text = docx_to_text(blob, depth=depth + 1)
        else:
            return
    except InputError:
        return  # a broken import leaves the document that holds it readable
    yield from text.splitlines()


# the parts whose notes a reader reads at the page's foot or the document's end, and the kinds
# of note that are Word's own rules (the separator lines), not notes
_NOTE_PARTS = ("footnotes", "endnotes")
_NOTE_RULES = ("separator", "continuationSeparator", "continuationNotice")


def _notes(document: Any) -> Iterator[str]:
    """The footnotes and endnotes, after the text, one a line (“1310”具体部署：即…): a plan
    explains its codes in them."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(_NOTE_PARTS):
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue  # (a corrupt notes part: the text is read without its notes)
        for note in root:
            if note.get(f"{_W}type") in _NOTE_RULES:
                continue
            for p in note.iter(f"{_W}p"):
                text = _paragraph_text(p)
                if text.strip():
                    yield text


class _Numbering:
    """The numbers Word writes before its numbered paragraphs (一、 （一） 1.), which live in
    the document's numbering part, not in the text: each list (numId) counts its paragraphs by
    level, a level's count starting again under a new item of the level above; the number is
    the level's text (%1、) with each count in its format (chineseCounting 一, decimal 1).
    Bullets and unknown formats give no text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> its levels
        self.styles: dict[str, tuple[str, int]] = {}  # styleId -> (numId, level)
        self.counts: dict[str, dict[int, int]] = {}
        try:
            self._read(document)
        except Exception:  # (an odd numbering part: the text is read without its numbers)
            self.levels = {}

    def _read(self, document: Any) -> None:
        part = getattr(document.part, "numbering_part", None)
        root = part.element if part is not None else None
        if root is None:
            return
        abstract = {}
        for a in root.iterchildren(f"{_W}abstractNum"):
            lvls = {}
            for lvl in a.iterchildren(f"{_W}lvl"):
                start = _w_val(lvl.find(f"{_W}start"), "1")
                fmt = _w_val(lvl.find(f"{_W}numFmt"), "decimal")
                text = _w_val(lvl.find(f"{_W}lvlText"), "")
                lvls[int(_w_attr(lvl, "ilvl") or 0)] = (int(start), fmt, text)
            abstract[_w_attr(a, "abstractNumId")] = lvls
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and _w_val(ref, "") in abstract:
                self.levels[_w_attr(num, "numId") or ""] = abstract[_w_val(ref, "")]
        for style in document.styles.element.iterchildren(f"{_W}style"):
            num = _num_pr(style.find(f"{_W}pPr"))
            if num is not None:
                self.styles[_w_attr(style, "styleId") or ""] = num

    def label(self, p: Any) -> str:
        if not self.levels:
            return ""
        ppr = p.find(f"{_W}pPr")
        num = _num_pr(ppr)
        if num is None and ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            num = self.styles.get(_w_val(style, "")) if style is not None else None
        if num is None or num[0] not in self.levels:
            return ""
        num_id, level = num
        levels = self.levels[num_id]
        if level not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[level] = counts.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]  # a new item of this level starts the levels under it again
        text = levels[level][2]

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            return _list_number(counts.get(k, start), fmt)

        return "" if levels[level][1] in ("bullet", "none") else re.sub(r"%([1-9])", number, text)


def _w_attr(el: Any, name: str) -> str | None:
    return el.get(f"{_W}{name}") if el is not None else None


def _w_val(el: Any, default: str) -> str:
    value = _w_attr(el, "val")
    return value if value is not None else default


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's (or a style's) properties, None where they name none;
    numId 0 is ("0", level): numbering switched off, whatever the style says."""
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num_pr is None:
        return None
    num_id = _w_val(num_pr.find(f"{_W}numId"), "0")
    level = _w_val(num_pr.find(f"{_W}ilvl"), "0")
    return (num_id, int(level)) if level.isdigit() else None


_CN_COUNTING = ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand",
                "japaneseCounting")


def _list_number(n: int, fmt: str) -> str:
    """A list item's number in Word's format: 一 (chineseCounting), 1, １, ①, a, A, i, I."""
    if fmt in _CN_COUNTING:
        return small_numeral(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 40:
        tens, ones = divmod(n, 10)
        roman = "x" * tens + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][ones]
        return roman.upper() if fmt == "upperRoman" else roman
    return str(n)


def _paragraph_text(p: Any) -> str:
    """A paragraph's text, with the paragraphs of a text box it anchors (a 专栏 box) on lines of
    their own. Word writes a text box twice, as a drawing (mc:Choice) and as the older VML shape
    (mc:Fallback) for readers that lack drawings: the fallback copy is not read."""
    parts = []
    boxed = next(p.iter(f"{_MC}Fallback"), None) is not None  # (most paragraphs: no box)
    moved = next(p.iter(f"{_W}moveFrom"), None) is not None  # (a tracked move's source)
    box_open = False
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}p",
                       f"{_W}noBreakHyphen"):
        if boxed and next(node.iterancestors(f"{_MC}Fallback"), None) is not None:
            continue
        if moved and next(node.iterancestors(f"{_W}moveFrom"), None) is not None:
            continue  # (its text is also where it was moved to)
        inside = node is not p and next(node.iterancestors(f"{_W}txbxContent"), None) is not None
        if box_open and not inside:
            parts.append("\n")  # the text after a text box goes on after it, on a line
        box_open = inside
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")  # （2021‑2025年）: a hyphen Word keeps on one line with its words
        elif node is not p:
            parts.append("\n")  # a line break, or a paragraph of a text box
    return "".join(parts)


def _cell_paragraphs(tc: Any) -> Iterator[Any]:
    """A table cell's paragraphs, those a content control or custom XML wraps too; not those of
    a text box (read with the paragraph that anchors it) nor of a tracked move's source."""
    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            yield child
        elif child.tag in _DOCX_WRAPPERS:
            yield from _cell_paragraphs(child)


def _table_rows(tbl: Any) -> Iterator[str]:
    for tr in tbl.iter(f"{_W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            text = " ".join(_paragraph_text(p) for p in _cell_paragraphs(tc))
            cells.append(" ".join(text.split()))
        if any(cells):
            yield "\t".join(cells)


# --------------------------------------------------------------------------- PDF


@dataclass
class _Line:
    """A text line of a PDF page rebuilt from positioned fragments."""

    y: float
    x: float
    end: float
    size: float
    text: str
    column: bool = False  # the first line of a page's second column (read as after a page break)


_PAGE_NUMBER = re.compile(
    r"^(?:第?\s*[0-9]+\s*页?|[0-9]+\s*/\s*[0-9]+|-\s*[0-9]+\s*-|—\s*[0-9]+\s*—|"
    r"第\s*[0-9]+\s*页\s*[，,]?\s*共\s*[0-9]+\s*页|page\s*[0-9]+(?:\s*of\s*[0-9]+)?)$",
    re.IGNORECASE,
)


def pdf_to_text(data: bytes) -> str:
    """Extract a PDF's text layer in reading order, with layout line breaks joined.

    The characters, their baselines and sizes come from PDFium (pypdfium2: about ten times
    faster than a PDF parser in Python, and it maps the radical code points some fonts use to
    the ideographs they stand for). Lines are rebuilt from them (so a number is not cut from
    its sentence), running headers and footers (lines in the top or bottom margin repeated on
    other pages, digits aside) and page numbers are dropped, and a line break is kept only
    where a paragraph ends: the next line is indented, or this one stops short of the margin.

    Args:
        data: the raw bytes of the file.

    Returns:
        The text, one paragraph a line.

    Raises:
        FormatError: not a PDF, encrypted, corrupt, too many pages or too slow to read.
        InputError: the PDF has no text layer (a scan).
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise FormatError(_pdfium_reason(exc)) from exc
    try:
        count = len(pdf)
        if count == 0:
            raise FormatError("the PDF has no pages (truncated or corrupt file)")
        if count > MAX_PDF_PAGES:
            raise FormatError(f"the PDF has {count:,} pages (limit {MAX_PDF_PAGES:,})")
        started = time.monotonic()
        pages: list[list[_Line]] = []
        chars = 0
        for number in range(count):
            if time.monotonic() - started > MAX_PDF_SECONDS:
                raise FormatError(f"reading the PDF took over {MAX_PDF_SECONDS:.0f} s: given up")
            try:
                lines = _page_lines(_page_fragments(pdf, number))
            except pdfium.PdfiumError as exc:
                raise FormatError(
                    f"cannot read page {number + 1} of the PDF ({_reason(exc)})"
                ) from exc
            chars += sum(len(line.text) for line in lines)
            if chars > MAX_TEXT_CHARS:
                raise FormatError("the PDF holds more text than any report: refused")
            pages.append(lines)
    finally:
        pdf.close()
    pages = _drop_running_lines(pages)
    if not any(pages):  # (page numbers alone are no text layer either: a scan numbered)
        raise InputError("the PDF has no text layer (a scanned image?); run OCR first")
    return "\n".join(_join_lines(pages))


def _pdfium_reason(exc: Exception) -> str:
    """The user's words for PDFium's refusal to open a file."""
    code = getattr(exc, "err_code", None)
    import pypdfium2.raw as pdfium_c

    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "the PDF is encrypted with a password"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "the PDF is encrypted (unsupported security handler)"
    return f"not a readable PDF file ({_reason(exc)})"


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


# a fragment of a PDF line: baseline y, x of its first character, font size, text
_Fragment = tuple[float, float, float, str]


def _page_fragments(pdf: Any, number: int) -> list[_Fragment]:
    """The text of a page as fragments: runs of characters in content-stream order that
    share a baseline and a size and do not jump back left (a new text position).

    Positions and sizes are those a reader of the content stream computes (the character's
    origin; the font size scaled by the text matrix); the line breaks and spaces PDFium infers
    end a fragment.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    page = pdf[number]
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n > 0 else ""
        if len(text) != n:  # a character outside the BMP takes two UTF-16 units: go one by one
            text = "".join(
                chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(n)
            )
        x, y = ctypes.c_double(), ctypes.c_double()
        matrix = pdfium_c.FS_MATRIX()
        out: list[_Fragment] = []
        cur: list[Any] | None = None  # [y, x, size, characters, x of the last one]
        for i, ch in enumerate(text):
            if ch in "\r\n" or pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
                if cur is not None:  # the line builder decides where a space goes
                    out.append((cur[0], cur[1], cur[2], "".join(cur[3])))
                    cur = None
                continue
            if not pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y):
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage, i)
            if pdfium_c.FPDFText_GetMatrix(textpage, i, matrix):
                size *= (matrix.c**2 + matrix.d**2) ** 0.5 or 1.0
            size = abs(size) or 10.0
            if cur is not None and (
                abs(cur[0] - y.value) <= 0.4 * max(cur[2], size)
                and abs(cur[2] - size) <= 0.01 * size
                and x.value > cur[4] - 2 * size
            ):
                cur[3].append(ch)
                cur[4] = x.value
                continue
            if cur is not None:
                out.append((cur[0], cur[1], cur[2], "".join(cur[3])))
            cur = [y.value, x.value, size, [ch], x.value]
        if cur is not None:
            out.append((cur[0], cur[1], cur[2], "".join(cur[3])))
        return [f for f in out if f[3].strip()]
    finally:
        textpage.close()
        page.close()


def _width(text: str, size: float) -> float:
    return sum(size if ord(ch) > 0x2E7F else 0.55 * size for ch in text)


def _page_lines(fragments: list[_Fragment]) -> list[_Line]:
    """Rebuild the lines of a page from its fragments."""
    # The same text drawn twice at (almost) the same place is fake bold: keep one. Single
    # characters are not compared: a text layer may report several at one stale position.
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for y, x, size, text in fragments:
        key = (round(y / 2), round(x / 2), text.strip())
        if len(key[2]) >= 2 and key in seen:
            continue
        seen.add(key)
        unique.append((y, x, size, text))
    # Runs of fragments in content-stream order on one baseline; x positions inside a run are
    # not trusted (stale after a TJ array), so a run keeps its stream order.
    runs: list[list[tuple[float, float, float, str]]] = []
    for frag in unique:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(runs[-1][0][0] - frag[0]) <= 0.4 * max(runs[-1][0][2], frag[2])
            and frag[1] > last[1] - 2 * frag[2]  # a jump back left starts another run
        ):
            runs[-1].append(frag)
        else:
            runs.append([frag])
    columns = _columns(runs)
    if columns is None:
        return _baseline_lines(runs)
    # two columns side by side, read one after the other: the second set at the first's margin
    # (so that indents and full lines read alike); a line set across both (a heading, a title)
    # ends the columns above it, and new ones start below it
    second_margin, shift = columns
    lines: list[_Line] = []
    band: list[_Run] = []
    for run in sorted(runs, key=lambda r: -r[0][0]) + [[]]:
        side = _side(run, second_margin) if run else _CROSSING
        if side != _CROSSING:
            band.append(run)
            continue
        lines += _baseline_lines([r for r in band if _side(r, second_margin) == _FIRST])
        second = _baseline_lines([r for r in band if _side(r, second_margin) == _SECOND])
        for line in second:
            line.x -= shift
            line.end -= shift
        if second:
            second[0].column = True
        lines += second
        band = []
        if run:
            lines += _baseline_lines([run])
    return lines


_Run = list[tuple[float, float, float, str]]
# a page's text is set in two columns where its lines start either left of a second margin or
# at it, none running into the second column (a character of slack: the widths are estimates):
# each column holds COLUMN_MIN_LINES lines or more, side by side on COLUMN_MIN_SHARED baselines
# or more, its median line as wide as COLUMN_MIN_WIDTH of the text's width at least (a table's
# label and value cells are no columns), and no more than COLUMN_MAX_CROSSING of the lines cross
# into the second column (a title or a heading set across both)
COLUMN_MIN_LINES = 5
COLUMN_MIN_SHARED = 3
COLUMN_MIN_WIDTH = 0.3
COLUMN_MAX_CROSSING = 0.2
COLUMN_MARGIN_CANDIDATES = 8  # the commonest places lines start at, tried as a second margin
_FIRST, _SECOND, _CROSSING = 0, 1, 2


def _run_extent(run: _Run) -> tuple[float, float]:
    return run[0][1], max(f[1] + _width(f[3].strip(), f[2]) for f in run)


def _side(run: _Run, second_margin: float) -> int:
    """Which column of a page of two a run is in, or whether it crosses both."""
    return _side_of(*_run_extent(run), run[0][2], second_margin)


def _side_of(x0: float, x1: float, size: float, second_margin: float) -> int:
    if x0 >= second_margin - 1:
        return _SECOND
    return _FIRST if x1 <= second_margin + size else _CROSSING


def _columns(runs: list[_Run]) -> tuple[float, float] | None:
    """Where a page set in two columns has its second: (the second column's left margin, how
    far right it is of the first's); None for a page of one column. Each run's extent is from
    its first fragment to its last one's end."""
    if len(runs) < 2 * COLUMN_MIN_LINES:
        return None
    extents = [_run_extent(run) for run in runs]
    lo = min(x0 for x0, _ in extents)
    hi = max(x1 for _, x1 in extents)
    width = hi - lo
    if width <= 0:
        return None
    best: tuple[int, int, float] | None = None  # (lines crossing, -lines of the smaller side)
    starts = Counter(round(x0) for x0, _ in extents)
    sized = [(x0, x1, run[0][2]) for (x0, x1), run in zip(extents, runs, strict=True)]
    # (the places most lines start at: a column's margin is one of the first few, and a page
    # of lines starting everywhere costs no more than a few passes)
    for start, n in sorted(starts.most_common(COLUMN_MARGIN_CANDIDATES)):
        # (a margin is where lines start: a few positions on a page, however many its lines)
        margin = min(x0 for x0, _ in extents if round(x0) == start)
        if n < COLUMN_MIN_LINES or not (
            lo + COLUMN_MIN_WIDTH * width <= margin <= hi - COLUMN_MIN_WIDTH * width
        ):
            continue
        sides = Counter(_side_of(x0, x1, size, margin) for x0, x1, size in sized)
        smaller = min(sides[_FIRST], sides[_SECOND])
        if smaller < COLUMN_MIN_LINES or sides[_CROSSING] > COLUMN_MAX_CROSSING * len(runs):
            continue
        if best is None or (sides[_CROSSING], -smaller) < best[:2]:
            best = (sides[_CROSSING], -smaller, margin)
    if best is None:
        return None
    margin = best[2]
    first = [r for r in runs if _side(r, margin) == _FIRST]
    second = [r for r in runs if _side(r, margin) == _SECOND]
    wide = [
        statistics.median(x1 - x0 for x0, x1 in map(_run_extent, side)) >= COLUMN_MIN_WIDTH * width
        for side in (first, second)
    ]
    baselines = {round(r[0][0]) for r in first}
    shared = sum(1 for r in second if any(abs(round(r[0][0]) - y) <= 1 for y in baselines))
    if not all(wide) or shared < COLUMN_MIN_SHARED:
        return None
    return margin, _margin(second) - _margin(first)


def _margin(runs: list[_Run]) -> float:
    """Where most runs start: a column's left margin."""
    return Counter(round(run[0][1]) for run in runs).most_common(1)[0][0]


def _baseline_lines(runs: list[_Run]) -> list[_Line]:
    """Runs on the same baseline (a label drawn after its value) form one line, left to right;
    lines from the top of the page down."""
    runs = sorted(runs, key=lambda r: -r[0][0])
    lines: list[_Line] = []
    group: list[_Run] = []
    for run in runs:
        if group and abs(group[0][0][0] - run[0][0]) > 0.4 * max(group[0][0][2], run[0][2]):
            lines.append(_make_line(group))
            group = []
        group.append(run)
    if group:
        lines.append(_make_line(group))
    return [line for line in lines if line.text]


def _make_line(group: list[list[tuple[float, float, float, str]]]) -> _Line:
    group = sorted(group, key=lambda run: run[0][1])
    text = ""
    for run in group:
        for _, _, _, piece in run:
            piece = piece.strip()
            if text and piece and _needs_space(text[-1], piece[0]):
                text += " "
            text += piece
    text = _tighten(text)
    frags = [f for run in group for f in run]
    first, last = group[0][0], group[-1][-1]
    size = Counter(round(f[2], 1) for f in frags).most_common(1)[0][0]
    # an indent typed as spaces (two U+3000, the official style) moves where the text starts:
    # the line is indented as if by its position, and its end is where its text ends
    lead = first[3][: len(first[3]) - len(first[3].lstrip())]
    x = first[1] + _width(lead, first[2])
    end = max(x + _width(text, size), last[1] + _width(last[3].strip(), last[2]))
    return _Line(first[0], x, end, size, text)


_SPACE_NEAR_CJK = re.compile(
    f"(?<=[{_CJK_RANGES}{CJK_MARKS}])[ \u2003]+"
    f"|[ \u2003]+(?=[{_CJK_RANGES}{CJK_MARKS}])"
)


def _tighten(text: str) -> str:
    """Drop the spaces a text layer puts next to Chinese characters ("2025 年", "“ 人")."""
    return _SPACE_NEAR_CJK.sub("", text).strip()


def _needs_space(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def _skeleton(text: str) -> str:
    return re.sub(r"[0-9]+", "#", text.replace(" ", ""))


RUNNING_SIZE_SLACK = 0.15  # a running line's size on a page differs from its usual by less


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and the headers/footers repeated in the page margins: a line of the
    same text at the size it runs at on most pages (a running header that repeats the title
    is dropped; the title set large on the first page is not)."""
    margin = 3
    counts: Counter[str] = Counter()
    sizes: dict[str, Counter[float]] = {}
    edges = [_edge_lines(page, margin) for page in pages]
    for edge_ids, page in zip(edges, pages, strict=True):
        edge = [line for line in page if id(line) in edge_ids]
        counts.update({_skeleton(line.text) for line in edge})
        for line in edge:
            sizes.setdefault(_skeleton(line.text), Counter())[round(line.size, 1)] += 1
    repeated = {
        k: sizes[k].most_common(1)[0][0]
        for k, n in counts.items()
        if len(pages) > 1 and n >= max(2, len(pages) // 2)
    }
    out = []
    for edge_ids, page in zip(edges, pages, strict=True):
        keep = []
        for line in page:
            at_edge = id(line) in edge_ids
            size = repeated.get(_skeleton(line.text))
            running = size is not None and abs(line.size - size) <= RUNNING_SIZE_SLACK * size
            if at_edge and (_PAGE_NUMBER.match(line.text.strip()) or running):
                continue
            keep.append(line)
        out.append(keep)
    return out


def _edge_lines(page: list[_Line], margin: int) -> set[int]:
    """The lines (their ids) at a page's top and bottom edges: the `margin` highest and lowest
    on the page, wherever the reading order puts them (the footer of a page of two columns
    is read after the first column, not last)."""
    if len(page) <= 2 * margin:
        return {id(line) for line in page}
    by_height = sorted(page, key=lambda line: -line.y)
    return {id(line) for line in by_height[:margin] + by_height[-margin:]}


_END_MARK = re.compile("[。！？；：…”’」』）)】》]$")


# the left margin is the leftmost position that this share of the lines start at: where most
# paragraphs are one or two lines long, most lines start at the indent, not at the margin
LEFT_MARGIN_SHARE = 0.1


def _left_margin(lines: list[_Line]) -> int:
    """Where a document's lines start when no indent moves them (its paragraphs' second lines)."""
    starts = Counter(round(line.x) for line in lines)
    least = max(2, LEFT_MARGIN_SHARE * len(lines))
    frequent = [x for x, n in starts.items() if n >= least]
    return min(frequent) if frequent else starts.most_common(1)[0][0]


def _join_lines(pages: list[list[_Line]]) -> list[str]:
    """Join the lines of a paragraph that the page layout (or a page break) broke."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    firsts = {id(page[0]) for page in pages if page}
    firsts |= {id(line) for page in pages for line in page if line.column}
    left = _left_margin(lines)
    ends = sorted(line.end for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    out: list[str] = []
    prev: _Line | None = None
    for line in lines:
        if prev is None:
            out.append(line.text)
            prev = line
            continue
        full = prev.end >= right - 2.5 * prev.size
        ended = bool(_END_MARK.search(prev.text))
        indented = line.x > left + 0.8 * line.size
        resized = abs(line.size - prev.size) > 0.15 * prev.size
        gap = prev.y - line.y
        far = id(line) not in firsts and (gap > 2.6 * max(prev.size, line.size) or gap < 0)
        opens = indented and line.text[:1] in "（(【〔《"
        if full and not ended and not resized and not far and not opens:
            new = False  # a full line cut mid-sentence goes on, even into a centred line
        else:
            new = indented or resized or far or not full or ended and line.x > left + 0.1
        if new:
            out.append(line.text)
        else:
            last = out[-1][-1:]
            sep = " " if last.isascii() and last.isalpha() and line.text[:1].isascii() and (
                line.text[:1].isalpha()
            ) else ""
            out[-1] += sep + line.text
        prev = line
    return out
