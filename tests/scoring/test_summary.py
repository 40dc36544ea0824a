"""The text summaries behind `dpia-desk score` without --json: every engine renders."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia_desk.questionnaire import load_library
from dpia_desk.scoring import score_form
from dpia_desk.scoring.summary import render_score
from tests.scoring.helpers import golden_files, read_golden

_HEADLINE = {
    "ai_act": "Tier: ",
    "dpia_screening": "Verdict: ",
    "dpia": "Prior consultation (Art. 36): ",
    "vendor_intake": "Tier: ",
    "vendor_due_diligence": "Grade: ",
    "fria": "Status: ",
    "ll144": "Local Law 144 applies: ",
}


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_golden_renders_with_headline_and_reasons(path: Path) -> None:
    golden = read_golden(path)
    form = load_library().get(golden["form"])
    document = score_form(form, golden.get("answers") or {}, strict=False).to_json()
    text = render_score(document)
    assert text.startswith(f"{form.id} {form.version} ({form.scoring})")
    assert _HEADLINE[document["engine"]] in text
    assert "\nWhy:\n  1. " in text
    assert "Sources: " in text
    if not document["complete"]:
        assert "incomplete:" in text
