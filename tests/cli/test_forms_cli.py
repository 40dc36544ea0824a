"""`dpia-desk forms list | validate | diff`: the public command-line contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.questionnaire.helpers import BROKEN_DIR, REPO_ROOT, SAMPLE_FORM

from dpia_desk import paths
from dpia_desk.cli import main


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names are printed relative to the working folder."""
    monkeypatch.chdir(REPO_ROOT)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _user_forms(*files: Path) -> Path:
    folder = paths.user_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def test_list_shows_builtin_and_user_forms(capsys: pytest.CaptureFixture[str]) -> None:
    _user_forms(SAMPLE_FORM)
    code, out, err = run(capsys, "forms", "list")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:6] == ["ID", "VERSION", "STATUS", "QUESTIONS", "ORIGIN", "FILE"]
    sample = next(row for row in rows if row.startswith("sample_screening"))
    assert sample.split()[1:5] == ["1.0.0", "draft", "11", "user"]
    assert sample.endswith("Sample screening")
    assert err == ""


def test_list_json_reports_invalid_forms(capsys: pytest.CaptureFixture[str]) -> None:
    _user_forms(SAMPLE_FORM, BROKEN_DIR / "unknown_key.yaml")
    code, out, err = run(capsys, "forms", "list", "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    sample = next(f for f in document["forms"] if f["id"] == "sample_screening")
    assert sample == {
        "id": "sample_screening",
        "version": "1.0.0",
        "status": "draft",
        "title": "Sample screening",
        "source_file": sample["source_file"],
        "origin": "user",
        "scoring": "vendor_due_diligence",
        "applies_to": "ai_system",
        "section_count": 2,
        "question_count": 11,
    }
    assert sample["source_file"].endswith("forms/sample_screening.yaml")
    (error,) = [e for e in document["errors"] if e["file"].endswith("unknown_key.yaml")]
    assert (error["line"], error["column"], error["path"], error["origin"]) == (
        18,
        9,
        "sections[0].questions[1].requird",
        "user",
    )
    assert error["reason"] == "unknown key 'requird' (did you mean 'required'?)"


def test_list_text_warns_about_invalid_forms(capsys: pytest.CaptureFixture[str]) -> None:
    _user_forms(BROKEN_DIR / "cycle.yaml")
    code, _, err = run(capsys, "forms", "list")
    assert code == 0
    assert "dpia-desk: warning: 1 form file left out (invalid or duplicate id):" in err
    assert "cycle.yaml:18:29: sections[0].questions[1].show_if.question:" in err


def test_validate_whole_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "forms", "validate")
    assert code == 0, err
    assert out.splitlines()[-1].startswith("OK: ")
    assert err == ""


def test_validate_an_invalid_file(capsys: pytest.CaptureFixture[str]) -> None:
    broken = BROKEN_DIR / "unknown_reference.yaml"
    code, out, err = run(capsys, "forms", "validate", str(SAMPLE_FORM), str(broken))
    assert code == 1
    assert "ok      tests/questionnaire/forms/sample_screening.yaml" in out
    assert err.splitlines() == [
        "tests/questionnaire/broken/unknown_reference.yaml:18:29: "
        "sections[0].questions[1].show_if.question: unknown question 'uses_bio'",
        "dpia-desk: 1 of 2 form files invalid",
    ]


def test_validate_a_folder_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "forms", "validate", str(BROKEN_DIR))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    count = len(list(BROKEN_DIR.glob("*.yaml")))
    assert lines[-1] == f"dpia-desk: {count} of {count} form files invalid"
    assert sum("several_problems.yaml" in line for line in lines) == 2


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "forms", "validate", "--json", str(BROKEN_DIR / "cycle.yaml"))
    assert code == 1
    document = json.loads(out)
    assert document["valid"] is False and document["forms"] == []
    assert document["errors"][0]["line"] == 18


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "forms", "validate", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert err.startswith("dpia-desk: error: no such file or folder:")


def _version_two(tmp_path: Path) -> Path:
    text = SAMPLE_FORM.read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.1.0")
    text = text.replace("text: Vendor name", "text: Vendor legal name")
    text += "      - id: dpo_review\n        type: yes_no\n        text: DPO reviewed?\n"
    new = tmp_path / "sample_v2.yaml"
    new.write_text(text, encoding="utf-8")
    return new


def test_diff_two_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "forms", "diff", str(SAMPLE_FORM), str(_version_two(tmp_path)))
    assert code == 0, err
    assert out.splitlines() == [
        "sample_screening 1.0.0 -> sample_screening 1.1.0",
        "  form: version: '1.0.0' -> '1.1.0'",
        "+ dpo_review (yes_no, section security): DPO reviewed?",
        "~ vendor_name: text: 'Vendor name' -> 'Vendor legal name'",
        "1 added, 0 removed, 1 changed question(s)",
    ]


def test_diff_form_id_against_file_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _user_forms(SAMPLE_FORM)
    code, out, _ = run(
        capsys, "forms", "diff", "--json", "sample_screening", str(_version_two(tmp_path))
    )
    assert code == 0
    document = json.loads(out)
    assert document["old"] == {"id": "sample_screening", "version": "1.0.0"}
    assert [q["id"] for q in document["questions_added"]] == ["dpo_review"]
    assert [q["id"] for q in document["questions_changed"]] == ["vendor_name"]


def test_diff_unknown_form_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "forms", "diff", "no_such_form", str(SAMPLE_FORM))
    assert code == 1
    assert err.startswith("dpia-desk: error: no form with id 'no_such_form'")


def test_diff_invalid_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "forms", "diff", str(SAMPLE_FORM), str(BROKEN_DIR / "cycle.yaml"))
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "cycle.yaml:18:29:" in err


def test_forms_needs_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["forms"])
    assert caught.value.code == 2
