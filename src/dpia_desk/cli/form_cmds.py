"""CLI commands: ``dpia-desk forms list | validate | diff`` (no workspace needed).

Problems with forms are printed compiler-style, one per line on stderr
(``forms/x.yaml:42:7: sections[1].questions[3].show_if.question: unknown question 'q'``), so that
editors and CI logs can link to them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dpia_desk.cli.common import add_command, add_json_option, emit_json
from dpia_desk.errors import DpiaDeskError

# The form engine (pydantic, YAML) is imported by the handlers only: every other command, and the
# GUI's start, would otherwise pay for it.
if TYPE_CHECKING:
    from dpia_desk.questionnaire import Form, FormLibrary, FormLoadError, LibraryEntry


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    forms = add_command(subparsers, "forms", "list, validate and compare questionnaire forms")
    commands = forms.add_subparsers(dest="forms_command", metavar="SUBCOMMAND", required=True)

    listing = add_command(commands, "list", "List the built-in and user forms.")
    add_json_option(listing)
    listing.set_defaults(func=run_list)

    validate = add_command(
        commands,
        "validate",
        "Check forms and print each problem as file:line:column (exit 1 if any form is invalid).",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="form files or folders of forms (default: the whole library)",
    )
    add_json_option(validate)
    validate.set_defaults(func=run_validate)

    diff = add_command(
        commands, "diff", "Show the questions added, removed or changed between two forms."
    )
    diff.add_argument("old", metavar="OLD", help="a form file, or the id of a library form")
    diff.add_argument("new", metavar="NEW", help="a form file, or the id of a library form")
    add_json_option(diff)
    diff.set_defaults(func=run_diff)


def run_list(args: argparse.Namespace) -> int:
    from dpia_desk.questionnaire import load_library
    from dpia_desk.questionnaire.loader import display_name

    library = load_library()
    if args.json:
        emit_json(
            {
                "forms": [_entry_json(entry) for entry in library.entries],
                "errors": _errors_json(library),
            }
        )
        return 0
    rows = [
        (
            entry.form.id,
            entry.form.version,
            entry.form.status,
            str(len(entry.form.questions)),
            entry.origin,
            display_name(entry.path),
            entry.form.title,
        )
        for entry in library.entries
    ]
    header = ("ID", "VERSION", "STATUS", "QUESTIONS", "ORIGIN", "FILE", "TITLE")
    if rows:
        widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
        for row in (header, *rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            print("  ".join([*cells, row[-1]]))
    else:
        print("no valid forms found")
    if library.errors:
        count = len(library.errors)
        print(
            f"dpia-desk: warning: {count} form file{'s' if count > 1 else ''} left out "
            "(invalid or duplicate id):",
            file=sys.stderr,
        )
        for error in library.errors:
            for line in error.lines():
                print(line, file=sys.stderr)
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from dpia_desk.questionnaire import FormLoadError, load_form, load_library
    from dpia_desk.questionnaire.loader import display_name

    paths: list[Path] = args.paths
    valid: list[tuple[str, Form]] = []
    problems: list[FormLoadError] = []
    if not paths:
        library = load_library()
        valid = [(display_name(entry.path), entry.form) for entry in library.entries]
        problems = [error.error for error in library.errors]
    else:
        for path in _expand(paths):
            try:
                valid.append((display_name(path), load_form(path)))
            except FormLoadError as load_error:
                problems.append(load_error)
    if args.json:
        emit_json(
            {
                "valid": not problems,
                "forms": [
                    {"file": name, "id": form.id, "version": form.version} for name, form in valid
                ],
                "errors": [item.to_json() for failed in problems for item in failed.problems],
            }
        )
        return 1 if problems else 0
    for name, form in valid:
        print(f"ok      {name} ({form.id} {form.version}, {len(form.questions)} questions)")
    for failed in problems:
        for line in failed.lines():
            print(line, file=sys.stderr)
    total = len(valid) + len(problems)
    if problems:
        print(
            f"dpia-desk: {len(problems)} of {total} form file{'s' if total > 1 else ''} invalid",
            file=sys.stderr,
        )
        return 1
    print(f"OK: {total} form file{'s' if total != 1 else ''} valid")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from dpia_desk.questionnaire import diff_forms

    library: list[FormLibrary] = []  # loaded only when an id is given
    old = _resolve_form(args.old, library)
    new = _resolve_form(args.new, library)
    difference = diff_forms(old, new)
    if args.json:
        emit_json(difference.to_json())
    else:
        for line in difference.lines():
            print(line)
    return 0


def _resolve_form(spec: str, cache: list[FormLibrary]) -> Form:
    from dpia_desk.questionnaire import load_form, load_library

    path = Path(spec)
    if path.exists() or spec.endswith((".yaml", ".yml", ".json")) or "/" in spec:
        if not path.is_file():
            raise DpiaDeskError(f"no such form file: {spec}")
        return load_form(path)
    if not cache:
        cache.append(load_library())
    return cache[0].get(spec)


def _expand(paths: list[Path]) -> list[Path]:
    from dpia_desk.questionnaire.library import form_files

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = form_files(path)
            if not found:
                raise DpiaDeskError(f"no *.yaml form files in {path}")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise DpiaDeskError(f"no such file or folder: {path}")
    return files


def _entry_json(entry: LibraryEntry) -> dict[str, object]:
    from dpia_desk.questionnaire.loader import display_name

    data = entry.to_json()
    data["source_file"] = display_name(entry.path)
    return data


def _errors_json(library: FormLibrary) -> list[dict[str, object]]:
    return [
        {"origin": error.origin, **problem.to_json()}
        for error in library.errors
        for problem in error.problems
    ]
