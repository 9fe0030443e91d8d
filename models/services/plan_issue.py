"""Ban hành kế hoạch: the number from the register, the text frozen.

A later version of an issued plan is issued under a new number; the register
entry points to the one it supersedes and the older version is marked
superseded (it stays readable)."""
from __future__ import annotations

from .. import audit, clock
from ..errors import Locked, ValidationError
from ..plans import PLAN_DRAFT, PLAN_ISSUED, PLAN_SUPERSEDED, Plan
from . import numbering, records


def check_ready(plan: Plan) -> None:
    missing = [label for key, label in (("title", "trích yếu"), ("body", "nội dung"),
                                        ("signer_position", "chức vụ người ký"),
                                        ("recipients", "nơi nhận")) if not getattr(plan, key).strip()]
    if missing:
        raise ValidationError("Chưa ban hành được: kế hoạch còn thiếu " + ", ".join(missing) + ". "
                              "Hãy sửa kế hoạch (phím E) rồi ban hành lại.")


def issue(plan: Plan) -> Plan:
    plan = Plan.get_by_id(plan.id)  # the stored version, not what a screen holds
    if plan.status != PLAN_DRAFT:
        raise Locked("Kế hoạch này đã ban hành. Muốn điều chỉnh, hãy tạo phiên bản mới (kèm lý do).")
    check_ready(plan)
    earlier = (Plan.select().where((Plan.series == plan.series) & (Plan.status == PLAN_ISSUED)
                                   & (Plan.id != plan.id)).order_by(Plan.version.desc()).first())
    issued_on = clock.today()
    with Plan._meta.database.atomic():
        doc = numbering.register(plan.office, "KH", title=plan.title, issued_on=issued_on,
                                 signer=plan.signer_name, ref_type="plan", ref_id=plan.id,
                                 supersedes=earlier.document if earlier and earlier.document_id else None,
                                 reason=plan.change_reason)
        records.update(plan, {"status": PLAN_ISSUED, "document": doc, "place_date": issued_on},
                       lock_check=False)
        audit.record("issue", plan)
        if earlier:
            records.update(earlier, {"status": PLAN_SUPERSEDED}, lock_check=False)
    return plan
