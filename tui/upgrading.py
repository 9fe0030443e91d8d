"""A long upgrade of the database told in the terminal, in Vietnamese.

A new version's migration may read every petition once (an index on a
province's million petitions: half a minute on an old PC). It runs when the
database is opened, before the app's first screen or a command's work, in the
window the person is looking at: without a word there, a clerk takes the
still window for a hang and closes it. models.storage.migrations calls back
while a migration has run longer than a second; this writes one line, redrawn
in place in a terminal (or a new line every tenth in a file), and the time it
took once done."""
from __future__ import annotations

import sys

from .words import LaunchWords as W


def show_upgrades(stream=None) -> None:
    """From now on, a migration that takes long is told on ``stream`` (stderr)."""
    from models.storage import migrations

    out = stream or sys.stderr
    live = _live(out)
    shown = {"begun": False, "line": "", "tenth": None}

    def told(version: int, done: float | None, seconds: float) -> None:
        if not shown["begun"]:
            out.write(W.UPGRADE_BEGUN + "\n")      # once: what is happening, and not to close the window
            shown["begun"] = True
        if done is not None and done >= 1.0:
            line, shown["tenth"] = W.UPGRADED.format(version=version, seconds=round(seconds)), None
        else:
            part = (W.UPGRADE_WORKING if done is None else W.UPGRADE_FINISHING if done >= migrations.ALL_READ
                    else W.UPGRADE_PART.format(percent=int(done * 100)))
            line = W.UPGRADING.format(version=version, part=part, seconds=round(seconds))
            tenth = int((done or 0) * 10) + (done is not None and done >= migrations.ALL_READ)
            if not live and tenth == shown["tenth"]:
                return      # a file: a line every tenth, not every half second
            shown["tenth"] = tenth
        if live:
            # one line redrawn in place (a line wider than the window would wrap and pile up)
            line = line[:_width() - 1]
            out.write("\r" + line.ljust(len(shown["line"])) + ("\n" if shown["tenth"] is None else ""))
            shown["line"] = "" if shown["tenth"] is None else line
        else:
            out.write(line + "\n")
        out.flush()

    migrations.tell_progress_to(told)


def _live(out) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns
