"""Shared test data for the scoring tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dpia_desk.questionnaire.yaml_source import parse_yaml
from dpia_desk.scoring.model import Reason

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

#: A complete, in-scope ai_act_screening answer set with no ground for any duty but Art. 4:
#: a private employer deploying an AI tool that does nothing listed in the Act.
BASE_AI_ACT: dict[str, Any] = {
    "is_ai_system": "yes",
    "scope_exclusion": "none",
    "our_role": "deployer",
    "provider_triggers": ["none"],
    "prohibited_practices": ["none"],
    "emotion_recognition": "no",
    "biometric_categorisation": "none",
    "biometric_identification": "none",
    "annex_i_safety_component": "no",
    "employment_uses": ["none"],
    "other_annex_iii_uses": ["none"],
    "interacts_with_people": "no",
    "generates_synthetic_content": "no",
    "deployer_type": "private_organisation",
    "used_on_workers": "no",
    "decides_about_people": "no",
    "gpai_model_provider": "no",
}


def ai_act_answers(**changes: Any) -> dict[str, Any]:
    answers = dict(BASE_AI_ACT)
    answers.update(changes)
    return answers


def golden_files() -> list[Path]:
    return sorted(GOLDEN.rglob("*.yaml"))


def read_golden(path: Path) -> dict[str, Any]:
    value = parse_yaml(path.read_bytes(), str(path)).value
    assert isinstance(value, dict), f"{path}: a golden file is a mapping"
    return value


def all_reasons(document: object) -> Iterator[dict[str, Any]]:
    """Every reason object in a JSON document, wherever it sits."""
    if isinstance(document, dict):
        reasons = document.get("reasons")
        if isinstance(reasons, list):
            yield from reasons
        for key, value in document.items():
            if key != "reasons":
                yield from all_reasons(value)
    elif isinstance(document, list):
        for item in document:
            yield from all_reasons(item)


def texts(reasons: tuple[Reason, ...]) -> str:
    return "\n".join(reason.text for reason in reasons)
