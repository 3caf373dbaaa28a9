"""Detect and cut injected spam and page furniture from normalised text."""

from __future__ import annotations

from policy_cli.models import Noise


def remove_noise(text: str) -> tuple[str, tuple[Noise, ...]]:
    """Return the text without noise spans, and what was removed (placeholder: nothing yet)."""
    return text, ()
