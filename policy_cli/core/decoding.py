"""Text bytes to str: a forced encoding, a byte-order mark, strict UTF-8, then detection.

Shared by the loaders (plain text) and the format extractors (an HTML page's bytes), so that
neither imports the other for it.
"""

from __future__ import annotations

import codecs
import re

from policy_cli.core.chars import han_count
from policy_cli.errors import EncodingError, InputError

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


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes: a forced encoding, a BOM, strict UTF-8, then detection.

    Returns:
        The text and the name of the encoding used.

    Raises:
        EncodingError: the bytes are not text in any encoding we can tell.
        InputError: binary content.
    """
    if encoding:
        encoding = text_codec(encoding)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"the input is not valid {encoding} (byte {exc.start}); try another --encoding"
            ) from exc
        except (UnicodeError, ValueError, LookupError) as exc:  # idna, punycode...
            raise EncodingError(
                f"the input is not valid {encoding}; try another --encoding"
            ) from exc
        lone = _LONE_SURROGATE.search(text)
        if lone is not None:
            # unicode_escape reads \ud800 as half a character, which no text holds (nor can be
            # printed or written)
            raise EncodingError(
                f"the input read as {encoding} holds a lone surrogate (U+{ord(lone.group()):04X},"
                f" character {lone.start()}); try another --encoding"
            )
        return text, encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"the input has a {name} byte-order mark but is not {name}"
                ) from exc
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        raise InputError(
            "binary file (it contains NUL bytes), not a text document; text in another"
            " encoding can be named with --encoding"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, DAMAGED_UTF8
    return _detect(data)


# UTF-8 with a few bytes that are not (a download cut inside a character, one stray byte): read
# with those bytes replaced by U+FFFD, and said so (`DAMAGED_UTF8` names the encoding used),
# where they are no more than one in `DAMAGED_UTF8_PER` characters of otherwise Chinese text
# (GB18030 read as UTF-8 breaks at nearly every character)
DAMAGED_UTF8 = "utf-8 (bytes that are not UTF-8 replaced by \ufffd)"
DAMAGED_UTF8_PER = 1000
REPLACEMENT = "\ufffd"
# …and GB18030 (GBK, GB2312) the same way, where it is none of the encodings a detector tells
DAMAGED_GB18030 = "gb18030 (bytes that are not GB18030 replaced by \ufffd)"
# the encodings a damaged text is read in, by the mark the decoder names it with
DAMAGED = {DAMAGED_UTF8: "utf-8", DAMAGED_GB18030: "gb18030"}


def _damaged_utf8(data: bytes) -> str | None:
    return _damaged(data, "utf-8")


def _damaged(data: bytes, encoding: str) -> str | None:
    """The text of bytes in `encoding` with a few that are not replaced by U+FFFD (one in
    `DAMAGED_UTF8_PER` characters at most, or one cut short at the end), where it is Chinese
    text; else None."""
    text = data.decode(encoding, errors="replace")
    bad = text.count(REPLACEMENT)
    cut_short = bad == 1 and text.endswith(REPLACEMENT)  # a download cut inside a character
    if (bad * DAMAGED_UTF8_PER > len(text) and not cut_short) or not _looks_chinese(text):
        return None
    return text


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def text_codec(name: str) -> str:
    """Check that `name` is a text encoding (bytes to str) and return it.

    base64, hex, zlib, bz2, uu, quopri (bytes to bytes), rot13 (str to str) and undefined are
    codecs Python knows but not text encodings.

    Raises:
        EncodingError: unknown, or not a text encoding.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError) as exc:
        raise EncodingError(f"unknown encoding {name!r} given with --encoding") from exc
    try:
        if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
            raise LookupError(name)
        b"".decode(name)
    except (LookupError, UnicodeError, ValueError, TypeError) as exc:
        raise EncodingError(
            f"{name!r} given with --encoding is not a text encoding (e.g. utf-8, gb18030)"
        ) from exc
    return name


# what Chinese text is made of (ASCII, general and CJK punctuation, the common ideographs, the
# full-width forms): random bytes read as UTF-16 fall there a third of the time, text always
_UTF16_TEXT = re.compile("[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
UTF16_TEXT_SHARE = 0.95
# what no text holds: the C0 controls but tab, newline, form feed and carriage return
_NOT_TEXT = frozenset(chr(c) for c in range(0x20)) - set("\t\n\x0c\r")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (an export of Windows tools): read in the
    byte order in which it is Chinese text (`_looks_chinese`), with no control character and
    hardly a character outside those of Chinese text (`UTF16_TEXT_SHARE`); else None (a binary
    file decodes to no such text). Both orders are tried: the NUL bytes are the high halves of
    ASCII characters but also the low halves of ideographs (一 is U+4E00, 最 U+6700), so in a
    text of few ASCII characters where they fall says nothing of the order."""
    if len(data) % 2:
        return None
    best: tuple[int, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not _NOT_TEXT.isdisjoint(text) or not _looks_chinese(text):
            continue
        plain = len(_UTF16_TEXT.findall(text))
        if plain >= UTF16_TEXT_SHARE * len(text) and (best is None or plain > best[0]):
            best = (plain, text, name)
    return None if best is None else (best[1], best[2])


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
        except (UnicodeError, LookupError):
            pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_chinese(text):
        return text, "gb18030"
    damaged = None if text else _damaged(data, "gb18030")
    if damaged is not None:  # GBK cut inside a character, a stray byte
        return damaged, DAMAGED_GB18030
    raise EncodingError(
        "cannot tell the text encoding (not UTF-8, UTF-16 or GB18030); name it with --encoding"
    )


def _looks_chinese(text: str) -> bool:
    han = han_count(text)
    return han >= 0.3 * max(1, sum(1 for ch in text if not ch.isspace()))
