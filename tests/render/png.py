"""Read a PNG file with the standard library alone: enough to tell a blank screenshot.

Chromium writes 8-bit RGB or RGBA screenshots; this decodes those (the five scanline
filters of the PNG specification) without Pillow, which the project does not need otherwise.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel (8-bit only)


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    channels: int
    rows: tuple[bytes, ...]  # unfiltered scanlines, `width * channels` bytes each

    def pixel(self, x: int, y: int) -> bytes:
        at = x * self.channels
        return self.rows[y][at : at + self.channels]


def read_png(data: bytes) -> Image:
    """Decode an 8-bit, non-interlaced PNG (grey, RGB, grey+alpha or RGBA).

    Raises:
        ValueError: not a PNG, or one of another kind.
    """
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG file")
    pos, idat = len(_SIGNATURE), []
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour not in _CHANNELS or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour {colour})")
            channels = _CHANNELS[colour]
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        filt, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if filt == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif filt == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif filt == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif filt == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif filt != 0:
            raise ValueError(f"bad PNG filter {filt}")
        rows.append(bytes(line))
        prev = line
    return Image(width, height, channels, tuple(rows))


def colours(image: Image, *, step: int = 1) -> int:
    """How many distinct pixel values the image has (every `step`-th pixel of every row)."""
    seen: set[bytes] = set()
    c = image.channels
    for row in image.rows:
        for at in range(0, len(row), c * step):
            seen.add(row[at : at + c])
    return len(seen)
