"""Smoke test of the BUILT bundle, never the source tree.

    python packaging/smoke_test.py [--bundle dist/dpia-desk] [--require-export] [--keep]

The bundle is copied into a fresh temporary folder and run from there with a clean environment:
no PYTHONPATH/PYTHONHOME/virtualenv, no PATH entry inside the repository, the working directory
outside it, ``DPIA_DESK_HOME`` in the temporary folder (so the real profile is never touched) and
``DPIA_DESK_PASSPHRASE`` set (a frozen app has no test keyring; passphrase mode needs none).

Checks, each printed as ``ok``/``FAIL``/``skip`` with its time:

1. ``--version`` prints the package version;
2. ``about --json``: a frozen build whose forms and resources are inside the copy, the fonts'
   licences and the third-party packages' versions and licences (the dist-info travelled);
3. ``forms list --json``: the built-in forms load;
4. ``demo`` into the temporary workspace, then ``vendor list`` and ``check``;
5. ``score`` of ``packaging/samples/ai_act_screening_answers.yaml``: tier "high";
6. ``export`` of a DPIA (answers: ``packaging/samples/dpia_answers.yaml``) to DOCX and PDF, read
   back; the PDF embeds DejaVu Sans and prints the sample's Polish and Greek letters. Skipped
   (and reported) while the bundle has no ``export`` command; ``--require-export`` fails instead;
7. the GUI started offscreen to an idle main window and closed
   (``DPIA_DESK_SMOKE_EXIT_AFTER_MS``, see ``dpia_desk/ui/app.py``).

Ends with a "N passed, N failed, N skipped" line; exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = HERE / "samples"
PASSPHRASE = "smoke-test passphrase, not a secret"  # noqa: S105
SAMPLE_TEXT = "Łódź, Zürich, Αθήνα"  # in packaging/samples/dpia_answers.yaml's processing_name
GUI_EXIT_MS = 1500


class SmokeFailure(Exception):
    pass


class Skipped(Exception):
    pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def default_bundle() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / "dpia_desk.app"
    return ROOT / "dist" / "dpia-desk"


def executables(bundle: Path) -> tuple[Path, Path]:
    """(command-line executable, GUI executable) inside a bundle folder."""
    if sys.platform == "win32":
        return bundle / "dpia-desk-cli.exe", bundle / "dpia-desk.exe"
    if bundle.suffix == ".app":
        exe = bundle / "Contents" / "MacOS" / "dpia-desk"
        return exe, exe
    return bundle / "dpia-desk", bundle / "dpia-desk"


def clean_environment(home: Path) -> dict[str, str]:
    """The user's environment minus anything that could lead the app back to the source tree."""
    drop = (
        "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONSAFEPATH",
        "DPIA_DESK_TRUSTED_KEYRINGS",  # the test suite's in-memory keyring is not in the bundle
    )  # fmt: skip
    env = {key: value for key, value in os.environ.items() if key not in drop}
    env["PATH"] = os.pathsep.join(
        entry
        for entry in env.get("PATH", "").split(os.pathsep)
        if entry and not Path(entry).resolve().is_relative_to(ROOT)
    )
    env.update(
        {
            "DPIA_DESK_HOME": str(home),
            "DPIA_DESK_PASSPHRASE": PASSPHRASE,
            "QT_QPA_PLATFORM": "offscreen",
            "DPIA_DESK_DEBUG": "1",  # a failure shows its traceback in the log
        }
    )
    env.pop("DPIA_DESK_SMOKE_EXIT_AFTER_MS", None)
    return env


@dataclass
class SmokeRun:
    bundle: Path  # the copy under ``workdir``
    workdir: Path
    version: str | None
    require_export: bool = False
    results: list[tuple[str, str, float, str]] = field(default_factory=list)
    workspace_vendor: str | None = None

    def __post_init__(self) -> None:
        self.cli, self.gui = executables(self.bundle)
        self.home = self.workdir / "home"
        self.out = self.workdir / "out"
        self.out.mkdir(parents=True, exist_ok=True)
        self.env = clean_environment(self.home)

    # --- running the bundle ----------------------------------------------------------------

    def run(
        self, *args: str, exe: Path | None = None, timeout: float = 180, ok: bool = True, **env: str
    ) -> subprocess.CompletedProcess[str]:
        command = [str(exe or self.cli), *args]
        result = subprocess.run(
            command,
            cwd=self.workdir,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
        if ok and result.returncode != 0:
            raise SmokeFailure(
                f"`dpia-desk {' '.join(args)}` exited {result.returncode}:\n"
                f"{result.stderr.strip()[-3000:]}"
            )
        return result

    def run_json(self, *args: str) -> object:
        result = self.run(*args, "--json")
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError as error:
            raise SmokeFailure(f"`{' '.join(args)} --json` printed no JSON ({error})") from None

    def inside_copy(self, path: str) -> bool:
        return Path(path).resolve().is_relative_to(self.bundle.resolve())

    # --- the checks ------------------------------------------------------------------------

    def check_version(self) -> str:
        line = self.run("--version").stdout.strip()
        _check(line.startswith("dpia-desk "), f"unexpected --version output: {line!r}")
        if self.version is not None:
            _check(line == f"dpia-desk {self.version}", f"{line!r}, expected {self.version}")
        _check("+source" not in line, f"{line!r}: the package metadata was not bundled")
        return line

    def check_about(self) -> str:
        about = self.run_json("about")
        assert isinstance(about, dict)
        _check(about.get("frozen") is True, "about says this is not a frozen build")
        where = about["locations"]
        for key in ("built_in_forms", "resources"):
            _check(
                self.inside_copy(where[key]), f"{key} comes from outside the bundle: {where[key]}"
            )
        _check(
            Path(where["workspace"]).resolve().is_relative_to(self.home.resolve()),
            f"workspace outside DPIA_DESK_HOME: {where['workspace']}",
        )
        fonts = {font["family"]: font for font in about["fonts"]}
        _check("DejaVuSans" in fonts, f"no DejaVu Sans licence found: {sorted(fonts)}")
        _check(len(fonts["DejaVuSans"]["files"]) >= 4, "DejaVu Sans font files missing")
        packages = {
            package["name"].lower().replace("_", "-"): package for package in about["packages"]
        }
        for name in ("pyside6-essentials", "sqlalchemy", "sqlcipher3", "reportlab", "python-docx"):
            _check(name in packages, f"{name} missing from the bundle's package metadata")
            _check(packages[name]["licence"] != "unknown", f"{name}: licence unknown")
        return f"{len(packages)} packages, fonts: {', '.join(fonts)}"

    def check_forms(self) -> str:
        listing = self.run_json("forms", "list")
        assert isinstance(listing, dict)
        ids = {form["id"] for form in listing["forms"]}
        for wanted in ("ai_act_screening", "dpia", "vendor_due_diligence"):
            _check(wanted in ids, f"built-in form {wanted} did not load: {sorted(ids)}")
        return f"{len(ids)} forms"

    def check_demo(self) -> str:
        demo = self.run_json("demo")
        assert isinstance(demo, dict)
        _check(bool(demo.get("created")), f"demo did not create a workspace: {demo}")
        _check(self.inside_home(demo["path"]), f"demo workspace outside the temp home: {demo}")
        vendors = self.run_json("vendor", "list")
        assert isinstance(vendors, list)
        _check(len(vendors) >= 1, "the demo workspace has no vendors")
        self.workspace_vendor = vendors[0]["id"]
        self.run("check")
        return f"{len(vendors)} vendors in {Path(demo['path']).name}"

    def inside_home(self, path: str) -> bool:
        return Path(path).resolve().is_relative_to(self.home.resolve())

    def check_score(self) -> str:
        answers = SAMPLES / "ai_act_screening_answers.yaml"
        score = self.run_json("score", "--form", "ai_act_screening", "--answers", str(answers))
        assert isinstance(score, dict)
        _check(score.get("tier") == "high", f"expected tier high, got {score.get('tier')!r}")
        _check(score.get("role") == "deployer", f"expected role deployer: {score.get('role')!r}")
        return f"tier {score['tier']}, {len(score.get('obligations', []))} obligations"

    def check_export(self) -> str:
        commands = self.run("--help").stdout
        if "    export " not in commands and "\n    export\n" not in commands:
            message = "the bundle has no `export` command yet (issue 6)"
            if self.require_export:
                raise SmokeFailure(message)
            raise Skipped(message)
        _check(self.workspace_vendor is not None, "no demo vendor to assess")
        created = self.run_json(
            "assess", "new", "--vendor", str(self.workspace_vendor), "--form", "dpia"
        )
        assert isinstance(created, dict)
        assessment = str(created["id"])
        self.run("assess", "answer", assessment, "--answers", str(SAMPLES / "dpia_answers.yaml"))
        docx = self.out / "dpia.docx"
        pdf = self.out / "dpia.pdf"
        self.run("export", assessment, "--format", "docx", "--output", str(docx))
        self.run("export", assessment, "--format", "pdf", "--output", str(pdf))
        check_docx(docx, SAMPLE_TEXT)
        fonts = check_pdf(pdf, SAMPLE_TEXT)
        return f"docx {docx.stat().st_size:,} B, pdf {pdf.stat().st_size:,} B, fonts {fonts}"

    def check_gui(self) -> str:
        if self.workspace_vendor is None:
            # Without a workspace the first-run dialog would wait for a user who is not there.
            raise SmokeFailure("needs the demo workspace, which the demo step did not create")
        result = self.run(
            exe=self.gui,
            ok=False,
            timeout=90,
            DPIA_DESK_SMOKE_EXIT_AFTER_MS=str(GUI_EXIT_MS),
        )
        idle = [line for line in result.stderr.splitlines() if "smoke: main window idle" in line]
        _check(
            result.returncode == 0 and bool(idle),
            f"GUI exited {result.returncode} without reaching an idle main window:\n"
            f"{result.stderr.strip()[-3000:]}",
        )
        return idle[0].split("idle:", 1)[1].strip()

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("--version", self.check_version),
            ("about --json (metadata, fonts, data inside the bundle)", self.check_about),
            ("forms list", self.check_forms),
            ("demo workspace, vendor list, check", self.check_demo),
            ("score ai_act_screening sample", self.check_score),
            ("export DOCX and PDF", self.check_export),
            ("GUI offscreen to an idle main window", self.check_gui),
        ]

    def run_all(self) -> int:
        for name, step in self.steps():
            started = time.monotonic()
            try:
                detail = step()
                status = "ok"
            except Skipped as reason:
                status, detail = "skip", str(reason)
            except (SmokeFailure, subprocess.TimeoutExpired, KeyError, AssertionError) as error:
                status, detail = "FAIL", f"{type(error).__name__}: {error}"
            elapsed = time.monotonic() - started
            self.results.append((name, status, elapsed, detail))
            print(f"{status:>4}  {name} ({elapsed:.1f} s): {detail}", flush=True)
        passed = sum(1 for result in self.results if result[1] == "ok")
        failed = sum(1 for result in self.results if result[1] == "FAIL")
        skipped = sum(1 for result in self.results if result[1] == "skip")
        print(f"smoke: {passed} passed, {failed} failed, {skipped} skipped")
        return 1 if failed else 0


def check_docx(path: Path, text: str) -> None:
    _check(path.is_file() and path.stat().st_size > 0, f"{path.name} was not written")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        _check("word/document.xml" in names, f"{path.name} is not a Word document")
        body = archive.read("word/document.xml").decode("utf-8")
    for word in text.split(", "):
        _check(word in body, f"{path.name} lacks {word!r}")


def check_pdf(path: Path, text: str) -> str:
    """The PDF exists, embeds DejaVu Sans and (when pypdf is installed) prints ``text``."""
    data = path.read_bytes()
    _check(data.startswith(b"%PDF-"), f"{path.name} is not a PDF")
    _check(b"DejaVuSans" in data, f"{path.name} does not name the DejaVu Sans font")
    _check(b"/FontFile2" in data, f"{path.name} embeds no TrueType font")
    try:
        from pypdf import PdfReader
    except ImportError:
        return "DejaVuSans (embedded)"
    content = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    for word in text.split(", "):
        _check(word in content, f"{path.name}: {word!r} not in the text layer")
    return "DejaVuSans (embedded, text read back)"


def expected_version(bundle: Path) -> str | None:
    info = bundle.parent / "build-info.json"
    if info.is_file():
        return str(json.loads(info.read_text(encoding="utf-8"))["version"])
    try:
        from importlib.metadata import version

        return version("dpia-desk")
    except Exception:
        return None


def copy_bundle(bundle: Path, workdir: Path) -> Path:
    target = workdir / "app" / bundle.name
    shutil.copytree(bundle, target, symlinks=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of the built dpia_desk bundle.")
    parser.add_argument("--bundle", type=Path, default=default_bundle())
    parser.add_argument("--version", dest="expect_version", help="expected version")
    parser.add_argument("--require-export", action="store_true", help="fail if export is missing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    if not executables(bundle)[0].is_file():
        print(f"smoke: no built bundle at {bundle}; run `make package` first", file=sys.stderr)
        return 1
    version = args.expect_version or expected_version(bundle)
    workdir = Path(tempfile.mkdtemp(prefix="dpia-desk-smoke-"))
    try:
        copy = copy_bundle(bundle, workdir)
        print(f"smoke: testing a copy of {bundle} in {copy}", flush=True)
        return SmokeRun(copy, workdir, version, require_export=args.require_export).run_all()
    finally:
        if args.keep:
            print(f"smoke: kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
