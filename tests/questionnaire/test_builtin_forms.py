"""Every file in forms/ loads, validates, survives its frozen copy and has a golden answer set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpia_desk.paths import forms_dir
from dpia_desk.questionnaire import evaluate, form_from_json, form_to_json, load_form
from tests.questionnaire.helpers import REPO_ROOT

FORM_FILES = sorted(forms_dir().glob("*.yaml"))
GOLDEN_DIR = REPO_ROOT / "tests" / "golden"


def _params() -> list[object]:
    if not FORM_FILES:
        return [pytest.param(None, marks=pytest.mark.skip(reason="forms/ holds no *.yaml form"))]
    return [pytest.param(path, id=path.stem) for path in FORM_FILES]


@pytest.mark.parametrize("path", _params())
def test_builtin_form_loads_and_round_trips(path: Path) -> None:
    form = load_form(path)  # raises FormLoadError with file:line:column otherwise
    assert form.id == path.stem, f"{path.name}: a built-in form's file is named after its id"
    frozen = json.loads(json.dumps(form_to_json(form)))
    assert form_from_json(frozen) == form
    state = evaluate(form, {})
    assert not state.problems
    assert state.visible_sections, f"{path.name}: nothing is visible before any answer"


@pytest.mark.parametrize("path", _params())
def test_every_question_cites_its_source(path: Path) -> None:
    form = load_form(path)
    without = [question.id for question in form.questions if not question.refs]
    assert not without, f"{path.name}: questions without refs: {without}"


@pytest.mark.parametrize("path", _params())
def test_builtin_form_has_a_golden_answer_set(path: Path) -> None:
    goldens = sorted((GOLDEN_DIR / path.stem).glob("*.yaml"))
    assert goldens, f"{path.name}: no golden answer set in tests/golden/{path.stem}/"
