"""Reading normalised answers without trusting them blindly.

The engines take ``Mapping[str, object]`` of normalised answers (yes/no as ``"yes"``/``"no"``,
multi choice as a list of choice ids). A caller that skipped normalisation (``True`` for yes, a
single string for a one-item list) still gets the meaning it intended; anything else reads as
"not answered", never as a crash.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

Answers = Mapping[str, object]


def visible_only(answers: Answers, visible: Collection[str] | None) -> dict[str, object]:
    """Drop the answers to hidden questions: they are ignored, never scored (FORMAT.md)."""
    if visible is None:
        return {key: value for key, value in answers.items() if value is not None}
    return {key: value for key, value in answers.items() if key in visible and value is not None}


def yes(answers: Answers, question: str) -> bool:
    value = answers.get(question)
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() == "yes"


def no(answers: Answers, question: str) -> bool:
    value = answers.get(question)
    if isinstance(value, bool):
        return not value
    return isinstance(value, str) and value.strip().lower() == "no"


def choice(answers: Answers, question: str) -> str | None:
    """A single choice id; YAML booleans read as yes/no (the form engine normalises them so)."""
    value = answers.get(question)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def choices(answers: Answers, question: str) -> tuple[str, ...]:
    """The selected choice ids of a multi choice, ``none`` and duplicates dropped, order kept."""
    value = answers.get(question)
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return ()
    seen: dict[str, None] = {}
    for item in items:
        if isinstance(item, str) and item.strip() and item.strip() != "none":
            seen.setdefault(item.strip(), None)
    return tuple(seen)


def answered(answers: Answers, question: str) -> bool:
    value = answers.get(question)
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple):
        return bool(value)
    return True


def pick(answers: Answers, *questions: str) -> dict[str, object]:
    """The answers a reason rests on (only those given), in the order named.

    Multi-choice lists are sorted so that a result never depends on the order answers came in.
    """
    return {
        question: canonical(answers[question])
        for question in questions
        if answered(answers, question)
    }


def canonical(value: object) -> object:
    """An answer as reasons show it: multi-choice lists sorted, everything else as given."""
    return sorted(value, key=str) if isinstance(value, list | tuple) else value
