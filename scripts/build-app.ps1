# Build the app with PyInstaller on Windows (the same packaging\doithoai.spec as
# scripts/build-app.sh): dist\doithoai\doithoai.exe, one folder that runs without
# Python installed. $env:DOITHOAI_ONEFILE = "1" builds one .exe instead (slower
# to start). Run from the project's virtual environment:
#   py -m venv .venv; .venv\Scripts\Activate.ps1; pip install .; scripts\build-app.ps1
# NOT RUN on the project's machines (Linux only): see the README for what the
# first Windows build must check.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
& $python -m pip show pyinstaller *> $null
if ($LASTEXITCODE -ne 0) { & $python -m pip install -q "pyinstaller>=6.0"; if ($LASTEXITCODE -ne 0) { exit 1 } }
$dist = if ($env:DIST) { $env:DIST } else { "dist" }
$work = if ($env:WORK) { $env:WORK } else { "build\pyinstaller" }
$start = Get-Date
& $python -m PyInstaller --noconfirm --clean --log-level WARN --distpath $dist --workpath $work packaging\doithoai.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$seconds = [int]((Get-Date) - $start).TotalSeconds
Write-Output "built in $seconds s: $dist\doithoai"
