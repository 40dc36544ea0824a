#!/usr/bin/env bash
# CI for issue 8: build the desktop bundle (`make package`) and smoke-test the BUILT bundle.
# Also validates the Linux desktop files where the validators are installed. Prints the time each
# part took, so the CI budget can be judged.
#
# Usage: bash packaging/ci_package.sh [smoke_test.py options, e.g. --require-export]
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
make package
built=$(date +%s)

if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate packaging/linux/org.dpiadesk.DpiaDesk.desktop
fi
if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net packaging/linux/org.dpiadesk.DpiaDesk.metainfo.xml
fi

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/smoke_test.py "$@"
finished=$(date +%s)
echo "ci_package: build $((built - started)) s, checks and smoke test $((finished - built)) s"
