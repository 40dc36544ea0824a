"""Results of other assessments of the same vendor or system, as one engine reads another's.

``related`` maps a form id (or an engine name) to that form's result: a :class:`ScoreResult`, an
engine outcome, or the JSON a workspace stored (``ScoreResult.to_json()``). The engines only read
a few fields (the AI Act facts and tier, the vendor tier), so all three shapes work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dpia_desk.scoring.model import ScoreResult

Related = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class RelatedView:
    """The fields one engine reads from another's result."""

    source: str  # the key it was given under
    data: Mapping[str, object]

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def number(self, key: str) -> int | None:
        value = self.data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if isinstance(value, list | tuple):
            return tuple(item for item in value if isinstance(item, str))
        return ()


def _as_mapping(value: object) -> Mapping[str, object] | None:
    if isinstance(value, ScoreResult):
        return value.to_json()
    if isinstance(value, Mapping):
        return value
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        document = to_json()
        if isinstance(document, Mapping):
            return document
    return None


def find_related(related: Related | None, engine: str, *keys: str) -> RelatedView | None:
    """The first related result produced by ``engine`` (or given under one of ``keys``)."""
    if not related:
        return None
    for key, value in related.items():
        data = _as_mapping(value)
        if data is None:
            continue
        if data.get("engine") == engine or key == engine or key in keys:
            return RelatedView(key, data)
    return None
