"""What goes wrong with a form or an answer set, told so that a form author can fix it.

A form problem names the file, the line and column, the path inside the document and the reason,
in the one-line shape compilers use (``file:line:column: path: reason``), so editors can jump to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dpia_desk.errors import DpiaDeskError

#: A position inside a YAML/JSON document: mapping keys and list indexes from the root.
DocPath = tuple[str | int, ...]

_IDENTIFIER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def format_doc_path(path: DocPath) -> str:
    """``("sections", 1, "questions", 3, "show_if")`` -> ``sections[1].questions[3].show_if``.

    List items count from 0. Mapping keys that are not plain names are quoted.
    """
    parts: list[str] = []
    for element in path:
        if isinstance(element, int):
            parts.append(f"[{element}]")
        elif element and set(element) <= _IDENTIFIER_CHARS:
            parts.append(f".{element}" if parts else element)
        else:
            parts.append(f"[{element!r}]")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class FormProblem:
    """One thing wrong with a form, at one place."""

    file: str
    line: int | None  # 1-based; None when the source has no positions (a frozen JSON copy)
    column: int | None
    path: DocPath
    reason: str

    @property
    def path_text(self) -> str:
        return format_doc_path(self.path)

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        if self.path:
            return f"{where}: {self.path_text}: {self.reason}"
        return f"{where}: {self.reason}"

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path_text,
            "reason": self.reason,
            "message": self.format(),
        }


class FormLoadError(DpiaDeskError):
    """A form could not be loaded; it is rejected whole.

    ``file``, ``line``, ``column``, ``path`` and ``reason`` describe the first problem (in document
    order); ``problems`` holds every problem found.
    """

    def __init__(self, problems: Sequence[FormProblem]) -> None:
        if not problems:
            raise ValueError("a FormLoadError needs at least one problem")
        ordered = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        first = ordered[0]
        message = first.format()
        if len(ordered) > 1:
            more = len(ordered) - 1
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        super().__init__(message, hint="Run `dpia-desk forms validate FILE` to see every problem.")
        self.problems: tuple[FormProblem, ...] = tuple(ordered)
        self.file = first.file
        self.line = first.line
        self.column = first.column
        self.path = first.path
        self.reason = first.reason

    def __str__(self) -> str:
        # The hint is only useful when some problems are not shown.
        if len(self.problems) > 1 and self.hint:
            return f"{self.message}. {self.hint}"
        return self.message

    def lines(self) -> list[str]:
        return [problem.format() for problem in self.problems]


@dataclass(frozen=True, slots=True)
class AnswerProblem:
    """An answer that does not fit its question (or names no question of the form)."""

    question_id: str
    reason: str

    def format(self) -> str:
        return f"{self.question_id}: {self.reason}"


class AnswerValidationError(DpiaDeskError):
    """An answer set with at least one invalid answer; ``problems`` lists each one."""

    def __init__(self, form_id: str, problems: Sequence[AnswerProblem]) -> None:
        if not problems:
            raise ValueError("an AnswerValidationError needs at least one problem")
        listed = "; ".join(problem.format() for problem in problems)
        count = len(problems)
        super().__init__(
            f"{count} invalid answer{'s' if count > 1 else ''} for form '{form_id}': {listed}",
            hint="Fix the answers named above; `dpia-desk forms list` shows the forms.",
        )
        self.form_id = form_id
        self.problems: tuple[AnswerProblem, ...] = tuple(problems)


class AnswersFileError(DpiaDeskError):
    """An answers file that cannot be read as a mapping of question ids to values."""

    def __init__(self, message: str) -> None:
        super().__init__(
            message, hint="An answers file maps question ids to values, e.g. `is_ai_system: yes`."
        )


class UnknownFormError(DpiaDeskError):
    """A form id that no loaded form has."""

    def __init__(self, form_id: str, known: Sequence[str]) -> None:
        hint = (
            f"Known forms: {', '.join(sorted(known))}."
            if known
            else "No valid form is loaded; run `dpia-desk forms validate`."
        )
        super().__init__(f"no form with id '{form_id}'", hint=hint)
        self.form_id = form_id
