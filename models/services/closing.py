"""What issuing a document closes (SPEC "Every document's life"), as the kinds
declare it in ``data/catalog/document_kinds.json`` ("closes"): a few effects,
each a rule of the domain, chosen and given its parameters by the entry.

- ``conference``: the conference moves forward to ``status`` (never back) and
  its date ``date`` is recorded (the first issue's date is kept). With
  ``once``, the document is issued only once for the conference (a second
  number for the same notice is refused; a correction is a new version).
- ``petitions``: every petition the text lists (or the petition it is about)
  gets the event ``event`` saying ``says``; with ``answers``, the petition is
  recorded as answered by this letter (number, date, what it says).
- ``plan``: the plan's own record is the document (Mẫu 1.4 kế hoạch): it is
  ready only when its own fields are written (``plan_issue``), its earlier
  issued version is replaced, and the plan record takes the number and date.

An effect may also say what stops issuing (``blockers``), which issued
document the new one replaces (``earlier``) and check, under the register's
lock, that nobody changed its record meanwhile (``raced``)."""
from __future__ import annotations

from peewee import DateField

from models.core.errors import Locked, UserError
from models.core.words import EVENT_LABELS
from models.domain.conference import Conference
from models.domain.document_text import Content
from models.domain.petition import Petition
from models.domain.plan import PLAN_DRAFT, PLAN_ISSUED, PLAN_SUPERSEDED, Plan
from models.domain.register import OutgoingDocument
from models.services import records
from models.services.compose import END
from models.services.conferences import ensure_not_issued
from models.services.plan_issue import check_ready

#: statuses of a conference, in order; issuing moves it forward, never back
CONFERENCE_ORDER = ("planned", "announced", "in_session", "closed", "minutes_signed", "conclusions_issued",
                    "report_sent")


def advance(conf: Conference, status: str, changes: dict) -> None:
    if CONFERENCE_ORDER.index(status) > CONFERENCE_ORDER.index(conf.status if conf.status in CONFERENCE_ORDER
                                                                else "planned"):
        changes["status"] = status
    if changes:
        records.update(conf, changes, lock_check=False)


class Effect:
    #: the effect checks the text's readiness itself (the generic "[cần điền: …]" check is not made)
    own_readiness = False

    def problem(self, spec: dict) -> str:
        """What is wrong with an entry's parameters ("" when nothing): checked when the registry loads."""
        return ""

    def blockers(self, k, obj, spec: dict, *, first: bool) -> list[UserError]:
        return []

    def earlier(self, obj) -> tuple[OutgoingDocument | None, str]:
        """The issued document the new one replaces, and why."""
        return None, ""

    def raced(self, obj) -> None:
        """Called under the register's lock."""

    def close(self, obj, doc: OutgoingDocument, content: Content, spec: dict, *, first: bool) -> None:
        raise NotImplementedError


class ConferenceEffect(Effect):
    def problem(self, spec):
        if spec.get("status") not in CONFERENCE_ORDER:
            return f"trạng thái hội nghị “{spec.get('status')}” không có (chỉ có: {', '.join(CONFERENCE_ORDER)})"
        if spec.get("date") not in Conference._meta.fields or not isinstance(
                Conference._meta.fields[spec["date"]], DateField):
            return f"hội nghị không có ngày “{spec.get('date')}”"
        return ""

    def blockers(self, k, obj, spec, *, first):
        if not (spec.get("once") and first):
            return []

        try:
            ensure_not_issued(obj, spec["date"], k.name)
        except UserError as exc:
            return [exc]
        return []

    def close(self, obj, doc, content, spec, *, first):
        if spec.get("once") and not first:
            return
        date = spec["date"]
        advance(obj, spec["status"], {date: getattr(obj, date) or doc.issued_on})


def answer_summary(content: Content) -> str:
    """What the letter answered, for the board: the paragraphs after "… như sau:"
    and before the closing line."""
    body = [ln for ln in content.body.splitlines() if ln.strip()]
    start = next((i + 1 for i, ln in enumerate(body) if ln.rstrip().endswith("như sau:")), 0)
    end = len(body) - 1 if body and body[-1].rstrip().endswith(END) and len(body) - 1 > start else len(body)
    return "\n".join(body[start:end]).strip() or content.body.strip()


class PetitionsEffect(Effect):
    def problem(self, spec):
        if spec.get("event") not in EVENT_LABELS:
            return (f"diễn biến “{spec.get('event')}” không có tên trong models/core/words.py EVENT_LABELS "
                    "(lịch sử kiến nghị sẽ hiện chữ không dịch)")
        if "says" not in spec:
            return "thiếu “says” (lời ghi vào diễn biến của kiến nghị)"
        return ""

    def close(self, obj, doc, content, spec, *, first):
        on = doc.issued_on
        listed = content.extras.get("petitions") or ([obj.id] if isinstance(obj, Petition) else [])
        summary = answer_summary(content) if spec.get("answers") else ""
        for pid in listed:
            p = Petition.get_or_none(Petition.id == pid)
            if p is None:
                continue
            if spec.get("answers"):
                changes = {"answer_number": doc.symbol, "answer_date": on, "answer_summary": summary}
                if p.status == "open":
                    changes["status"] = "answered"
                records.update(p, changes, lock_check=False)
            from models.services import petitions as petition_service  # off the start-up path: when issuing only

            petition_service.add_event(p, spec["event"], spec["says"].format(symbol=doc.symbol,
                                                                             date=f"{on:%d/%m/%Y}"))


class PlanEffect(Effect):
    own_readiness = True

    def blockers(self, k, obj, spec, *, first):
        if obj.status != PLAN_DRAFT:
            return [Locked("Kế hoạch này đã ban hành. Muốn điều chỉnh, hãy tạo phiên bản mới (kèm lý do).")]
        try:
            check_ready(obj)
        except UserError as exc:
            return [exc]
        return []

    def _earlier_plan(self, plan: Plan) -> Plan | None:
        return (Plan.select().where((Plan.office == plan.office) & (Plan.series == plan.series)
                                    & (Plan.status == PLAN_ISSUED) & (Plan.id != plan.id))
                .order_by(Plan.version.desc()).first())

    def earlier(self, obj):
        earlier = self._earlier_plan(obj)
        return (earlier.document if earlier and earlier.document_id else None), obj.change_reason

    def raced(self, obj):
        if Plan.get_by_id(obj.id).row_version != obj.row_version:
            raise Locked("Kế hoạch này vừa được ban hành hoặc sửa ở máy hoặc cửa sổ khác, trong lúc bạn ban hành; "
                         "không cấp thêm số. Hãy mở lại kế hoạch để xem.")

    def close(self, obj, doc, content, spec, *, first):
        earlier = self._earlier_plan(obj)
        records.update(obj, {"document": doc, "place_date": doc.issued_on, "status": PLAN_ISSUED})
        if earlier:
            records.update(earlier, {"status": PLAN_SUPERSEDED}, lock_check=False)


EFFECTS: dict[str, Effect] = {"conference": ConferenceEffect(), "petitions": PetitionsEffect(),
                              "plan": PlanEffect()}


def effects(k) -> list[tuple[Effect, dict]]:
    return [(EFFECTS[spec["effect"]], spec) for spec in k.closes]
