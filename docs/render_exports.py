"""Render the exports to PNG pages, to look at them: ``.venv/bin/python docs/render_exports.py``.

Writes the sample DPIA (with ``--demo``: a DPIA of a fresh demo workspace) as PDF (ours) and as
DOCX, converts the DOCX to PDF with LibreOffice (the way a reviewer without Word sees it), writes
the vendor scorecard (plus a grayscale copy, to check that it reads in black and white, and a copy
full of hostile text, to check that it stays on one page), and renders every page with
``pdftoppm`` into ``docs/exports/all/`` (not committed). For the sample, a handful of
representative pages are copied to ``docs/exports/`` and committed.

Needs ``pdftoppm`` (poppler-utils); LibreOffice is optional. With ``python3-uno`` available the
LibreOffice conversion also updates the table of contents first (as Word does when it opens the
file and asks to update fields); otherwise the contents show placeholders for page numbers.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from dpia_desk.reports import (
    DpiaReport,
    VendorScorecard,
    write_dpia_docx,
    write_dpia_pdf,
    write_scorecard_pdf,
)
from dpia_desk.reports.sample import HOSTILE_TEXTS, sample_report, sample_scorecard

HERE = Path(__file__).resolve().parent
OUT = HERE / "exports"
ALL = OUT / "all"
RESOLUTION = 70

#: (rendered file, page number, committed name)
SELECTION = (
    ("dpia-pdf", 1, "dpia-pdf-cover.png"),
    ("dpia-pdf", 2, "dpia-pdf-contents.png"),
    ("dpia-pdf", 5, "dpia-pdf-risks.png"),
    ("dpia-pdf", 12, "dpia-pdf-appendix.png"),
    ("dpia-docx", 1, "dpia-docx-cover.png"),
    ("dpia-docx", 5, "dpia-docx-risks.png"),
    ("scorecard", 1, "scorecard.png"),
    ("scorecard-gray", 1, "scorecard-grayscale.png"),
)

_UNO_SCRIPT = textwrap.dedent(
    """
    import subprocess, sys, time, uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException

    soffice, source, target, profile = sys.argv[1:5]
    pipe = "dpia_desk_render"
    office = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless",
                               "--norestore", "--accept=pipe,name=%s;urp;" % pipe])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                context = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        def prop(name, value):
            p = PropertyValue(); p.Name = name; p.Value = value; return p
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        indexes = document.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.refresh()
        document.storeToURL(uno.systemPathToFileUrl(target),
                            (prop("FilterName", "writer_pdf_Export"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    """
)


def _uno_python() -> str | None:
    for candidate in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
        if Path(candidate).exists():
            probe = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, check=False
            )
            if probe.returncode == 0:
                return candidate
    return None


def docx_to_pdf(source: Path, target: Path, work: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not installed: skipping the DOCX rendering")
        return False
    profile = (work / "lo-profile").as_uri()
    python = _uno_python()
    if python is not None:
        script = work / "uno_convert.py"
        script.write_text(_UNO_SCRIPT, encoding="utf-8")
        result = subprocess.run(
            [python, str(script), soffice, str(source), str(target), profile],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode == 0 and target.exists():
            return True
        print(f"UNO conversion failed ({result.stderr.strip()[-300:]}); converting plainly")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        capture_output=True, check=True, timeout=600,
    )  # fmt: skip
    shutil.move(str(work / (source.stem + ".pdf")), target)
    return True


def render(pdf: Path, stem: str, *, gray: bool = False) -> None:
    command = ["pdftoppm", "-r", str(RESOLUTION), "-png"]
    if gray:
        command.append("-gray")
    subprocess.run([*command, str(pdf), str(ALL / stem)], check=True, timeout=600)


def demo_exports(work: Path) -> tuple[DpiaReport, VendorScorecard]:
    """The report and scorecard of a DPIA in a fresh demo workspace (``dpia-desk demo``)."""
    from dpia_desk.cli import main as cli
    from dpia_desk.reports.builder import build_report, build_scorecard
    from dpia_desk.store import Passphrase, Workspace
    from dpia_desk.store.models import Assessment

    secret = work / "passphrase.txt"
    secret.write_text("render-exports-demo", encoding="utf-8")
    path = work / "demo.dpia"
    arguments = ["--workspace", str(path), "--passphrase-file", str(secret), "demo"]
    if cli(arguments) != 0:
        raise SystemExit("could not create the demo workspace")
    opened = Workspace.open(path, Passphrase("render-exports-demo"), read_only=True)
    with opened as workspace, workspace.read_session() as session:
        first = session.query(Assessment).filter(Assessment.form_id == "dpia").first()
        if first is None:
            raise SystemExit("the demo workspace has no DPIA")
        return build_report(session, first.id, author="demo"), build_scorecard(session, first.id)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--demo",
        action="store_true",
        help="render a DPIA of a fresh demo workspace instead of the sample report "
        "(nothing is copied to docs/exports then)",
    )
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    ALL.mkdir(parents=True, exist_ok=True)
    for old in ALL.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="render-exports-") as temp:
        work = Path(temp)
        report, scorecard = (
            demo_exports(work) if args.demo else (sample_report(), sample_scorecard())
        )
        pdf, docx, card = work / "dpia.pdf", work / "dpia.docx", work / "scorecard.pdf"
        write_dpia_pdf(report, pdf)
        write_dpia_docx(report, docx)
        write_scorecard_pdf(scorecard, card)
        hostile = dataclasses.replace(
            sample_scorecard(),
            vendor_name="Überlange Personaldienstleistungs- und Bewerbermanagementsysteme "
            "Aktiengesellschaft & Co. KGaA " + HOSTILE_TEXTS["markup"],
            system_name=HOSTILE_TEXTS["long_word"],
            findings=sample_scorecard().findings * 6,
        )
        hostile_card = work / "scorecard-hostile.pdf"
        write_scorecard_pdf(hostile, hostile_card)
        render(pdf, "dpia-pdf")
        render(card, "scorecard")
        render(card, "scorecard-gray", gray=True)
        render(hostile_card, "scorecard-hostile")
        docx_pdf = work / "dpia-docx.pdf"
        if docx_to_pdf(docx, docx_pdf, work):
            render(docx_pdf, "dpia-docx")
        shutil.copy(pdf, ALL / "dpia.pdf")
        shutil.copy(docx, ALL / "dpia.docx")
    if args.demo:
        print(f"pages in {ALL}")
        return 0
    for stem, page, name in SELECTION:
        matches = sorted(ALL.glob(f"{stem}-*{page}.png"))
        exact = [m for m in matches if m.stem.rsplit("-", 1)[-1].lstrip("0") == str(page)]
        if exact:
            shutil.copy(exact[0], OUT / name)
    print(f"pages in {ALL}; selection in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
