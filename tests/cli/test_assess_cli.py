"""`assess new | answer | show | list` and `review start | show`: the public CLI contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpia_desk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.dpia"
    assert run(capsys, "--workspace", str(path), "init")[0] == 0
    return path


def test_assess_new_answer_show(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(workspace)]
    code, out, _ = run(capsys, *ws, "vendor", "add", "--name", "Hireflow", "--json")
    vendor_id = json.loads(out)["id"]
    code, out, _ = run(
        capsys, *ws, "assess", "new", "--vendor", vendor_id, "--form", "ai_act_screening", "--json"
    )
    assert code == 0
    created = json.loads(out)
    assert created["form"] == "ai_act_screening" and created["status"] == "draft"
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "is_ai_system: yes\nscope_exclusion: none\n"
        "employment_uses: [recruitment_evaluating_candidates]\nprofiling: yes\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, *ws, "assess", "answer", created["id"], "--answers", str(answers))
    assert code == 0 and "answer(s) changed" in out
    code, out, _ = run(capsys, *ws, "assess", "show", created["id"], "--json")
    shown = json.loads(out)
    assert shown["answers"]["is_ai_system"] == "yes"
    assert shown["result"]["tier"] == "high"
    assert shown["completeness"]["complete"] is False
    assert all(reason["refs"] for reason in shown["result"]["reasons"])
    code, out, _ = run(capsys, *ws, "assess", "list", "--json")
    assert [row["vendor"] for row in json.loads(out)] == ["Hireflow"]
    code, out, _ = run(capsys, *ws, "vendor", "show", vendor_id, "--json")
    assert json.loads(out)["ai_act_tier"] == "high"


def test_an_invalid_answers_file_changes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(workspace)]
    vendor_id = json.loads(run(capsys, *ws, "vendor", "add", "--name", "V", "--json")[1])["id"]
    assessment = run(
        capsys, *ws, "assess", "new", "--vendor", vendor_id, "--form", "dpia_screening"
    )
    assessment_id = assessment[1].strip()
    bad = tmp_path / "bad.yaml"
    bad.write_text("c1_evaluation_scoring: perhaps\nc5_large_scale: yes\n", encoding="utf-8")
    code, _out, err = run(capsys, *ws, "assess", "answer", assessment_id, "--answers", str(bad))
    assert code == 1
    assert err.count("\n") == 1 and "c1_evaluation_scoring" in err
    shown = json.loads(run(capsys, *ws, "assess", "show", assessment_id, "--json")[1])
    assert shown["answers"] == {}


def test_unknown_ids_are_one_line_errors(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--workspace", str(workspace), "assess", "show", "nope")
    assert code == 1 and out == ""
    assert err.startswith("dpia-desk: error: No assessment with id nope")
    assert "dpia-desk assess list" in err


def test_review_start_and_show(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["--workspace", str(workspace)]
    vendor_id = json.loads(run(capsys, *ws, "vendor", "add", "--name", "V", "--json")[1])["id"]
    code, out, _ = run(capsys, *ws, "review", "start", "--vendor", vendor_id, "--json")
    assert code == 0
    review = json.loads(out)
    code, out, _ = run(capsys, *ws, "review", "show", review["id"], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["next_step"] == "vendor_intake"
    steps = {step["form"]: step for step in shown["steps"]}
    assert steps["vendor_intake"]["assessment_id"] == review["intake_assessment_id"]
    assert steps["vendor_intake"]["owner_role"] is not None
    assert "vendor_intake: required questions unanswered" in shown["blockers"]
