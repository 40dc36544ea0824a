"""`dpia-desk score` and `dpia-desk bias-audit`: the public command-line contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tests.scoring.helpers import ai_act_answers

from dpia_desk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def high_risk_answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    answers = ai_act_answers(
        employment_uses=["recruitment_filtering_applications"],
        profiling="yes",
        used_on_workers="yes",
    )
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    return path


def test_score_json(capsys: pytest.CaptureFixture[str], high_risk_answers: Path) -> None:
    code, out, err = run(
        capsys, "score", "--form", "ai_act_screening", "--answers", str(high_risk_answers), "--json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert {"form", "form_version", "complete", "missing"} <= set(document)
    assert document["form"] == "ai_act_screening"
    assert document["complete"] is True and document["missing"] == []
    assert document["tier"] == "high"
    assert document["role"] == "deployer"
    by_id = {item["id"]: item for item in document["obligations"]}
    assert by_id["art26_7_inform_workers_and_reps"]["applies_from"] == "2027-12-02"
    assert by_id["art26_7_inform_workers_and_reps"]["refs"] == ["ai_act:art26.7"]
    assert all(set(r) == {"text", "refs", "answers"} for r in document["reasons"])


def test_score_human_summary(capsys: pytest.CaptureFixture[str], high_risk_answers: Path) -> None:
    code, out, _ = run(
        capsys, "score", "--form", "ai_act_screening", "--answers", str(high_risk_answers)
    )
    assert code == 0
    assert "Tier: high" in out
    assert "Our obligations:" in out and "from 2027-12-02" in out
    assert "Why:" in out and "Sources: AI Act, Art. 6(3)" in out
    assert "Answers: profiling = yes" in out


def test_score_reads_json_answers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    answers = {c: "no" for c in ("c1_evaluation_scoring", "c2_automated_decision_legal_effect")}
    answers["c7_vulnerable_subjects"] = "yes"
    path.write_text(json.dumps(answers), encoding="utf-8")
    code, out, _ = run(
        capsys, "score", "--form", "dpia_screening", "--answers", str(path), "--json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["verdict"] == "consider"
    assert document["criteria_met"] == ["c7_vulnerable_subjects"]
    assert document["complete"] is False and document["missing"]


def test_hidden_answers_are_ignored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    answers = ai_act_answers(is_ai_system="no", prohibited_practices=["social_scoring"])
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    code, out, _ = run(
        capsys, "score", "--form", "ai_act_screening", "--answers", str(path), "--json"
    )
    assert code == 0
    assert json.loads(out)["tier"] == "out_of_scope"


def test_invalid_answers_exit_1_with_the_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("is_ai_system: perhaps\nno_such_question: yes\n", encoding="utf-8")
    code, out, err = run(capsys, "score", "--form", "ai_act_screening", "--answers", str(path))
    assert (code, out) == (1, "")
    assert err.startswith("dpia-desk: error: 2 invalid answers for form 'ai_act_screening'")
    assert "is_ai_system" in err and "no_such_question: no such question" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_form_and_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "score", "--form", "nope", "--answers", str(path))
    assert code == 1 and "no form with id 'nope'" in err
    code, _, err = run(
        capsys, "score", "--form", "dpia_screening", "--answers", str(tmp_path / "missing.yaml")
    )
    assert code == 1 and "cannot read the answers file" in err


def test_score_needs_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["score", "--form", "dpia_screening"])
    assert caught.value.code == 2


CSV = """sex,race_ethnicity,applicants,selected
Male,White,100,50
Female,White,80,32
Male,Asian,40,20
Female,Asian,30,9
male,hispanic,4,1
"""


def test_bias_audit_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, err = run(capsys, "bias-audit", "--data", str(path), "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["kind"] == "selection"
    female = next(g for g in document["groups"]["sex"] if g["category"] == "female")
    # female 41 / 110 against male 71 / 144
    assert female["impact_ratio"] == pytest.approx((41 / 110) / (71 / 144), abs=1e-4)
    assert document["reasons"]


def test_bias_audit_exclude_small_and_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, _ = run(capsys, "bias-audit", "--data", str(path), "--exclude-small")
    assert code == 0
    assert "Hispanic or Latino" in out and "excluded" in out
    assert "< 2% of data" in out
    assert "Why:" in out


def test_bias_audit_bad_rows_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "sex,race_ethnicity,applicants,selected\nmale,white,1,2\nx,white,1,0\n", "utf-8"
    )
    code, out, err = run(capsys, "bias-audit", "--data", str(path))
    assert (code, out) == (1, "")
    assert "bad.csv: 2 bad rows: line 2:" in err and "line 3:" in err
    assert len(err.strip().splitlines()) == 1
