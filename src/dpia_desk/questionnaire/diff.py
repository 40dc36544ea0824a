"""What changed between two versions of a form: added, removed and changed questions.

Questions are matched by id (ids are never renamed, by contract), so a moved question is a change
of section, not a removal and an addition.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dpia_desk.questionnaire.model import Form, Question, Section

_FORM_FIELDS = (
    "id",
    "schema_version",
    "version",
    "status",
    "title",
    "description",
    "applies_to",
    "scoring",
    "source",
    "default_scores",
    "outcomes",
)
_SECTION_FIELDS = ("title", "description", "owner_role", "domain", "show_if")
_TEXT_FIELDS = frozenset({"text", "help", "title", "description"})
_SHORT = 60


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any  # JSON data (None when absent)
    new: Any
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new, "summary": self.summary}


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    """A question added or removed."""

    id: str
    section_id: str
    type: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "section": self.section_id, "type": self.type, "text": self.text}


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A question or section present on both sides, with what changed in it."""

    id: str
    changes: tuple[FieldChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "changes": [change.to_json() for change in self.changes]}


@dataclass(frozen=True)
class FormDiff:
    old_id: str
    new_id: str
    old_version: str
    new_version: str
    form_changes: tuple[FieldChange, ...]
    sections_added: tuple[str, ...]
    sections_removed: tuple[str, ...]
    sections_changed: tuple[ItemChange, ...]
    added: tuple[QuestionSummary, ...]
    removed: tuple[QuestionSummary, ...]
    changed: tuple[ItemChange, ...]

    @property
    def is_empty(self) -> bool:
        return not (
            self.form_changes
            or self.sections_added
            or self.sections_removed
            or self.sections_changed
            or self.added
            or self.removed
            or self.changed
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "old": {"id": self.old_id, "version": self.old_version},
            "new": {"id": self.new_id, "version": self.new_version},
            "form_changes": [change.to_json() for change in self.form_changes],
            "sections_added": list(self.sections_added),
            "sections_removed": list(self.sections_removed),
            "sections_changed": [change.to_json() for change in self.sections_changed],
            "questions_added": [item.to_json() for item in self.added],
            "questions_removed": [item.to_json() for item in self.removed],
            "questions_changed": [change.to_json() for change in self.changed],
        }

    def lines(self) -> list[str]:
        """A readable report, one change per line."""
        out = [f"{self.old_id} {self.old_version} -> {self.new_id} {self.new_version}"]
        if self.is_empty:
            out.append("no differences")
            return out
        out.extend(f"  form: {change.summary}" for change in self.form_changes)
        out.extend(f"+ section {section_id}" for section_id in self.sections_added)
        out.extend(f"- section {section_id}" for section_id in self.sections_removed)
        for item in self.sections_changed:
            out.extend(f"~ section {item.id}: {change.summary}" for change in item.changes)
        for added in self.added:
            out.append(
                f"+ {added.id} ({added.type}, section {added.section_id}): {_short(added.text)}"
            )
        for removed in self.removed:
            out.append(
                f"- {removed.id} ({removed.type}, section {removed.section_id}): "
                f"{_short(removed.text)}"
            )
        for item in self.changed:
            out.extend(f"~ {item.id}: {change.summary}" for change in item.changes)
        counts = (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.changed)} changed question(s)"
        )
        out.append(counts)
        return out


def diff_forms(old: Form, new: Form) -> FormDiff:
    old_data = old.model_dump(mode="json")
    new_data = new.model_dump(mode="json")
    form_changes = tuple(
        change
        for name in _FORM_FIELDS
        if (change := _field_change(name, old_data.get(name), new_data.get(name))) is not None
    )

    old_sections = {section.id: section for section in old.sections}
    new_sections = {section.id: section for section in new.sections}
    sections_changed: list[ItemChange] = []
    for section_id, section in new_sections.items():
        before = old_sections.get(section_id)
        if before is None:
            continue
        before_data = before.model_dump(mode="json")
        after_data = section.model_dump(mode="json")
        changes = tuple(
            change
            for name in _SECTION_FIELDS
            if (change := _field_change(name, before_data.get(name), after_data.get(name)))
            is not None
        )
        if changes:
            sections_changed.append(ItemChange(section_id, changes))

    old_questions = {question.id: (section, question) for section, question in old.iter_questions()}
    new_questions = {question.id: (section, question) for section, question in new.iter_questions()}
    changed: list[ItemChange] = []
    for question_id, (section, question) in new_questions.items():
        previous = old_questions.get(question_id)
        if previous is None:
            continue
        changes = _question_changes(previous, (section, question))
        if changes:
            changed.append(ItemChange(question_id, changes))

    return FormDiff(
        old_id=old.id,
        new_id=new.id,
        old_version=old.version,
        new_version=new.version,
        form_changes=form_changes,
        sections_added=tuple(s for s in new_sections if s not in old_sections),
        sections_removed=tuple(s for s in old_sections if s not in new_sections),
        sections_changed=tuple(sections_changed),
        added=tuple(
            _summary(s, q) for qid, (s, q) in new_questions.items() if qid not in old_questions
        ),
        removed=tuple(
            _summary(s, q) for qid, (s, q) in old_questions.items() if qid not in new_questions
        ),
        changed=tuple(changed),
    )


def _summary(section: Section, question: Question) -> QuestionSummary:
    return QuestionSummary(question.id, section.id, question.kind, question.text)


def _question_changes(
    old: tuple[Section, Question], new: tuple[Section, Question]
) -> tuple[FieldChange, ...]:
    old_section, old_question = old
    new_section, new_question = new
    changes: list[FieldChange] = []
    if old_section.id != new_section.id:
        changes.append(
            FieldChange(
                "section",
                old_section.id,
                new_section.id,
                f"moved from section {old_section.id} to {new_section.id}",
            )
        )
    before = old_question.model_dump(mode="json")
    after = new_question.model_dump(mode="json")
    names = list(before) + [name for name in after if name not in before]
    for name in names:
        if name == "id":
            continue
        if name == "choices":
            change = _choices_change(before.get(name) or [], after.get(name) or [])
        else:
            change = _field_change(name, before.get(name), after.get(name))
        if change is not None:
            changes.append(change)
    return tuple(changes)


def _choices_change(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> FieldChange | None:
    if old == new:
        return None
    old_by_id = {choice["id"]: choice for choice in old}
    new_by_id = {choice["id"]: choice for choice in new}
    parts: list[str] = []
    added = [cid for cid in new_by_id if cid not in old_by_id]
    removed = [cid for cid in old_by_id if cid not in new_by_id]
    if added:
        parts.append("added " + ", ".join(added))
    if removed:
        parts.append("removed " + ", ".join(removed))
    for cid, choice in new_by_id.items():
        previous = old_by_id.get(cid)
        if previous is None or previous == choice:
            continue
        details = [
            _value_change(key, previous.get(key), choice.get(key))
            for key in ("label", "score", "exclusive", "flag")
            if previous.get(key) != choice.get(key)
        ]
        parts.append(f"changed {cid} ({'; '.join(details)})")
    common_old = [cid for cid in old_by_id if cid in new_by_id]
    common_new = [cid for cid in new_by_id if cid in old_by_id]
    if common_old != common_new:
        parts.append("reordered")
    return FieldChange("choices", old, new, "choices: " + "; ".join(parts))


def _field_change(name: str, old: Any, new: Any) -> FieldChange | None:
    if old == new:
        return None
    if name in _TEXT_FIELDS and isinstance(old, str) and isinstance(new, str):
        return FieldChange(name, old, new, f"{name}: {_short(old)!r} -> {_short(new)!r}")
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and all(isinstance(item, str) for item in (*old, *new))
    ):
        added = [item for item in new if item not in old]
        removed = [item for item in old if item not in new]
        parts = []
        if added:
            parts.append("added " + ", ".join(added))
        if removed:
            parts.append("removed " + ", ".join(removed))
        if not parts:
            parts.append("reordered")
        return FieldChange(name, old, new, f"{name}: {'; '.join(parts)}")
    return FieldChange(name, old, new, _value_change(name, old, new))


def _value_change(name: str, old: Any, new: Any) -> str:
    return f"{name}: {_render(old)} -> {_render(new)}"


def _render(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return repr(_short(value))
    text = json.dumps(_without_nulls(value), ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= 2 * _SHORT else text[: 2 * _SHORT - 3] + "..."


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHORT else flat[: _SHORT - 3] + "..."
