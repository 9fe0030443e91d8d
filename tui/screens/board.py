"""Theo dõi: every petition that still needs action, one page at a time.

The screen keeps a BoardQuery (filters, sort, search, page) and asks
models.services.board for one page of plain rows in a thread worker; it never
holds more than a page, so it stays quick on a province's database. Actions
open a small form, save through models.services.board_actions and reload."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from models import clock
from models.services import board as svc

from models.services.petition_edit import for_group

from ..widgets.boxes import clip
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.table import Table
from .base import AppScreen

COLUMNS = ("Hạn", "Còn / trễ", "Trạng thái", "Đơn vị", "Lĩnh vực", "Thôn", "Người kiến nghị", "Nội dung",
           "Hội nghị")
# urgency → theme variable used to colour the deadline cells
URGENCY_VARIABLE = {"late": "error", "due_soon": "warning", "on_track": "success", "done": "text-muted"}
SEARCH_DELAY = 0.3   # seconds after the last key before the search runs
# document kind → (the row's attribute it is printed for, message when the row has none)
PRINTS = {
    "answer": ("id", ""),
    "reminder": ("unit_id", "Kiến nghị này chưa giao đơn vị nào. Bấm G để giao."),
    "conclusion": ("conference_id", "Kiến nghị này nhận ngoài hội nghị nên không có thông báo kết luận."),
    "report": ("conference_id", "Hãy chọn một kiến nghị của hội nghị cần báo cáo."),
}



def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


class BoardScreen(AppScreen):
    HELP = ("Bảng theo dõi liệt kê các kiến nghị còn phải xử lý của mọi hội nghị, mọi năm: hạn trả lời, số ngày "
            "còn lại hoặc đã trễ (ngày làm việc với kiến nghị nhận ngoài hội nghị), đơn vị, lĩnh vực, thôn.\n"
            "LV: ngày làm việc. Màu đỏ: quá hạn; vàng: đến hạn trong 3 ngày làm việc; xanh: trong hạn; mờ: đã xong "
            "(cùng cách tính với màn hình Tổng quan).\n"
            "/: tìm (không cần gõ dấu: “dat dai” tìm được “đất đai”) · L: lọc theo đơn vị, lĩnh vực, thôn, "
            "trạng thái, hội nghị, khoảng ngày · 0: bỏ lọc · S: đổi cách sắp xếp · D: đảo chiều · [ ]: trang.\n"
            "Enter: xem chi tiết và lịch sử (E trong chi tiết: sửa mọi ô hoặc rút kiến nghị) · G: giao đơn vị · "
            "H: gia hạn · T: ghi văn bản trả lời (kiến nghị đã chuyển: ghi trả lời của cấp trên) · "
            "C: đóng · M: mở lại. Với kiến nghị trong một nhóm cùng nội dung, G, H, T, C áp dụng cho cả nhóm, "
            "mỗi ý kiến có dòng lịch sử riêng.\n"
            "In: I công văn trả lời · U công văn đôn đốc đơn vị · K thông báo kết luận · B báo cáo cấp trên.\n"
            "X: xuất Excel hoặc CSV (có thể bỏ địa chỉ, điện thoại của công dân).")
    BINDINGS = [
        Binding("slash", "search", "Tìm", id="board.search"),
        Binding("l", "filter", "Lọc", id="board.filter"),
        Binding("0", "clear_filters", "Bỏ lọc", id="board.clear"),
        Binding("s", "sort", "Sắp xếp", id="board.sort"),
        Binding("d", "reverse", "Đảo chiều", id="board.reverse", show=False),
        Binding("right_square_bracket", "page(1)", "Trang sau", id="board.next_page", show=False),
        Binding("left_square_bracket", "page(-1)", "Trang trước", id="board.prev_page", show=False),
        Binding("g", "assign", "Giao đơn vị", id="board.assign"),
        Binding("h", "extend", "Gia hạn", id="board.extend"),
        Binding("t", "answer", "Ghi trả lời", id="board.answer"),
        Binding("c", "close_petition", "Đóng", id="board.close"),
        Binding("m", "reopen", "Mở lại", id="board.reopen"),
        Binding("i", "print('answer')", "In trả lời", id="board.print_answer", show=False),
        Binding("u", "print('reminder')", "In đôn đốc", id="board.print_reminder", show=False),
        Binding("k", "print('conclusion')", "In kết luận", id="board.print_conclusion", show=False),
        Binding("b", "print('report')", "In báo cáo", id="board.print_report", show=False),
        Binding("x", "export", "Xuất Excel/CSV", id="board.export"),
        Binding("r", "refresh", "Tải lại", id="board.refresh", show=False),
    ]

    class Loaded(Message):
        """Posted when a page is on screen (tests and timing wait for it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query_state: svc.BoardQuery | None = None
        self.page_data: svc.BoardPage | None = None
        self.rows_by_id: dict[int, svc.BoardRow] = {}
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(" Theo dõi", id="board-title", classes="screen-title")
        yield Static("", id="board-filters", classes="hint")
        yield Input(placeholder="Tìm (/): tên, nội dung, thôn, lĩnh vực, đơn vị — không cần gõ dấu",
                    id="board-search")
        yield Table(id="board-table", cursor_type="row", zebra_stripes=True)
        yield Static("Đang tải…", id="board-status", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_state = svc.BoardQuery(self.office.id)
        self.query_one("#board-table", DataTable).add_columns(*COLUMNS)
        self.query_one("#board-table", DataTable).focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.query_state is not None:
            self.load()

    # loading -----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="board")
    def load(self) -> None:
        q = self.query_state.with_(today=clock.today())
        try:
            data = svc.page(q)
        except Exception as exc:  # shown, not raised: the app keeps running
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.show, data)

    def show(self, data: svc.BoardPage) -> None:
        self.page_data = data
        self.query_state = self.query_state.with_(page=data.page)
        colours = self.app.get_css_variables()
        table = self.query_one("#board-table", DataTable)
        keep = table.cursor_row
        table.clear()
        self.rows_by_id = {}
        for r in data.rows:
            self.rows_by_id[r.id] = r
            style = colours.get(URGENCY_VARIABLE[r.urgency], "")
            # narrow cells so the key columns fit 120 characters; Enter shows everything
            table.add_row(Text(_d(r.due_on), style=style), Text(r.days_text.replace(" làm việc", " LV"), style=style),
                          r.status_label, clip(r.unit, 16), clip(r.field, 14), clip(r.village, 12),
                          clip(r.citizen, 18), clip(r.summary, 40), r.conference, key=str(r.id))
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        c = data.counts
        self.query_one("#board-title", Static).update(
            f" Theo dõi — {c.get('total', 0)} kiến nghị · Quá hạn {c.get('late', 0)} · "
            f"Sắp đến hạn {c.get('due_soon', 0)} · Trong hạn {c.get('on_track', 0)}"
            + (f" · Đã xong {c['done']}" if c.get("done") else ""))
        self.query_one("#board-filters", Static).update(self.describe_filters())
        self.query_one("#board-status", Static).update(
            f"Trang {data.page + 1}/{data.pages} · [ ]: chuyển trang · Enter: chi tiết"
            if data.total else "Không có kiến nghị nào khớp. Bấm 0 để bỏ lọc, hoặc sửa từ khóa tìm kiếm.")
        self.post_message(self.Loaded())

    def describe_filters(self) -> str:
        q = self.query_state
        parts = [svc.STATUS_FILTERS.get(q.status, q.status)]
        if q.urgency:
            from models.services.followup import URGENCY_LABELS

            parts.append(URGENCY_LABELS[q.urgency])
        names = getattr(self, "_filter_names", {})
        for key in ("unit", "field", "village", "conference"):
            if getattr(q, f"{key}_id") is not None:
                parts.append(names.get(key, ""))
        if q.received_from or q.received_to:
            parts.append(f"nhận từ {_d(q.received_from) or '…'} đến {_d(q.received_to) or '…'}")
        if q.search.strip():
            parts.append(f"tìm “{q.search.strip()}”")
        label = svc.SORTS[q.sort][0]
        return f"Lọc: {' · '.join(p for p in parts if p)} — Sắp xếp: {label} {'↓' if q.descending else '↑'}"

    def requery(self, **changes) -> None:
        changes.setdefault("page", 0)
        self.query_state = self.query_state.with_(**changes)
        self.load()

    # search, filter, sort, pages --------------------------------------------
    def action_search(self) -> None:
        self.query_one("#board-search", Input).focus()

    @on(Input.Changed, "#board-search")
    def _typed(self, event: Input.Changed) -> None:
        # a one-shot timer, restarted by every key: it exists only while typing
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def _run_search(self) -> None:
        self._search_timer = None
        text = self.query_one("#board-search", Input).value
        if text != self.query_state.search:
            self.requery(search=text)

    @on(Input.Submitted, "#board-search")
    def _search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._run_search()
        self.query_one("#board-table", DataTable).focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.focused is self.query_one("#board-search", Input):
            self.query_one("#board-table", DataTable).focus()
            event.stop()

    def action_filter(self) -> None:
        from models.services.followup import URGENCY_LABELS

        q = self.query_state
        opts = svc.choices(self.office.id)
        fields = [
            FormField("status", "Trạng thái", q.status, kind="select",
                      options=[(label, key) for key, label in svc.STATUS_FILTERS.items()]),
            FormField("urgency", "Mức độ", q.urgency, kind="select",
                      options=[(label, key) for key, label in URGENCY_LABELS.items()]),
            FormField("unit", "Đơn vị", q.unit_id, kind="select", options=opts["unit"]),
            FormField("field", "Lĩnh vực", q.field_id, kind="select", options=opts["field"]),
            FormField("village", "Thôn, tổ dân phố", q.village_id, kind="select", options=opts["village"]),
            FormField("conference", "Hội nghị", q.conference_id, kind="select", options=opts["conference"]),
            FormField("received_from", "Nhận từ ngày", _d(q.received_from), placeholder="01/01/2026"),
            FormField("received_to", "Đến ngày", _d(q.received_to), placeholder="31/12/2026"),
        ]

        def save(v):
            from models.errors import ValidationError
            from models.services.validate import parse_date

            start = parse_date(v["received_from"], "Từ ngày", field="received_from") \
                if str(v["received_from"]).strip() else None
            end = parse_date(v["received_to"], "Đến ngày", field="received_to") \
                if str(v["received_to"]).strip() else None
            if start and end and end < start:
                raise ValidationError("“Đến ngày” phải sau “Nhận từ ngày”.", field="received_to")
            self._filter_names = {k: next((lb for lb, val in opts[k] if val == v[k]), "") for k in opts}
            return dict(status=v["status"] or "action", urgency=v["urgency"], unit_id=v["unit"],
                        field_id=v["field"], village_id=v["village"], conference_id=v["conference"],
                        received_from=start, received_to=end)

        self.app.push_screen(FormScreen("Lọc bảng theo dõi", fields, save),
                             lambda changes: changes and self.requery(**changes))

    def action_clear_filters(self) -> None:
        self.query_one("#board-search", Input).value = ""
        self.requery(status="action", urgency=None, unit_id=None, field_id=None, village_id=None,
                     conference_id=None, received_from=None, received_to=None, search="")

    def action_sort(self) -> None:
        keys = list(svc.SORTS)
        self.requery(sort=keys[(keys.index(self.query_state.sort) + 1) % len(keys)])
        self.notify(f"Sắp xếp theo {svc.SORTS[self.query_state.sort][0].lower()}", timeout=2)

    def action_reverse(self) -> None:
        self.requery(descending=not self.query_state.descending)

    def action_page(self, step: int) -> None:
        data = self.page_data
        if data is None:
            return
        target = min(max(0, data.page + step), data.pages - 1)
        if target != data.page:
            self.requery(page=target)

    def action_refresh(self) -> None:
        self.load()

    # the current row ----------------------------------------------------------
    def current(self) -> svc.BoardRow | None:
        table = self.query_one("#board-table", DataTable)
        if not table.row_count:
            self.notify("Chưa chọn kiến nghị nào.", severity="warning", timeout=3)
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows_by_id.get(int(key))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        row = self.current()
        if row is None:
            return
        from .board_detail import PetitionDetailScreen

        try:
            detail = svc.detail(row.id)
        except Exception as exc:
            self.notify_error(exc)
            return
        self.app.push_screen(PetitionDetailScreen(detail), lambda changed: changed and self.load())

    def _act(self, title: str, fields: list[FormField], apply) -> None:
        """A form for the current row; ``apply(petition, values, version)`` saves."""
        row = self.current()
        if row is None:
            return

        def save(values):
            from models.services.petition_edit import group_members

            p = svc.petition(row.id)
            done = apply(p, values, row.row_version)
            n = len(group_members(p))
            if n > 1:
                self.notify(f"Đã áp dụng cho cả nhóm {n} ý kiến cùng nội dung.", timeout=4)
            return done

        def done(result):
            if result is not None:
                self.notify("Đã lưu.", timeout=2)
                self.load()

        self.app.push_screen(FormScreen(f"{title} — {clip(row.citizen, 30)}: {clip(row.summary, 50)}",
                                        fields, save), done)

    def action_assign(self) -> None:
        from models.services import board_actions as act

        row = self.current()
        if row is None:
            return
        units = svc.choices(self.office.id)["unit"]
        self._act("Giao đơn vị", [FormField("unit", "Đơn vị trả lời", row.unit_id, kind="select", options=units)],
                  lambda p, v, ver: for_group(p, act.assign, v["unit"], expected_version=ver))

    def action_extend(self) -> None:
        from models.services import board_actions as act

        row = self.current()
        if row is None:
            return
        self._act("Gia hạn", [FormField("due_on", "Hạn mới (ngày/tháng/năm)", "", placeholder=_d(row.due_on)),
                              FormField("reason", "Lý do gia hạn", "", kind="text")],
                  lambda p, v, ver: for_group(p, act.extend, v["due_on"], v["reason"], expected_version=ver))

    def action_answer(self) -> None:
        from models.services import board_actions as act
        from models.services.petition_edit import record_upper_reply

        row = self.current()
        if row is None:
            return
        if row.status == "forwarded":
            self._act("Ghi trả lời của cấp trên",
                      [FormField("answer_number", "Số, ký hiệu văn bản của cấp trên", ""),
                       FormField("answer_date", "Ngày văn bản", _d(clock.today())),
                       FormField("answer_summary", "Tóm tắt trả lời", "", kind="text")],
                      lambda p, v, ver: for_group(p, record_upper_reply, v["answer_number"], v["answer_date"],
                                                  v["answer_summary"], expected_version=ver))
            return
        self._act("Ghi văn bản trả lời",
                  [FormField("answer_number", "Số, ký hiệu văn bản", "", placeholder="15/UBND-ĐCXD"),
                   FormField("answer_date", "Ngày văn bản", _d(clock.today())),
                   FormField("answer_summary", "Tóm tắt nội dung trả lời", "", kind="text")],
                  lambda p, v, ver: for_group(p, act.record_answer, v["answer_number"], v["answer_date"],
                                              v["answer_summary"], expected_version=ver))

    def action_close_petition(self) -> None:
        from models.services import board_actions as act

        self._act("Đóng kiến nghị", [FormField("note", "Ghi chú (bắt buộc nếu chưa có văn bản trả lời)", "")],
                  lambda p, v, ver: for_group(p, act.close, v["note"], expected_version=ver))

    def action_reopen(self) -> None:
        from models.services import board_actions as act

        self._act("Mở lại kiến nghị", [FormField("reason", "Lý do mở lại", ""),
                                       FormField("due_on", "Hạn mới (để trống: giữ hạn cũ)", "")],
                  lambda p, v, ver: act.reopen(p, v["reason"], v["due_on"], expected_version=ver))

    # printing and export ------------------------------------------------------
    def action_print(self, kind: str) -> None:
        """Print the document of ``kind`` for the current row (its petition,
        its unit or its conference)."""
        row = self.current()
        if row is None:
            return
        attr, missing = PRINTS[kind]
        ref = getattr(row, attr)
        if ref is None:
            self.notify(missing, severity="warning")
            return
        self.print_document(kind, ref)

    @work(thread=True, group="board-print")
    def print_document(self, kind: str, ref_id: int) -> None:
        from .. import documents as pipeline

        slug = {"answer": "tra-loi", "reminder": "don-doc", "conclusion": "ket-luan", "report": "bao-cao"}[kind]
        self.app.call_from_thread(self.notify, "Đang tạo tệp PDF…", timeout=2)
        try:
            path = pipeline.preview(self.office, slug, ref_id)
        except Exception as exc:
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.notify, f"Đã tạo tệp: {path}", timeout=10)

    def action_export(self) -> None:
        from models.paths import locations
        from models.services.export import default_name

        today = clock.today()
        folder = locations().documents
        fields = [
            FormField("what", "Xuất", "board", kind="select",
                      options=[("Bảng theo dõi (theo bộ lọc hiện tại, mọi trang)", "board"),
                               ("Thống kê theo lĩnh vực, đơn vị, thôn, tình trạng", "stats")]),
            FormField("fmt", "Định dạng", "xlsx", kind="select",
                      options=[("Excel (.xlsx)", "xlsx"), ("CSV (mở được bằng Excel)", "csv")]),
            FormField("contacts", "Thông tin liên hệ của công dân", "yes", kind="select",
                      options=[("Có địa chỉ, điện thoại", "yes"), ("Bỏ địa chỉ, điện thoại", "no")]),
            FormField("path", "Thư mục lưu", str(folder)),
        ]

        def save(v):
            from pathlib import Path

            from models.errors import ValidationError

            if not str(v["path"]).strip():
                raise ValidationError("Hãy ghi thư mục lưu tệp.", field="path")
            fmt = v["fmt"] or "xlsx"
            name = default_name("theo-doi" if v["what"] != "stats" else "thong-ke", today, fmt)
            target = Path(str(v["path"]).strip()).expanduser()
            return {"path": target / name if not target.suffix else target, "fmt": fmt,
                    "what": v["what"] or "board", "contacts": v["contacts"] != "no"}

        self.app.push_screen(FormScreen("Xuất dữ liệu", fields, save), lambda job: job and self.export(job))

    @work(thread=True, group="board-export")
    def export(self, job: dict) -> None:
        from models.services import export, statistics

        q = self.query_state.with_(today=clock.today())
        try:
            if job["what"] == "stats":
                res = export.export_statistics(statistics.compute(q.with_(status="all")), job["path"], job["fmt"])
                msg = f"Đã xuất thống kê ({res.rows} kiến nghị): {res.path}"
            else:
                res = export.export_board(q, job["path"], job["fmt"], contacts=job["contacts"])
                msg = f"Đã xuất {res.rows} kiến nghị: {res.path}"
        except Exception as exc:
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.notify, msg, timeout=10)
