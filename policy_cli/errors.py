"""Errors the core raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (see README)."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    INPUT = 3
    NOTHING = 4
    INTERRUPTED = 130  # 128 + SIGINT
    CLOSED_PIPE = 141  # 128 + SIGPIPE: the reader of standard output went away


class PolicyCliError(Exception):
    """Base class: a problem to report to the user in one line."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InputError(PolicyCliError):
    """The input is missing, unreadable, undecodable, hostile or has no text."""

    exit_code = ExitCode.INPUT


class EncodingError(InputError):
    """The bytes could not be decoded as text."""


class FormatError(InputError):
    """A file claims a format (docx, pdf, html) it does not have, or is corrupt."""


class OutputError(InputError):
    """The result cannot or must not be written (-o over an input, a full disk, a FIFO nobody
    reads, a block device)."""


class NothingToAnalyseError(PolicyCliError):
    """The document has text but nothing the analysis can use."""

    exit_code = ExitCode.NOTHING


class UsageError(PolicyCliError):
    """An option value the core cannot accept."""

    exit_code = ExitCode.USAGE
