"""The assessment, review and risk windows' own style rules (segmented answers, chips, question
cards), on top of the application style sheet and with the same theme colours (themes.toml)."""

from __future__ import annotations

from string import Template

from PySide6.QtWidgets import QWidget

from dpia_desk.ui.theme import current_theme

_RULES = Template(
    """
QFrame[role="question"] {
    background: ${base};
    border: 1px solid ${border};
    border-radius: 8px;
}
QFrame[role="question"][dropping="true"] {
    border: 2px dashed ${accent};
    background: ${info_bg};
}
QFrame[role="question"][flash="true"] {
    border: 2px solid ${accent};
}
QFrame[role="question"] QLabel[role="question_text"] {
    font-weight: 600;
}
QLabel[role="required"] {
    color: ${error};
    font-weight: 600;
}
QLabel[role="chip"] {
    background: ${alternate_base};
    color: ${muted};
    border: 1px solid ${border};
    border-radius: 9px;
    padding: 1px 8px;
}
QLabel[role="finding"] {
    color: ${error};
}
QLabel[role="help"] {
    background: ${info_bg};
    border-radius: 6px;
    padding: 8px 10px;
}
QLabel[role="rating"] {
    border-radius: 6px;
    padding: 8px 10px;
    background: ${warning_bg};
    border: 1px solid ${border};
}
QRadioButton[segment] {
    padding: 4px 12px;
    border: 1px solid ${border_strong};
    background: ${base};
    margin-right: -1px;
}
QRadioButton[segment] {
    spacing: 0px;
}
QRadioButton[segment]::indicator {
    width: 0px;
    height: 0px;
    image: none;
    border: none;
    margin: 0px;
    padding: 0px;
}
QRadioButton[segment="first"] {
    border-top-left-radius: 4px;
    border-bottom-left-radius: 4px;
}
QRadioButton[segment="last"], QRadioButton[segment="only"] {
    border-top-right-radius: 4px;
    border-bottom-right-radius: 4px;
}
QRadioButton[segment]:checked {
    background: ${accent};
    color: ${accent_text};
    border-color: ${accent};
}
QRadioButton[segment]:hover {
    border-color: ${accent};
}
QRadioButton[segment]:focus {
    border: 2px solid ${accent};
    padding: 3px 11px;
}
QRadioButton[segment]:disabled {
    color: ${muted};
    background: ${alternate_base};
}
QRadioButton[segment]:checked:disabled {
    background: ${border_strong};
    color: ${text};
}
QToolButton[role="link"] {
    border: none;
    color: ${link};
    padding: 2px 4px;
}
QToolButton[role="link"]:hover, QToolButton[role="link"]:focus {
    text-decoration: underline;
}
QToolButton[role="help"] {
    border: 1px solid ${border_strong};
    border-radius: 11px;
    min-width: 20px;
    min-height: 20px;
    font-weight: 600;
}
QToolButton[role="help"]:checked {
    background: ${accent};
    color: ${accent_text};
    border-color: ${accent};
}
QToolButton[role="help"]:focus {
    border: 2px solid ${accent};
}
QFrame[role="attachment"] {
    border: 1px solid ${border};
    border-radius: 9px;
    background: ${alternate_base};
}
QFrame[role="step"] {
    background: ${base};
    border: 1px solid ${border};
    border-radius: 8px;
}
QFrame[role="step"][next="true"] {
    border: 2px solid ${accent};
}
QLabel[role="badge"] {
    border-radius: 9px;
    padding: 2px 10px;
    font-weight: 600;
}
QScrollArea[role="page"] {
    border: none;
    background: ${window};
}
QWidget[role="page_body"] {
    background: ${window};
}
"""
)


def window_style() -> str:
    return _RULES.substitute(current_theme().colors)


def apply_window_style(widget: QWidget) -> None:
    widget.setStyleSheet(window_style())


def badge_style(background: str, foreground: str, border: str | None = None) -> str:
    edge = f"border: 1px solid {border};" if border else "border: none;"
    return f"background: {background}; color: {foreground}; {edge}"
