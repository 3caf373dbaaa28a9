"""Load bytes or a path into a normalised `Document` (plain text in any encoding, HTML, docx, pdf).

Heavy or optional libraries (charset-normalizer, the format extractors) are imported lazily.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from policy_cli.core import normalize, script
from policy_cli.errors import EncodingError, FormatError, InputError
from policy_cli.models import Document

MAX_BYTES = 64 * 1024 * 1024  # larger inputs are refused: nobody's report is that long
FORMATS = ("text", "html", "docx", "pdf")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings in which Chinese policy text is published; a detector's other guesses for
# GB-encoded bytes (e.g. cp1252 mojibake) are not trusted.
_CHINESE_ENCODINGS = ("gb18030", "gbk", "gb2312", "big5", "utf_8", "utf_16", "hz")


def read_input(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """Read a file's bytes, refusing what is not a readable regular file of sane size.

    Args:
        path: the file.
        max_bytes: the size limit (default: `MAX_BYTES`, looked up at call time).

    Raises:
        InputError: missing, a directory, unreadable or too large.
    """
    if max_bytes is None:
        max_bytes = MAX_BYTES
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a directory, not a document")
        if not p.exists():
            raise InputError(f"{p}: no such file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p}: file is too large ({size:,} bytes; limit {max_bytes:,})")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{p}: input is too large (limit {max_bytes:,} bytes)")
    return data


_HTML_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<?xml", b"<body", b"<meta", b"<!--", b"<title",
    b"<div", b"<p>", b"<p ", b"<table",
)
_HTML_TAG = re.compile(rb"<(?:html|body|head)[\s>]|<meta\s+[^>]*charset", re.IGNORECASE)


def sniff_format(data: bytes, *, suffix: str = "") -> str:
    """Guess the format from the content first, the file suffix second.

    Raises:
        FormatError: the suffix names a binary format the content does not have.
    """
    suffix = suffix.lower()
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in ("", ".docx", ".zip") or b"word/" in data[:65536] or b"[Content_Types]" in head:
            return "docx"
    if suffix == ".pdf":
        raise FormatError("not a PDF file (no %PDF- header)")
    if suffix == ".docx":
        raise FormatError("not a .docx file (it is not a zip archive)")
    if suffix == ".doc" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FormatError("legacy .doc (Word 97-2003) files are not supported; save as .docx")
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    # Content first: a .txt, a file without suffix or stdin holding a saved web page.
    for marker in _HTML_STARTS:
        if probe.startswith(marker):
            return "html"
    if _HTML_TAG.search(head):
        return "html"
    return "text"


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes: a forced encoding, a BOM, strict UTF-8, then detection.

    Returns:
        The text and the name of the encoding used.

    Raises:
        EncodingError: the bytes are not text in any encoding we can tell.
        InputError: binary content.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise EncodingError(f"unknown encoding {encoding!r} given with --encoding") from exc
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"the input is not valid {encoding} (byte {exc.start}); try another --encoding"
            ) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise EncodingError(f"the input has a {name} byte-order mark but is not {name}") from exc
    if b"\x00" in data:
        raise InputError("binary file (it contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 input needs it

    results = from_bytes(data, cp_isolation=list(_CHINESE_ENCODINGS))
    best = results.best()
    if best is not None:
        name = best.encoding
        # GB2312 and GBK are subsets of GB18030: decoding with the superset loses nothing.
        if name in ("gb2312", "gbk", "hz") or name.startswith("gb"):
            name = "gb18030"
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_chinese(text):
        return text, "gb18030"
    raise EncodingError(
        "cannot tell the text encoding (not UTF-8, UTF-16 or GB18030); name it with --encoding"
    )


def _looks_chinese(text: str) -> bool:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= 0.3 * max(1, sum(1 for ch in text if not ch.isspace()))


def _check_textual(text: str, source: str) -> None:
    sample = text[:20000]
    if not sample.strip():
        raise InputError(f"{source}: no text in the document")
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    if bad > max(8, len(sample) // 50):
        raise InputError(f"{source}: binary data, not a text document")


def extract_text(data: bytes, fmt: str, *, encoding: str | None = None) -> tuple[str, str | None]:
    """Turn the bytes of a document of format `fmt` into plain text (one paragraph a line)."""
    if fmt == "text":
        return decode_bytes(data, encoding=encoding)
    from policy_cli.core import formats  # lazy: format libraries are heavy

    if fmt == "html":
        return formats.html_to_text(data, encoding=encoding)
    if fmt == "docx":
        return formats.docx_to_text(data), None
    if fmt == "pdf":
        return formats.pdf_to_text(data), None
    raise FormatError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def load_bytes(
    data: bytes,
    *,
    source: str = "-",
    encoding: str | None = None,
    fmt: str | None = None,
    keep_noise: bool = False,
) -> Document:
    """Load a document from bytes.

    Args:
        data: the raw bytes.
        source: a name for messages and output (a path, or "-" for stdin).
        encoding: force this text encoding instead of detecting it.
        fmt: force a format (text, html, docx, pdf) instead of sniffing it.
        keep_noise: keep injected spam and page furniture in the text.

    Raises:
        InputError: empty, binary, undecodable or corrupt input.
    """
    if not data.strip():
        raise InputError(f"{source}: empty input, nothing to analyse")
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: input is too large (limit {MAX_BYTES:,} bytes)")
    suffix = Path(source).suffix if source != "-" else ""
    try:
        fmt = fmt or sniff_format(data, suffix=suffix)
        raw, used = extract_text(data, fmt, encoding=encoding)
    except InputError as exc:
        if str(exc).startswith(source):
            raise
        raise type(exc)(f"{source}: {exc}") from exc
    _check_textual(raw, source)
    return build_document(raw, source=source, fmt=fmt, encoding=used, keep_noise=keep_noise)


def build_document(
    raw: str,
    *,
    source: str = "<text>",
    fmt: str = "text",
    encoding: str | None = None,
    keep_noise: bool = False,
) -> Document:
    """Normalise text, cut noise and split it into paragraphs and sentences once.

    Raises:
        InputError: nothing but whitespace and noise.
    """
    text = normalize.normalize_text(raw)
    # traditional characters: analysed as simplified, character for character
    text, note = script.simplify(text)
    notes = (note,) if note else ()
    noise: tuple = ()
    if not keep_noise:
        from policy_cli.core.noise import remove_noise

        text, noise = remove_noise(text)
    paragraphs = normalize.split_paragraphs(text)
    if not paragraphs:
        raise InputError(f"{source}: no text in the document")
    sentences = normalize.split_sentences(paragraphs)
    return Document(
        source=source,
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        format=fmt,
        encoding=encoding,
        noise=noise,
        notes=notes,
    )


def load_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    keep_noise: bool = False,
) -> Document:
    """Load a document from a file path.

    Raises:
        InputError: see `read_input` and `load_bytes`.
    """
    data = read_input(path)
    return load_bytes(data, source=str(path), encoding=encoding, fmt=fmt, keep_noise=keep_noise)


def load_text(text: str, *, source: str = "<text>", keep_noise: bool = False) -> Document:
    """Build a document from a str (library use)."""
    if not text.strip():
        raise InputError(f"{source}: empty input, nothing to analyse")
    return build_document(text, source=source, keep_noise=keep_noise)
