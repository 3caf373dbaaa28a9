"""Frozen dataclasses shared by the core, the renderers and library users."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the normalised text; `start`/`end` are character offsets."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text, with its paragraph and character offsets."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Noise:
    """A span removed from the document before analysis, and why."""

    text: str
    reason: str
    offset: int = -1  # offset in the text before removal; -1 when unknown


@dataclass(frozen=True)
class Document:
    """A loaded, normalised document split once into paragraphs and sentences."""

    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    format: str = "text"
    encoding: str | None = None
    noise: tuple[Noise, ...] = ()

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that contains character `offset`, if any."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None


@dataclass(frozen=True)
class Token:
    """A segmented word with its character offset in `Document.text`."""

    text: str
    start: int
    sentence: int


@dataclass(frozen=True)
class Keyword:
    """A ranked key term of a document."""

    term: str
    score: float
    count: int
    first_offset: int
    first_sentence: int


@dataclass(frozen=True)
class Formulation:
    """A 提法: a slogan, a numbered formulation, a coded programme or a quoted name."""

    text: str
    kind: str  # code | numbered | slogan | name
    count: int
    first_offset: int
    contexts: tuple[str, ...] = ()
    refers_to: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """A quantitative (or stated qualitative) target: indicator, value, modifier."""

    indicator: str
    value: str
    text: str
    offset: int
    modifier: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class Person:
    """A person named in the document, with the titles stated beside the name."""

    name: str
    titles: tuple[str, ...]
    count: int
    first_offset: int


@dataclass(frozen=True)
class Header:
    """What the document says about itself."""

    title: str | None
    date: str | None
    speaker: str | None
    doc_type: str


@dataclass(frozen=True)
class Stats:
    """Size of the document."""

    characters: int
    paragraphs: int
    sentences: int


@dataclass(frozen=True)
class KeySentence:
    """A sentence chosen for the summary, in document order."""

    index: int
    text: str
    score: float


@dataclass(frozen=True)
class Summary:
    """The one-screen brief of a document."""

    source: str
    header: Header
    stats: Stats
    keywords: tuple[Keyword, ...]
    formulations: tuple[Formulation, ...]
    targets: tuple[Target, ...]
    people: tuple[Person, ...]
    organizations: tuple[str, ...]
    key_sentences: tuple[KeySentence, ...]
    warnings: tuple[Noise, ...] = field(default_factory=tuple)
