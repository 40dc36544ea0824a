"""Run every benchmark in this folder, one process each, and print their figures.

Each ``bench_*.py`` measures its goal as a ratio against a baseline taken in the same run (the
machines are shared and noisy, so absolute times mean little). ``make benchmarks`` runs this.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(path for path in HERE.glob("bench_*.py") if not wanted or path.stem in wanted)
    failures = 0
    for script in scripts:
        print(f"=== {script.stem} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], check=False)
        print(
            f"--- {script.stem}: exit {result.returncode}, {time.perf_counter() - started:.1f} s\n",
            flush=True,
        )
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
