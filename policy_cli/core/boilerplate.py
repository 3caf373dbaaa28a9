"""A document's own boilerplate: what it repeats in the same position is furniture, not topic.

Notices, plans and assessment schemes attach the same kind of annotation to every item: who
leads it and by when (（6月底完成，牵头考核单位：市审批服务局）), who organises it (主办单位：省教育厅…),
who is responsible (责任单位：…). Such a field says nothing about what the document is about,
however often it repeats; its words are not key terms. Two general shapes, found by position
and repetition, never by listing words:

1. **Labelled fields**: `label：value`, the label opening a paragraph or standing inside a
   bracket; when the same label labels at least MIN_REPEATS paragraphs and its values are
   short (an annotation, not a description), every such field is furniture, label and value.
2. **Closing annotations**: a short bracketed group that ends a paragraph; when at least
   MIN_REPEATS paragraphs end so and the groups repeat the same words (牵头, 持续推进, 完成),
   every closing group holding a repeated word is furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policy_cli.core.chars import HAN, ITEM_MARK
from policy_cli.models import Document


@dataclass(frozen=True)
class BoilerplateOptions:
    """Thresholds of the boilerplate rules."""

    min_repeats: int = 3  # paragraphs that repeat a field or an annotation
    max_value_chars: int = 40  # an annotation is short; a description is not
    min_share: float = 0.3  # of the closing groups that repeat a word


_FIELD = re.compile(
    rf"(?:^|(?<=[（(，,；;、]))\s*(?P<label>[{HAN}]{{2,10}})[：:](?P<value>[^（()）]*)"
)
_CLOSING = re.compile(r"[（(](?P<body>[^（()）]{2,80})[）)]\W{0,2}\s*$")
_WORD = re.compile(rf"[{HAN}]{{2,}}")


def boilerplate_spans(
    document: Document, options: BoilerplateOptions | None = None
) -> list[tuple[int, int]]:
    """Return the character spans of the document's repeated fields and annotations.

    Args:
        document: a loaded document.
        options: thresholds (the defaults when None).

    Returns:
        (start, end) offsets into `document.text`, sorted.
    """
    opts = options or BoilerplateOptions()
    spans = _repeated_fields(document, opts) + _closing_annotations(document, opts)
    return sorted(set(spans))


def glossary_spans(document: Document) -> list[tuple[int, int]]:
    """Return the spans of the document's glossaries: a paragraph that is a glossary's title
    (data/keyword_chars.tsv: glossary_title) and the items that follow it, numbered alike
    (`chars.ITEM_MARK`: 1. 2., 一、 二、, ① ②...).

    Returns:
        (start, end) offsets into `document.text`, sorted.
    """
    from policy_cli.core.keywords import keyword_chars

    titles = keyword_chars()["glossary_title"]
    out = []
    paragraphs = document.paragraphs
    for i, para in enumerate(paragraphs):
        if len(para.text) > _MAX_TITLE_CHARS or _TITLE_MARKS.sub("", para.text) not in titles:
            continue
        end = i + 1
        first = _ITEM.match(paragraphs[end].text) if end < len(paragraphs) else None
        # the items are numbered alike (1. 2. 3.): another kind of mark is not one of them
        while first and end < len(paragraphs) and (m := _ITEM.match(paragraphs[end].text)) and (
            m.lastgroup == first.lastgroup
        ):
            end += 1
        if end > i + 1:  # a glossary holds items
            last = paragraphs[end - 1]
            out.append((para.start, last.start + len(last.text)))
    return out


_MAX_TITLE_CHARS = 12  # a glossary's title stands alone on its line
_TITLE_MARKS = re.compile(r"[\s:：【】\[\]〔〕]")
_ITEM = re.compile(rf"^\s*(?:{ITEM_MARK})\s*\S")  # 1. 2．3、（4） 一、 （一） ①


def _repeated_fields(document: Document, opts: BoilerplateOptions) -> list[tuple[int, int]]:
    fields: dict[str, list[tuple[int, int, int]]] = {}
    for para in document.paragraphs:
        for m in _FIELD.finditer(para.text):
            value = m.group("value").rstrip("。；; ")
            fields.setdefault(m.group("label"), []).append(
                (para.start + m.start("label"), para.start + m.start("value") + len(value),
                 len(value))
            )
    out = []
    for found in fields.values():
        lengths = sorted(n for _, _, n in found)
        if len(found) >= opts.min_repeats and lengths[len(lengths) // 2] <= opts.max_value_chars:
            out += [(s, e) for s, e, _ in found]
    return out


def _closing_annotations(document: Document, opts: BoilerplateOptions) -> list[tuple[int, int]]:
    groups = []
    for para in document.paragraphs:
        m = _CLOSING.search(para.text)
        if m and len(m.group("body")) <= opts.max_value_chars:
            groups.append((para.start + m.start(), para.start + m.end("body") + 1,
                           set(_words(m.group("body")))))
    if len(groups) < opts.min_repeats:
        return []
    seen: Counter[str] = Counter(w for _, _, words in groups for w in words)
    needed = max(opts.min_repeats, opts.min_share * len(groups))
    repeated = {w for w, n in seen.items() if n >= needed}
    return [(s, e) for s, e, words in groups if words & repeated]


def _words(text: str) -> list[str]:
    """The Han words of a short text, as overlapping two-character pieces (no segmenter)."""
    out = []
    for run in _WORD.findall(text):
        out += [run[i : i + 2] for i in range(len(run) - 1)]
    return out
