"""Golden answer sets: answers in, expected visibility, completeness and flags out.

Each ``tests/golden/<form id>/*.yaml`` names its form, gives an answer set and what to expect
(forms/FORMAT.md, "Golden answer sets"). This runner checks ``complete``, ``visible_include``,
``hidden_include``, ``missing`` and ``flags``; ``score`` belongs to the scoring engines' runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dpia_desk.paths import forms_dir
from dpia_desk.questionnaire import FormLibrary, FormLoadError, evaluate, load_library
from dpia_desk.questionnaire.yaml_source import parse_yaml
from tests.questionnaire.helpers import REPO_ROOT, SAMPLE_FORM

GOLDEN_DIR = REPO_ROOT / "tests" / "golden"
GOLDEN_FILES = sorted(GOLDEN_DIR.glob("*/*.yaml")) if GOLDEN_DIR.is_dir() else []
TOP_KEYS = frozenset({"description", "form", "answers", "expect"})
EXPECT_KEYS = frozenset(
    {"complete", "visible_include", "hidden_include", "missing", "flags", "score"}
)
NO_GOLDENS = "tests/golden is absent or holds no golden answer sets (tests/golden/<form id>/*.yaml)"


@pytest.fixture(scope="module")
def library() -> FormLibrary:
    return load_library([forms_dir()])


def _params() -> list[Any]:
    if not GOLDEN_FILES:
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_GOLDENS), id="no-goldens")]
    return [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in GOLDEN_FILES]


def _read(path: Path, name: str) -> dict[str, Any]:
    try:
        value = parse_yaml(path.read_bytes(), name).value
    except FormLoadError as error:
        pytest.fail(f"golden file cannot be read: {error}")
    if not isinstance(value, dict):
        pytest.fail(f"{name}: a golden file is a mapping with form, answers and expect")
    unknown = set(value) - TOP_KEYS
    assert not unknown, f"{name}: unknown keys {sorted(unknown)} (allowed: {sorted(TOP_KEYS)})"
    for key in ("form", "answers", "expect"):
        assert key in value, f"{name}: missing key '{key}'"
    return value


def _id_list(expect: dict[str, Any], key: str, name: str) -> list[str]:
    value = expect[key]
    assert isinstance(value, list) and all(isinstance(item, str) for item in value), (
        f"{name}: expect.{key} must be a list of ids"
    )
    return value


def check_golden(path: Path, library: FormLibrary, root: Path) -> None:
    """Fail (with the file's name) unless the golden answer set gives what it expects."""
    name = str(path.relative_to(root))
    golden = _read(path, name)
    form_id = golden["form"]
    assert form_id == path.parent.name, (
        f"{name}: names form '{form_id}' but lives in the folder of '{path.parent.name}'"
    )
    if form_id not in library:
        invalid = [line for error in library.errors for line in error.lines()]
        pytest.fail(
            f"{name}: refers to form '{form_id}', which is not a valid form in forms/"
            + (f"; invalid forms: {invalid}" if invalid else "")
        )
    form = library.get(form_id)
    answers = golden["answers"] or {}
    assert isinstance(answers, dict), f"{name}: answers must be a mapping of question ids"
    expect = golden["expect"] or {}
    assert isinstance(expect, dict), f"{name}: expect must be a mapping"
    unknown = set(expect) - EXPECT_KEYS
    assert not unknown, f"{name}: unknown expect keys {sorted(unknown)}"

    state = evaluate(form, answers)
    assert not state.problems, f"{name}: invalid answers: " + "; ".join(
        problem.format() for problem in state.problems
    )
    if "complete" in expect:
        assert state.complete is expect["complete"], (
            f"{name}: complete is {state.complete}; missing: {list(state.missing)}"
        )
    for question_id in (
        _id_list(expect, "visible_include", name) if "visible_include" in expect else []
    ):
        assert form.find_question(question_id), f"{name}: unknown question '{question_id}'"
        assert state.is_visible(question_id), f"{name}: '{question_id}' is hidden"
    for question_id in (
        _id_list(expect, "hidden_include", name) if "hidden_include" in expect else []
    ):
        assert form.find_question(question_id), f"{name}: unknown question '{question_id}'"
        assert not state.is_visible(question_id), f"{name}: '{question_id}' is visible"
    if "missing" in expect:
        assert list(state.missing) == _id_list(expect, "missing", name), f"{name}: missing"
    if "flags" in expect:
        raised = sorted(flag.key for flag in state.flags)
        assert raised == sorted(_id_list(expect, "flags", name)), f"{name}: flags"


@pytest.mark.parametrize("path", _params())
def test_golden_answer_set(path: Path, library: FormLibrary) -> None:
    check_golden(path, library, REPO_ROOT)


def test_golden_folders_name_existing_forms(library: FormLibrary) -> None:
    if not GOLDEN_FILES:
        pytest.skip(NO_GOLDENS)
    folders = sorted({path.parent.name for path in GOLDEN_FILES})
    unknown = [folder for folder in folders if folder not in library]
    assert not unknown, f"golden folders for forms that do not exist in forms/: {unknown}"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_runner_fails_on_a_golden_for_a_missing_form(tmp_path: Path) -> None:
    golden = _write(
        tmp_path / "no_such_form" / "case.yaml",
        "form: no_such_form\nanswers: {}\nexpect: {complete: true}\n",
    )
    with pytest.raises(pytest.fail.Exception, match="refers to form 'no_such_form'"):
        check_golden(golden, FormLibrary((), ()), tmp_path)


def test_the_runner_checks_what_it_promises(tmp_path: Path) -> None:
    library = load_library([SAMPLE_FORM.parent])
    good = _write(
        tmp_path / "sample_screening" / "good.yaml",
        "description: all four checks\nform: sample_screening\n"
        "answers: {is_ai_system: yes, employment_uses: [monitoring]}\n"
        "expect:\n  complete: false\n  visible_include: [employment_uses]\n"
        "  hidden_include: [emotion_subjects]\n  missing: [emotion_recognition, encryption,"
        " headcount]\n  flags: [employment_uses.monitoring]\n  score: {ignored: here}\n",
    )
    check_golden(good, library, tmp_path)
    for wrong in (
        "complete: true",
        "flags: []",
        "missing: [encryption]",
        "hidden_include: [employment_uses]",
        "visible_include: [no_such_question]",
        "colour: red",
    ):
        bad = _write(
            tmp_path / "sample_screening" / "bad.yaml",
            "form: sample_screening\nanswers: {is_ai_system: yes, employment_uses: "
            f"[monitoring]}}\nexpect:\n  {wrong}\n",
        )
        with pytest.raises(AssertionError):
            check_golden(bad, library, tmp_path)
    invalid = _write(
        tmp_path / "sample_screening" / "invalid.yaml",
        "form: sample_screening\nanswers: {is_ai_system: perhaps}\nexpect: {}\n",
    )
    with pytest.raises(AssertionError, match="invalid answers: is_ai_system"):
        check_golden(invalid, library, tmp_path)
