"""Load bytes or a path into a normalised `Document` (plain text in any encoding, HTML, docx, pdf).

Heavy or optional libraries (charset-normalizer, the format extractors) are imported lazily.
"""

from __future__ import annotations

import io
import os
import re
import select
import stat
from pathlib import Path
from typing import BinaryIO

from policy_cli.core import normalize, script

# decoding is its own module (formats needs it too); its names stay reachable from here
from policy_cli.core.decoding import DAMAGED, REPLACEMENT
from policy_cli.core.decoding import decode_bytes as decode_bytes
from policy_cli.core.decoding import text_codec as text_codec
from policy_cli.errors import FormatError, InputError
from policy_cli.models import Document

MAX_BYTES = 64 * 1024 * 1024  # larger inputs are refused: nobody's report is that long
# One document's analyses (key terms, formulations, targets, summary, trend, batch) take at
# most this many characters of cleaned text: ~500 national work reports in one. Their cost
# is linear in the text (benchmarks/scale.py: a summary of 10 M characters of national news
# takes ~500 x a 20 k one's CPU, ~66 s and 1.3 GB on this VM); `policy text` reads up to
# MAX_BYTES.
MAX_DOCUMENT_CHARS = 10_000_000
# A diff analyses its two reports together, and part of its work (sentence matching, novelty)
# grows faster than the text: both reports together take at most this many characters.
MAX_ANALYSIS_CHARS = 1_500_000
# A path naming a FIFO that no process has open for writing: how long to wait for a writer
# before refusing it (a FIFO with a writer, e.g. `<(command)`, is read like standard input).
FIFO_WRITER_WAIT = 5.0
FORMATS = ("text", "html", "docx", "pdf")




def read_input(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """Read a file's bytes, refusing what is not a readable file of sane size.

    A FIFO or a character device is read like standard input (see `open_input`).

    Args:
        path: the file.
        max_bytes: the size limit (default: `MAX_BYTES`, looked up at call time).

    Raises:
        InputError: missing, a directory, a terminal, unreadable or too large.
    """
    if max_bytes is None:
        max_bytes = MAX_BYTES
    p = Path(path)
    st = _stat_input(p)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(f"{p}: file is too large ({st.st_size:,} bytes; limit {max_bytes:,})")
    fh = open_input(p, st)
    try:
        data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    finally:
        fh.close()
    if len(data) > max_bytes:
        raise InputError(f"{p}: input is too large (limit {max_bytes:,} bytes)")
    return data


def _stat_input(p: Path) -> os.stat_result:
    try:
        st = os.stat(p)
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise InputError(f"{p}: cannot read ({getattr(exc, 'strerror', None) or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(
            f"{p}: is a directory, not a document (policy batch and policy trend read folders)"
        )
    if stat.S_ISBLK(st.st_mode):
        raise InputError(f"{p}: is a block device, not a document")
    if stat.S_ISSOCK(st.st_mode):
        raise InputError(f"{p}: is a socket, not a document")
    return st


def open_input(path: str | os.PathLike[str], st: os.stat_result | None = None) -> BinaryIO:
    """Open a document for reading as a binary stream, without ever blocking on its opening.

    A regular file is opened as usual. A FIFO or character device (/dev/stdin, `<(command)`,
    a named pipe) is read like standard input: to its end, blocking while a writer is
    there; a FIFO that no process has open for writing is waited on `FIFO_WRITER_WAIT`
    seconds, then refused. A terminal is refused.

    Raises:
        InputError: missing, a directory, block device, socket or terminal, a FIFO nobody
            writes to, or unreadable.
    """
    p = Path(path)
    if st is None:
        st = _stat_input(p)
    try:
        if stat.S_ISREG(st.st_mode):
            return p.open("rb")
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    try:
        if os.isatty(fd):
            raise InputError(f"{p}: is a terminal; give a file, or pipe the document in")
        first = _first_bytes(fd, p, fifo=stat.S_ISFIFO(st.st_mode))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(_PrefixedReader(first, fd))


def _first_bytes(fd: int, p: Path, *, fifo: bool) -> bytes:
    """Read what a non-blocking special file has now; wait a little for a FIFO's writer."""
    try:
        first = os.read(fd, 1 << 16)
    except BlockingIOError:
        return b""  # a writer is there (or the device has nothing yet): read on, blocking
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if first or not fifo:
        return first
    # End of file at once: no process has the FIFO open for writing. Wait for one; Linux
    # reports POLLHUP only once a writer has come and gone, so the wait is for POLLIN/POLLHUP.
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    if not poller.poll(int(FIFO_WRITER_WAIT * 1000)):
        raise InputError(
            f"{p}: is a FIFO that no process writes to (waited {FIFO_WRITER_WAIT:g} s)"
        )
    try:
        return os.read(fd, 1 << 16)
    except BlockingIOError:
        return b""
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc


class _PrefixedReader(io.RawIOBase):
    """A raw stream over a file descriptor that first gives back bytes already read from it."""

    def __init__(self, prefix: bytes, fd: int) -> None:
        self._prefix = prefix
        self._fd = fd

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._prefix:
            n = min(len(view), len(self._prefix))
            view[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        return os.readv(self._fd, [view])

    def fileno(self) -> int:
        return self._fd

    def close(self) -> None:
        if not self.closed:
            try:
                os.close(self._fd)
            finally:
                super().close()


_HTML_STARTS = (
    b"<!doctype html", b"<html", b"<head", b"<?xml", b"<body", b"<meta", b"<!--", b"<title",
    b"<div", b"<p>", b"<p ", b"<table",
)
_HTML_TAG = re.compile(rb"<(?:html|body|head)[\s>]|<meta\s+[^>]*charset", re.IGNORECASE)


# the bytes a web page opens with some markup within (a text file named .html holds none)
_MARKUP_REACH = 65536
_MARKUP = re.compile(rb"<[A-Za-z!/?]")  # a tag, a comment or a declaration (not 浓度<35)
# an OLE compound file (a Word 97-2003 .doc, or an Office file encrypted with a password, whose
# stream of the encrypted package is named in UTF-16)
OLE_MARK = b"\xd0\xcf\x11\xe0"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

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
    # what the content is before what the name says (a .doc renamed .docx, an RTF file)
    if head.startswith(OLE_MARK) and ENCRYPTED_PACKAGE in data:
        # an Office file saved with a password to open it: the .docx inside is encrypted
        raise FormatError("the file is encrypted (a password to open it); save it without one")
    if suffix == ".doc" or head.startswith(OLE_MARK):
        raise FormatError("legacy .doc (Word 97-2003) files are not supported; save as .docx")
    if head.lstrip().startswith(b"{\\rtf"):
        raise FormatError("RTF files are not supported; save as .docx or .txt")
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        # a page marks itself up at once; a text saved under a page's name holds no mark
        return "html" if _MARKUP.search(data[:_MARKUP_REACH]) else "text"
    page = b"<" in head and (
        any(head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(m) for m in _HTML_STARTS)
        or _HTML_TAG.search(head) is not None
    )
    if suffix in (".pdf", ".docx") and page:
        return "html"  # a web page saved under another name
    if suffix == ".pdf":
        raise FormatError("not a PDF file (no %PDF- header)")
    if suffix == ".docx":
        raise FormatError("not a .docx file (it is not a zip archive)")
    if b"<" not in head:
        return "text"  # every mark of a page below opens with < (a news item: 9 -> 1 us)
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    # Content first: a .txt, a file without suffix or stdin holding a saved web page.
    for marker in _HTML_STARTS:
        if probe.startswith(marker):
            return "html"
    if _HTML_TAG.search(head):
        return "html"
    return "text"


# what binary data decoded as text holds: control characters (not the whitespace ones,
# \t\n\v\f\r) and U+FFFD, counted by one regex scan (a news item: 33 -> 3 us, where a
# generator tested each character)
_NOT_TEXTUAL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _check_textual(text: str, source: str) -> None:
    sample = text[:20000]
    if not sample.strip():
        raise InputError(f"{source}: no text in the document")
    bad = len(_NOT_TEXTUAL.findall(sample))
    if bad > max(8, len(sample) // 50):
        raise InputError(f"{source}: binary data, not a text document")


def extract_text(data: bytes, fmt: str, *, encoding: str | None = None) -> tuple[str, str | None]:
    """Turn the bytes of a document of format `fmt` into plain text (one paragraph a line)."""
    raw, used, _meta = extract_document(data, fmt, encoding=encoding)
    return raw, used


def extract_document(
    data: bytes, fmt: str, *, encoding: str | None = None
) -> tuple[str, str | None, tuple[tuple[str, str], ...]]:
    """Like `extract_text`, and also what the file says about itself (an HTML page's metadata)."""
    if fmt == "text":
        return (*decode_bytes(data, encoding=encoding), ())
    if fmt not in FORMATS:
        raise FormatError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    from policy_cli.core import formats  # lazy: format libraries are heavy

    try:
        if fmt == "html":
            return formats.html_document(data, encoding=encoding)
        if fmt == "docx":
            return formats.docx_to_text(data), None, ()
        return formats.pdf_to_text(data), None, ()
    except InputError:
        raise
    except RecursionError as exc:
        raise FormatError(f"the {fmt} file is nested too deeply to read") from exc
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # what a format library raises on a malformed file is an input fault
        raise FormatError(
            f"cannot read the {fmt} file ({type(exc).__name__}: {' '.join(str(exc).split())[:100]})"
        ) from exc


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
        raw, used, meta = extract_document(data, fmt, encoding=encoding)
    except InputError as exc:
        if str(exc).startswith(source):
            raise
        raise type(exc)(f"{source}: {exc}") from exc
    _check_textual(raw, source)
    return build_document(
        raw, source=source, fmt=fmt, encoding=used, keep_noise=keep_noise, meta=meta
    )


def build_document(
    raw: str,
    *,
    source: str = "<text>",
    fmt: str = "text",
    encoding: str | None = None,
    keep_noise: bool = False,
    meta: tuple[tuple[str, str], ...] = (),
) -> Document:
    """Normalise text, cut noise and split it into paragraphs and sentences once.

    Raises:
        InputError: nothing but whitespace and noise.
    """
    if fmt == "text":
        raw = normalize.unwrap_hard_lines(raw)  # pdftotext's output: lines cut at one width
    text, printed = normalize.normalize_printed(raw)
    marks_printed = printed != text  # marks analysed otherwise than the document prints them
    # traditional characters: analysed as simplified, character for character (and printed
    # as simplified: only the marks are printed as the document prints them)
    text, note = script.simplify(text)
    if not marks_printed:
        printed = text
    elif note == script.CONVERTED_NOTE:
        simple = script.to_simplified(printed)
        printed = simple if simple is not None and len(simple) == len(text) else text
    notes = (note,) if note else ()
    if encoding in DAMAGED:  # (the decoder's mark: the document's encoding, a few bytes bad)
        encoding = DAMAGED[encoding]
        bad = raw.count(REPLACEMENT)
        name = encoding.upper()
        notes = (f"{bad} {'byte' if bad == 1 else 'bytes'} not {name} (a damaged or cut file) "
                 f"replaced by \ufffd; name the encoding with --encoding if it is not {name}",
                 *notes)
    noise: tuple = ()
    if not keep_noise:
        from policy_cli.core.noise import remove_noise_twin

        text, noise, cut = remove_noise_twin(text, printed if marks_printed else None)
        printed = cut if cut is not None else text
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
        printed=printed if printed != text else "",
        meta=tuple((normalize.normalize_text(k), normalize.normalize_text(v)) for k, v in meta),
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


def check_analysable(document: Document) -> None:
    """Refuse a document longer than the analyses take (`MAX_DOCUMENT_CHARS`).

    Raises:
        InputError: the document's cleaned text is longer than the limit.
    """
    size = len(document.text)
    if size > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{document.source}: {size:,} characters of text, more than the analyses take"
            f" ({MAX_DOCUMENT_CHARS:,}); split the document (policy text still reads it)"
        )


def load_text(
    text: str,
    *,
    source: str = "<text>",
    keep_noise: bool = False,
    meta: tuple[tuple[str, str], ...] = (),
) -> Document:
    """Build a document from a str (library use; a JSON-lines record's `content`).

    `meta` is what the source says about the text outside it, as (name, value) pairs (a
    record's title as ("record.title", …): `header.RECORD_TITLE`, ranked first); the header reads
    it like an HTML page's <meta>.
    """
    if not text.strip():
        raise InputError(f"{source}: empty input, nothing to analyse")
    if len(text) > MAX_BYTES:  # the same limit as for a file (a character is a byte or more)
        raise InputError(f"{source}: input is too large (limit {MAX_BYTES:,} bytes)")
    return build_document(text, source=source, keep_noise=keep_noise, meta=meta)
