"""The dependency rule of DESIGN section 3, checked on every import statement (lazy ones too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "dpia_desk"

FORBIDDEN = {
    "questionnaire": ("PySide6", "shiboken6", "sqlalchemy", "sqlcipher3", "alembic"),
    "scoring": ("PySide6", "shiboken6", "sqlalchemy", "sqlcipher3", "alembic"),
    "store": ("PySide6", "shiboken6", "dpia_desk.ui"),
    "reports": ("PySide6", "shiboken6", "dpia_desk.ui"),
    "services": ("PySide6", "shiboken6", "dpia_desk.ui"),
    "exchange": ("PySide6", "shiboken6", "dpia_desk.ui"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_keeps_its_layer(package: str) -> None:
    files = sorted((SRC / package).rglob("*.py"))
    assert files, f"no sources found for dpia_desk.{package}"
    violations = [
        f"{path.relative_to(SRC)}:{line}: imports {name}"
        for path in files
        for line, name in imported_modules(path)
        if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[package])
    ]
    assert violations == []


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert imported_modules(bad) == [(2, "PySide6")]
