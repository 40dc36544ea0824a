"""Reading exports back, and building reports with hostile text in every free-text field."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dpia_desk.reports.model import (
    AnswerEntry,
    DpiaReport,
    VendorScorecard,
)
from dpia_desk.reports.text import clean_text

#: String fields that hold codes (ids, enum values, hashes), not free text.
CODE_FIELDS = frozenset(
    {
        "assessment_id",
        "form_id",
        "form_version",
        "status",
        "version",
        "question_id",
        "section_id",
        "criterion_id",
        "domain_id",
        "risk_id",
        "sha256",
        "tier",
        "role",
        "verdict",
        "inherent_level",
        "residual_level",
        "decision",
        "severity",
        "inherent_tier",
        "ai_act_tier",
        "dpia_verdict",
        "dpa_status",
        "contract_status",
        "grade",
        "classification",
        "keywords",
        "refs",
        "risk_scale",
    }
)


def squash(text: str) -> str:
    """Text without any whitespace: layout engines may break lines anywhere."""
    return "".join(text.split())


def replace_strings(value: Any, make: Callable[[str, str], str], *, codes: bool = False) -> Any:
    """A copy of ``value`` (nested frozen dataclasses) with every free-text string replaced.

    ``make(field_name, old_value)`` gives the new text; code fields are kept unless ``codes``.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            if not codes and field.name in CODE_FIELDS:
                continue
            if isinstance(old, str):
                changes[field.name] = make(field.name, old)
            elif isinstance(old, tuple | list) or dataclasses.is_dataclass(old):
                changes[field.name] = replace_strings(old, make, codes=codes)
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(
            make("item", item)
            if isinstance(item, str)
            else replace_strings(item, make, codes=codes)
            for item in value
        )
    return value


def hostile_report(report: DpiaReport, text: str) -> DpiaReport:
    """``report`` with ``text`` (tagged by field) in every free-text field."""
    counter = iter(range(1_000_000))
    return replace_strings(report, lambda name, old: f"F{next(counter)}:{text}")  # type: ignore[no-any-return]


def with_huge_answer(report: DpiaReport, huge: str) -> DpiaReport:
    first = report.answer_sections[0]
    entry: AnswerEntry = dataclasses.replace(first.answers[0], answer=huge)
    section = dataclasses.replace(first, answers=(entry, *first.answers[1:]))
    return dataclasses.replace(report, answer_sections=(section, *report.answer_sections[1:]))


def hostile_card(card: VendorScorecard, text: str) -> VendorScorecard:
    return replace_strings(card, lambda name, old: f"{old} {text}")  # type: ignore[no-any-return]


#: Fields the DPIA document does not repeat: the scorecard's copy of what the cover already says.
DPIA_REPEATS = frozenset(
    {"VendorScorecard.vendor_name", "VendorScorecard.system_name", "VendorScorecard.country"}
)


def free_texts(value: Any, skip: frozenset[str] = DPIA_REPEATS) -> list[str]:
    """Every free-text string in a report (what must come back from an export)."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            for field in dataclasses.fields(item):
                if field.name in CODE_FIELDS or f"{type(item).__name__}.{field.name}" in skip:
                    continue
                child = getattr(item, field.name)
                if isinstance(child, str):
                    found.append(child)
                else:
                    walk(child)
        elif isinstance(item, tuple):
            for child in item:
                if isinstance(child, str):
                    found.append(child)
                else:
                    walk(child)

    walk(value)
    return found


def docx_text(path: Path) -> str:
    """All text of a DOCX through python-docx: body paragraphs and every table cell."""
    import docx

    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # A glyph no font has is drawn as the empty box (.notdef), which reads back as NUL.
    return text.replace("\x00", "")


def pdf_body_text(path: Path) -> str:
    """The text of the pages without their header and footer, which would otherwise interrupt
    text that flows from one page to the next.

    The page furniture is drawn before the page's content and ends with "Page N of" and the
    total, so each page's text is taken from the line after that.
    """
    import pypdf

    parts: list[str] = []
    for number, page in enumerate(pypdf.PdfReader(str(path)).pages, start=1):
        lines = (page.extract_text() or "").split("\n")
        if number == 1:
            parts.append("\n".join(lines[1:]))  # the cover's only furniture: the classification
            continue
        marker = next(
            index for index, line in enumerate(lines[:8]) if line.startswith(f"Page {number} of")
        )
        parts.append("\n".join(lines[marker + 2 :]))
    return "\n".join(parts).replace("\x00", "")


def pdf_page_bodies(path: Path) -> list[list[str]]:
    """Each page's lines without its header and footer (see :func:`pdf_body_text`)."""
    import pypdf

    pages: list[list[str]] = []
    for number, page in enumerate(pypdf.PdfReader(str(path)).pages, start=1):
        lines = (page.extract_text() or "").split("\n")
        if number == 1:
            pages.append(lines[1:])
            continue
        marker = next(
            index for index, line in enumerate(lines[:8]) if line.startswith(f"Page {number} of")
        )
        pages.append([line for line in lines[marker + 2 :] if line.strip()])
    return pages


def stranded_leads(path: Path, blocks: list[Any]) -> list[tuple[int, str]]:
    """Pages of a DPIA PDF whose last line is a heading or an introducing note (or the end of
    one): what must never be separated from what follows it."""
    from dpia_desk.reports.layout import Heading, Para

    leads = [
        squash(block.text)
        for block in blocks
        if isinstance(block, Heading) or (isinstance(block, Para) and block.style == "note")
    ]
    found: list[tuple[int, str]] = []
    for number, lines in enumerate(pdf_page_bodies(path), start=1):
        if number <= 2 or not lines:  # the cover and the contents
            continue
        last = squash(lines[-1])
        if len(last) >= 3 and any(lead.endswith(last) for lead in leads):
            found.append((number, lines[-1]))
    return found


def pdf_drawable(text: str) -> str:
    """What a PDF can carry of ``text``: characters some available font can draw.

    Characters no font has (some emoji) print as empty boxes and drop out of the text layer:
    the documented exception.
    """
    from dpia_desk.reports.fonts import _fallback, pdf_fonts

    covered = pdf_fonts().covered | _fallback()[1]
    return "".join(ch for ch in clean_text(text) if ch in covered or ch.isspace())


def page_count(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(source: Path, out_dir: Path, profile: Path) -> Path:
    """DOCX -> PDF with a private LibreOffice profile (never the user's)."""
    binary = soffice()
    assert binary is not None
    result = subprocess.run(
        [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    target = out_dir / (source.stem + ".pdf")
    assert result.returncode == 0 and target.exists(), result.stderr + result.stdout
    return target
