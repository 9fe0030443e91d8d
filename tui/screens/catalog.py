"""Danh mục: the office profile and its lists (officials, units, villages,
fields). Add with A, edit with E or Enter, stop/resume using with X."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TabbedContent, TabPane

from models.services import catalog as svc
from models.services import wording
from models.core.words import CONTENT, FIELD, NUMBERING_CHOICES, STATUS, UNIT, VILLAGE

from .. import work
from ..pin import ask_pin, with_pin
from ..role_keys import RoleKeys
from .. import words
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen
from ..words import CatalogWords as W


def _edit_item(_office, rec, values):
    if "code" in values:
        from models.services.validate import parse_int

        values["code"] = parse_int(values["code"], W.KEY_NUMBER, minimum=0, maximum=99)
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
    return [FormField("full_name", W.FULL_NAME, r.full_name if r else ""),
            FormField("position", W.POSITION, r.position if r else "", placeholder=W.POSITION_EXAMPLE)]


def _unit_form(r):
    return [FormField("name", W.UNIT_NAME, r.name if r else ""),
            FormField("short_name", W.UNIT_SHORT_NAME, r.short_name if r else ""),
            FormField("head_name", W.UNIT_HEAD, r.head_name if r else "")]


def _village_form(r):
    return [FormField("name", W.VILLAGE_NAME, r.name if r else ""),
            FormField("kind", W.KIND, r.kind if r else VILLAGE, placeholder=W.VILLAGE_KIND_EXAMPLE),
            FormField("station", W.STATION, r.station if r else ""),
            FormField("leader_name", W.VILLAGE_LEADER, r.leader_name if r else "")]


def _field_form(r):
    return [FormField("name", W.FIELD_NAME, r.name if r else ""),
            FormField("code", W.KEY_NUMBER, str(r.code) if r else "")]


def _add_field(office, v):
    code = v.get("code")
    from models.services.validate import parse_int

    return svc.add_field(office, v["name"], code=parse_int(code, W.KEY_NUMBER, minimum=0, maximum=99)
                         if str(code or "").strip() else None)


def _active(r):
    return W.IN_USE if r.active else W.STOPPED


LISTS = [
    ListSpec("officials", W.OFFICIALS, (W.FULL_NAME, W.POSITION, STATUS),
             lambda o: svc.officials(o, active_only=False), lambda r: (r.full_name, r.position, _active(r)),
             _official_form, lambda o, v: svc.add_official(o, v["full_name"], position=v["position"]),
             name_key="full_name"),
    # "Mã" is the ID that `doithoai print don-doc ID` takes
    ListSpec("units", UNIT, (W.UNIT_NAME, W.SHORT_NAME, W.HEAD, STATUS, W.ID),
             lambda o: svc.units(o, active_only=False),
             lambda r: (r.name, r.short_name, r.head_name, _active(r), str(r.id)), _unit_form,
             lambda o, v: svc.add_unit(o, v["name"], short_name=v["short_name"], head_name=v["head_name"])),
    ListSpec("villages", W.VILLAGES, (W.NAME, W.KIND, W.STATION_SHORT, W.VILLAGE_LEADER, STATUS),
             lambda o: svc.villages(o, active_only=False),
             lambda r: (r.name, r.kind, r.station, r.leader_name, _active(r)), _village_form,
             lambda o, v: svc.add_village(o, v["name"], kind=v["kind"], station=v["station"],
                                          leader_name=v["leader_name"])),
    ListSpec("fields", FIELD, (W.KEY, W.FIELD_NAME, STATUS),
             lambda o: svc.fields(o, active_only=False), lambda r: (str(r.code), r.name, _active(r)),
             _field_form, _add_field),
]

def _rule_rows(office):
    from models.domain.rules import office_rules

    return list(office_rules(office).values())


def _rule_form(r):
    return [FormField("days", W.RULE_DAYS.format(label=r.label), str(r.days)),
            FormField("unit", W.COUNTED_IN, r.unit, kind="select",
                      options=[(W.CALENDAR_DAYS, "calendar"), (W.WORKING_DAYS, "working")])]


def _holiday_form(r):
    return [FormField("day", W.DAY_DMY, f"{r.day:%d/%m/%Y}" if r else ""),
            FormField("kind", W.DAY_KIND, r.kind if r else "off", kind="select",
                      options=[(W.DAY_OFF, "off"), (W.MAKE_UP_DAY, "work")]),
            FormField("note", W.NOTE, r.note if r else "")]


def _save_holiday(office, values, old=None):
    from models.services.validate import parse_date

    day = parse_date(values["day"], W.DAY, field="day")
    if old is not None and old.day != day:
        svc.remove_holiday_override(old)
    return svc.set_holiday_override(office, day, values["kind"] or "off", values["note"])


LISTS += [
    ListSpec("rules", W.RULES, (W.MILESTONE, W.DAYS, W.COUNTED_IN, W.SOURCE), _rule_rows,
             lambda r: (r.label, str(r.days), W.WORKING_DAYS if r.unit == "working" else W.DAYS_CALENDAR, r.source),
             _rule_form, None,
             edit=lambda o, r, v: svc.set_rule(o, r.key, v["days"], v["unit"] or "calendar"),
             toggle=None, key_of=lambda r: r.key),
    ListSpec("holidays", W.HOLIDAYS, (W.DAY, W.KIND, W.NOTE), svc.holiday_overrides,
             lambda r: (f"{r.day:%d/%m/%Y}", W.DAY_OFF_SHORT if r.kind == "off" else W.MAKE_UP_SHORT, r.note),
             _holiday_form, lambda o, v: _save_holiday(o, v),
             edit=lambda o, r, v: _save_holiday(o, v, r), toggle=svc.remove_holiday_override),
]


def _wording_form(r):
    return [FormField("value", W.WORDING_VALUE.format(label=r.label), r.value, kind="text")]


LISTS += [
    ListSpec("wording", W.WORDING, (W.ITEM, CONTENT, W.IS_DEFAULT),
             lambda o: wording.items(o),
             lambda r: (r.label, r.value.replace("\n", "; "), W.OWN if r.changed else W.DEFAULT),
             _wording_form, None, edit=lambda o, r, v: wording.set_value(o, r.key, v["value"]),
             toggle=None, key_of=lambda r: r.key),
]

def _person_form(r):
    from models.services.roles import ROLES

    return [FormField("full_name", W.FULL_NAME, r.full_name if r else ""),
            FormField("role", W.ROLE, r.role if r else "van_thu", kind="select",
                      options=[(label, code) for code, label in ROLES.items()]),
            FormField("login", W.LOGIN_FIELD,
                      r.login if r else "", placeholder=W.LOGIN_PLACEHOLDER)]


def _person_cells(r):
    from models.services.roles import role_label

    return (r.full_name, role_label(r.role), (r.login or "—") + (W.HAS_PIN if r.pin_hash else ""), _active(r))


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


LISTS.append(ListSpec("people", W.PEOPLE, (W.FULL_NAME, W.ROLE, W.LOGIN, STATUS), _people,
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
    rows = [SettingRow("privacy", LABEL, W.YES if keep else W.NO_DEFAULT, keep)]
    return rows + [SettingRow(f"unit-{u.field.id}", W.USUAL_UNIT.format(name=u.field.name), u.unit or "—",
                              u.own, u.field) for u in usual_units(office)]


def _setting_form(r):
    if r.field is None:
        return [FormField("keep", r.label + W.WHEN_WITHHELD, r.own, kind="select",
                          options=[(W.KEEP_NO, False),
                                   (W.KEEP_YES, True)])]
    from models.services.catalog import units
    from models.services.usual_units import usual_units

    current = next((u for u in usual_units(r.field.office) if u.field.id == r.field.id), None)
    chosen = next((u.id for u in units(r.field.office) if current and u.name == current.unit), None)
    return [FormField("unit", W.USUAL_UNIT_FIELD.format(label=r.label), chosen,
                      kind="select", options=[(u.name, u.id) for u in units(r.field.office)])]


def _save_setting(office, r, values):
    if r.field is None:
        from models.services.privacy import set_keep_withheld_names

        set_keep_withheld_names(office, bool(values["keep"]))
    else:
        from models.services.usual_units import set_usual_unit

        set_usual_unit(office, r.field, values["unit"])
    return r


LISTS.append(ListSpec("settings", W.SETTINGS, (W.ITEM, W.VALUE, "Theo"), _settings,
                      lambda r: (r.label, r.value, W.OFFICE_CHOSE if r.own else W.DEFAULT),
                      _setting_form, None, edit=_save_setting, toggle=None, key_of=lambda r: r.key))


PROFILE_FIELDS = [
    ("name", W.OFFICE_NAME), ("parent_body", W.PARENT_BODY),
    ("header_name", W.HEADER_NAME), ("locality", W.LOCALITY),
    ("place_name", W.PLACE_NAME), ("abbreviation", W.ABBREVIATION),
    ("numbering", W.NUMBERING), ("family", W.FAMILY),
    ("signer_authority", W.SIGNER_AUTHORITY), ("signer_position", W.SIGNER_POSITION),
    ("signer_name", W.SIGNER_NAME), ("address", W.ADDRESS), ("phone", W.PHONE),
]


PROFILE_CHOICES = {
    "numbering": [(label, code) for code, label in NUMBERING_CHOICES.items()],
    "family": [(W.FAMILY_STATE, "state"), (W.FAMILY_PARTY, "party")],
}


def _profile_value(key: str, value) -> str:
    labels = dict((code, label) for label, code in PROFILE_CHOICES.get(key, []))
    return labels.get(value, value) or "—"


def _read_rows(spec: ListSpec, office) -> list[tuple]:
    """In a worker: (record, its cells) for each row of a tab."""
    return [(r, spec.cells(r)) for r in spec.rows(office)]


class CatalogScreen(RoleKeys, AppScreen):
    ROLE_KEYS = {"add": "catalog", "edit": "catalog", "toggle_use": "catalog", "signature_image": "catalog"}
    HELP = (W.HELP)
    BINDINGS = [
        Binding("a", "add", words.ADD, id="catalog.add"),
        Binding("e", "edit", words.EDIT, id="catalog.edit"),
        Binding("x", "toggle_use", W.TOGGLE, id="catalog.toggle"),
        Binding("k", "signature_image", W.SIGNATURE_IMAGE, id="catalog.signature_image"),
        Binding("p", "pin", W.PIN, id="catalog.pin"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, classes="screen-title")
        with TabbedContent(id="catalog-tabs"):
            with TabPane(W.OFFICE, id="tab-profile"):
                yield Static("", id="profile")
            for spec in LISTS:
                with TabPane(spec.title, id=f"tab-{spec.tab}"):
                    yield PageTable(id=f"table-{spec.tab}", zebra_stripes=True)
        yield KeyBar()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: each tab's records and their cells, as last read (in a worker)
        self.rows: dict[str, list[tuple]] = {}

    def on_mount(self) -> None:
        for spec in LISTS:
            self.query_one(f"#table-{spec.tab}", PageTable).add_columns(*spec.columns)
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
        self.query_one("#profile", Static).update(profile.append(W.EDIT_PROFILE_HINT, style="dim"))
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
        table = self.query_one(f"#table-{spec.tab}", PageTable)
        row = table.cursor_row
        table.clear()
        for r, cells in rows:
            table.add_row(*cells, key=spec.key_of(r))
        if select_id is not None and table.row_index(str(select_id)) is not None:
            table.move_cursor(row=table.row_index(str(select_id)))
        elif table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def current(self):
        active = self.query_one(TabbedContent).active
        if active == "tab-profile":
            return None, None
        spec = next(s for s in LISTS if f"tab-{s.tab}" == active)
        table = self.query_one(f"#table-{spec.tab}", PageTable)
        if not table.row_count:
            return spec, None
        key = table.cursor_key
        return spec, next((r for r, _ in self.rows.get(spec.tab, []) if spec.key_of(r) == key), None)

    def action_add(self) -> None:
        spec, _ = self.current()
        if spec is None:
            return self.action_edit()
        if spec.add is None:
            self.notify(W.CANNOT_ADD)
            return

        def form(pin):
            self.app.push_screen(FormScreen(W.ADD_TITLE.format(title=spec.title), spec.form(None), id="new_entry",
                                            subject=(spec, pin)),
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

            self.app.push_screen(FormScreen(W.PROFILE, fields, id="profile", subject=office),
                                 lambda rec: rec and self.refresh_all())
            return
        if rec is None:
            return self.action_add()

        def form(pin):
            self.app.push_screen(FormScreen(W.EDIT_TITLE.format(title=spec.title), spec.form(rec), id="entry",
                                            subject=(spec, rec, pin)),
                                 lambda r: r and self.refresh_list(spec, spec.key_of(rec)))

        self._pin_for(spec, form)

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.action_edit()

    def action_signature_image(self) -> None:
        """The PNG a digital signature shows: a person's handwritten signature
        (Người dùng tab) or the office's seal (Cơ quan tab)."""
        spec, rec = self.current()
        if spec is None:
            kind, person, what = "con_dau", None, W.SEAL_IMAGE
        elif spec.tab == "people" and rec is not None:
            kind, person, what = "chu_ky", rec, W.SIGNATURE_OF.format(full_name=rec.full_name)
        else:
            self.notify(W.IMAGE_WHERE, timeout=6)
            return
        self.app.push_screen(FormScreen(what, [FormField("file", W.IMAGE_PATH, "")], id="image",
                                        subject=(kind, person)),
                             lambda row: row and self.notify(W.SAVED_WHAT.format(lower=what.split(' (')[0].lower())))

    def action_pin(self) -> None:
        """Thẻ Người dùng: set or change the selected person's PIN."""
        spec, rec = self.current()
        if spec is None or spec.tab != "people" or rec is None:
            self.notify(W.PIN_WHERE)
            return
        fields = [FormField("authority", W.PIN_AUTHORITY, "", kind="secret"),
                  FormField("pin", W.PIN_NEW, "", kind="secret"),
                  FormField("again", W.PIN_AGAIN, "", kind="secret")]
        self.app.push_screen(FormScreen(W.PIN_OF.format(full_name=rec.full_name), fields, id="pin", subject=rec),
                             lambda r: r and (self.notify(W.PIN_SET.format(full_name=r.full_name)),
                                              self.refresh_list(spec, spec.key_of(r))))

    # the forms' Ctrl+S (intent up, tui/widgets/form.py): the model's services answer
    def save_new_entry(self, event) -> None:
        spec, pin = event.subject
        event.save(with_pin, self.office, pin, spec.add, self.office, event.values)

    def save_entry(self, event) -> None:
        spec, rec, pin = event.subject
        event.save(with_pin, self.office, pin, spec.edit, self.office, rec, event.values)

    def save_profile(self, event) -> None:
        office = event.subject
        event.save(lambda: svc.update_office(office, event.values, expected_version=office.row_version))

    def save_image(self, event) -> None:
        from models.services import signing

        kind, person = event.subject
        event.save(signing.keep_image_file, self.office, kind, event.values["file"], person)

    def save_pin(self, event) -> None:
        from models.services.roles import set_pin_as_typed

        event.save(set_pin_as_typed, self.office, event.subject.id, event.values)

    def action_toggle_use(self) -> None:
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
