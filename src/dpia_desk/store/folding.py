"""The folded form of names that filtering and sorting compare (no SQLAlchemy: start-up path)."""

from __future__ import annotations

import unicodedata


def fold_for_search(text: str) -> str:
    """Case- and accent-insensitive form used to filter and sort names ("Zoë" -> "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
