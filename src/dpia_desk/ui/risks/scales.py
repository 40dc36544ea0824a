"""The CNIL scales and risk matrix as the risk widgets show them (data from forms/rules/dpia.yaml).

The labels are data, passed through ``QCoreApplication.translate("Cnil", ...)`` so a catalogue can
translate them like any other string.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from dpia_desk.scoring import load_rules

LEVELS = (1, 2, 3, 4)
#: The badge colours (themes.toml) of each risk level: the same scale as the AI Act tiers.
LEVEL_BADGE = {"low": "tier:minimal", "moderate": "tier:limited", "high": "tier:high"}


def _t(text: str) -> str:
    return QCoreApplication.translate("Cnil", text)


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str
    text: str


def scale(name: str) -> list[ScalePoint]:
    """``severity`` or ``likelihood``: the four CNIL points with label and meaning."""
    levels = load_rules().dpia.scales[name].levels  # type: ignore[index]
    return [ScalePoint(value, _t(levels[value].label), _t(levels[value].text)) for value in LEVELS]


def level_of(severity: int, likelihood: int) -> str:
    return str(load_rules().dpia.matrix[severity][likelihood - 1])


def level_label(level: str) -> str:
    rule = load_rules().dpia.levels.get(level)
    return _t(rule.label) if rule is not None else level.capitalize()


def level_advice(level: str) -> str:
    rule = load_rules().dpia.levels.get(level)
    return _t(rule.text) if rule is not None else ""


def point_label(name: str, value: int | None) -> str:
    if value is None:
        return ""
    return next((p.label for p in scale(name) if p.value == value), str(value))
