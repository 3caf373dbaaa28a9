"""Data files shipped with policy-cli: lexicons, stop words and IDF, rebuilt by scripts/."""

from __future__ import annotations

from importlib import resources
from typing import Any


def text(name: str) -> str:
    """Return a bundled text file whole."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """Return the stripped lines of a bundled text file, without blanks and # comments."""
    return [ln.strip() for ln in text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def toml(name: str) -> dict[str, Any]:
    """Return a bundled TOML file (a rules file) parsed: {section: {key: value}}."""
    import tomllib  # imported here: start-up reads no rules file

    return tomllib.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
