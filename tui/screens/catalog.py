"""Danh mục: the office profile and its lists (officials, units, villages,
fields). Add with A, edit with E or Enter, stop/resume using with X."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from models.core.errors import ValidationError
from models.services import catalog as svc
from models.services import wording
from models.core.words import CONTENT, FIELD, NUMBERING_CHOICES, STATUS, UNIT, VILLAGE

from .. import work
from ..pin import ask_pin, with_pin
from ..role_keys import RoleKeys
from .. import words
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.table import Table
from .base import AppScreen


def _edit_item(_office, rec, values):
    if "code" in values:
        from models.services.validate import parse_int

        values["code"] = parse_int(values["code"], "Số phím tắt", minimum=0, maximum=99)
    return svc.update_item(rec, values, expected_version=rec.row_version)


def _toggle_active(rec):
    svc.update_item(rec, {"active": not rec.active})


@dataclass
class ListSpec:
    tab: str
    title: str
    columns: tuple[str, ...]
    rows: Callable                      # office -> records
    cells: Callable                     # record -> tuple
    form: Callable                      # record|None -> list[FormField]
    add: Callable | None                # office, values -> record (None: cannot add)
    name_key: str = "name"
    edit: Callable = _edit_item         # office, record, values -> record
    toggle: Callable | None = _toggle_active   # X: stop using / delete
    key_of: Callable = lambda r: str(r.id)


def _official_form(r):
    return [FormField("full_name", "Họ và tên", r.full_name if r else ""),
            FormField("position", "Chức vụ", r.position if r else "", placeholder="Phó Chủ tịch UBND xã")]


def _unit_form(r):
    return [FormField("name", "Tên đơn vị", r.name if r else ""),
            FormField("short_name", "Viết tắt (dùng trong số công văn)", r.short_name if r else ""),
            FormField("head_name", "Người phụ trách", r.head_name if r else "")]


def _village_form(r):
    return [FormField("name", "Tên thôn, tổ dân phố", r.name if r else ""),
            FormField("kind", "Loại", r.kind if r else VILLAGE, placeholder="Thôn / Tổ dân phố / Khu dân cư"),
            FormField("station", "Cụm loa truyền thanh", r.station if r else ""),
            FormField("leader_name", "Trưởng thôn", r.leader_name if r else "")]


def _field_form(r):
    return [FormField("name", "Tên lĩnh vực", r.name if r else ""),
            FormField("code", "Số phím tắt", str(r.code) if r else "")]


def _add_field(office, v):
    code = v.get("code")
    from models.services.validate import parse_int

    return svc.add_field(office, v["name"], code=parse_int(code, "Số phím tắt", minimum=0, maximum=99)
                         if str(code or "").strip() else None)


def _active(r):
    return "đang dùng" if r.active else "ngừng dùng"


LISTS = [
    ListSpec("officials", "Cán bộ", ("Họ và tên", "Chức vụ", STATUS),
             lambda o: svc.officials(o, active_only=False), lambda r: (r.full_name, r.position, _active(r)),
             _official_form, lambda o, v: svc.add_official(o, v["full_name"], position=v["position"]),
             name_key="full_name"),
    # "Mã" is the ID that `doithoai print don-doc ID` takes
    ListSpec("units", UNIT, ("Tên đơn vị", "Viết tắt", "Phụ trách", STATUS, "Mã"),
             lambda o: svc.units(o, active_only=False),
             lambda r: (r.name, r.short_name, r.head_name, _active(r), str(r.id)), _unit_form,
             lambda o, v: svc.add_unit(o, v["name"], short_name=v["short_name"], head_name=v["head_name"])),
    ListSpec("villages", "Thôn, tổ dân phố", ("Tên", "Loại", "Cụm loa", "Trưởng thôn", STATUS),
             lambda o: svc.villages(o, active_only=False),
             lambda r: (r.name, r.kind, r.station, r.leader_name, _active(r)), _village_form,
             lambda o, v: svc.add_village(o, v["name"], kind=v["kind"], station=v["station"],
                                          leader_name=v["leader_name"])),
    ListSpec("fields", FIELD, ("Phím", "Tên lĩnh vực", STATUS),
             lambda o: svc.fields(o, active_only=False), lambda r: (str(r.code), r.name, _active(r)),
             _field_form, _add_field),
]

def _rule_rows(office):
    from models.domain.rules import office_rules

    return list(office_rules(office).values())


def _rule_form(r):
    return [FormField("days", f"Số ngày — {r.label}", str(r.days)),
            FormField("unit", "Cách tính", r.unit, kind="select",
                      options=[("ngày (lịch)", "calendar"), ("ngày làm việc", "working")])]


def _holiday_form(r):
    return [FormField("day", "Ngày (ngày/tháng/năm)", f"{r.day:%d/%m/%Y}" if r else ""),
            FormField("kind", "Loại ngày", r.kind if r else "off", kind="select",
                      options=[("Ngày nghỉ hoán đổi", "off"), ("Ngày làm bù", "work")]),
            FormField("note", "Ghi chú", r.note if r else "")]


def _save_holiday(office, values, old=None):
    from models.services.validate import parse_date

    day = parse_date(values["day"], "Ngày", field="day")
    if old is not None and old.day != day:
        svc.remove_holiday_override(old)
    return svc.set_holiday_override(office, day, values["kind"] or "off", values["note"])


LISTS += [
    ListSpec("rules", "Thời hạn", ("Mốc", "Số ngày", "Cách tính", "Căn cứ"), _rule_rows,
             lambda r: (r.label, str(r.days), "ngày làm việc" if r.unit == "working" else "ngày", r.source),
             _rule_form, None,
             edit=lambda o, r, v: svc.set_rule(o, r.key, v["days"], v["unit"] or "calendar"),
             toggle=None, key_of=lambda r: r.key),
    ListSpec("holidays", "Ngày nghỉ, làm bù", ("Ngày", "Loại", "Ghi chú"), svc.holiday_overrides,
             lambda r: (f"{r.day:%d/%m/%Y}", "nghỉ hoán đổi" if r.kind == "off" else "làm bù", r.note),
             _holiday_form, lambda o, v: _save_holiday(o, v),
             edit=lambda o, r, v: _save_holiday(o, v, r), toggle=svc.remove_holiday_override),
]


def _wording_form(r):
    return [FormField("value", f"{r.label} — để trống để dùng mặc định", r.value, kind="text")]


LISTS += [
    ListSpec("wording", "Nơi nhận", ("Mục", CONTENT, "Mặc định?"),
             lambda o: wording.items(o),
             lambda r: (r.label, r.value.replace("\n", "; "), "riêng" if r.changed else "mặc định"),
             _wording_form, None, edit=lambda o, r, v: wording.set_value(o, r.key, v["value"]),
             toggle=None, key_of=lambda r: r.key),
]

def _person_form(r):
    from models.services.roles import ROLES

    return [FormField("full_name", "Họ và tên", r.full_name if r else ""),
            FormField("role", "Vai trò", r.role if r else "van_thu", kind="select",
                      options=[(label, code) for code, label in ROLES.items()]),
            FormField("login", "Tài khoản (đăng nhập PostgreSQL, hoặc tài khoản máy khi dùng SQLite)",
                      r.login if r else "", placeholder="có thể bỏ trống trên máy dùng chung")]


def _person_cells(r):
    from models.services.roles import role_label

    return (r.full_name, role_label(r.role), (r.login or "—") + (" · có mã PIN" if r.pin_hash else ""), _active(r))


def _people(office):
    from models.services.roles import people

    return people(office, active_only=False)


def _add_person(office, values):
    from models.services.roles import add_person

    return add_person(office, values["full_name"], values["role"] or "van_thu", login=values["login"])


def _edit_person(_office, rec, values):
    from models.services.roles import update_person

    return update_person(rec, values, expected_version=rec.row_version)


def _toggle_person(rec):
    from models.services.roles import update_person

    update_person(rec, {"active": not rec.active})


LISTS.append(ListSpec("people", "Người dùng", ("Họ và tên", "Vai trò", "Tài khoản", STATUS), _people,
                      _person_cells, _person_form, _add_person, name_key="full_name", edit=_edit_person,
                      toggle=_toggle_person))


@dataclass
class SettingRow:
    """One line of the Cài đặt tab: the privacy choice, or a field's usual unit."""

    key: str
    label: str
    value: str
    own: bool           # set by the office (otherwise the default)
    field: object = None


def _settings(office):
    from models.services.privacy import LABEL, keep_withheld_names
    from models.services.usual_units import usual_units

    keep = keep_withheld_names(office)
    rows = [SettingRow("privacy", LABEL, "Có" if keep else "Không (mặc định)", keep)]
    return rows + [SettingRow(f"unit-{u.field.id}", f"Đơn vị thường trả lời — {u.field.name}", u.unit or "—",
                              u.own, u.field) for u in usual_units(office)]


def _setting_form(r):
    if r.field is None:
        return [FormField("keep", r.label + " (khi công dân xin giấu tên)", r.own, kind="select",
                          options=[("Không: tên không được lưu (mặc định)", False),
                                   ("Có: lưu tên, nhưng không tìm, không xuất, không in được", True)])]
    from models.services.catalog import units
    from models.services.usual_units import usual_units

    current = next((u for u in usual_units(r.field.office) if u.field.id == r.field.id), None)
    chosen = next((u.id for u in units(r.field.office) if current and u.name == current.unit), None)
    return [FormField("unit", f"{r.label} (đơn vị mặc định khi ghi ý kiến trả lời bằng văn bản)", chosen,
                      kind="select", options=[(u.name, u.id) for u in units(r.field.office)])]


def _save_setting(office, r, values):
    if r.field is None:
        from models.services.privacy import set_keep_withheld_names

        set_keep_withheld_names(office, bool(values["keep"]))
    else:
        from models.services.usual_units import set_usual_unit

        set_usual_unit(office, r.field, values["unit"])
    return r


LISTS.append(ListSpec("settings", "Cài đặt", ("Mục", "Giá trị", "Theo"), _settings,
                      lambda r: (r.label, r.value, "cơ quan chọn" if r.own else "mặc định"),
                      _setting_form, None, edit=_save_setting, toggle=None, key_of=lambda r: r.key))


PROFILE_FIELDS = [
    ("name", "Tên cơ quan"), ("parent_body", "Cơ quan cấp trên (dòng đầu tiêu đề)"),
    ("header_name", "Tên cơ quan ở tiêu đề (mỗi dòng một hàng)"), ("locality", "Tên địa phương trong câu văn"),
    ("place_name", "Địa danh ở dòng ngày tháng"), ("abbreviation", "Chữ viết tắt trong số ký hiệu"),
    ("numbering", "Cách đánh số văn bản đi"), ("family", "Thể thức văn bản"),
    ("signer_authority", "Thẩm quyền ký (TM. ỦY BAN NHÂN DÂN; Đảng ủy: T/M BAN THƯỜNG VỤ)"), ("signer_position", "Chức vụ người ký"),
    ("signer_name", "Họ tên người ký"), ("address", "Địa chỉ"), ("phone", "Điện thoại"),
]


PROFILE_CHOICES = {
    "numbering": [(label, code) for code, label in NUMBERING_CHOICES.items()],
    "family": [("Nhà nước (Nghị định 30/2020/NĐ-CP)", "state"), ("Đảng (Hướng dẫn 36-HD/VPTW)", "party")],
}


def _profile_value(key: str, value) -> str:
    labels = dict((code, label) for label, code in PROFILE_CHOICES.get(key, []))
    return labels.get(value, value) or "—"


def _read_rows(spec: ListSpec, office) -> list[tuple]:
    """In a worker: (record, its cells) for each row of a tab."""
    return [(r, spec.cells(r)) for r in spec.rows(office)]


class CatalogScreen(RoleKeys, AppScreen):
    ROLE_KEYS = {"add": "catalog", "edit": "catalog", "toggle": "catalog", "signature_image": "catalog"}
    HELP = ("Danh mục là thông tin cơ quan và các danh sách dùng chung: cán bộ, đơn vị trả lời kiến nghị, "
            "thôn/tổ dân phố, lĩnh vực.\nChọn thẻ bằng phím ← →, di chuyển bằng ↑ ↓.\n"
            "A: thêm mới · E hoặc Enter: sửa · X: ngừng dùng / dùng lại (không xóa để giữ lịch sử).\n"
            "Thẻ Thời hạn: số ngày của từng mốc (mặc định theo luật, có ghi căn cứ); E để đổi.\n"
            "Thẻ Ngày nghỉ, làm bù: ngày nghỉ hoán đổi và ngày làm bù của cơ quan (ngoài ngày lễ, Tết); "
            "X để xóa một ngày.\n"
            "Thẻ Người dùng: ai làm việc với phần mềm và vai trò của họ (văn thư, thư ký, phó chủ tịch, chủ "
            "tịch, quản trị). Ban hành, điều chỉnh văn bản đã ban hành và sửa danh mục theo vai trò.\n"
            "K: ảnh hiện trên chữ ký số — ở thẻ Người dùng, ảnh chữ ký tay của người đang chọn (PNG nền trong "
            "suốt, màu xanh); ở thẻ Cơ quan, ảnh con dấu (PNG nền trong suốt, màu đỏ, đúng kích thước thật).\n"
            "P: đặt hoặc đổi mã PIN của người đang chọn (đổi mã đã có cần mã hiện tại, hoặc mã PIN của Chủ tịch, Quản "
            "trị).\nMáy dùng tệp SQLite (không có máy chủ): ai ngồi vào máy cũng chọn được tên bất kỳ, nên ban "
            "hành và điều chỉnh văn bản hỏi mã PIN của người đó; người có quyền mà chưa đặt mã PIN thì chưa làm "
            "được. Mã PIN chỉ giữ dạng băm (scrypt, có muối), không ai đọc lại được. Vai trò và mã PIN bảo vệ "
            "những việc làm qua phần mềm, KHÔNG bảo vệ tệp dữ liệu: ai sao chép được tệp cơ sở dữ liệu (hoặc "
            "bản sao lưu) thì đọc được mọi nội dung trong đó và sửa được bằng công cụ khác (phần mềm sẽ báo "
            "khi kiểm tra: doithoai doctor). Muốn giữ kín, hãy khóa tài khoản máy và cất bản sao lưu cẩn thận. "
            "Trên máy chủ PostgreSQL, mỗi người đăng nhập bằng tài khoản riêng và máy chủ giữ quyền.\n"
            "Thẻ Cài đặt: có giữ tên người xin giấu tên trong hồ sơ nội bộ hay không (mặc định: không lưu), và "
            "đơn vị thường trả lời từng lĩnh vực (đơn vị gợi ý đầu tiên khi ghi ý kiến trả lời bằng văn bản); "
            "E để đổi.")
    BINDINGS = [
        Binding("a", "add", words.ADD, id="catalog.add"),
        Binding("e", "edit", words.EDIT, id="catalog.edit"),
        Binding("x", "toggle", "Ngừng/dùng lại", id="catalog.toggle"),
        Binding("k", "signature_image", "Ảnh chữ ký, con dấu", id="catalog.signature_image"),
        Binding("p", "pin", "Mã PIN", id="catalog.pin"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(" Danh mục", classes="screen-title")
        with TabbedContent(id="catalog-tabs"):
            with TabPane("Cơ quan", id="tab-profile"):
                yield Static("", id="profile")
            for spec in LISTS:
                with TabPane(spec.title, id=f"tab-{spec.tab}"):
                    yield Table(id=f"table-{spec.tab}", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: each tab's records and their cells, as last read (in a worker)
        self.rows: dict[str, list[tuple]] = {}

    def on_mount(self) -> None:
        for spec in LISTS:
            self.query_one(f"#table-{spec.tab}", DataTable).add_columns(*spec.columns)
        self.refresh_all()

    def refresh_all(self) -> None:
        def read():             # in a worker
            office = type(self.office).get_by_id(self.office.id)
            return office, {spec.tab: _read_rows(spec, office) for spec in LISTS}

        work.run(self, read, done=self._show_all, group="catalog-all")

    def _show_all(self, result) -> None:
        self.app.office, lists = result
        o = self.office
        profile = Text()
        for key, label in PROFILE_FIELDS:  # user text shown as typed, never read as markup
            profile.append(f"{label}: ", style="bold").append(f"{_profile_value(key, getattr(o, key))}\n")
        self.query_one("#profile", Static).update(profile.append("\nE: sửa thông tin cơ quan", style="dim"))
        for spec in LISTS:
            self._show_list(spec, lists[spec.tab])

    def refresh_list(self, spec: ListSpec, select_id: int | None = None) -> None:
        if spec.tab == "people":        # a change of people or roles: the keys follow
            from ..role_keys import load_roles

            load_roles(self.app)
        work.run(self, _read_rows, spec, self.office, done=lambda rows: self._show_list(spec, rows, select_id),
                 group=f"catalog-{spec.tab}")

    def _show_list(self, spec: ListSpec, rows: list[tuple], select_id=None) -> None:
        self.rows[spec.tab] = rows
        table = self.query_one(f"#table-{spec.tab}", DataTable)
        row = table.cursor_row
        table.clear()
        for r, cells in rows:
            table.add_row(*cells, key=spec.key_of(r))
        if select_id is not None and str(select_id) in {k.value for k in table.rows}:
            table.move_cursor(row=table.get_row_index(str(select_id)))
        elif table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def current(self):
        active = self.query_one(TabbedContent).active
        if active == "tab-profile":
            return None, None
        spec = next(s for s in LISTS if f"tab-{s.tab}" == active)
        table = self.query_one(f"#table-{spec.tab}", DataTable)
        if not table.row_count:
            return spec, None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return spec, next((r for r, _ in self.rows.get(spec.tab, []) if spec.key_of(r) == key), None)

    def action_add(self) -> None:
        spec, _ = self.current()
        if spec is None:
            return self.action_edit()
        if spec.add is None:
            self.notify("Danh sách này không thêm mới được; chọn một dòng rồi bấm E để sửa.")
            return

        def form(pin):
            def save(values):
                return with_pin(self.office, pin, spec.add, self.office, values)

            self.app.push_screen(FormScreen(f"Thêm — {spec.title}", spec.form(None), save),
                                 lambda rec: rec and self.refresh_list(spec, spec.key_of(rec)))

        self._pin_for(spec, form)

    def action_edit(self) -> None:
        spec, rec = self.current()
        if spec is None:
            office = self.office
            fields = [FormField(k, label, getattr(office, k), kind="select", options=PROFILE_CHOICES[k])
                      if k in PROFILE_CHOICES else
                      FormField(k, label, getattr(office, k), kind="text" if k == "header_name" else "line")
                      for k, label in PROFILE_FIELDS]

            def save_profile(values):
                return svc.update_office(office, values, expected_version=office.row_version)

            self.app.push_screen(FormScreen("Thông tin cơ quan", fields, save_profile),
                                 lambda rec: rec and self.refresh_all())
            return
        if rec is None:
            return self.action_add()

        def form(pin):
            def save(values):
                return with_pin(self.office, pin, spec.edit, self.office, rec, values)

            self.app.push_screen(FormScreen(f"Sửa — {spec.title}", spec.form(rec), save),
                                 lambda r: r and self.refresh_list(spec, spec.key_of(rec)))

        self._pin_for(spec, form)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def action_signature_image(self) -> None:
        """The PNG a digital signature shows: a person's handwritten signature
        (Người dùng tab) or the office's seal (Cơ quan tab)."""
        from models.services import signing

        spec, rec = self.current()
        if spec is None:
            kind, person, what = "con_dau", None, "Ảnh con dấu của cơ quan (PNG nền trong suốt, màu đỏ, đúng kích thước)"
        elif spec.tab == "people" and rec is not None:
            kind, person, what = "chu_ky", rec, f"Ảnh chữ ký của {rec.full_name} (PNG nền trong suốt, màu xanh)"
        else:
            self.notify("Ảnh chữ ký: chọn một người ở thẻ Người dùng; ảnh con dấu: ở thẻ Cơ quan.", timeout=6)
            return
        office = self.office

        def save(values):
            return signing.keep_image_file(office, kind, values["file"], person)

        self.app.push_screen(FormScreen(what, [FormField("file", "Đường dẫn tệp ảnh .png", "")], save),
                             lambda row: row and self.notify(f"Đã lưu: {what.split(' (')[0].lower()}."))

    def action_pin(self) -> None:
        """Thẻ Người dùng: set or change the selected person's PIN."""
        spec, rec = self.current()
        if spec is None or spec.tab != "people" or rec is None:
            self.notify("Mã PIN đặt ở thẻ Người dùng: chọn một người rồi bấm P.")
            return
        from models.services.roles import set_pin

        office = self.office
        fields = [FormField("authority", "Mã PIN hiện tại của người này, hoặc mã PIN của Chủ tịch, Quản trị đang "
                                         "làm việc (bỏ trống nếu chưa ai có)", "", kind="secret"),
                  FormField("pin", "Mã PIN mới (ít nhất 4 ký tự, nên dùng 6 chữ số)", "", kind="secret"),
                  FormField("again", "Nhập lại mã PIN mới", "", kind="secret")]

        def save(values):
            if (values["pin"] or "") != (values["again"] or ""):
                raise ValidationError("Hai lần nhập mã PIN mới không giống nhau.", field="again")
            return set_pin(office, type(rec).get_by_id(rec.id), values["pin"] or "",
                           authority=values["authority"] or None)

        self.app.push_screen(FormScreen(f"Mã PIN của {rec.full_name}", fields, save),
                             lambda r: r and (self.notify(f"Đã đặt mã PIN của {r.full_name}."),
                                              self.refresh_list(spec, spec.key_of(r))))

    def action_toggle(self) -> None:
        spec, rec = self.current()
        if rec is None or spec.toggle is None:
            return
        self._pin_for(spec, lambda pin: work.run(
            self, with_pin, self.office, pin, spec.toggle, rec, done=lambda _: self.refresh_list(spec),
            failed=lambda exc: (self.notify_error(exc), self.refresh_list(spec)), group="catalog-toggle"))

    def _pin_for(self, spec: ListSpec, then) -> None:
        """Changing people and rights asks for the PIN (on SQLite, once a Chủ tịch or
        Quản trị has one); the other lists go straight on."""
        if spec.tab == "people":
            ask_pin(self, self.office, "people", then)
        else:
            then(None)
