"""Every golden answer set with an ``expect.score`` gets that subset of the scoring result.

Goldens live in tests/golden/<form>/*.yaml and are written with the forms; ``expect.score`` holds
a subset of ``ScoreResult.to_json()`` (e.g. ``{tier: high}``, ``{verdict: consider,
criteria_met: [...]}``, ``{tier: 1}``, ``{grade: B}``). A nested mapping is compared as a subset
too; any other value must be equal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dpia_desk.questionnaire import load_library
from dpia_desk.scoring import score_form
from tests.scoring.helpers import golden_files, read_golden

_WITH_SCORE = [
    path for path in golden_files() if "score" in (read_golden(path).get("expect") or {})
]


def subset_mismatches(expected: Any, actual: Any, where: str = "score") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{where}.{key}: not in the result")
            else:
                problems += subset_mismatches(value, actual[key], f"{where}.{key}")
        return problems
    if expected != actual:
        return [f"{where}: expected {expected!r}, got {actual!r}"]
    return []


def test_goldens_with_scores_exist() -> None:
    forms = {read_golden(path)["form"] for path in _WITH_SCORE}
    assert {"ai_act_screening", "dpia_screening"} <= forms


@pytest.mark.parametrize("path", _WITH_SCORE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_score(path: Path) -> None:
    golden = read_golden(path)
    form = load_library().get(golden["form"])
    document = score_form(form, golden.get("answers") or {}, strict=False).to_json()
    problems = subset_mismatches(golden["expect"]["score"], document)
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_subset_comparison_catches_disagreement() -> None:
    assert subset_mismatches({"tier": "high"}, {"tier": "limited"}) == [
        "score.tier: expected 'high', got 'limited'"
    ]
    assert subset_mismatches({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}}) == []
    assert subset_mismatches({"x": 1}, {}) == ["score.x: not in the result"]
