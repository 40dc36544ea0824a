"""The form library: every valid form of the built-in folder and the user forms folder.

Only ``*.yaml`` files directly in each folder are forms (``forms/rules/`` holds scoring rules, not
forms). An invalid form is left out whole and its problems are listed in ``errors``; the valid
ones load regardless. Form ids are unique across the library: the first folder wins (built-in
before user), and a later file with the same id is reported, never silently shadowing it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dpia_desk import paths
from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire.errors import FormLoadError, FormProblem, UnknownFormError
from dpia_desk.questionnaire.loader import display_name, load_form
from dpia_desk.questionnaire.model import Form
from dpia_desk.questionnaire.yaml_source import parse_yaml

FormOrigin = Literal["builtin", "user"]


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    form: Form
    path: Path
    origin: FormOrigin

    def to_json(self) -> dict[str, object]:
        form = self.form
        return {
            "id": form.id,
            "version": form.version,
            "status": form.status,
            "title": form.title,
            "source_file": str(self.path),
            "origin": self.origin,
            "scoring": form.scoring,
            "applies_to": form.applies_to,
            "section_count": len(form.sections),
            "question_count": len(form.questions),
        }


@dataclass(frozen=True, slots=True)
class LibraryError:
    """A file left out of the library, with every problem found in it."""

    path: Path
    origin: FormOrigin
    error: FormLoadError

    @property
    def problems(self) -> tuple[FormProblem, ...]:
        return self.error.problems

    def lines(self) -> list[str]:
        return self.error.lines()


@dataclass(frozen=True)
class FormLibrary:
    entries: tuple[LibraryEntry, ...]
    errors: tuple[LibraryError, ...]

    @property
    def forms(self) -> dict[str, Form]:
        """Valid forms by id, in library order."""
        return {entry.form.id: entry.form for entry in self.entries}

    def __iter__(self) -> Iterator[Form]:
        return (entry.form for entry in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, form_id: object) -> bool:
        return any(entry.form.id == form_id for entry in self.entries)

    def get(self, form_id: str) -> Form:
        """The form with this id; :class:`UnknownFormError` (a DpiaDeskError) if none."""
        return self.entry(form_id).form

    def entry(self, form_id: str) -> LibraryEntry:
        for entry in self.entries:
            if entry.form.id == form_id:
                return entry
        raise UnknownFormError(form_id, [entry.form.id for entry in self.entries])


def default_form_dirs() -> tuple[Path, ...]:
    """The built-in library, then the user forms folder."""
    try:
        builtin = paths.forms_dir()
    except FileNotFoundError as error:
        raise DpiaDeskError(str(error), hint="Reinstall dpia_desk.") from None
    return (builtin, paths.user_forms_dir())


def form_files(directory: Path) -> list[Path]:
    """The form files of one folder: ``*.yaml`` directly in it, sorted by name."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.glob("*.yaml") if path.is_file())


def load_library(dirs: Sequence[Path] | None = None) -> FormLibrary:
    """Load every form in ``dirs`` (default: built-in then user folder); never raises for a form.

    The first folder is the built-in library unless it is not ``paths.forms_dir()``: origin is
    "builtin" for files under the shipped forms folder, "user" otherwise.
    """
    folders = tuple(dirs) if dirs is not None else default_form_dirs()
    builtin_dir = _shipped_forms_dir()
    entries: list[LibraryEntry] = []
    errors: list[LibraryError] = []
    owner: dict[str, LibraryEntry] = {}
    for folder in folders:
        origin: FormOrigin = (
            "builtin" if builtin_dir is not None and _same(folder, builtin_dir) else "user"
        )
        for path in form_files(folder):
            try:
                form = load_form(path)
            except FormLoadError as error:
                errors.append(LibraryError(path, origin, error))
                continue
            first = owner.get(form.id)
            if first is not None:
                errors.append(LibraryError(path, origin, _duplicate_error(path, form, first)))
                continue
            entry = LibraryEntry(form, path, origin)
            owner[form.id] = entry
            entries.append(entry)
    return FormLibrary(tuple(entries), tuple(errors))


def _duplicate_error(path: Path, form: Form, first: LibraryEntry) -> FormLoadError:
    if first.origin == "builtin":
        reason = (
            f"form id '{form.id}' is already used by the built-in form {first.path}; a "
            "user form cannot replace a built-in one, give it its own id"
        )
    else:
        reason = f"form id '{form.id}' is already used by {first.path}; this file is left out"
    name = display_name(path)
    try:
        line, column = parse_yaml(path.read_bytes(), name).position(("id",))
    except (OSError, FormLoadError):  # it loaded a moment ago; if it changed since, no position
        return FormLoadError([FormProblem(name, None, None, ("id",), reason)])
    return FormLoadError([FormProblem(name, line, column, ("id",), reason)])


def _shipped_forms_dir() -> Path | None:
    try:
        return paths.forms_dir()
    except FileNotFoundError:
        return None


def _same(left: Path, right: Path) -> bool:
    try:
        return left.resolve() == right.resolve()
    except OSError:
        return False
