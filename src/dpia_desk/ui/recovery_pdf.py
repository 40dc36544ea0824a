"""The recovery key as a one-page PDF to print (QPdfWriter and QTextDocument, all in QtGui)."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from dpia_desk.ui.labels import format_datetime

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate


def write_recovery_key_pdf(target: Path, key_text: str, workspace: Path) -> None:
    """Writes the key, the workspace it opens and what to do with the sheet."""
    writer = QPdfWriter(str(target))
    writer.setTitle(translate("RecoveryKeyPdf", "dpia_desk recovery key"))
    writer.setCreator("dpia_desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    created = format_datetime(datetime.now().astimezone(), long=True)
    key_lines = "<br>".join(
        html.escape("-".join(key_text.split("-")[i : i + 7])) for i in range(0, 14, 7)
    )
    intro = translate(
        "RecoveryKeyPdf",
        "This key opens the workspace below on any computer, even if this computer's keychain "
        "is lost or the passphrase forgotten.",
    )
    keep = translate("RecoveryKeyPdf", "Keep this sheet like a house key.")
    warning = translate(
        "RecoveryKeyPdf",
        "Anyone holding it and a copy of the workspace file can read everything in it. Print "
        "it, store it somewhere locked, and delete this PDF file.",
    )
    usage = translate(
        "RecoveryKeyPdf",
        "To use it: start dpia_desk, choose “Use the recovery key” when asked to unlock, and "
        "type the key (dashes and case do not matter).",
    )
    title = translate("RecoveryKeyPdf", "dpia_desk recovery key")
    workspace_label = translate("RecoveryKeyPdf", "Workspace")
    created_label = translate("RecoveryKeyPdf", "Created")
    e = html.escape
    body = (
        f'<h1 style="font-size:20pt">{e(title)}</h1>'
        f"<p>{e(intro)}</p>"
        '<table cellpadding="4">'
        f"<tr><td><b>{e(workspace_label)}</b></td><td>{e(str(workspace))}</td></tr>"
        f"<tr><td><b>{e(created_label)}</b></td><td>{e(created)}</td></tr>"
        "</table>"
        "<p style=\"font-family:'DejaVu Sans Mono',monospace; font-size:16pt; "
        f'margin-top:18pt; margin-bottom:18pt">{key_lines}</p>'
        f"<p><b>{e(keep)}</b> {e(warning)}</p>"
        f"<p>{e(usage)}</p>"
    )
    document = QTextDocument()
    document.setHtml(body)
    document.print_(writer)
