"""A Bloom filter over strings: a compact, shippable answer to "did the corpus say this?".

The national corpus cannot be shipped; the set of phrases it says (word n-grams, millions of
them) is shipped as a Bloom filter instead: no false negatives, a small known rate of false
positives, a few megabytes. Hashing is stable across processes and platforms (BLAKE2b, double
hashing), so a filter built once answers the same everywhere.
"""

from __future__ import annotations

import math
import mmap
import struct
from collections.abc import Iterable
from pathlib import Path

try:  # hashlib's own BLAKE2b, without loading OpenSSL for its other hashes (~2 ms a run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it: hashlib picks one
    from hashlib import blake2b

_MAGIC = b"PCBLOOM1"
_HEADER = struct.Struct("<8sQI")  # magic, number of bits, number of hashes


def _hashes(text: str) -> tuple[int, int]:
    digest = blake2b(text.encode("utf-8"), digest_size=16).digest()
    h1, h2 = struct.unpack("<QQ", digest)
    return h1, h2 | 1


class BloomFilter:
    """A set of strings that may answer "yes" wrongly at a small rate, never "no" wrongly."""

    def __init__(self, bits: bytes | bytearray | memoryview, n_bits: int, n_hashes: int) -> None:
        if len(bits) * 8 < n_bits or n_hashes < 1:
            raise ValueError("inconsistent Bloom filter")
        self._bits = bits
        self._m = n_bits
        self._k = n_hashes

    @classmethod
    def build(cls, items: Iterable[str], *, capacity: int, error_rate: float = 0.01) -> BloomFilter:
        """Build a filter sized for `capacity` items at `error_rate` false positives."""
        m = max(64, int(-capacity * math.log(error_rate) / math.log(2) ** 2))
        k = max(1, round(m / max(1, capacity) * math.log(2)))
        bits = bytearray((m + 7) // 8)
        for item in items:
            h1, h2 = _hashes(item)
            for i in range(k):
                p = (h1 + i * h2) % m
                bits[p >> 3] |= 1 << (p & 7)
        return cls(bits, m, k)

    def __contains__(self, item: str) -> bool:
        h1, h2 = _hashes(item)
        m, bits = self._m, self._bits
        for i in range(self._k):
            p = (h1 + i * h2) % m
            if not bits[p >> 3] & (1 << (p & 7)):
                return False
        return True

    def to_bytes(self) -> bytes:
        return _HEADER.pack(_MAGIC, self._m, self._k) + bytes(self._bits)

    @classmethod
    def from_bytes(cls, raw: bytes | memoryview | mmap.mmap) -> BloomFilter:
        """Read a filter from `to_bytes`'s output, in place (a view, not a copy of its bits)."""
        magic, m, k = _HEADER.unpack_from(raw)
        if magic != _MAGIC:
            raise ValueError("not a policy-cli Bloom filter")
        return cls(memoryview(raw)[_HEADER.size :], m, k)

    @classmethod
    def open(cls, path: Path) -> BloomFilter:
        """Read a saved filter by mapping its file into memory: a lookup reads only the few
        pages it needs (the shipped filter is 5.3 MB; reading it whole cost ~7 ms a run)."""
        with path.open("rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return cls.from_bytes(mapped)

    def save(self, path: Path) -> None:
        path.write_bytes(self.to_bytes())
