"""Answer sets from files: a YAML or JSON mapping of question ids to values.

Read with the same guarded reader as forms (size limit, no aliases, YAML 1.2 booleans, so
``yes``/``no`` stay text), and every problem names the file and line.
"""

from __future__ import annotations

import json
from pathlib import Path

from dpia_desk.questionnaire.errors import AnswersFileError, FormLoadError
from dpia_desk.questionnaire.fields import describe_value
from dpia_desk.questionnaire.loader import display_name
from dpia_desk.questionnaire.yaml_source import parse_yaml


def load_answers_file(path: Path | str) -> dict[str, object]:
    """The answers in ``path`` (``.json`` read as JSON, anything else as YAML)."""
    file = Path(path)
    name = display_name(file)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise AnswersFileError(f"{name}: cannot read the answers file ({error.strerror})") from None
    if file.suffix.lower() == ".json":
        try:
            value = json.loads(data)
        except ValueError as error:
            raise AnswersFileError(f"{name}: not valid JSON ({error})") from None
        return _as_answers(value, name)
    return load_answers_text(data, name)


def load_answers_text(text: str | bytes, source_name: str) -> dict[str, object]:
    """The answers in YAML (or JSON) text; an empty document is an empty answer set."""
    try:
        document = parse_yaml(text, source_name)
    except FormLoadError as error:
        raise AnswersFileError(error.message) from None
    return _as_answers(document.value, source_name)


def _as_answers(value: object, name: str) -> dict[str, object]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise AnswersFileError(
            f"{name}: an answers file is a mapping of question ids to answers, "
            f"not {describe_value(value)}"
        )
    return {str(key): item for key, item in value.items()}
