"""Tổng quan: the next conference and its milestones, petitions that need
attention, recent documents."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
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
        # Read-only panels: rich tables in plain Statics keep the first paint
        # cheap (a DataTable is a scrolling widget with its own cursor and
        # layout work, and nothing here is selected).
        yield Static(" Tổng quan", id="dash-title", classes="screen-title")
        with Vertical(classes="panel", id="next-panel") as panel:
            panel.border_title = "Hội nghị sắp tới"
            yield Static("Đang tải…", id="next-conf")
            yield Static("", id="milestones")
        with Horizontal(id="dash-lower"):
            with Vertical(classes="panel", id="petition-panel") as panel:
                panel.border_title = "Kiến nghị cần xử lý"
                yield Static("", id="counts")
            with Vertical(classes="panel", id="docs-panel") as panel:
                panel.border_title = "Văn bản gần đây"
                yield Static("", id="recent-docs")
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
            self.query_one("#next-conf", Static).update(
                "Chưa có hội nghị nào sắp tới. Tạo hội nghị ở màn hình Hội nghị (F4).")
            self.query_one("#milestones", Static).update("")
        else:
            self.query_one("#next-conf", Static).update(
                f"[b]{conf.title}[/b]\n{conf.start_time} ngày {conf.date:%d/%m/%Y} tại {conf.venue} — "
                f"[b]{days_text(s.days_to_next)}[/b] · {conf.status_label}")
            table = _table((("Mốc", 0), ("Hạn", 10), ("Còn", 11), ("Trạng thái", 12), ("Căn cứ", 0)))
            for m in s.milestones:
                table.add_row(m.label, f"{m.due:%d/%m/%Y}",
                              "đã xong" if m.state == "done" else days_text(m.days_left),
                              Text(m.state_label, style=STATE_STYLE[m.state]), _short(m.source, 34))
            self.query_one("#milestones", Static).update(table)
        c = s.counts
        self.query_one("#counts", Static).update(
            f"[b red]Quá hạn: {c.get('late', 0)}[/]\n"
            f"[b yellow]Sắp đến hạn (3 ngày làm việc): {c.get('due_soon', 0)}[/]\n"
            f"[b]Đang xử lý: {c.get('open', 0)}[/]\n[dim]Xem và xử lý ở màn hình Theo dõi (F6).[/]")
        docs = _table((("Số, ký hiệu", 14), ("Ngày", 10), ("Trích yếu", 0)))
        for d in s.recent_documents:
            docs.add_row(d.symbol, f"{d.issued_on:%d/%m/%Y}", _short(d.title, 48))
        self.query_one("#recent-docs", Static).update(docs if s.recent_documents else "Chưa có văn bản nào.")


def _table(columns) -> Table:
    """A borderless table; columns with a width never shrink (dates, numbers),
    the others give way with an ellipsis when the terminal is narrow."""
    table = Table(box=None, pad_edge=False, header_style="bold", expand=False, show_edge=False)
    for name, width in columns:
        table.add_column(name, no_wrap=True, min_width=width or None, overflow="ellipsis")
    return table
