#!/usr/bin/env bash
# Build the app with PyInstaller (packaging/doithoai.spec): dist/doithoai/doithoai,
# one folder that runs without Python installed. DOITHOAI_ONEFILE=1: one file,
# dist/doithoai (slower to start). Run from the project's virtual environment
# (the one `pip install .` made), or set PYTHON.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
"$PYTHON" -m pip show pyinstaller >/dev/null 2>&1 || "$PYTHON" -m pip install -q "pyinstaller>=6.0"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "${DIST:-dist}" --workpath "${WORK:-build/pyinstaller}" packaging/doithoai.spec
echo "built in $(( $(date +%s) - start )) s: ${DIST:-dist}/doithoai"
