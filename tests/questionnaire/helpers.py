"""Small forms built in code, for tests that need a form of a precise shape."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

import yaml

from dpia_desk.questionnaire import Form, form_from_json, load_form

HERE = Path(__file__).resolve().parent
SAMPLE_FORM = HERE / "forms" / "sample_screening.yaml"
BROKEN_DIR = HERE / "broken"
REPO_ROOT = HERE.parent.parent

BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "built_in_code",
    "version": "1.0.0",
    "status": "draft",
    "title": "Built in code",
    "source": {"author": "tests", "licence": "CC0-1.0"},
}


def form_data(*sections: dict[str, Any], **top: Any) -> dict[str, Any]:
    data = deepcopy(BASE)
    data.update(top)
    data["sections"] = list(sections)
    return data


def section(section_id: str, *questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": section_id, "title": section_id.title(), **extra, "questions": list(questions)}


def question(question_id: str, kind: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question_id, "type": kind, "text": f"{question_id}?"}
    if kind in ("single_choice", "multi_choice") and "choices" not in extra:
        data["choices"] = [{"id": c, "label": c.title()} for c in ("alpha", "beta", "gamma")]
    if kind == "scale" and "min" not in extra:
        data.update({"min": 1, "max": 4})
    data.update(extra)
    return data


def build(*sections: dict[str, Any], **top: Any) -> Form:
    """A form from sections, checked exactly like a form file."""
    return form_from_json(form_data(*sections, **top), "test form")


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def sample_form() -> Form:
    return load_form(SAMPLE_FORM)
