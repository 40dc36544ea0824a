"""``dpia-desk vendor add | list | show | edit``: output, JSON documents and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from tests.services.test_assessments import HIGH_RISK_CV_FILTER

from dpia_desk import paths
from dpia_desk.cli import main
from dpia_desk.store import KeychainKey, Workspace, migrate
from dpia_desk.store.models import ContractStatus, DpaStatus


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "w.dpia"
    assert main(["--workspace", str(path), "init"]) == 0
    capsys.readouterr()
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_prints_the_id_and_json_adds_the_fields(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--workspace", str(workspace), "vendor", "add", "--name", "Acme")
    assert (code, err) == (0, "")
    vendor_id = out.strip()
    assert len(vendor_id) == 36 and vendor_id.count("-") == 4

    code, out, _ = _run(
        capsys, "vendor", "add", "--workspace", str(workspace), "--name", "  Zoë  GmbH ",
        "--country", "de", "--website", "zoe.example", "--json",
    )  # fmt: skip
    document = json.loads(out)
    assert code == 0
    assert {k: document[k] for k in ("name", "country", "website")} == {
        "name": "Zoë GmbH",
        "country": "DE",
        "website": "https://zoe.example",
    }
    assert document["id"] != vendor_id


def test_list_and_show(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["--workspace", str(workspace)]
    _, acme, _ = _run(capsys, *ws, "vendor", "add", "--name", "Acme", "--country", "FR")
    _run(capsys, *ws, "vendor", "add", "--name", "Beta")
    code, out, _ = _run(capsys, *ws, "vendor", "list")
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()] == ["Acme", "Beta"]
    code, out, _ = _run(capsys, *ws, "vendor", "list", "--json", "--filter", "acm")
    rows = json.loads(out)
    assert [row["name"] for row in rows] == ["Acme"] and rows[0]["id"] == acme.strip()
    code, out, _ = _run(capsys, *ws, "vendor", "show", acme.strip(), "--json")
    shown = json.loads(out)
    assert shown["country"] == "FR" and shown["ai_systems"] == []
    code, out, _ = _run(capsys, *ws, "vendor", "show", acme.strip())
    assert "name: Acme" in out and "country: FR" in out
    assert "provisional: \n" in out and "[" not in out  # lists read as text, not Python


def test_empty_list_says_how_to_add(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--workspace", str(workspace), "vendor", "list")
    assert code == 0 and "vendor add" in out
    code, out, _ = _run(capsys, "--workspace", str(workspace), "vendor", "list", "--json")
    assert json.loads(out) == []


def test_edit(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["--workspace", str(workspace)]
    _, out, _ = _run(capsys, *ws, "vendor", "add", "--name", "Acme", "--website", "acme.example")
    vendor_id = out.strip()
    code, out, err = _run(
        capsys, *ws, "vendor", "edit", vendor_id, "--contract-status", "signed",
        "--website", "", "--next-review-date", "2027-03-01", "--json",
    )  # fmt: skip
    assert code == 0, err
    edited = json.loads(out)
    assert (edited["contract_status"], edited["website"], edited["next_review_date"]) == (
        "signed",
        None,
        "2027-03-01",
    )
    code, _, err = _run(capsys, *ws, "vendor", "edit", vendor_id, "--dpa-status", "lost")
    assert code == 1 and "dpa_status" in err and len(err.splitlines()) == 1
    code, _, err = _run(capsys, *ws, "vendor", "edit", vendor_id, "--next-review-date", "soon")
    assert code == 1 and "YYYY-MM-DD" in err
    code, _, err = _run(capsys, *ws, "vendor", "edit", vendor_id)
    assert code == 1 and "Nothing to change" in err


def test_help_lists_the_allowed_statuses() -> None:
    from dpia_desk.cli import build_parser

    parser = build_parser()
    vendor = parser._subparsers._group_actions[0].choices["vendor"]  # type: ignore[union-attr]
    edit = vendor._subparsers._group_actions[0].choices["edit"]
    edit_help = " ".join(edit.format_help().split())
    assert ", ".join(status.value for status in ContractStatus) in edit_help
    assert ", ".join(status.value for status in DpaStatus) in edit_help


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "Germany"], "country"),
        (["--country", "UK"], "Use GB"),
        (["--website", "ftp://x.example"], "website"),
        (["--website", "javascript:alert(1)"], "website"),
    ],
)
def test_invalid_input_is_one_line_and_exit_1(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _run(
        capsys, "--workspace", str(workspace), "vendor", "add", "--name", "X", *args
    )
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    code, out, _ = _run(capsys, "--workspace", str(workspace), "vendor", "list", "--json")
    assert json.loads(out) == []  # nothing was written


def test_unknown_id(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--workspace", str(workspace), "vendor", "show", "nope")
    assert code == 1 and "No vendor with id nope" in err


@pytest.mark.parametrize(
    "args", [["vendor"], ["vendor", "add"], ["vendor", "add", "--name"], ["vendor", "bogus"]]
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_delete_says_what_goes_and_needs_a_yes(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = ["--workspace", str(workspace)]
    _, out, _ = _run(capsys, *ws, "vendor", "add", "--name", "Gone Ltd")
    vendor_id = out.strip()
    code, _, err = _run(capsys, *ws, "vendor", "delete", vendor_id)
    assert code == 1 and "Erase this vendor" in err and "--yes" in err
    assert len(err.splitlines()) == 1
    code, out, _ = _run(capsys, *ws, "vendor", "delete", vendor_id, "--yes", "--json")
    assert code == 0 and json.loads(out) == {"erased": vendor_id, "counts": {"vendor": 1}}
    code, out, _ = _run(capsys, *ws, "vendor", "list", "--json")
    assert json.loads(out) == []
    code, _, err = _run(capsys, *ws, "vendor", "delete", vendor_id, "--yes")
    assert code == 1 and "No vendor" in err


def test_a_reading_command_upgrades_an_older_workspace_first(
    workspace: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """After an update, ``vendor list`` works at once: the schema is upgraded (after a verified
    backup, as the desktop app does) and stderr says so."""
    ws = ["--workspace", str(workspace)]
    _, vendor_id, _ = _run(capsys, *ws, "vendor", "add", "--name", "Acme")
    # Half an AI Act screening: after the upgrade its tier is marked provisional at once.
    _, assessment, _ = _run(
        capsys, *ws, "assess", "new", "--vendor", vendor_id.strip(), "--form", "ai_act_screening",
        "--json",
    )  # fmt: skip
    answers = tmp_path / "half.json"
    answers.write_text(json.dumps(dict(list(HIGH_RISK_CV_FILTER.items())[:6])), encoding="utf-8")
    code, _out, err = _run(
        capsys, *ws, "assess", "answer", json.loads(assessment)["id"], "--answers", str(answers)
    )
    assert code == 0, err
    previous = migrate.KNOWN_REVISIONS[-2]
    with Workspace.open(workspace, KeychainKey()) as opened, opened.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), previous)
    code, out, err = _run(capsys, *ws, "vendor", "list", "--json")
    assert code == 0, err
    assert f"upgraded {workspace}" in err and migrate.HEAD_REVISION in err
    (row,) = json.loads(out)
    assert row["name"] == "Acme" and row["provisional"] == ["tier"]
    assert list(paths.default_backup_dir().glob(f"*before-schema-{migrate.HEAD_REVISION}.dpia"))
    code, _out, err = _run(capsys, *ws, "vendor", "list")
    assert code == 0 and err == ""  # once only
