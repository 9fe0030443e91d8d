"""Hostile input through every command of the command line.

The commands and their options are read from the click group itself, so a
command added later is covered without touching this file. Each value that a
command takes (argument or option) is given, in turn, every value of HOSTILE;
the other required values get a plain one. For every run: an exit code from the
documented set (0 done, 1 refused or cancelled, 2 bad input, 3 locked, 4 denied;
70 is the unforeseen-error path and must never be taken), no traceback, error
lines in Vietnamese, no markup rendered. Afterwards the office database still
opens, keeps what was saved in it, and passes ``doithoai doctor``."""
from __future__ import annotations

import os
from pathlib import Path
import re
import sqlite3
import subprocess
import sys
import unicodedata

import click
import pytest
from click.testing import CliRunner

from conftest import REPO

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4}
NEVER_OPEN = {("demo",)}            # opens the full-screen app: covered by the Pilot tests

MARKUP = ["[bold red]ĐỎ[/bold red]", "[@click=app.quit]BẤM[/]", "[link=https://example.invalid]LIÊN KẾT[/link]",
          "[/i]", "[", "a[b", "]"]


def hostile_values(tmp) -> list[str]:
    live = str(tmp / "home" / "data" / "doithoai.sqlite3")
    folder = tmp / "a-folder"
    folder.mkdir(exist_ok=True)
    return [
        *MARKUP,
        "x" * 100_000,
        "a\x00b", "\x1b[31mđỏ\x1b[0m", "dòng\nmới\r\tbảng\x07",
        unicodedata.normalize("NFD", "Nguyễn Thị Hằng, thôn Đông"),
        "😀👨‍👩‍👧🇻🇳", "\u202eabc\u200f\u2066", "\ufeffBOM",
        "99999999999999999999999", "-1", "-99999999999999999999", "0", "1e400", "NaN",
        "31/02/2026", "2026-02-31", "00/00/0000", "29/02/2025",
        "/dev/full", live, str(folder), str(tmp / "no-such-folder" / "x.pdf"), "",
        "'; DROP TABLE petition; --", "%s%n{0}{message}",
    ]


def every_command(group: click.Group):
    """(path, command) for every leaf command, asking the group as click does."""
    ctx = click.Context(group)

    def walk(cmd, path):
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(ctx):
                yield from walk(cmd.get_command(ctx, name), path + (name,))
        else:
            yield path, cmd

    yield from walk(group, ())


def takes_value(param: click.Parameter) -> bool:
    return not (isinstance(param, click.Option) and (param.is_flag or param.count))


def plain_value(param: click.Parameter) -> str:
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0])
    if isinstance(param.type, click.types._NumberParamTypeBase) or param.type.name in ("ID", "số"):
        return "1"
    return "Kỳ Khang"


def spelled(param: click.Parameter, value: str) -> list[str]:
    if isinstance(param, click.Argument):
        # "--" so that a value beginning with "-" is read as the argument
        return [value]
    name = max(param.opts, key=len)
    return [f"{name}={value}"]


def command_lines(tmp):
    """Every (argv) to run: each value-taking parameter of each command, with
    each hostile value; the others required get a plain value."""
    from tui.cli import cli

    values = hostile_values(tmp)
    lines = []
    for path, cmd in every_command(cli):
        if path in NEVER_OPEN:
            continue
        params = [p for p in cmd.params if takes_value(p)]
        for target in params:
            for value in values:
                options, arguments = [], []
                for p in params:
                    if p is target:
                        chosen = value
                    elif p.required:
                        chosen = plain_value(p)
                    else:
                        continue
                    (arguments if isinstance(p, click.Argument) else options).extend(spelled(p, chosen))
                lines.append([*path, *options, "--", *arguments] if arguments else [*path, *options])
        if not params:
            lines.append(list(path))
    # the top-level options, in front of a command that reads the database
    for opt in ("--db", "--user", "--co-quan"):
        for value in values:
            for after in (["doctor"], ["user", "list"]):
                lines.append([f"{opt}={value}", *after])
    return lines


ENGLISH = re.compile(r"Traceback|Error\b|Errno|No such|Invalid|Permission denied|not a |Usage:|Try '|"
                     r"unable|cannot|Exception|database is|Read-only|Aborted|is not|does not")


def _doctor_codes() -> set[int]:
    """doctor's documented codes: any sum of one number per kind of finding."""
    from itertools import combinations

    from tui.commands.core import DOCTOR_CODES

    bits = [code for code, _ in DOCTOR_CODES.values()]
    return {sum(c) for n in range(len(bits) + 1) for c in combinations(bits, n)}


DOCTOR_EXIT_CODES = _doctor_codes()


def _command(argv) -> str:
    """The command's name: the first word that is neither an option nor the
    value of a top-level option spelled apart (``--db X doctor``)."""
    words = iter(argv)
    for a in words:
        if a in ("--db", "--user", "--co-quan"):
            next(words, None)
        elif not a.startswith("-"):
            return a
    return ""


def check_run(argv, code, out, err):
    shown = out + err
    where = f"doithoai {' '.join(a[:60] for a in argv)!r}: exit {code}\n{err[:600]}"
    assert code in DOCUMENTED_EXIT_CODES or (_command(argv) == "doctor" and code in DOCTOR_EXIT_CODES), where
    assert "Traceback" not in shown and "Lỗi không mong đợi" not in shown, where
    # no escape sequence, bell, backspace or carriage return reaches the terminal, not even one typed
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown), where
    typed = " ".join(argv)
    for m in MARKUP:
        inner = re.sub(r"\[[^\]]*\]?", "", m)
        if len(inner) > 2 and m in typed and inner in shown:
            # the words of a markup value are shown: then its closing tag is shown too
            assert m[m.rindex("["):] in shown, where
    if code != 0:
        assert shown.strip(), where
        # strip what the user typed (click quotes it back) before looking for English
        said = shown
        for a in argv:
            for piece in (a, repr(a), a.split("=", 1)[-1], repr(a.split("=", 1)[-1])):
                if len(piece) > 1:
                    said = said.replace(piece, "")
        assert not ENGLISH.search(said), where


def run_in_process(argv, env):
    """The real entry point (tui.cli.main) inside click's isolation: stdin
    is not a keyboard, stdout and stderr are captured."""
    from tui.cli import main

    runner = CliRunner()
    code = 0
    with runner.isolation(input="", env=env) as (out, err, _):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            from models.storage.db import close_database

            close_database()
    return code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace")


def subprocess_run(argv, home):
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO))
    for var in ("DOITHOAI_DB", "DOITHOAI_USER", "DOITHOAI_OFFICE"):
        env.pop(var, None)
    # run from a folder of the test's own: a hostile relative path (a backup to "-1",
    # an export to "[bold]") lands there, never in the repository
    cwd = Path(home).parent / "cwd"
    cwd.mkdir(exist_ok=True)
    r = subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, env=env, cwd=cwd,
                       stdin=subprocess.DEVNULL, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


@pytest.fixture
def office_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("DOITHOAI_HOME", str(home))
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")     # relative hostile paths are written here, not in the repository
    for var in ("DOITHOAI_DB", "DOITHOAI_USER", "DOITHOAI_OFFICE"):
        monkeypatch.delenv(var, raising=False)
    code, out, err = subprocess_run(["init", "--ten", "Kỳ Khang", "--loai", "ubnd_xa"], home)
    assert code == 0, err
    code, out, err = subprocess_run(["petition", "--noi-dung", "Đường thôn Đông xuống cấp",
                                     "--don-vi", "Công an xã"], home)
    assert code == 0, err
    return home


def saved_petitions(home):
    with sqlite3.connect(home / "data" / "doithoai.sqlite3") as con:
        return {row[0] for row in con.execute("SELECT content FROM petition")}


def test_every_command_survives_hostile_values(office_home, tmp_path):
    before = saved_petitions(office_home)
    assert before
    env = {"DOITHOAI_HOME": str(office_home)}
    lines = command_lines(tmp_path)
    assert len(lines) > 500
    seen, failures = set(), []
    for argv in lines:
        code, out, err = run_in_process(argv, env)
        try:
            check_run(argv, code, out, err)
        except AssertionError as exc:
            failures.append(str(exc).split("\nassert")[0])
        seen.add(argv[0] if not argv[0].startswith("--") else argv[1])
    assert not failures, f"{len(failures)} of {len(lines)} runs failed:\n" + "\n".join(failures[:40])
    from tui.cli import cli

    assert seen >= set(cli.list_commands(click.Context(cli))) - {p[0] for p in NEVER_OPEN}
    assert before <= saved_petitions(office_home)
    code, out, err = subprocess_run(["doctor"], office_home)
    assert code == 0, out + err
    assert "kiểm tra toàn vẹn: tốt" in out


@pytest.mark.parametrize("argv", [
    ["petition", "--noi-dung", "[@click=app.quit]BẤM[/]", "--don-vi", "[link=https://example.invalid]X[/link]"],
    ["print", "ke-hoach", "99999999999999999999999"],
    ["export", "--csv", "-o", "/dev/full"],
    ["backup", "{live}"],
    ["restore", "--yes", "{folder}"],
    ["holiday", "31/02/2026"],
    ["--db", "{folder}", "doctor"],
    ["user", "add", "a\x1b[31mb", "--vai-tro", "[bold]chủ tịch"],
])
def test_hostile_command_lines_in_a_real_process(office_home, tmp_path, argv):
    folder = tmp_path / "a-folder"
    folder.mkdir(exist_ok=True)
    live = str(office_home / "data" / "doithoai.sqlite3")
    argv = [a.format(live=live, folder=folder) if a.startswith("{") else a for a in argv]
    argv = [a.replace("\x1b", "") for a in argv]       # a command line cannot carry NUL; ESC is fine
    before = saved_petitions(office_home)
    code, out, err = subprocess_run(argv, office_home)
    check_run(argv, code, out, err)
    assert before <= saved_petitions(office_home)
    assert subprocess_run(["doctor"], office_home)[0] == 0
