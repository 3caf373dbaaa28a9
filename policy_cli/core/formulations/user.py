"""Stage `user`: the user's own terms (`--lexicon FILE`), found in the text as they are.

The file holds one term a line, optionally followed by a TAB and its kind (code, numbered,
slogan, name, document); blank lines and lines starting with # are skipped. Without a kind a
term gets the kind its shape suggests, as a quoted span does (a code, a numbered set, a name),
else `slogan`. Terms are normalised like a document (half-width punctuation beside Chinese,
spaces) and found as exact substrings, longest first; a term the user asked for is certain:
no filter or fold drops it, and its kind wins over another stage's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from policy_cli.core.formulations.candidate import CERTAIN, KINDS, Candidate
from policy_cli.core.formulations.lexicon import Lexicon, LexiconEntry, find_entries
from policy_cli.core.formulations.options import FormulationOptions
from policy_cli.core.formulations.shapes import classify_quoted
from policy_cli.core.tokens import Segmentation
from policy_cli.errors import InputError, PolicyCliError
from policy_cli.models import USER_STAGE

STAGE = USER_STAGE  # the evidence that tells a user's term (Formulation.users_own)
MAX_LEXICON_BYTES = 10_000_000  # a word list, not a corpus
# a term longer than this is a text, not a formulation (the longest annotated one, ten clauses of
# a congress report, has 230 characters); the matcher's build grows with the square of a term's
# length (a line of 20,000 characters took 7 s, one of 9.6 MB did not end)
MAX_TERM_CHARS = 300


def find_user(
    text: str, options: FormulationOptions, seg: Segmentation | None = None
) -> Iterator[Candidate]:
    """Yield the terms of the user's lexicon (options.lexicon) that the text says."""
    if options.lexicon is not None:
        yield from find_entries(text, options.lexicon, STAGE, strength=CERTAIN, with_heads=False)


def read_user_lexicon(
    path: str | os.PathLike[str], *, options: FormulationOptions | None = None
) -> Lexicon:
    """Read a user's lexicon: one term a line, optionally a TAB and its kind.

    Args:
        path: the lexicon file (UTF-8, UTF-16 with a byte-order mark, or GB18030).
        options: the least length of a formulation (min_len; defaults when None).

    Returns:
        A Lexicon named after the file, its entries in file order.

    Raises:
        InputError: the file is missing, unreadable, undecodable, holds no term, or a line is
            malformed (an unknown kind, more than one TAB, a term too short or too long).
    """
    from policy_cli.core.loaders import decode_bytes, read_input
    from policy_cli.core.normalize import normalize_text

    o = options or FormulationOptions()
    where = f"lexicon {path}"
    try:
        data = read_input(path, max_bytes=MAX_LEXICON_BYTES)
    except InputError as exc:  # (it names the file: "lexicon x.txt: no such file")
        raise InputError(f"lexicon {exc}") from exc
    except PolicyCliError as exc:
        raise InputError(f"{where}: {exc}") from exc
    try:
        text, _ = decode_bytes(data)
    except PolicyCliError as exc:  # (binary, or no encoding it can tell: no --encoding here)
        said = str(exc).split(";")[0]
        raise InputError(f"{where}: {said} (a lexicon is UTF-8, UTF-16 or GB18030 text)") from exc
    entries: list[LexiconEntry] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip(" \u3000\ufeff\r")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) > 2:
            raise InputError(f"{where} line {number}: a term and at most one kind after a TAB")
        term = normalize_text(parts[0]).strip()
        kind = parts[1].strip() if len(parts) == 2 else ""
        if kind and kind not in KINDS:
            raise InputError(
                f"{where} line {number}: unknown kind {kind!r}; use {', '.join(KINDS)}"
            )
        if len(term) > MAX_TERM_CHARS:
            raise InputError(
                f"{where} line {number}: a term of {len(term):,} characters; a formulation has "
                f"at most {MAX_TERM_CHARS}"
            )
        if len(term) < o.min_len and not term.isdigit():
            raise InputError(
                f"{where} line {number}: {term!r} is too short for a formulation "
                f"(at least {o.min_len} characters)"
            )
        entries.append(LexiconEntry(term, kind or classify_quoted(term, options=o) or "slogan"))
    if not entries:
        raise InputError(f"{where}: no term in it (one a line, optionally a TAB and its kind)")
    return Lexicon(Path(path).name, tuple(entries))
