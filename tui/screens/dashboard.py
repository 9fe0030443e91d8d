"""Tổng quan: the next conference and its milestones, petitions that need
attention, recent documents."""
from __future__ import annotations

from rich.box import ROUNDED
from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from ..widgets.keybar import KeyBar
from .base import AppScreen

STATE_STYLE = {"done": "dim", "late": "bold red", "due_soon": "bold yellow", "pending": "green"}


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def days_text(n: int) -> str:
    if n == 0:
        return "hôm nay"
    return f"còn {n} ngày" if n > 0 else f"trễ {-n} ngày"


class DashboardScreen(AppScreen):
    HELP = ("Tổng quan cho biết hội nghị sắp tới và các mốc thời hạn theo luật, số kiến nghị quá hạn, "
            "sắp đến hạn (trong 3 ngày làm việc) và đang xử lý, cùng các văn bản mới ban hành.\n"
            "Màu đỏ: đã quá hạn; vàng: sắp đến hạn; xanh: còn thời gian.")
    BINDINGS = [Binding("r", "refresh", "Tải lại", id="dashboard.refresh")]

    class Loaded(Message):
        """Posted when the dashboard shows its data (used by tests and timing)."""

    def compose(self) -> ComposeResult:
        # The dashboard is read-only: its panels are drawn by rich inside one
        # widget, which keeps the first paint of the app cheap on an old PC.
        yield Static(" Tổng quan", id="dash-title", classes="screen-title")
        yield Static("Đang tải…", id="dash-body")
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

    @work(thread=True, exclusive=True, group="dashboard")
    def load(self) -> None:
        from models.services.dashboard import summary

        try:
            data = summary(self.office)
        except Exception as exc:  # shown, not raised: the app keeps running
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.show, data)

    def show(self, s) -> None:
        with self.app.batch_update():
            self._show(s)
        self.post_message(self.Loaded())

    def _show(self, s) -> None:
        self.query_one("#dash-title", Static).update(
            f" Tổng quan — {s.office_name} — hôm nay {s.today:%d/%m/%Y}")
        conf = s.next_conference
        if conf is None:
            upcoming = Text("Chưa có hội nghị nào sắp tới. Tạo hội nghị ở màn hình Hội nghị (F4).")
        else:
            table = _table((("Mốc", 0), ("Hạn", 10), ("Còn", 11), ("Trạng thái", 12), ("Căn cứ", 0)))
            for m in s.milestones:
                table.add_row(m.label, f"{m.due:%d/%m/%Y}",
                              "đã xong" if m.state == "done" else days_text(m.days_left),
                              Text(m.state_label, style=STATE_STYLE[m.state]), _short(m.source, 34))
            upcoming = Group(Text.from_markup(
                f"[b]{escape(conf.title)}[/b]\n{conf.start_time} ngày {conf.date:%d/%m/%Y} tại "
                f"{escape(conf.venue)} — [b]{days_text(s.days_to_next)}[/b] · {conf.status_label}"), table)
        c = s.counts
        counts = Text.from_markup(
            f"[b red]Quá hạn: {c.get('late', 0)}[/]\n"
            f"[b yellow]Sắp đến hạn (3 ngày làm việc): {c.get('due_soon', 0)}[/]\n"
            f"[b]Đang xử lý: {c.get('open', 0)}[/]\n[dim]Xem và xử lý ở màn hình Theo dõi (F6).[/]")
        docs = _table((("Số, ký hiệu", 14), ("Ngày", 10), ("Trích yếu", 0)))
        for d in s.recent_documents:
            docs.add_row(d.symbol, f"{d.issued_on:%d/%m/%Y}", _short(d.title, 48))
        accent = self.app.theme_variables.get("primary", "blue")
        lower = Table.grid(expand=True, padding=(0, 1))
        lower.add_column(width=40)
        lower.add_column(ratio=1)
        lower.add_row(_panel("Kiến nghị cần xử lý", counts, accent),
                      _panel("Văn bản gần đây", docs if s.recent_documents else Text("Chưa có văn bản nào."),
                             accent))
        self.query_one("#dash-body", Static).update(Group(_panel("Hội nghị sắp tới", upcoming, accent), lower))
        # what is on screen, for tests and for anyone reading the state
        self.shown = {"counts": dict(c), "milestones": len(s.milestones) if conf else 0,
                      "documents": len(s.recent_documents),
                      "next": f"{conf.title} {days_text(s.days_to_next)}" if conf else ""}


def _panel(title: str, body, colour: str) -> Panel:
    return Panel(body, title=f"[b]{title}[/b]", title_align="left", border_style=colour, box=ROUNDED,
                 padding=(0, 1))


def _table(columns) -> Table:
    """A borderless table; columns with a width never shrink (dates, numbers),
    the others give way with an ellipsis when the terminal is narrow."""
    table = Table(box=None, pad_edge=False, header_style="bold", expand=False, show_edge=False)
    for name, width in columns:
        table.add_column(name, no_wrap=True, min_width=width or None, overflow="ellipsis")
    return table
