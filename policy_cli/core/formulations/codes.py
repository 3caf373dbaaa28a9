"""Stage `code`: unquoted digit codes ("4+1", 1+N) and names made of a number.

Quoted codes ("296X", 33条) are found by the `quoted` stage; this one finds the plain ones,
with the noun phrase they refer to, and three kinds of names a number makes unquoted: a package
of measures named by its count of articles (20条措施), a document known by its number
(16号文件) and a public service hotline (12345热线).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policy_cli.core.chars import HAN
from policy_cli.core.formulations.boundary import following_phrase
from policy_cli.core.formulations.candidate import BY_RULE, CERTAIN, Candidate
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.vocab import finditer, patterns, words
from policy_cli.core.tokens import Segmentation

STAGE = "code"


def find_codes(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield unquoted codes followed by the phrase they name, packages of articles, numbered
    documents and hotlines."""
    p = patterns()
    opens_name = re.compile(rf"[{HAN}{words().open_quote}]")
    for m in finditer(p.unquoted_code, text):
        after = text[m.end() : m.end() + 1]
        if not after or not opens_name.match(after):
            continue
        refers = following_phrase(text, m.end(), options, code=m.group(1))
        yield Candidate(m.group(1), "code", m.start(1), refers, (), BY_RULE, STAGE, "plus")
    for m in finditer(p.article_package, text):
        yield Candidate(m.group(), "code", m.start(), None, (), BY_RULE, STAGE, "articles")
    for m in finditer(p.numbered_document, text):
        yield Candidate(m.group(), "name", m.start(), None, (), BY_RULE, STAGE, "document-number")
    for m in finditer(p.hotline, text):
        # the number is a name as a quoted one is (a plain number is kept only when quoted);
        # it refers to the line it is the number of (12345|政务服务便民热线), as a quoted one does
        refers = text[m.end(1) : m.end()].replace(words().close_quote, "")
        yield Candidate(m.group(1), "code", m.start(1), refers, (), CERTAIN, STAGE, "hotline")
