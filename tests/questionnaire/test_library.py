"""The library: built-in and user forms, invalid ones listed, ids never silently shadowed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dpia_desk import paths
from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import UnknownFormError, load_library
from tests.questionnaire.helpers import BROKEN_DIR, SAMPLE_FORM


def _folder(tmp_path: Path, name: str, *files: Path) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def test_valid_forms_load_invalid_ones_are_listed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "forms", SAMPLE_FORM, BROKEN_DIR / "unknown_type.yaml")
    (folder / "rules").mkdir()
    (folder / "rules" / "thresholds.yaml").write_text("not: a form\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not yaml", encoding="utf-8")
    library = load_library([folder])
    assert list(library.forms) == ["sample_screening"]
    assert [error.path.name for error in library.errors] == ["unknown_type.yaml"]
    assert (
        library.errors[0]
        .lines()[0]
        .endswith(
            "unknown_type.yaml:16:15: sections[0].questions[1].type: unknown question type "
            "'yes_or_no' (expected one of: yes_no, yes_no_partial_na, single_choice, multi_choice, "
            "text, long_text, number, date, scale, evidence)"
        )
    )
    assert library.get("sample_screening").id == "sample_screening"
    assert "sample_screening" in library and len(library) == 1


def test_unknown_form_id_is_a_user_error(tmp_path: Path) -> None:
    library = load_library([_folder(tmp_path, "forms", SAMPLE_FORM)])
    with pytest.raises(UnknownFormError) as caught:
        library.get("dpia")
    assert isinstance(caught.value, DpiaDeskError)
    assert str(caught.value) == "no form with id 'dpia'. Known forms: sample_screening."


def test_a_user_form_cannot_shadow_a_built_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin = _folder(tmp_path, "builtin", SAMPLE_FORM)
    user = _folder(tmp_path, "user")
    text = SAMPLE_FORM.read_text(encoding="utf-8").replace(
        "title: Sample screening", "title: Our own screening"
    )
    (user / "ours.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "forms_dir", lambda: builtin)
    library = load_library([builtin, user])
    assert library.get("sample_screening").title == "Sample screening"
    assert [entry.origin for entry in library.entries] == ["builtin"]
    (error,) = library.errors
    assert error.origin == "user"
    assert error.lines() == [
        f"{user / 'ours.yaml'}:3:5: id: form id 'sample_screening' is already used by the "
        f"built-in form {builtin / 'sample_screening.yaml'}; a user form cannot replace a "
        "built-in one, give it its own id"
    ]


def test_duplicate_ids_among_user_forms(tmp_path: Path) -> None:
    user = _folder(tmp_path, "user", SAMPLE_FORM)
    shutil.copy(SAMPLE_FORM, user / "zz_copy.yaml")
    library = load_library([user])
    assert [entry.path.name for entry in library.entries] == ["sample_screening.yaml"]
    assert "is already used by" in library.errors[0].lines()[0]


def test_default_folders_are_the_shipped_library_and_the_user_folder() -> None:
    user = paths.user_forms_dir()  # inside the test's DPIA_DESK_HOME
    user.mkdir(parents=True)
    text = SAMPLE_FORM.read_text(encoding="utf-8").replace(
        "id: sample_screening", "id: our_screening"
    )
    (user / "our_screening.yaml").write_text(text, encoding="utf-8")
    library = load_library()
    entry = library.entry("our_screening")
    assert entry.origin == "user"
    builtin = [e for e in library.entries if e.origin == "builtin"]
    assert all(e.path.parent == paths.forms_dir() for e in builtin)


def test_missing_user_folder_is_fine(tmp_path: Path) -> None:
    library = load_library([tmp_path / "absent"])
    assert library.entries == () and library.errors == ()
