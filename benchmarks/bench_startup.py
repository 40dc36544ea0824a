"""Desktop start-up and filter-as-you-type, each against a baseline measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_startup.py [--runs N]``.

1. **Start-up to an idle main window** (goal: at most 3x a bare PySide6 window). Each sample is a
   fresh process, timed from just before it is spawned to the moment its window is exposed and
   the event queue is empty: the baseline imports PySide6 and shows an empty ``QMainWindow``; the
   app parses its command line as ``dpia-desk --workspace PATH`` does
   (``dpia_desk.cli.parse_arguments``), then runs what ``run_gui`` runs before ``app.exec()``
   (``create_application``, the None-reference reserve, the excepthook, translators, theme,
   ``AppController.start()`` which opens the workspace from the keychain and shows the main
   window with the vendor table painted) on a workspace holding 10,000 vendors, and is idle once
   the exact vendor count (counted on the work runner) has reached the table. As in the app, that
   open authenticates the first and the last page; the other pages are checked on the work runner
   a second after the window shows (``AppController.page_check_delay_ms``), after this sample ends
   (about 2 ms per MB, 6 MB here). The keychain is an
   in-memory one set up inside the child (never the user's); a real keychain adds its own lookup
   time (D-Bus, Keychain Services), not measured. Both kinds of child get compiled bytecode as an
   installed app would (the wheel and the bundle ship it): ``PYTHONDONTWRITEBYTECODE`` is dropped
   for them and ``PYTHONPYCACHEPREFIX`` points to a private cache in the temporary folder, filled
   by a first, unmeasured run of each. Without that, every app sample would compile its own
   sources again (about 30 ms). The CPU time of the same children is printed too: on a shared
   machine it varies less than the wall clock.
2. **Filter-as-you-type over 100,000 vendors** (goal: under 30 ms a keystroke). In this process,
   on the real vendor page with the real work runner: for each keystroke of a few typed words,
   the time of what the UI thread does once the debounce fires (``set_filter``: one SQL query
   for the first block of matches; then a synchronous repaint of the table), and separately when
   the exact count, computed on the work runner, reached the table. The baseline is a repaint
   of the unfiltered table.
3. **Sorting 100,000 vendors** (goal: the first page of any sort under 30 ms). On the same page:
   for each column and direction, ``model.sort`` (one query for the first block) and a
   synchronous repaint; and in the store, the first page (200 rows) of every key of
   ``dpia_desk.store.vendor_list.SORT_COLUMNS``, both directions, with and without a filter (the
   keys the table does not offer have no index: their figure is printed, not held to the goal).

Vendors are bulk-inserted with SQLAlchemy core (the store's ``add_vendor`` audits every call,
which is right for users and far too slow for 100,000 fixtures); the rows are what ``add_vendor``
would store, including the folded ``sort_name`` the filter uses.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring
from keyring.backend import KeyringBackend

if TYPE_CHECKING:
    from dpia_desk.store import Workspace

GOAL_STARTUP_RATIO = 3.0
GOAL_KEYSTROKE_MS = 30.0
GOAL_SORT_MS = 30.0
_SYLLABLES = [
    "ta",
    "lent",
    "hire",
    "bot",
    "sift",
    "work",
    "force",
    "pay",
    "flow",
    "lens",
    "view",
    "scan",
    "match",
    "rank",
    "skill",
    "path",
    "core",
    "nova",
    "peo",
    "ple",
    "hub",
    "mind",
    "grid",
    "staff",
    "ly",
    "nex",
    "ora",
    "vi",
    "ta",
    "quan",
    "tum",
    "ze",
    "phyr",
]
_SUFFIXES = ("GmbH", "Ltd", "SAS", "Inc.", "B.V.", "Oy", "AB", "S.p.A.", "AG", "LLC")
_COUNTRIES = ("DE", "FR", "NL", "GB", "US", "FI", "SE", "IT", "ES", "IE", "PL", "AT")


class _BenchKeyring(KeyringBackend):
    """An in-memory keychain for this process (never the user's)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


# The store trusts keychains by "module.Class"; the children name theirs the same way.
_BenchKeyring.__module__ = "bench_keyring"
_BenchKeyring.__qualname__ = "BenchKeyring"

# --- children ----------------------------------------------------------------------------------

_BARE_CHILD = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 740)
window.show()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
print("IDLE", time.time(), time.process_time(), flush=True)
"""

_APP_CHILD = """
import sys, time
from pathlib import Path
import keyring
from keyring.backend import KeyringBackend

class BenchKeyring(KeyringBackend):
    priority = 1
    def __init__(self):
        super().__init__()
        self.secrets = {}
    def get_password(self, service, username):
        return self.secrets.get((service, username))
    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password
    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)

BenchKeyring.__module__ = "bench_keyring"
keyring.set_keyring(BenchKeyring())
path = Path(sys.argv[1])
from dpia_desk.store import keys
from dpia_desk.store.engine import inspect_file
keys.save_key(inspect_file(path), bytes.fromhex(sys.argv[2]))

# What `dpia-desk --workspace PATH` runs up to app.exec(): the command line, then run_gui.
from dpia_desk.cli import parse_arguments
args = parse_arguments(["--workspace", str(path)])
from dpia_desk.ui.app import AppController, create_application, read_passphrase
from dpia_desk.ui.i18n import install_translators
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme
from dpia_desk.ui.crash import ExceptionHandler
app = create_application()
handler = ExceptionHandler()
handler.install()
preferences = Preferences.load()
install_translators(app, preferences.language)
apply_theme(app, preferences.theme)
controller = AppController(
    app, Path(args.workspace), passphrase=read_passphrase(args), preferences=preferences
)
assert controller.start()
window = controller.window
model = window.page("vendors").model
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
while not model.count_is_exact:  # the work runner's count, delivered by the event loop
    app.processEvents()
    time.sleep(0.0002)
app.processEvents()
print("IDLE", time.time(), time.process_time(), model.rowCount(), flush=True)
controller.shutdown()
handler.uninstall()
"""


def _child_environment() -> dict[str, str]:
    """The children's environment: bytecode cached in the benchmark's own folder (see the module
    docstring), set up by ``main``."""
    environment = os.environ.copy()
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _child_seconds(code: str, *args: str) -> tuple[float, float, list[str]]:
    """Wall-clock seconds from just before the spawn to the child's "IDLE" line, the child's CPU
    seconds (all its threads) up to that line, and the line's other fields."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env=_child_environment(),
        timeout=300,  # a dialog waiting for a user would otherwise hang the run
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("IDLE")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr[-2000:]}")
    fields = lines[-1].split()
    return float(fields[1]) - started, float(fields[2]), fields[3:]


# --- fixtures ----------------------------------------------------------------------------------


def _vendor_name(rng: random.Random, number: int) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word} {rng.choice(_SUFFIXES)} {number}"


def _fill(workspace: Workspace, count: int, seed: int = 7) -> None:
    """Inserts ``count`` vendors in one transaction through a raw connection (executemany):
    the ORM's per-row defaults and type processing would make 100,000 rows take minutes."""
    from datetime import UTC, datetime

    from dpia_desk.store.models import fold_for_search, new_id

    rng = random.Random(seed)
    tiers = (None, "minimal", "limited", "high", "out_of_scope")
    verdicts = (None, "not_required", "consider", "likely_required", "required")
    grades = (None, "A", "B", "C", "D", "E")
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    rows = []
    for number in range(count):
        name = _vendor_name(rng, number)
        grade = rng.choice(grades)
        rows.append(
            (
                new_id(), name, fold_for_search(name), rng.choice(_COUNTRIES), "[]", "none",
                "not_started", "[]", "", now, now, rng.choice(tiers), rng.choice(verdicts),
                grade, None if grade is None else rng.randint(0, 6),
            )
        )  # fmt: skip
    connection = workspace.raw_connection(read_only=False)
    try:
        # A big page cache keeps the random-order index pages in memory until the commit;
        # with the default cache every spill re-encrypts pages.
        connection.execute("PRAGMA cache_size = -262144")
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO vendor (id, name, sort_name, country, contacts, contract_status, "
            "dpa_status, sub_processors, notes, created_at, updated_at, ai_act_tier, "
            "dpia_verdict, grade, open_findings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


# --- measurements ------------------------------------------------------------------------------


def startup(folder: Path, runs: int, vendors: int) -> dict[str, float]:
    from dpia_desk.store import KeychainKey, Workspace

    path = folder / "startup.dpia"
    # Created in keychain mode with this process's in-memory keychain; each child puts the same
    # raw key into its own in-memory keychain and opens the file the keychain way (no KDF).
    workspace, recovery = Workspace.create(path, KeychainKey())
    _fill(workspace, vendors)
    workspace.close()
    key_hex = recovery.raw.hex()

    _child_seconds(_BARE_CHILD)  # warm the file cache and the bytecode cache of both
    _child_seconds(_APP_CHILD, str(path), key_hex)
    bare, app, bare_cpu, app_cpu = [], [], [], []
    for _ in range(runs):
        seconds, cpu, _extra = _child_seconds(_BARE_CHILD)
        bare.append(seconds)
        bare_cpu.append(cpu)
        seconds, cpu, extra = _child_seconds(_APP_CHILD, str(path), key_hex)
        if int(extra[0]) != vendors:
            raise SystemExit(f"the app showed {extra[0]} vendors, expected {vendors}")
        app.append(seconds)
        app_cpu.append(cpu)
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000
    bare_cpu_ms, app_cpu_ms = statistics.median(bare_cpu) * 1000, statistics.median(app_cpu) * 1000
    return {
        "bare_ms": bare_ms,
        "app_ms": app_ms,
        "ratio": app_ms / bare_ms,
        "bare_cpu_ms": bare_cpu_ms,
        "app_cpu_ms": app_cpu_ms,
        "cpu_ratio": app_cpu_ms / bare_cpu_ms,
    }


def filtering(folder: Path, vendors: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication

    from dpia_desk.store import Passphrase, Workspace
    from dpia_desk.ui.app import create_application
    from dpia_desk.ui.context import WorkspaceContext
    from dpia_desk.ui.main_window import MainWindow
    from dpia_desk.ui.pages.vendors import VendorsPage
    from dpia_desk.ui.settings import Preferences
    from dpia_desk.ui.theme import apply_theme
    from dpia_desk.ui.workers import WorkRunner

    workspace, _recovery = Workspace.create(folder / "filter.dpia", Passphrase("benchmark 2"))
    _fill(workspace, vendors)
    app = create_application()
    apply_theme(app, "light")
    runner = WorkRunner()  # as in the app: the exact count runs off the UI thread
    window = MainWindow(WorkspaceContext(workspace, runner, Preferences()))
    window.resize(1180, 740)
    window.show()
    page = window.page("vendors")
    assert isinstance(page, VendorsPage)
    model = page.model
    viewport = page.table.viewport()

    def settle() -> float:
        """Processes events until the background count arrived; returns when (perf_counter)."""
        deadline = time.perf_counter() + 30
        while not model.count_is_exact and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.0005)
        QCoreApplication.processEvents()
        return time.perf_counter()

    settle()

    def repaint_ms() -> float:
        start = time.perf_counter()
        viewport.repaint()
        return (time.perf_counter() - start) * 1000

    baseline = statistics.median(repaint_ms() for _ in range(20))
    typed = ["talent", "hire bot", "zzzz", "ta", "gmbh 99"]
    samples: list[float] = []
    counted: list[float] = []
    matches: dict[str, int] = {}
    for word in typed:
        for end in range(1, len(word) + 1):
            start = time.perf_counter()
            model.set_filter(word[:end])
            viewport.repaint()
            samples.append((time.perf_counter() - start) * 1000)
            counted.append((settle() - start) * 1000)
        matches[word] = model.rowCount()
        model.set_filter("")
        settle()
    sorts = _sorting(model, viewport, settle)
    window.close()
    runner.shutdown()
    store_sorts = _store_sorting(workspace)
    workspace.close()
    samples.sort()
    return {
        **sorts,
        **store_sorts,
        "repaint_ms": baseline,
        "median_ms": statistics.median(samples),
        "p90_ms": samples[int(len(samples) * 0.9) - 1],
        "max_ms": samples[-1],
        "count_median_ms": statistics.median(counted),
        "keystrokes": float(len(samples)),
        **{f"matches[{word}]": float(count) for word, count in matches.items()},
    }


def _sorting(
    model: Any, viewport: Any, settle: Callable[[], float]
) -> dict[str, float]:
    """Each column in each direction, as a header click does it: ``model.sort`` (the first
    block's query) and a synchronous repaint. Each order is visited once, so its index pages
    start cold in the connection's cache, as for a user's first click."""
    from PySide6.QtCore import Qt

    samples = []
    for column in range(model.columnCount()):
        orders = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]
        if column == 0:  # the table starts sorted by name, ascending
            orders.reverse()
        for order in orders:
            start = time.perf_counter()
            model.sort(column, order)
            viewport.repaint()
            samples.append((time.perf_counter() - start) * 1000)
            settle()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle()
    return {
        "sort_median_ms": statistics.median(samples),
        "sort_max_ms": max(samples),
        "sorts": float(len(samples)),
    }


def _store_sorting(workspace: Workspace) -> dict[str, float]:
    """The first page (200 rows) of every sort key of the store, both directions, without a
    filter, with a short one (walks an index with LIKE) and a long one (trigram index), on a
    fresh read connection (cold page cache), each measured once."""
    from dpia_desk.store.vendor_list import SORT_COLUMNS, list_matching

    samples: dict[str, float] = {}
    others: dict[str, float] = {}  # the keys the table does not offer have no index: they scan
    with workspace.read_connection() as connection:
        for key, sort in SORT_COLUMNS.items():
            for descending in (False, True):
                for filter_text in ("", "ta", "talent"):
                    start = time.perf_counter()
                    list_matching(connection, filter_text, key, descending, 0, 200)
                    label = f"{key}{' desc' if descending else ''} {filter_text!r}"
                    elapsed = (time.perf_counter() - start) * 1000
                    (samples if sort.index else others)[label] = elapsed
    worst = max(samples, key=samples.__getitem__)
    return {
        "store_sort_median_ms": statistics.median(samples.values()),
        "store_sort_max_ms": samples[worst],
        "store_sorts": float(len(samples)),
        f"store_sort_worst[{worst}]": samples[worst],
        "store_unindexed_sort_max_ms": max(others.values(), default=0.0),
        "store_unindexed_sorts": float(len(others)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up samples of each kind")
    parser.add_argument("--startup-vendors", type=int, default=10_000)
    parser.add_argument("--filter-vendors", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="dpia-bench-ui-") as temporary:
        folder = Path(temporary)
        os.environ["DPIA_DESK_HOME"] = str(folder / "home")
        os.environ["DPIA_DESK_TRUSTED_KEYRINGS"] = "bench_keyring.BenchKeyring"
        os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")  # children only (started)
        os.environ.pop("DPIA_DESK_PASSPHRASE", None)
        keyring.set_keyring(_BenchKeyring())
        start = startup(folder, args.runs, args.startup_vendors)
        typing = filtering(folder, args.filter_vendors)

    ok_start = start["ratio"] <= GOAL_STARTUP_RATIO
    ok_filter = typing["max_ms"] < GOAL_KEYSTROKE_MS
    ok_sort = max(typing["sort_max_ms"], typing["store_sort_max_ms"]) < GOAL_SORT_MS
    if args.json:
        print(json.dumps({"startup": start, "filter": typing}, indent=2))
    else:
        print(
            f"start-up to an idle main window ({args.startup_vendors:,} vendors), median of "
            f"{args.runs} fresh processes:"
        )
        print(f"  bare PySide6 window   {start['bare_ms']:8.1f} ms")
        print(f"  dpia_desk main window {start['app_ms']:8.1f} ms")
        print(
            f"  ratio                 {start['ratio']:8.2f}x  (goal <= {GOAL_STARTUP_RATIO}x) "
            f"{'OK' if ok_start else 'MISSED'}"
        )
        print(
            f"  CPU time, same runs: bare {start['bare_cpu_ms']:.1f} ms, app "
            f"{start['app_cpu_ms']:.1f} ms, ratio {start['cpu_ratio']:.2f}x (less sensitive to "
            "other load on the machine; the goal is on the wall-clock ratio)"
        )
        print(
            f"filter-as-you-type over {args.filter_vendors:,} vendors, "
            f"{int(typing['keystrokes'])} keystrokes (UI thread: first block query + repaint):"
        )
        print(f"  repaint alone (baseline) {typing['repaint_ms']:6.1f} ms")
        print(f"  median                   {typing['median_ms']:6.1f} ms")
        print(f"  90th percentile          {typing['p90_ms']:6.1f} ms")
        print(
            f"  worst                    {typing['max_ms']:6.1f} ms  "
            f"(goal < {GOAL_KEYSTROKE_MS:.0f} ms) {'OK' if ok_filter else 'MISSED'}"
        )
        print(
            f"  exact count shown after  {typing['count_median_ms']:6.1f} ms "
            "(median; counted on the work runner while the first rows are already shown)"
        )
        matched = ", ".join(
            f"{key[8:-1]!r}: {int(value)}"
            for key, value in typing.items()
            if key.startswith("matches[")
        )
        print(f"  rows matching the full words: {matched}")
        print(
            f"sorting {args.filter_vendors:,} vendors, first page "
            f"(goal < {GOAL_SORT_MS:.0f} ms) {'OK' if ok_sort else 'MISSED'}:"
        )
        print(
            f"  table, {int(typing['sorts'])} column orders (query + repaint): median "
            f"{typing['sort_median_ms']:.1f} ms, worst {typing['sort_max_ms']:.1f} ms"
        )
        worst = next(key[17:-1] for key in typing if key.startswith("store_sort_worst["))
        print(
            f"  store, the table's keys, {int(typing['store_sorts'])} key/direction/filter cases "
            f"(200 rows): median {typing['store_sort_median_ms']:.1f} ms, worst "
            f"{typing['store_sort_max_ms']:.1f} ms ({worst})"
        )
        print(
            f"  store, other keys (no index, not in the table: informative), "
            f"{int(typing['store_unindexed_sorts'])} cases: worst "
            f"{typing['store_unindexed_sort_max_ms']:.1f} ms"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
