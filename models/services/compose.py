"""The generated text of every document: records → ``Content`` (plain data).

One composer function per kind, named by the kind's entry in the registry
(``models.services.kinds``); ``composed`` adds what the entry says of every
document of the kind (slug, number kind, title). Each composer reads the
records it needs (with their joins, once) and writes the document in the plan's
light markup (``models.domain.document_text.Content``), its sentences taken from the
documents' wording (``data/templates/van-ban.json``, ``say``). Nothing here knows about paper: ``printing``
lays the content out, and the text a person edits before issue starts from what
these functions write.

Where a fact the document needs is missing, the text says so with a marker
``[cần điền: …]`` instead of printing "…": a draft shows what to fill, and
issuing is refused until it is filled (``missing``).

Wording follows Decree 30/2020/NĐ-CP App. III (Mẫu 1.4 documents with a kind
title, 1.5 công văn, 1.7 giấy mời, 1.9 biên bản) and Hướng dẫn 36-HD/VPTW for a
Party office; "Nhân dân" is always capitalised (FORMAT.md)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import asdict, dataclass, replace

import peewee as pw

import data
from models.core import clock
from models.core.errors import ValidationError
from models.core.text import clean, clean_line, person_name
from models.core.words import COUNT_LABELS, PaperWords
from models.domain.office import Field, Office, Unit, Village
from models.domain.conference import (
    ATTENDANCE_GROUPS,
    AgendaItem,
    BroadcastSlot,
    Conference,
    ConferenceVillage,
    Invitee,
    attendance,
)
from models.domain.deadlines import office_calendar
from models.domain.document_text import Content, Letterhead, Signer
from models.domain.petition import DISPOSITIONS, Petition
from models.domain.plan import Plan
from models.services import followup, wording
from models.services.numbering import unit_abbreviation

#: the documents' wording, one block per composer (the sentences, with {facts} to fill)
WORDING = "templates/van-ban.json"

MARK = "[cần điền: {}]"
MARK_RE = re.compile(r"\[cần điền: ([^\]]*)\]")
END = "./."
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def say(block: str, key: str, **facts) -> str:
    """A sentence of a document's wording (``data/templates/van-ban.json``) with its facts."""
    return data.load_json(WORDING)[block][key].format(**facts)


def fill(what: str) -> str:
    mark = MARK.format(what)
    filled = _filled.get()
    if filled is not None:
        filled[mark] += 1
    return mark


#: the template's own "[cần điền: …]" made while one document is composed (``composed``)
_filled: ContextVar[Counter | None] = ContextVar("filled", default=None)


def composed(kind, obj) -> Content:
    """The document of ``kind`` (an entry of the kind registry,
    ``models.services.kinds``) about ``obj``: its composer writes the text, the
    entry gives what every document of the kind shares (slug, number kind,
    title). Each "[cần điền: …]" that a citizen's quoted words put in the text
    (``citizen_marks``) is counted as many times as the text shows it beyond
    the template's own, so that ``missing`` asks only for the template's."""
    filled: Counter = Counter()
    token = _filled.set(filled)
    try:
        content = replace(kind.compose(obj), kind=kind.slug, number_kind=kind.number_kind, title=kind.title)
    finally:
        _filled.reset(token)
    said = content.extras.get(CITIZEN_MARKS)
    if not said:
        return content
    shown = Counter(m.group(0) for part in _parts(content) for m in MARK_RE.finditer(part or ""))
    quoted = [mark for mark in said for _ in range(max(0, shown[mark] - filled[mark]))]
    return replace(content, extras={**content.extras, CITIZEN_MARKS: quoted})


def _parts(content: Content) -> list[str]:
    return [content.subject, content.legal_bases, content.body, *content.addressees, *content.recipients]


def missing(content: Content) -> list[str]:
    """The facts still to be filled in before the document can be issued: the
    template's own "[cần điền: …]", never one a citizen wrote in a petition
    (``citizen_marks``: the text quotes the citizen, it asks nothing)."""
    quoted = Counter(content.extras.get(CITIZEN_MARKS) or ())
    found: list[str] = []
    for part in _parts(content):
        for m in MARK_RE.finditer(part or ""):
            if quoted[m.group(0)] > 0:
                quoted[m.group(0)] -= 1
            elif m.group(1) not in found:
                found.append(m.group(1))
    if content.number_kind and not content.subject.strip():
        found.append("trích yếu")
    return found


#: Content.extras key: the "[cần điền: …]" found in the citizens' own words the text quotes
CITIZEN_MARKS = "citizen_marks"
#: what a petition holds in the citizen's own words
CITIZEN_WORDS = ("content", "citizen_name", "citizen_address")


def citizen_marks(petitions) -> dict:
    """Extras naming each "[cần điền: …]" a citizen typed (or said) into a
    petition the document quotes (counted by ``composed``); empty when there is
    none, so the stored texts of ordinary documents stay as they were."""
    marks = sorted({m.group(0) for p in petitions for name in CITIZEN_WORDS
                    for m in MARK_RE.finditer(clean_line(getattr(p, name, "") or ""))})
    return {CITIZEN_MARKS: marks} if marks else {}


# --- small wording rules ---------------------------------------------------------

def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def day_month(day: int, month: int) -> tuple[str, str]:
    """Decree 30 App. I §II.4: a day below 10 and the months 1 and 2 take a leading zero."""
    return (f"{day:02d}" if day < 10 else str(day)), (f"{month:02d}" if month < 3 else str(month))


def short_date(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else fill("ngày")


def long_date(d: dt.date) -> str:
    """"thứ Tư, ngày 15 tháng 6 năm 2022"."""
    day, month = day_month(d.day, d.month)
    return f"{WEEKDAYS[d.weekday()]}, ngày {day} tháng {month} năm {d.year}"


def clock_text(value: str) -> str:
    """"08:00" → "08 giờ 00"; anything else as typed."""
    hh, _, mm = (value or "").partition(":")
    if hh.isdigit() and (mm.isdigit() or not mm):
        return f"{int(hh):02d} giờ {int(mm or 0):02d}"
    return clean_line(value)


def village_in_text(label: str) -> str:
    """Vietnamese writes the kind of place in lower case inside a sentence:
    "Nhân dân thôn Văn Sơn", "tổ dân phố 3" (the name keeps its capitals)."""
    for kind in ("Thôn", "Tổ dân phố", "Khu dân cư", "Khối", "Xóm", "Bản", "Ấp", "Khu phố", "Làng"):
        if label.startswith(kind + " "):
            return kind.lower() + label[len(kind):]
    return label


def lines(text: str | None) -> list[str]:
    return [clean_line(x) for x in (text or "").splitlines() if clean_line(x)]


def with_end(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith(END) else text.rstrip(".;,: ") + END


# --- the office ------------------------------------------------------------------

def letterhead(office: Office) -> Letterhead:
    return Letterhead.of(office)


def office_signer(office: Office) -> Signer:
    return Signer.of(office)


_ACRONYMS = {"UBND", "HĐND", "MTTQ", "TP."}
_LOWER = {"BỘ", "TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "QUẬN", "THÀNH", "PHỐ", "THỊ", "ỦY", "BAN", "NHÂN", "DÂN",
          "THƯỜNG", "VỤ"}


def running_case(text: str) -> str:
    """A header name in running-text case: "UBND TỈNH HÀ TĨNH" → "UBND tỉnh Hà Tĩnh",
    "ĐẢNG BỘ TỈNH NGHỆ AN" → "Đảng bộ tỉnh Nghệ An" (text not in capitals is kept)."""
    text = clean_line(text)
    if not text.isupper():
        return text
    out = []
    for i, w in enumerate(text.split()):
        if w in _ACRONYMS:
            out.append(w)
        elif i and w in _LOWER:
            out.append(w.lower())
        else:
            out.append(w.capitalize())
    return " ".join(out)


def parent_recipient(office: Office) -> str:
    """The level above as a recipient "(b/c)", named from the office's parent body."""
    parent = running_case(office.parent_body)
    return f"{parent} (b/c)" if parent else ""


def archive_line(office: Office, unit_short: str = "") -> str:
    """The last recipient: "Lưu: VT, ĐC-XD." (Decree 30 App. I §II.9); a Party office
    keeps its records in its own office (HD 36): "Lưu Văn phòng Đảng ủy."; as the
    office words it in the catalogue."""
    line = wording.get(office, "archive").rstrip(". ")
    if unit_short and office.family != "party":
        line = f"{line}, {unit_abbreviation(unit_short)}"
    return line + "."


def standing_bodies(office: Office) -> list[str]:
    """Who a commune document informs beside the level above (catalogue wording)."""
    return wording.lines(office, "informed")


# --- a document that replaces or corrects another ----------------------------------------

def replacement_statement(content: Content, doc, correction: str) -> str:
    """"Thông báo này thay thế Thông báo số 05/TB-UBND ngày 05/11/2026 của Ủy ban
    nhân dân xã Long Phụng về việc …": a document cited by its kind, number and
    symbol, date, issuing body and subject, as Decree 30/2020/NĐ-CP App. I
    requires when a document is first cited."""
    what = clean_line(content.title).capitalize() or "Công văn"
    about = lower_first(clean_line(doc.title))
    if about and not about.startswith(("về ", "v/v")):
        about = f"về {about}"
    return (f"{what} này {correction} {what} số {doc.symbol} ngày {doc.issued_on:%d/%m/%Y} của "
            f"{clean_line(doc.office.name)}" + (f" {about}" if about else "") + ".")


def stating_replacement(content: Content, doc, correction: str) -> Content:
    """The content with the statement of what it replaces, placed before the
    closing paragraph, unless its text already names the replaced document."""
    if doc.symbol in content.body:
        return content
    body = content.body.rstrip().split("\n")
    at = len(body) - 1 if len(body) > 1 and body[-1].rstrip().endswith(END) else len(body)
    body.insert(at, replacement_statement(content, doc, correction))
    return replace(content, body="\n".join(body))


# --- conference facts -------------------------------------------------------------

@dataclass(frozen=True)
class ConferenceFacts:
    """A conference as documents cite it, plain data only (kept in Content.extras)."""

    id: int
    date: dt.date
    start: str
    end: str
    venue: str
    title: str
    chairs: tuple[str, ...]
    secretary: str
    villages: tuple[tuple[str, str], ...]      # (label, loudspeaker station)
    topics: tuple[str, ...]
    invited_groups: tuple[str, ...]
    office_name: str
    locality: str
    plan_reference: str
    actual_start: str = ""        # recorded by the session; "" before it
    actual_end: str = ""

    @property
    def when(self) -> str:
        """The schedule, as announced (notice, invitations)."""
        start = clock_text(self.start) if self.start else fill("giờ bắt đầu")
        return f"{start}, {long_date(self.date)}"

    @property
    def held_when(self) -> str:
        """When it began, as it happened: the actual start when the session
        recorded one, the schedule otherwise (minutes, report)."""
        start = self.actual_start or self.start
        return f"{clock_text(start) if start else fill('giờ bắt đầu')}, {long_date(self.date)}"

    @property
    def ended(self) -> str:
        """"11 giờ 00": the actual end, the scheduled end otherwise."""
        end = self.actual_end or self.end
        return clock_text(end) if end else fill("giờ kết thúc")

    @property
    def village_names(self) -> str:
        return ", ".join(village_in_text(label) for label, _ in self.villages)

    @property
    def audience(self) -> str:
        if self.villages:
            return say("conference", "audience_villages", villages=self.village_names)
        return say("conference", "audience_locality", locality=self.locality or self.office_name)

    @property
    def subject(self) -> str:
        return self.title or say("conference", "subject", audience=self.audience)

    @property
    def venue_text(self) -> str:
        return self.venue or fill("địa điểm")

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "ConferenceFacts":
        return cls(**{**data, "date": dt.date.fromisoformat(data["date"]),
                      "chairs": tuple(data["chairs"]), "villages": tuple(tuple(v) for v in data["villages"]),
                      "topics": tuple(data["topics"]), "invited_groups": tuple(data["invited_groups"])})


def _plan_reference(conf: Conference) -> str:
    """"Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2024 của … về …," when the plan is issued."""
    plan = conf.plan
    if plan is None or not plan.document_id:
        return ""
    d = plan.document
    return (f"Thực hiện Kế hoạch số {d.symbol} ngày {d.issued_on:%d/%m/%Y} của {clean_line(conf.office.name)} "
            f"về {lower_first(clean_line(plan.title))},")


def conference_facts(conf: Conference) -> ConferenceFacts:
    # in the order the office chose them, which is the order of the conference's title
    villages = tuple((v.label, v.station) for v in Village.select().join(ConferenceVillage)
                     .where(ConferenceVillage.conference == conf).order_by(ConferenceVillage.id))
    return ConferenceFacts(
        id=conf.id, date=conf.date, start=conf.start_time or "", end=conf.end_time or "",
        venue=clean_line(conf.venue), title=clean_line(conf.title), chairs=tuple(lines(conf.chair)),
        secretary=clean_line(conf.secretary), villages=villages, topics=tuple(lines(conf.topics)),
        invited_groups=tuple(lines(conf.invited_groups)), office_name=clean_line(conf.office.name),
        locality=clean_line(conf.office.locality), plan_reference=_plan_reference(conf),
        actual_start=conf.actual_start or "", actual_end=conf.actual_end or "")


def _conf_content(conf: Conference, facts: ConferenceFacts, *, quoting: bool = False, **fields) -> Content:
    """A conference's document; ``quoting``: its text quotes the citizens' petitions."""
    office = conf.office
    quoted = citizen_marks(petitions_of(conf)) if quoting else {}
    return Content(kind="", letterhead=letterhead(office), year=facts.date.year,
                   signers=fields.pop("signers", (office_signer(office),)),
                   extras={"conference": facts.to_dict(), **fields.pop("extras", {}), **quoted}, **fields)


# --- plan ------------------------------------------------------------------------

#: placeholders a plan's text may hold, filled from the plan's own fields when printed
PLAN_FIELDS = {"chủ trì": "chair", "thư ký": "secretary", "thành phần": "participants", "địa điểm": "venues",
               "thời gian": "schedule", "kinh phí": "budget_source", "lĩnh vực": "topics",
               "phân công": "assignments"}
PLACEHOLDER = re.compile(r"\{(" + "|".join(PLAN_FIELDS) + r")\}")


def fill_plan_fields(text: str, p: Plan) -> str:
    """The structured fields typed in the plan editor flow into its text: a line
    that is only "{thành phần}" becomes one bullet a line; inside a sentence the
    items are joined with "; ". An empty field is asked for before issue."""
    out = []
    for line in text.splitlines():
        whole = PLACEHOLDER.fullmatch(line.strip())
        if whole:
            items = lines(getattr(p, PLAN_FIELDS[whole.group(1)]))
            out += [f"- {i.rstrip(';.')};" for i in items] or [fill(whole.group(1))]
            continue
        out.append(PLACEHOLDER.sub(lambda m: "; ".join(x.rstrip(";.") for x in
                                                       lines(getattr(p, PLAN_FIELDS[m.group(1)])))
                                   or fill(m.group(1)), line))
    return "\n".join(out)


def plan(p: Plan) -> Content:
    """Kế hoạch (Mẫu 1.4): the plan's own text, as edited in the plan editor,
    with its structured fields filled in."""
    office = p.office
    text = fill_plan_fields("\n".join(x for x in (p.preamble, p.body) if x and x.strip()), p)
    closing = clean(p.closing).strip()
    body = f"{text}\n{with_end(closing)}" if closing else with_end(text) if text.strip() else ""
    return Content(kind="", letterhead=letterhead(office), subject=clean_line(p.title),
                   legal_bases=clean(p.legal_bases), body=body,
                   recipients=tuple(lines(p.recipients)), signers=(Signer.of(p, office),),
                   symbol=p.document.symbol if p.document_id else None, date=p.place_date, year=p.year,
                   month=None if p.place_date else p.place_month)


# --- notice and invitations -----------------------------------------------------------

def attendance_label(office, group: str) -> str:
    """An attendance group as a document names it: the village leaders are "Cán bộ
    thôn" in a commune, "Cán bộ tổ dân phố" in a ward (``settlements``)."""
    if group == "village_leaders":
        return PaperWords.VILLAGE_LEADERS.format(settlements=settlements(office))
    return ATTENDANCE_GROUPS[group]


def settlements(office) -> str:
    """What the office's residential units are called: "thôn" in a commune (xã),
    "tổ dân phố" in a ward (phường) or a town (Law on the organisation of local
    government; Circular 04/2012/TT-BNV)."""
    return "tổ dân phố" if office.kind == "ubnd_phuong" else "thôn"


def notice_recipients(conf: Conference, facts: ConferenceFacts) -> tuple[str, ...]:
    out = [*standing_bodies(conf.office)]
    out += [say("notice", "village_recipient", village=village_in_text(label)) for label, _ in facts.villages]

    out += [*wording.lines(conf.office, "broadcast"), archive_line(conf.office)]
    return tuple(out)


def notice(conf: Conference) -> Content:
    """Thông báo tổ chức hội nghị đối thoại (Mẫu 1.4)."""
    f = conference_facts(conf)
    name = f.office_name
    intro = f"{f.plan_reference} " if f.plan_reference else ""
    body = [say("notice", "opening", intro=intro, office=name, audience=f.audience),
            say("notice", "time", when=f.when), say("notice", "place", venue=f.venue_text)]
    n = 2
    if f.chairs:
        n += 1
        body.append(say("notice", "chair", n=n, chairs="; ".join(f.chairs)))
    if f.invited_groups:
        n += 1
        body.append(say("notice", "guests", n=n))
        body += [f"- {g};" for g in f.invited_groups]
    if f.topics:
        n += 1
        body.append(say("notice", "topics", n=n))
        body += [f"- {t};" for t in f.topics]
    body.append(with_end(say("notice", "closing", office=name, settlements=settlements(conf.office))))
    return _conf_content(conf, f, subject=say("notice", "subject", subject=lower_first(f.subject)),
                         body="\n".join(body),
                         recipients=notice_recipients(conf, f))


#: where each printed invitation names its invitee (printing.render.PLACE)
INVITEE = "{người được mời}"


def invitee_label(name: str, position: str, is_group: bool, title: str = "") -> str:
    """How an invitation addresses its invitee (issue 22 item 3): by the title
    recorded ("Ông Đặng Văn Tứ", "Bà Lê Thị Mai, Chủ tịch …"); with none, a
    person invited in an office as "Đồng chí Nguyễn Văn Tâm, Bí thư Đảng ủy xã",
    right for a man or a woman (a guess from the name can be wrong); a title typed
    before the name is kept; only a person with neither title nor position is
    "Ông (bà) …"; a group by its name."""
    if is_group:
        return name
    if title:
        person = f"{title} {name}"
    elif name.startswith(("Ông ", "Bà ", "Đồng chí ")):
        person = name
    else:
        person = f"{PaperWords.COMRADE if position else PaperWords.SIR_OR_MADAM} {name}"
    return f"{person}, {position}" if position else person


def invitations(conf: Conference) -> Content:
    """Giấy mời (Mẫu 1.7): one text, printed once per invitee ("Kính gửi" differs)."""
    f = conference_facts(conf)
    invitees = [{"name": invitee_label(clean_line(i.name), clean_line(i.position), bool(i.is_group), i.title),
                 "position": "", "is_group": bool(i.is_group)}
                for i in Invitee.select().where(Invitee.conference == conf).order_by(Invitee.id)]
    body = [say("invitations", "opening", office=f.office_name), INVITEE,
            say("invitations", "purpose", subject=lower_first(f.subject)), say("invitations", "time", when=f.when),
            say("invitations", "place", venue=f.venue_text)]
    if f.chairs:
        body.append(say("invitations", "chair", chairs="; ".join(f.chairs)))
    if f.topics:
        body.append(say("invitations", "topics", topics="; ".join(f.topics)))
    body.append(with_end(say("invitations", "closing")))
    return _conf_content(conf, f, subject=say("invitations", "subject", subject=lower_first(f.subject)),
                         body="\n".join(body),
                         recipients=("Như trên", archive_line(conf.office)),
                         extras={"invitees": invitees})


# --- minutes ---------------------------------------------------------------------

def attendance_lines(conf: Conference) -> list[str]:
    """The attendance as the session recorded it (conferences.attendance: one summary for both)."""
    summary = attendance(conf)
    out = [say("conference", "attendance_group", group=attendance_label(conf.office, key), count=n)
           for key, n in summary.counts.items() if n]
    guests = [" ".join(filter(None, (t, clean_line(n)))) + (f", {clean_line(p)}" if p else "")
              for t, n, p in summary.guests]
    if guests:
        out.append(say("conference", "guests", guests="; ".join(guests)))
    out.append(say("conference", "attendance_total", count=summary.total) if summary.total
               else fill("số người tham dự"))
    return out


def petitions_of(conf: Conference):
    """The session's petitions with village, field and unit (one query)."""
    return (Petition.select(Petition, Village, Field, Unit)
            .join(Village, pw.JOIN.LEFT_OUTER, on=(Petition.village == Village.id)).switch(Petition)
            .join(Field, pw.JOIN.LEFT_OUTER, on=(Petition.field == Field.id)).switch(Petition)
            .join(Unit, pw.JOIN.LEFT_OUTER, on=(Petition.unit == Unit.id))
            .where((Petition.conference == conf) & _not_withdrawn())
            .order_by(Petition.seq, Petition.id))


def _not_withdrawn():
    """Petitions withdrawn with a reason (when the model records it) leave the documents."""
    status = Petition.status
    return status != "withdrawn"


def _citizen(p: Petition) -> str:
    return p.citizen_label


def _handling(p: Petition) -> str:
    handling = DISPOSITIONS.get(p.disposition, p.disposition)
    if p.disposition == "in_writing":
        unit = p.unit.name if p.unit_id else fill("đơn vị trả lời")
        due = f", hạn {short_date(p.due_on)}" if p.due_on else ""
        handling += f": giao {unit}{due}"
    elif p.disposition == "forwarded":
        handling += f": {p.forwarded_to or fill('cơ quan nhận')}"
    return handling


def in_groups(petitions: list[Petition]) -> list[tuple[Petition, list[Petition]]]:
    """(petition, the others of its group among ``petitions``) in order: a group
    of same-issue petitions is listed once, at its head (SPEC "Counting
    petitions"); a member whose head is not in the list stands on its own."""
    present = {p.id for p in petitions}
    members: dict[int, list[Petition]] = {}
    for p in petitions:
        if p.group_parent_id in present:
            members.setdefault(p.group_parent_id, []).append(p)
    return [(p, members.get(p.id, [])) for p in petitions if p.group_parent_id not in present]


def _title_of(p: Petition) -> str:
    """The citizen's title as recorded ("Ông", "Bà"); none for a withheld name."""
    return clean_line(getattr(p, "citizen_title", "") or "") if p.citizen_name and not p.citizen_withheld else ""


def _named(p: Petition, *, in_text: bool = False, unknown: str = "") -> str:
    """"Bà Ngô Thị Hạnh (Thôn Đông)": the citizen with the title recorded (lower
    case inside a sentence, ``unknown`` when none is), and the village."""
    title = _title_of(p)
    title = (title.lower() if in_text else title) or (unknown if p.citizen_name and not p.citizen_withheld else "")
    return (f"{title} " if title else "") + _citizen(p) + (f" ({p.village.label})" if p.village_id else "")


def same_issue(head: Petition, others: list[Petition]) -> str:
    """"3 người cùng nội dung: bà Ngô Thị Hạnh (Thôn Đông), …" — the head first."""
    return say("petitions", "same_issue", count=len(others) + 1,
               names=", ".join(_named(q, in_text=True) for q in [head, *others]))


def _same_content(same: list[Petition]) -> str:
    """"Cùng nội dung: ý kiến của các ông (bà) …" when no title is known, else
    each by their own ("của bà Ngô Thị Hạnh, ông (bà) Lê Văn Cường")."""
    if not any(_title_of(q) for q in same):
        return say("petitions", "same_content", names=", ".join(_named(q) for q in same))
    return say("petitions", "same_content_titled",
               names=", ".join(_named(q, in_text=True, unknown="ông (bà)") for q in same))


def _petition_lines(petitions: list[Petition]) -> list[str]:
    """One numbered item per petition; members of a group follow their first
    petition as "cùng nội dung" (SPEC: several citizens raising the same issue)."""
    out: list[str] = []
    for n, (p, same) in enumerate(in_groups(petitions), start=1):
        field = say("petitions", "field", field=p.field.name.lower()) if p.field_id else ""
        channel = say("petitions", "by_slip") if p.channel == "slip" else ""
        out.append(say("petitions", "item", n=n, who=_named(p), field=field, channel=channel,
                       content=clean_line(p.content)))
        if same:
            out.append(_same_content(same))
        if p.answer_on_spot.strip():
            by = f" ({clean_line(p.answered_by)})" if p.answered_by else ""
            out.append(say("petitions", "answered_on_spot", by=by, answer=clean_line(p.answer_on_spot)))
        out.append(say("petitions", "handling", handling=_handling(p)))
    return out


def withdrawn_of(conf: Conference) -> list[Petition]:
    return list(Petition.select().where((Petition.conference == conf) & (Petition.status == "withdrawn"))
                .order_by(Petition.seq, Petition.id))


def _withdrawn_lines(withdrawn: list[Petition]) -> list[str]:
    """Every petition recorded is accounted for: the withdrawn ones with their reason."""
    if not withdrawn:
        return []
    out = [say("petitions", "withdrawn", count=len(withdrawn))]
    for i, p in enumerate(withdrawn, start=1):
        why = clean_line(p.withdrawn_reason) or fill("lý do rút")
        out.append(say("petitions", "withdrawn_item", who=_named(p), content=clean_line(p.content),
                       reason=why.rstrip(".")) + ("." if i == len(withdrawn) else ";"))
    return out


def minutes(conf: Conference) -> Content:
    """Biên bản hội nghị đối thoại (Mẫu 1.9): no place/date line; sections numbered
    in order whatever is present; THƯ KÝ left, CHỦ TRÌ right."""
    f = conference_facts(conf)
    petitions = list(petitions_of(conf))
    agenda = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
    body = [say("minutes", "began", when=f.held_when), say("minutes", "place", venue=f.venue_text),
            say("minutes", "present")]
    body += attendance_lines(conf)
    body.append(say("minutes", "chair", chairs="; ".join(f.chairs) or fill("chủ trì")))
    body.append(say("minutes", "secretary", secretary=f.secretary or fill("thư ký")))
    body.append(say("minutes", "content"))
    sections: list[tuple[str, list[str]]] = []
    if agenda:
        sections.append((say("minutes", "agenda"), [
            f"- {clean_line(a.title)}" + (f" ({clean_line(a.presenter)})" if a.presenter else "") + ";"
            for a in agenda]))
    if conf.opening_report.strip():
        sections.append((say("minutes", "opening_report"), lines(conf.opening_report)))
    withdrawn = withdrawn_of(conf)
    sections.append((say("minutes", "petitions", count=len(petitions)),
                     (_petition_lines(petitions) or [say("minutes", "no_petitions")]) + _withdrawn_lines(withdrawn)))
    sections.append((say("minutes", "conclusions"), lines(conf.conclusions) or [fill("kết luận của chủ trì")]))
    for n, (head, items) in enumerate(sections, start=1):
        body.append(f"{n}. {head}")
        body += items
    body.append(with_end(say("minutes", "closing", ended=f.ended)))
    chair = person_name(f.chairs[0] if f.chairs else "")
    return _conf_content(conf, f, quoting=True, subject=f.subject,
                         body="\n".join(body), show_date=False,
                         recipients=(*standing_bodies(conf.office), archive_line(conf.office)),
                         signers=(Signer("", say("minutes", "secretary_signs"), person_name(f.secretary)),
                                  Signer("", say("minutes", "chair_signs"), chair)))


# --- conclusion notice ---------------------------------------------------------------

TITLES_IN_TEXT = ("ông ", "bà ", "đồng chí ")


def chair_in_text(line: str, family: str = "state") -> str:
    """The chair inside a sentence: "Phạm Văn Hùng - Chủ tịch UBND xã" → "ông Phạm
    Văn Hùng, Chủ tịch UBND xã". A title typed in the line is kept; a Party
    document says "đồng chí" (HD 36 usage); otherwise "bà" for a name with the
    middle name "Thị", "ông" for others (the draft is read before issue)."""
    line = clean_line(line)
    name = person_name(line)
    position = clean_line(line[len(name):].lstrip(" -–,"))
    typed = next((t for t in TITLES_IN_TEXT if name.lower().startswith(t)), "")
    if typed:
        title, name = typed.strip(), name[len(typed):]
    elif family == "party":
        title = "đồng chí"
    else:
        title = "bà" if " Thị " in f" {name} " else "ông"
    return f"{title} {name}" + (f", {position}" if position else "")


def conclusion(conf: Conference) -> Content:
    """Thông báo kết luận (Mẫu 1.4): the chair's conclusions, then the petitions
    still to be answered with the unit in charge and the deadline."""
    f = conference_facts(conf)
    chair = chair_in_text(f.chairs[0], conf.office.family) if f.chairs else fill("chủ trì hội nghị")
    body = [say("conclusion", "opening", date=short_date(f.date), venue=f.venue_text, office=f.office_name,
                subject=lower_first(f.subject), chair=chair)]
    body += lines(conf.conclusions) or [fill("kết luận của chủ trì")]
    pending = [p for p in petitions_of(conf) if p.disposition in ("in_writing", "forwarded")]
    if pending:
        body.append(say("conclusion", "pending"))
        body.append(say("conclusion", "pending_head"))
        for i, (p, same) in enumerate(in_groups(pending), start=1):
            who = p.unit.name if p.unit_id else (clean_line(p.forwarded_to) or fill("đơn vị"))
            due = short_date(p.due_on) if p.due_on else ""
            what = clean_line(p.content) + (f" ({same_issue(p, same)})" if same else "")
            body.append(f"| {i} | {_cell(what)} | {_cell(who)} | {due} |")
    body.append(with_end(say("conclusion", "closing", office=f.office_name)))
    return _conf_content(conf, f, quoting=True, subject=say("conclusion", "subject", subject=lower_first(f.subject)),
                         body="\n".join(body),
                         recipients=notice_recipients(conf, f))


def _cell(text: str) -> str:
    """Text inside a "| … |" table row: a "|" typed by a citizen must not split the cell."""
    return clean_line(text).replace("|", "/")


# --- letters -----------------------------------------------------------------------

def _origin(p: Petition) -> str:
    if p.conference_id:
        return say("answer_letter", "at_conference", date=short_date(p.conference.date))
    return say("answer_letter", "sent", office=clean_line(p.office.name), date=short_date(p.received_on))


def _addressee(p: Petition) -> str:
    """"Ông Nguyễn Văn An, thôn Đông" — the title recorded for the citizen when
    known ("Ông (bà)" otherwise), the address or village when known."""
    title = clean_line(getattr(p, "citizen_title", "") or "")
    if p.citizen_withheld or not p.citizen_name:
        who = "Công dân"
    else:
        who = f"{title or 'Ông (bà)'} {clean_line(p.citizen_name)}"
    where = clean_line(p.citizen_address) or (village_in_text(p.village.label) if p.village_id else "")
    return f"{who}, {where}" if where else who


def group_members(p: Petition) -> list[Petition]:
    """The petition and the others grouped with it (same issue raised by several citizens)."""
    root = p.group_parent if p.group_parent_id else p
    members = [root] + list(Petition.select().where((Petition.group_parent == root) & _not_withdrawn())
                            .order_by(Petition.seq, Petition.id))
    return members


def answer_subject(members: list[Petition]) -> str:
    """The letter's "V/v" line, which also names it in the register: "trả lời kiến
    nghị của ông Nguyễn Văn An", of "3 công dân thôn Đông" for a group; never the
    name of a citizen who asked for it to be withheld."""
    first = members[0]
    if len(members) > 1:
        village = {m.village_id for m in members}
        where = f" {village_in_text(first.village.label)}" if len(village) == 1 and first.village_id else ""
        return say("answer_letter", "subject_group", count=len(members), where=where)
    if first.citizen_withheld or not first.citizen_name:
        where = f" {village_in_text(first.village.label)}" if first.village_id else ""
        return say("answer_letter", "subject_unnamed", where=where)
    title = clean_line(getattr(first, "citizen_title", "") or "").lower() or "ông (bà)"
    return say("answer_letter", "subject_named", title=title, name=clean_line(first.citizen_name))


def addressed_as(members: list[Petition]) -> str:
    """How the letter speaks to its reader(s) in running text: by the title
    recorded ("bà", "ông"; "các bà", "các ông" when all share it), and "ông (bà)"
    only when none is recorded or a name is withheld."""
    titles = {clean_line(getattr(m, "citizen_title", "") or "").lower()
              if m.citizen_name and not m.citizen_withheld else "" for m in members}
    title = titles.pop() if len(titles) == 1 else ""
    title = title or "ông (bà)"
    return title if len(members) == 1 else f"các {title}"


def _as_addressed(line: str, you: str) -> str:
    """The answer typed with "ông (bà)" in it, read with the title recorded."""
    for form in ("các ông (bà)", "ông (bà)"):
        for typed, said in ((form, you), (form[:1].upper() + form[1:], you[:1].upper() + you[1:])):
            line = line.replace(typed, said)
    return line


def answer_letter(p: Petition) -> Content:
    """Công văn trả lời kiến nghị (Mẫu 1.5): to the citizen, or to every citizen of a
    group that raised the same issue."""
    office = p.office
    members = group_members(p)
    you = addressed_as(members)
    answer = [_as_addressed(ln, you) for ln in lines(p.answer_summary)] or [fill("nội dung trả lời")]
    body = [say("answer_letter", "raised", origin=f"{_origin(p)[:1].upper()}{_origin(p)[1:]}", you=you,
                content=clean_line(p.content).rstrip(".")),
            say("answer_letter", "answers", office=clean_line(office.name)), *answer,
            with_end(say("answer_letter", "closing", office=clean_line(office.name), you=you))]
    unit_short = p.unit.short_name if p.unit_id else ""

    recipients = ["Như trên", *wording.lines(office, "letter_copies")]
    if p.unit_id:
        recipients.append(p.unit.name)
    recipients.append(archive_line(office, unit_short))
    return Content(kind="", letterhead=letterhead(office), subject=answer_subject(members), body="\n".join(body),
                   addressees=tuple(_addressee(m) for m in members), recipients=tuple(recipients),
                   signers=(office_signer(office),), year=clock.today().year,
                   extras={"petitions": [m.id for m in members], "unit_short": unit_short,
                           **citizen_marks(members)})


OWN_KIND = ("Văn phòng", "Công an", "Ban ", "Ủy ban", "Trạm", "Hội ", "Phòng", "Đoàn", "Trường", "Bộ phận",
            "Công chức")


def unit_in_text(unit: Unit) -> str:
    """A unit in running text: a commune's field of work is held by a civil servant,
    "công chức Địa chính - Xây dựng"; a body keeps its name ("Ban Tuyên giáo Đảng ủy")."""
    name = clean_line(unit.name)
    return name if name.startswith(OWN_KIND) else PaperWords.CIVIL_SERVANT.format(name=name)


def unit_addressee(unit: Unit) -> str:
    """A unit by its full name: "Công chức Địa chính - Xây dựng xã Kỳ Khang"
    (a unit that names its own kind of body keeps its name: "Công an xã …")."""
    locality = clean_line(unit.office.locality)
    in_text = unit_in_text(unit)
    base = in_text[:1].upper() + in_text[1:]
    if not locality or locality.lower() in base.lower():
        return base
    # "Công an xã" + "xã Long Phụng" → "Công an xã Long Phụng", not "Công an xã xã Long Phụng"
    level, _, place = locality.partition(" ")
    if place and base.split()[-1].lower() == level.lower():
        return f"{base} {place}"
    return f"{base} {locality}"


def reminder(unit: Unit, today: dt.date | None = None) -> Content:
    """Công văn đôn đốc: the unit's petitions past their deadline or due soon."""
    today = today or clock.today()
    soon = followup.due_soon_limit(today, office_calendar(unit.office))
    late = list(Petition.select().where((Petition.unit == unit) & (Petition.status == "open")
                                        & Petition.due_on.is_null(False) & (Petition.due_on <= soon))
                .order_by(Petition.due_on))
    if not late:
        raise ValidationError(f"{unit.name} không có kiến nghị nào quá hạn hoặc sắp đến hạn, "
                              "nên không cần công văn đôn đốc.")
    office = unit.office
    rows = [f"| {i} | {_cell(p.content + (f' ({same_issue(p, same)})' if same else ''))} | {short_date(p.due_on)} | "
            f"{say('reminder', 'late', days=(today - p.due_on).days) if today > p.due_on else say('reminder', 'due_soon')} |"
            for i, (p, same) in enumerate(in_groups(late), start=1)]
    body = [say("reminder", "opening", today=short_date(today), unit=unit_in_text(unit), count=len(late)),
            say("reminder", "table_head"), *rows,
            with_end(say("reminder", "closing", office=clean_line(office.name), unit=unit_in_text(unit)))]
    return Content(kind="", letterhead=letterhead(office), subject=say("reminder", "subject"),
                   body="\n".join(body),
                   addressees=(unit_addressee(unit),), recipients=("Như trên", archive_line(office)),
                   signers=(office_signer(office),), year=today.year,
                   extras={**citizen_marks(late), "petitions": [p.id for p in late], "today": today.isoformat(),
                           "unit_short": drafting_unit(office)})


def drafting_unit(office: Office) -> str:
    """The office's own secretariat as the drafting unit of a công văn ("12/UBND-VP")."""
    if office.family == "party":
        return ""
    vp = Unit.select(Unit.short_name).where((Unit.office == office) & (Unit.short_name == "VP")).scalar()
    return vp or ""


# --- report ------------------------------------------------------------------------

#: the report's statistics columns: SPEC "Counting petitions", in the order
#: received = resolved + noted + forwarded + in progress + late
REPORT_COLUMNS = ("total", "resolved", "noted", "forwarded", "in_progress", "late")
REPORT_HEADINGS = ("Tổng số", COUNT_LABELS["resolved"], COUNT_LABELS["noted"], "Chuyển cấp trên",
                   COUNT_LABELS["in_progress"], COUNT_LABELS["late"])


def _stat_rows(head: str, rows, overall) -> list[str]:
    """A statistics table whose total row is the overall count (every petition
    in one row of it: a petition with no unit, field or village has its own)."""
    out = [f"| STT | {head} | " + " | ".join(REPORT_HEADINGS) + " |"]
    for i, r in enumerate([r for r in rows if r.total], start=1):
        out.append(f"| {i} | {_cell(r.label)} | " + " | ".join(str(r.count(k)) for k in REPORT_COLUMNS) + " |")
    out.append("| | **Tổng cộng** | " + " | ".join(str(overall.count(k)) for k in REPORT_COLUMNS) + " |")
    return out


def results_sentence(o, withdrawn: int) -> str:
    """The report's account of every petition, from the same counts as its tables."""
    from models.services.statistics import percent  # off the start-up path: the report's, not every print's (board, search)

    parts = [say("report", "resolved", count=o.resolved)]
    if o.answered:
        parts[0] += say("report", "answered", answered=o.answered, on_time=o.on_time, rate=percent(o.on_time_rate))
    parts.append(f"{COUNT_LABELS['noted'].lower()} {o.noted}")
    if o.forwarded:
        parts.append(say("report", "forwarded", count=o.forwarded, waiting=o.forwarded_waiting,
                         replied=o.forwarded_replied))
    parts += [say("report", "in_progress", count=o.in_progress), say("report", "late", count=o.late)]
    text = say("report", "results", count=o.total, parts="; ".join(parts))
    if withdrawn:
        text += say("report", "withdrawn", count=withdrawn)
    return text


def report(conf: Conference, today: dt.date | None = None) -> Content:
    """Báo cáo kết quả hội nghị và giải quyết kiến nghị (Mẫu 1.4): every figure
    from statistics.compute (SPEC "Counting petitions"), the same as the
    exports and the dashboard, and a chart by field."""
    from models.services.board import BoardQuery  # off the start-up path: the board and search, for the report only
    from models.services.statistics import compute  # off the start-up path: as above

    today = today or clock.today()
    f = conference_facts(conf)
    s = compute(BoardQuery(conf.office_id, status="all", conference_id=conf.id, today=today))
    o = s.overall
    by_field = [r for r in s.by_field if r.total]
    by_field_heading = say("report", "by_field")
    body = [say("report", "part_1"),
            say("report", "held", when=f.held_when, venue=f.venue_text, office=f.office_name,
                subject=lower_first(f.subject), chairs="; ".join(f.chairs) or fill("chủ trì")),
            say("report", "raised", count=o.total,
                by_disposition="; ".join(f"{r.label.lower()}: {r.total}" for r in s.by_disposition if r.total)),
            say("report", "part_2"), results_sentence(o, s.withdrawn)]
    body += [by_field_heading, *_stat_rows("Lĩnh vực", by_field, o),
             say("report", "by_unit"), *_stat_rows("Đơn vị", s.by_unit, o),
             say("report", "by_village", settlements=settlements(conf.office)),
             *_stat_rows(settlements(conf.office).capitalize(), s.by_village, o),
             say("report", "by_result"), say("report", "result_head"),
             *[f"| {i} | {r.label} | {r.total} |" for i, r in enumerate(s.by_result, start=1)],
             f"| | **Tổng cộng** | {o.total} |",
             say("report", "part_3")]
    if o.forwarded_waiting:
        body.append(with_end(say("report", "forwarded_waiting", count=o.forwarded_waiting)))
    elif o.forwarded:
        body.append(with_end(say("report", "forwarded_replied")))
    else:
        body.append(with_end(say("report", "none_forwarded")))

    upward = wording.lines(conf.office, "report_to") or [x for x in (parent_recipient(conf.office),) if x]
    recipients = [*upward, *standing_bodies(conf.office), archive_line(conf.office)]
    chart = {"title": say("report", "chart_title"), "labels": [r.label for r in by_field],
             "series": [[say("report", "chart_total"), [r.total for r in by_field]],
                        [say("report", "chart_resolved"), [r.resolved for r in by_field]]],
             "after": by_field_heading}
    return _conf_content(conf, f, quoting=True, subject=say("report", "subject", subject=lower_first(f.subject)),
                         body="\n".join(body), recipients=tuple(recipients), extras={"chart": chart})


# --- working papers (never numbered) --------------------------------------------------------

DEFAULT_STATION = "Đài truyền thanh xã"


def broadcast_schedule(conf: Conference, facts: ConferenceFacts) -> list[tuple[str, str, str]]:
    """(day, slot, station) readings as planned on the Hội nghị screen, or the
    default plan of models.services.conferences (one rule for both)."""
    rows = [(s.day.isoformat(), s.slot, s.station) for s in
            BroadcastSlot.select().where(BroadcastSlot.conference == conf)
            .order_by(BroadcastSlot.day, BroadcastSlot.slot.desc(), BroadcastSlot.station)]
    if rows:
        return rows
    from models.services.conferences import default_broadcasts  # off the start-up path: the loudspeaker's only

    return [(d.isoformat(), slot, station) for d, slot, station in default_broadcasts(conf)]


def conference_paper(conf: Conference) -> Content:
    """Sign-in sheets and slips: the conference facts only."""
    f = conference_facts(conf)
    return _conf_content(conf, f, subject=f.subject, signers=())


def loudspeaker_script(conf: Conference) -> Content:
    """The loudspeaker script: the conference facts and when each station reads it."""
    f = conference_facts(conf)
    return _conf_content(conf, f, subject=f.subject, extras={"schedule": broadcast_schedule(conf, f)}, signers=())
