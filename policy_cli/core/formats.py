"""Text extraction from HTML, .docx and .pdf (filled in by the real-world inputs issue)."""

from __future__ import annotations

from policy_cli.errors import FormatError


def html_to_text(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Extract the main text of an HTML page."""
    raise FormatError("HTML input is not supported yet")


def docx_to_text(data: bytes) -> str:
    """Extract the paragraphs of a .docx file."""
    raise FormatError(".docx input is not supported yet")


def pdf_to_text(data: bytes) -> str:
    """Extract the text of a PDF file."""
    raise FormatError("PDF input is not supported yet")
