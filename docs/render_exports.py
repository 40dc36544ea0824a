"""Render the exports to PNG pages, to look at them: ``.venv/bin/python docs/render_exports.py``.

Creates a fresh demo workspace (``dpia-desk demo``) in a temporary folder and exports from it
through the real builders and writers, exactly as ``dpia-desk export`` does:

* TalentSift's approved DPIA as PDF (ours) and as DOCX, converted to PDF by LibreOffice (the way a
  reviewer without Word sees it), and Attrition Analytics' draft DPIA the same way;
* the vendor scorecards of TalentSift (plus a grayscale copy, to check that it reads in black and
  white, and a copy full of hostile text, to check that it stays on one page), of FocusMeter (a
  critical finding is open, so its grade cannot rise above D) and of Attrition Analytics (its
  grade is capped by an open finding below what its score gives).

Every page is rendered with ``pdftoppm`` into ``docs/exports/all/`` (not committed), and a handful
of representative pages, found by what they say rather than by page number, are copied to
``docs/exports/`` and committed; PNGs there that are no longer part of the selection are removed.
``--sample`` renders the sample report of ``dpia_desk.reports.sample`` (tests and the benchmark use
it) into ``all/`` instead, and copies nothing.

Needs ``pdftoppm`` (poppler-utils); LibreOffice is optional. With ``python3-uno`` available the
LibreOffice conversion also updates the table of contents first (as Word does when it opens the
file and asks to update fields); otherwise the contents show placeholders for page numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
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
RESOLUTION = 75
PASSPHRASE = "render-exports-demo"  # noqa: S105 - a throwaway workspace in a temporary folder


@dataclass(frozen=True)
class Pick:
    """A committed picture: page ``page`` of a rendered file, or the first page (after the
    contents) whose text holds ``marker``."""

    stem: str
    name: str
    page: int = 0
    marker: str = ""


SELECTION = (
    Pick("dpia-pdf", "dpia-pdf-cover.png", page=1),
    Pick("dpia-pdf", "dpia-pdf-contents.png", page=2),
    Pick("dpia-pdf", "dpia-pdf-risks.png", marker="Inherent risk (before the measures)"),
    Pick("dpia-pdf", "dpia-pdf-vendor.png", marker="Domain scores (0 to 100)"),
    Pick("dpia-pdf", "dpia-pdf-appendix.png", marker="Every question of the questionnaire"),
    Pick("dpia-docx", "dpia-docx-cover.png", page=1),
    Pick("dpia-docx", "dpia-docx-risks.png", marker="Inherent risk (before the measures)"),
    Pick("scorecard", "scorecard.png", page=1),
    Pick("scorecard-gray", "scorecard-grayscale.png", page=1),
    Pick("scorecard-critical", "scorecard-critical-finding.png", page=1),
    Pick("scorecard-capped", "scorecard-capped-grade.png", page=1),
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
    shutil.copy(pdf, ALL / f"{stem}.pdf")


@dataclass(frozen=True)
class DemoExports:
    dpia: DpiaReport  # TalentSift, approved
    draft_dpia: DpiaReport  # Attrition Analytics, draft
    scorecard: VendorScorecard  # TalentSift
    critical: VendorScorecard  # FocusMeter: an open critical finding holds the grade at D
    capped: VendorScorecard  # Attrition Analytics: an open finding caps the grade below its score


def demo_exports(work: Path) -> DemoExports:
    """The reports and scorecards of a fresh demo workspace (``dpia-desk demo``)."""
    from dpia_desk.cli import main as cli
    from dpia_desk.reports import build_report, build_scorecard
    from dpia_desk.store import Passphrase, Workspace
    from dpia_desk.store.models import Assessment, Vendor

    secret = work / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    path = work / "demo.dpia"
    with contextlib.redirect_stdout(io.StringIO()):  # the new workspace's recovery key
        created = cli(["--workspace", str(path), "--passphrase-file", str(secret), "demo"])
    if created != 0:
        raise SystemExit("could not create the demo workspace")
    opened = Workspace.open(path, Passphrase(PASSPHRASE), read_only=True)
    with opened as workspace, workspace.read_session() as session:

        def assessment(vendor: str, form_id: str) -> str:
            found = (
                session.query(Assessment)
                .join(Vendor, Vendor.id == Assessment.vendor_id)
                .filter(Vendor.name.startswith(vendor), Assessment.form_id == form_id)
                .order_by(Assessment.version.desc())
                .first()
            )
            if found is None:
                raise SystemExit(f"the demo workspace has no {form_id} assessment of {vendor}")
            return str(found.id)

        return DemoExports(
            dpia=build_report(session, assessment("TalentSift", "dpia"), author="demo"),
            draft_dpia=build_report(session, assessment("Attrition", "dpia"), author="demo"),
            scorecard=build_scorecard(session, assessment("TalentSift", "vendor_due_diligence")),
            critical=build_scorecard(session, assessment("FocusMeter", "vendor_due_diligence")),
            capped=build_scorecard(session, assessment("Attrition", "vendor_due_diligence")),
        )


def _dpia(report: DpiaReport, stem: str, work: Path) -> None:
    pdf, docx = work / f"{stem}.pdf", work / f"{stem}.docx"
    write_dpia_pdf(report, pdf)
    write_dpia_docx(report, docx)
    render(pdf, f"{stem}-pdf")
    shutil.copy(docx, ALL / f"{stem}.docx")
    converted = work / f"{stem}-docx.pdf"
    if docx_to_pdf(docx, converted, work):
        render(converted, f"{stem}-docx")


def _card(card: VendorScorecard, stem: str, work: Path, *, gray: bool = False) -> None:
    pdf = work / f"{stem}.pdf"
    write_scorecard_pdf(card, pdf)
    render(pdf, stem)
    if gray:
        render(pdf, f"{stem}-gray", gray=True)


def _hostile(card: VendorScorecard) -> VendorScorecard:
    return dataclasses.replace(
        card,
        vendor_name="Überlange Personaldienstleistungs- und Bewerbermanagementsysteme "
        "Aktiengesellschaft & Co. KGaA " + HOSTILE_TEXTS["markup"],
        system_name=HOSTILE_TEXTS["long_word"],
        findings=card.findings * 6,
    )


def _page_texts(pdf: Path) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages]


def _pick(pick: Pick) -> Path | None:
    pages = sorted(ALL.glob(f"{pick.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
    pages = [p for p in pages if p.stem.rsplit("-", 1)[0] == pick.stem]
    number = pick.page
    if pick.marker:
        texts = _page_texts(ALL / f"{pick.stem}.pdf")
        # the contents name the headings too: skip their pages (dot leaders)
        number = next(
            (
                n
                for n, text in enumerate(texts, start=1)
                if pick.marker in text and "....." not in text
            ),
            0,
        )
    if not 1 <= number <= len(pages):
        return None
    return pages[number - 1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sample",
        action="store_true",
        help="render the sample report (dpia_desk.reports.sample) instead of the demo workspace "
        "(nothing is copied to docs/exports then)",
    )
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    ALL.mkdir(parents=True, exist_ok=True)
    for old in [*ALL.glob("*.png"), *ALL.glob("*.pdf"), *ALL.glob("*.docx")]:
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="render-exports-") as temp:
        work = Path(temp)
        if args.sample:
            _dpia(sample_report(), "dpia", work)
            _card(sample_scorecard(), "scorecard", work, gray=True)
            _card(_hostile(sample_scorecard()), "scorecard-hostile", work)
            print(f"pages in {ALL}")
            return 0
        demo = demo_exports(work)
        _dpia(demo.dpia, "dpia", work)
        _dpia(demo.draft_dpia, "draft-dpia", work)
        _card(demo.scorecard, "scorecard", work, gray=True)
        _card(demo.critical, "scorecard-critical", work)
        _card(demo.capped, "scorecard-capped", work)
        _card(_hostile(demo.scorecard), "scorecard-hostile", work)
    chosen = set()
    for pick in SELECTION:
        page = _pick(pick)
        if page is None:
            print(f"{pick.name}: no page found (LibreOffice missing?); left as it was")
            chosen.add(pick.name)
            continue
        shutil.copy(page, OUT / pick.name)
        chosen.add(pick.name)
    for stale in OUT.glob("*.png"):
        if stale.name not in chosen:
            stale.unlink()
            print(f"removed {stale.name} (no longer rendered)")
    print(f"pages in {ALL}; selection in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
