"""Read a corpus: files, folders, globs and JSON-lines files, one document at a time.

A corpus is given as paths: documents (txt, html, docx, pdf), folders (searched recursively),
globs, and JSON-lines files (.jsonl or .ndjson, optionally .gz or .xz compressed) holding one
document a line: `content` (or `text`) plus optional `title`, `kind`, `year`, `date`,
`congress`. Documents are streamed: a JSON-lines file of any length is read record by
record, each record at most `loaders.MAX_BYTES`.

Also here: the year (or month) a document belongs to, from its metadata, its head or its
file name. `policy trend` and `policy batch` both read their documents through this module.
"""

from __future__ import annotations

import glob
import gzip
import json
import lzma
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy_cli.core.chars import CN_DATE_DIGITS, CN_NUMERALS, small_number
from policy_cli.core.normalize import arabic_digits
from policy_cli.errors import InputError

DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSED_SUFFIXES = (".gz", ".xz")
# the fields of a JSON-lines record that are read (besides content/text)
RECORD_FIELDS = ("content", "text", "title", "kind", "year", "date")

# Years of the national congresses of the Communist Party of China (a public fact table,
# used to date a congress report from its number when no year is given).
CPC_CONGRESS_YEARS = {
    1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969,
    10: 1973, 11: 1977, 12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007,
    18: 2012, 19: 2017, 20: 2022,
}  # fmt: skip

_YEAR = r"((?:19|20)\d\d)"
_FULL_DATE = re.compile(_YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_CN_DATE = re.compile(rf"([{CN_DATE_DIGITS}]{{4}})\s*年\s*[{CN_NUMERALS}]{{1,3}}\s*月")
# the congress a report is made to, named as its subject or its place (中国共产党第十六次全国
# 代表大会，是…; …大会上的报告), not one its opening recalls (…大会精神鼓舞下: the 1998 work
# report; …大会胜利召开以后)
_CONGRESS = re.compile(
    rf"中国共产党第([{CN_NUMERALS}]{{1,3}})次全国代表大会(?=[，,：:]|上|是|将是|在)"
)
# …and the short form a title gives it: 加快改革开放和现代化建设步伐 (十四大)
# (of the 12th to the 20th: a short number is a count, 三大攻坚战（三大）)
_CONGRESS_SHORT = re.compile(r"[（(](十[二三四五六七八九]|二十)大[）)]")
_TITLE_YEAR = re.compile(r"^" + _YEAR + r"\s*年.{0,30}报告")
_NAME_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
_META_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_META_MONTH = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)\s*(?:[-/.年])\s*(\d{1,2})(?!\d)")
# a date written without marks (20180517, 201805: a file-naming habit): read as 2018-05-17
_COMPACT_DATE = re.compile(r"\s*(1[89]\d\d|2[01]\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?\s*")
_HEAD_LINES = 6
# an official document dates itself under its signature, on a line of its own (XX省人民政府 /
# 2019年3月5日): read in the last lines where its head names no year
# (a .docx's footnotes follow its signature: a few lines more)
_TAIL_LINES = 12
_TAIL_CHARS = 1_500  # (the last lines are read from the last characters only)
_DATE_LINE = re.compile(
    r"^[（(]?(?:" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|([{CN_DATE_DIGITS}]{{4}})\s*年\s*[{CN_NUMERALS}]{{1,3}}\s*月\s*[{CN_NUMERALS}]{{1,3}}\s*日)"
    r"[）)]?$"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)


@dataclass(frozen=True)
class CorpusItem:
    """One document of a corpus: where it comes from, its payload and its metadata.

    `payload` is a file's bytes (any format) or a JSON-lines record's `content`; `error` is
    set instead when the document could not be read at all (a corrupt record, an unreadable
    file), for a caller that reports it and goes on (`iter_items(..., errors="item")`).
    """

    index: int
    source: str
    payload: bytes | str
    title: str | None = None
    kind: str | None = None
    date: str | None = None  # the record's `date` as given
    meta_year: int | None = None
    meta_month: str | None = None  # YYYY-MM from the record's `date`
    name_year: int | None = None
    error: str | None = None


# the advice of a single document's error that names an option a corpus's commands lack (…;
# name it with --encoding): a corpus's documents are read in the encoding each is detected in
_SINGLE_DOCUMENT_ADVICE = re.compile(r"[;,]\s*[^;,]*--encoding[^;,]*$")
CORPUS_ENCODING_ADVICE = "; convert it to UTF-8 (a corpus's encodings are detected file by file)"


def corpus_message(message: str) -> str:
    """A document's error as a corpus's command says it: advice to name its encoding with
    --encoding, which `batch` and `trend` do not take, becomes advice to convert the file."""
    cut = _SINGLE_DOCUMENT_ADVICE.sub("", message)
    return cut + CORPUS_ENCODING_ADVICE if cut != message else message


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Turn files, folders and globs into the list of files to read, in a stable order.

    Raises:
        InputError: a path that does not exist, a glob or folder that matches no document.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        text = os.fspath(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            found = [p for p in matches if p.is_file() and is_document_file(p)]
            if not found:
                raise InputError(f"{text}: the pattern matches no document")
        else:
            p = Path(text)
            if p.is_dir():
                found = sorted(f for f in p.rglob("*") if f.is_file() and is_document_file(f))
                if not found:
                    raise InputError(f"{p}: no documents in this folder")
            elif p.exists():
                found = [p]
            else:
                raise InputError(f"{p}: no such file or folder")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    if not out:
        raise InputError("no documents given")
    return out


def strip_compression(name: str) -> str:
    """The file name without a .gz or .xz suffix."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_jsonl(path: Path) -> bool:
    """Tell whether a file holds JSON lines (.jsonl, .ndjson, compressed or not)."""
    return strip_compression(path.name).lower().endswith(JSONL_SUFFIXES)


def is_document_file(path: Path) -> bool:
    """Tell whether a file found in a folder is a document to read (hidden files are not)."""
    if path.name.startswith("."):
        return False
    inner = strip_compression(path.name).lower()
    return inner.endswith(DOCUMENT_SUFFIXES + JSONL_SUFFIXES)


def _open_binary(path: Path) -> Any:
    """Open a file for streaming, decompressing .gz and .xz (never blocking on a FIFO)."""
    from policy_cli.core.loaders import open_input

    raw = open_input(path)
    lower = path.name.lower()
    if lower.endswith(".xz"):
        return lzma.LZMAFile(raw)
    if lower.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)
    return raw


def read_file(path: Path) -> bytes:
    """Read a document file's bytes (decompressing .gz and .xz), at most `MAX_BYTES`.

    Raises:
        InputError: missing, unreadable, corrupt or too large.
    """
    from policy_cli.core.loaders import MAX_BYTES, read_input

    lower = path.name.lower()
    if not lower.endswith(COMPRESSED_SUFFIXES):
        return read_input(path)
    fh = _open_binary(path)
    try:
        data = fh.read(MAX_BYTES + 1)
    except _READ_ERRORS as exc:
        raise InputError(f"{path}: cannot decompress ({exc})") from exc
    finally:
        _close(fh)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: input is too large (limit {MAX_BYTES:,} bytes)")
    return data


def _close(fh: Any) -> None:
    inner = getattr(fh, "fileobj", None) or getattr(fh, "_fp", None)
    for f in (fh, inner):
        try:
            if f is not None:
                f.close()
        except _READ_ERRORS:
            pass


def _lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, line) of a JSON-lines file, each line at most `MAX_BYTES`.

    A record is read with the limit every input has: a longer one is passed over once the limit
    is passed, its rest read in pieces of the limit and dropped (never held whole), and yielded
    as None, so that the records after it are read.

    Raises:
        InputError: an unreadable or corrupt file.
    """
    from policy_cli.core.loaders import MAX_BYTES

    limit = MAX_BYTES
    fh = _open_binary(path)
    try:
        lineno = 0
        while True:
            try:
                line = fh.readline(limit + 2)
            except _READ_ERRORS as exc:
                raise InputError(f"{path}: cannot read JSON lines ({exc})") from exc
            if not line:
                return
            lineno += 1
            body = line[:-1] if line.endswith(b"\n") else line
            if len(body.rstrip(b"\r")) > limit:
                while line and not line.endswith(b"\n"):  # (the rest of the record, dropped)
                    try:
                        line = fh.readline(limit)
                    except _READ_ERRORS as exc:
                        raise InputError(f"{path}: cannot read JSON lines ({exc})") from exc
                yield lineno, None
                continue
            yield lineno, body
    finally:
        _close(fh)


def count_records(path: Path) -> int | None:
    """Count the records of a JSON-lines file (None for a stream that can be read once)."""
    try:
        if not path.is_file():
            return None
    except OSError:
        return None
    try:
        return sum(1 for _, line in _lines(path) if line is None or line.strip())
    except InputError:
        return None  # reported by the real read


def count_documents(files: Sequence[Path]) -> int | None:
    """How many documents the files hold (a JSON-lines file is read once to count them);
    None when a stream cannot be counted without reading it up."""
    total = 0
    for f in files:
        n = count_records(f) if is_jsonl(f) else 1
        if n is None:
            return None
        total += n
    return total


def parse_record(line: bytes, where: str, *, first: bool = False) -> dict[str, Any]:
    """Parse one JSON-lines record; every fault is an `InputError` naming file and line.

    Raises:
        InputError: not UTF-8, not JSON, not an object, nested too deeply, a number JSON
            cannot hold, or a lone surrogate escape (\\ud800) in a field that is used.
    """
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")  # a BOM opens a file only
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: the JSON is nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise InputError(f"{where}: not a JSON record we can read ({exc})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    content = record.get("content", record.get("text"))
    if not isinstance(content, str):
        raise InputError(f"{where}: no 'content' string in this record")
    for key in RECORD_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            raise InputError(
                f"{where}: the '{key}' string holds a lone surrogate escape (\\ud800-\\udfff),"
                " not text"
            )
    return record


def record_date(value: Any) -> str | None:
    """A record's `date` as text, a date written without marks with them (20180517 ->
    2018-05-17, as a string or a number; 2018 a year); None for no date."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    m = _COMPACT_DATE.fullmatch(value)
    if m:
        return "-".join(g for g in m.groups() if g)
    return value


def meta_year(record: dict[str, Any]) -> int | None:
    """The year a JSON-lines record gives: `year`, `date`, `congress` or a titled year."""
    for key in ("year", "date"):
        value = record_date(record.get(key)) if key == "date" else record.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value if 1800 <= value <= 2200 else None
        if isinstance(value, str):
            m = _META_YEAR.search(value)
            if m:
                return int(m.group(1))
    congress = record.get("congress")
    if isinstance(congress, int) and congress in CPC_CONGRESS_YEARS:
        return CPC_CONGRESS_YEARS[congress]
    title = record.get("title")
    if isinstance(title, str):
        m = _TITLE_YEAR.match(title.strip()) or re.match(_YEAR + r"\s*年", title.strip())
        if m:
            return int(m.group(1))
    return None


def month_of(date: str | None) -> str | None:
    """The month (YYYY-MM) a date string names: 2016-12-16, 2016/12, 2016年12月 -> 2016-12."""
    if not date:
        return None
    m = _META_MONTH.search(date)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}"


RAISE, ITEM, RECORD = "raise", "item", "record"  # what `iter_items` does with what it cannot read


def _records(path: Path, start: int, *, errors: str) -> Iterator[CorpusItem]:
    index = start
    try:
        for lineno, line in _lines(path):
            if line is not None and not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                if line is None:
                    from policy_cli.core.loaders import MAX_BYTES

                    raise InputError(
                        f"{where}: the record is larger than the input limit ({MAX_BYTES:,} bytes)"
                    )
                record = parse_record(line, where, first=lineno == 1)
            except InputError as exc:
                if errors == RAISE:
                    raise
                yield CorpusItem(index=index, source=where, payload="", error=str(exc))
                index += 1
                continue
            content = str(record.get("content", record.get("text")))  # a str: checked
            title, kind = record.get("title"), record.get("kind")
            date_text = record_date(record.get("date"))
            yield CorpusItem(
                index=index,
                source=where,
                payload=content,
                title=title if isinstance(title, str) else None,
                kind=kind if isinstance(kind, str) else None,
                date=date_text,
                meta_year=meta_year(record),
                meta_month=month_of(date_text),
            )
            index += 1
    except InputError as exc:  # the file itself: unreadable, corrupt, a record too large
        if errors != ITEM:
            raise
        yield CorpusItem(index=index, source=str(path), payload="", error=str(exc))


_RECORD_SOURCE = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


def is_record_source(source: str) -> bool:
    """Tell whether a source names a record of a JSON-lines file (docs.jsonl:3), not a file."""
    m = _RECORD_SOURCE.match(source)
    return m is not None and os.path.isfile(m.group("file"))


def source_key(source: str) -> str:
    """What names a document whatever path reached it: its file's real path (a relative and
    an absolute path, or a symlink, name one file), and a record's line number in its file
    (docs.jsonl:3). `batch --resume` knows the rows a run wrote by it."""
    m = _RECORD_SOURCE.match(source)
    file, line = (m.group("file"), ":" + m.group("line")) if m else (source, "")
    if m and not os.path.isfile(file):  # (a file whose own name ends in :digits)
        file, line = source, ""
    try:
        return os.path.realpath(file) + line
    except (OSError, ValueError):
        return source


def source_file_key(source: str) -> str:
    """`source_key` of the file a document is in (its own, or its JSON-lines file's)."""
    return _RECORD_SOURCE.sub(r"\g<file>", source_key(source))


def name_year(path: Path) -> int | None:
    """The year a file name states (gwr-2022.txt -> 2022), if any."""
    m = _NAME_YEAR.search(strip_compression(path.name))
    return int(m.group(1)) if m else None


def iter_items(
    files: Sequence[Path], *, errors: str = "raise", start: int = 0
) -> Iterator[CorpusItem]:
    """Yield the documents of the files in order, numbered from `start`.

    Args:
        files: from `expand_paths`.
        errors: "raise" (an unreadable file or record raises), "item" (it is yielded as
            an item with `error` set, and the reading goes on with the next one) or "record"
            (a record that cannot be read is such an item, a file that cannot be read raises).
        start: the number of the first document.

    Raises:
        InputError: a file that cannot be read (but with errors="item"), a JSON-lines record
            that cannot be read with errors="raise".
    """
    index = start
    for f in files:
        if is_jsonl(f):
            for item in _records(f, index, errors=errors):
                index = item.index + 1
                yield item
            continue
        try:
            payload = read_file(f)
        except InputError as exc:
            if errors != ITEM:
                raise
            yield CorpusItem(index=index, source=str(f), payload=b"", error=str(exc))
        else:
            yield CorpusItem(index=index, source=str(f), payload=payload, name_year=name_year(f))
        index += 1


def year_from_text(text: str) -> int | None:
    """Find a report's year in its head: its date, its congress or a titled year; else in the
    date line under its signature at its end (a notice's 成文日期).

    Only the first and last few lines are read: a report's body is full of other years.
    """
    head_lines = [ln for ln in text.split("\n", _HEAD_LINES + 1)[:_HEAD_LINES] if ln.strip()]
    head = "\n".join(head_lines)[:600]
    m = _FULL_DATE.search(head)
    if m:
        return int(m.group(1))
    m = _CN_DATE.search(head)
    if m:
        return int(arabic_digits(m.group(1)))
    m = _CONGRESS.search(head) or _CONGRESS_SHORT.search(head)
    congress = small_number(m.group(1)) if m else None
    if congress in CPC_CONGRESS_YEARS:
        return CPC_CONGRESS_YEARS[congress]
    if head_lines:
        m = _TITLE_YEAR.match(head_lines[0].strip())
        if m:
            return int(m.group(1))
    tail = [ln.strip() for ln in text[-_TAIL_CHARS:].split("\n") if ln.strip()][-_TAIL_LINES:]
    for line in reversed(tail):
        m = _DATE_LINE.match(line)
        if m:
            return int(m.group(1) or arabic_digits(m.group(2)))
    return None


def load_item(item: CorpusItem, *, keep_noise: bool = False) -> Any:
    """Load a corpus item as a `Document` (a record's title and date become its metadata).

    Raises:
        InputError: the item could not be read, or its payload is no document.
    """
    from policy_cli.core.loaders import load_bytes, load_text

    if item.error is not None:
        raise InputError(item.error)
    if isinstance(item.payload, bytes):
        return load_bytes(item.payload, source=item.source, keep_noise=keep_noise)
    from policy_cli.core.header import RECORD_DATE, RECORD_TITLE

    meta = tuple(
        (name, value)
        for name, value in ((RECORD_TITLE, item.title), (RECORD_DATE, item.date))
        if value
    )
    return load_text(item.payload, source=item.source, keep_noise=keep_noise, meta=meta)
