"""Tổng quan: the next conference and its milestones, petitions that need
attention, recent documents."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from models.services.followup import days_text, due_soon_text
from models.core.words import PETITION_STATUSES, STATUS, SUMMARY, SYMBOL, URGENCY_LABELS

from .. import work
from .. import words
from ..widgets.boxes import box, clip, side_by_side, table, wrap
from ..widgets.keybar import KeyBar
from .base import AppScreen
from ..words import DashboardWords as W

STATE_STYLE = {"done": "dim", "late": "bold red", "due_soon": "bold yellow", "pending": "green"}





class DashboardScreen(AppScreen):
    HELP = (W.HELP)
    BINDINGS = [Binding("r", "refresh", words.RELOAD, id="dashboard.refresh")]

    class Loaded(Message):
        """Posted when the dashboard shows its data (used by tests and timing)."""

    def compose(self) -> ComposeResult:
        # The dashboard is read-only: its panels are drawn as text inside one
        # widget, which keeps the first paint of the app cheap on an old PC.
        yield Static(W.TITLE, id="dash-title", classes="screen-title")
        yield DashboardView(id="dash-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self._shown_once = False
        from .. import prefetch

        ready = prefetch.take("dashboard")
        if ready is not None and ready.office_name == self.office.name:
            self.show(ready)
        else:
            self.load()

    def on_screen_resume(self) -> None:
        # sent on first display too, when on_mount has already started a load
        if self._shown_once:
            self.load()
        self._shown_once = True

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        from models.services.dashboard import summary

        work.run(self, summary, self.office, done=self.show, group="dashboard")

    def show(self, s) -> None:
        with self.app.batch_update():
            self._show(s)
        self.post_message(self.Loaded())

    def _show(self, s) -> None:
        self.query_one("#dash-title", Static).update(
            Text(W.TITLE_TODAY.format(office=s.office_name, today=s.today)))
        self.query_one(DashboardView).data = s
        conf = s.next_conference
        # what is on screen, for tests and for anyone reading the state
        self.shown = {"counts": dict(s.counts), "milestones": len(s.milestones) if conf else 0,
                      "figures": s.figures,
                      "documents": len(s.recent_documents),
                      "next": f"{conf.title} {days_text(s.days_to_next)}" if conf else ""}


class DashboardView(Widget):
    """The dashboard's three panels, laid out as text for the widget's width
    (cheap to draw again when the terminal is resized)."""

    data = reactive(None, layout=False)

    def render(self) -> Text:
        if self.data is None:
            return Text(W.LOADING)
        accent = self.app.theme_variables.get("primary", "blue")
        return Text("\n").join(draw(self.data, max(self.content_size.width, 40), accent))


def figures_line(o, withdrawn: int) -> str:
    """The conference's petitions as its report counts them (statistics.compute)."""
    from models.core.words import COUNT_LABELS, RECEIVED

    parts = [f"{label.lower()} {o.count(k)}" for k, label in COUNT_LABELS.items() if o.count(k)]
    line = W.PETITIONS.format(received=RECEIVED.lower(), total=o.total) + ", ".join(parts)
    return line + (W.WITHDRAWN.format(withdrawn=withdrawn) if withdrawn else "") + "."


def draw(s, width: int, accent: str) -> list[Text]:
    """The dashboard for summary ``s`` as lines of at most ``width`` cells."""
    inner = width - 4
    conf = s.next_conference
    if conf is None:
        upper = [Text(line) for line in wrap(
            W.NO_CONFERENCE, inner)]
    else:
        upper = [Text(conf.title, style="bold"),
                 Text.assemble(W.CONFERENCE_LINE.format(start_time=conf.start_time, date=conf.date, venue=conf.venue),
                               (W.MET_FINISHING if s.next_is_past else days_text(s.days_to_next),
                                "bold"), W.STATE_LABEL, (conf.status_label, "bold"))]
        rows = [[m.label, f"{m.due:%d/%m/%Y}", W.DONE if m.state == "done" else days_text(m.days_left),
                 Text(m.state_label, style=STATE_STYLE[m.state]), clip(m.source, 34)]
                for m in s.milestones]
        upper += table([W.MILESTONE, W.DUE, W.LEFT, STATUS, W.SOURCE], rows, inner, fixed={1, 2, 3},
                       shrink_first=(4,))
        if getattr(s, "figures", None) is not None:
            upper += [Text(line) for line in wrap(figures_line(s.figures, s.withdrawn), inner)]
    for other in getattr(s, "unfinished", []):
        upper += [Text(line, style="dim") for line in wrap(
            W.UNFINISHED.format(date=other.date, status_label=other.status_label), inner)]
    from models.services.followup import COUNT_CAP, figure

    c = s.counts

    def n(key: str) -> str:
        return figure(c.get(key, 0), COUNT_CAP)

    counts = [Text(W.LATE.format(late=n('late')), style="bold red"),
              Text(f"{due_soon_text()}: {n('due_soon')}", style="bold yellow"),
              Text(f"{PETITION_STATUSES['open']}: {n('open')}", style="bold"),
              Text(f"{URGENCY_LABELS['waiting']}: {n('waiting')}")]
    if s.recent_documents:
        docs = [[d.symbol, f"{d.issued_on:%d/%m/%Y}", s.signature_waits.get(d.id, ""), clip(d.title, 48)]
                for d in s.recent_documents]
        make_docs = (lambda w: table([SYMBOL, W.DATE, W.SIGNED, SUMMARY], docs, w, fixed={0, 1, 2}))
    else:
        make_docs = (lambda w: [Text(W.NO_DOCUMENTS)])
    lines = box(W.MET_TITLE if s.next_is_past else W.NEXT_TITLE, upper, width,
                accent)
    side = width >= 90  # the two lower panels side by side
    left_w = 40 if side else width
    right_w = width - 41 if side else width
    left_body = counts + [Text(line, style="dim")
                          for line in wrap(W.SEE_BOARD, left_w - 4)]
    right_body = make_docs(right_w - 4)
    height = max(len(left_body), len(right_body)) if side else 0
    left = box(W.PETITIONS_TITLE, left_body, left_w, accent, height)
    right = box(W.RECENT_DOCUMENTS, right_body, right_w, accent, height)
    return lines + (side_by_side(left, right) if side else left + right)
