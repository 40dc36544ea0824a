"""The rules data in forms/rules: complete, sourced, validated at load with clear errors."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from dpia_desk.errors import DpiaDeskError
from dpia_desk.scoring import describe_ref, load_rules
from dpia_desk.scoring.contract import OBLIGATION_IDS
from dpia_desk.scoring.rules import default_rules_dir


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert set(rules.ai_act.obligations) == set(OBLIGATION_IDS)


def test_every_date_has_a_source_a_confidence_and_a_note() -> None:
    for key, entry in load_rules().ai_act.dates.items():
        assert entry.source.strip(), key
        assert entry.note.strip(), key
        assert entry.confidence in ("high", "medium", "low")


def test_application_dates_of_the_amended_act() -> None:
    dates = {key: entry.date for key, entry in load_rules().ai_act.dates.items()}
    assert dates["prohibitions"] == dt.date(2025, 2, 2)
    assert dates["ai_literacy"] == dt.date(2025, 2, 2)
    assert dates["gpai"] == dt.date(2025, 8, 2)
    assert dates["transparency"] == dt.date(2026, 8, 2)
    assert dates["high_risk_annex_iii"] == dt.date(2027, 12, 2)
    assert dates["high_risk_annex_i"] == dt.date(2028, 8, 2)


def test_every_obligation_cites_the_act() -> None:
    for obligation_id, obligation in load_rules().ai_act.obligations.items():
        assert any(ref.startswith("ai_act:") for ref in obligation.refs), obligation_id


def test_cnil_matrix_is_monotonic() -> None:
    rules = load_rules().dpia
    rank = {level: rules.levels[level].rank for level in rules.levels}
    for severity in (1, 2, 3, 4):
        row = [rank[level] for level in rules.matrix[severity]]
        assert row == sorted(row)
        if severity > 1:
            above = [rank[level] for level in rules.matrix[severity - 1]]
            assert all(a <= b for a, b in zip(above, row, strict=True))


@pytest.mark.parametrize(
    ("ref", "text"),
    [
        ("ai_act:art5.1.f", "AI Act, Art. 5(1)(f)"),
        ("ai_act:annex3.4.a", "AI Act, Annex III, point 4(a)"),
        ("ai_act:recital.44", "AI Act, Recital 44"),
        ("gdpr:art35.7.a", "GDPR, Art. 35(7)(a)"),
        ("wp248:criterion.7", "WP248, Criterion 7"),
        ("nyc_dcwp:5-301.d", "DCWP rules 6 RCNY § 5-301(d) (categories under 2% may be excluded)"),
        ("unknown:thing", "unknown:thing"),
    ],
)
def test_describe_ref(ref: str, text: str) -> None:
    assert describe_ref(ref) == text


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def _break(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "ai_act.yaml",
            "  art86_explanation:\n",
            "  art86_explained:\n",
            "missing art86_explanation",
        ),
        (
            "ai_act.yaml",
            "{default: explanation_right}",
            "{default: nowhere}",
            "unknown date 'nowhere'",
        ),
        ("ai_act.yaml", "    confidence: low\n", "    confidence: sure\n", "confidence"),
        ("ai_act.yaml", "    date: 2027-12-02\n", "    date: someday\n", "date"),
        (
            "dpia.yaml",
            "  4: [moderate, moderate, high, high]",
            "  4: [moderate, moderate, high, extreme]",
            "unknown level 'extreme'",
        ),
        ("vendor.yaml", "{grade: E, min: 0}", "{grade: E, min: 10}", "grade E must start at 0"),
        (
            "ll144.yaml",
            "small_category_share: 0.02",
            "small_category_share: 2",
            "small_category_share",
        ),
        ("references.yaml", "  wp248:\n", "  wp_248:\n", "unknown source 'wp248'"),
        ("ai_act.yaml", "schema_version: 1", "schema_version: 1\n  bad: [", "invalid YAML"),
    ],
)
def test_broken_rules_are_rejected_with_file_and_reason(
    rules_copy: Path, name: str, old: str, new: str, message: str
) -> None:
    _break(rules_copy, name, old, new)
    with pytest.raises(DpiaDeskError, match="rules") as caught:
        load_rules(rules_copy)
    text = str(caught.value)
    assert message in text
    assert str(rules_copy) in text


def test_missing_rules_file(rules_copy: Path) -> None:
    (rules_copy / "ll144.yaml").unlink()
    with pytest.raises(DpiaDeskError, match=r"ll144\.yaml: cannot read the scoring rules"):
        load_rules(rules_copy)
