"""Ban hành kế hoạch: checks before issue, and versions.

The number, the PDF and its hash come from the issuing service; this module
adds what a plan needs around it: nothing essential missing, and when a later
version of an issued plan is issued, the earlier one is marked superseded (it
stays readable in the versions list)."""
from __future__ import annotations

from .. import clock
from ..errors import Locked, ValidationError
from ..plans import PLAN_DRAFT, PLAN_ISSUED, PLAN_SUPERSEDED, Plan
from . import issuing, records


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
    with Plan._meta.database.atomic():
        issuing.issue_plan(plan, on=clock.today())
        if earlier:
            records.update(earlier, {"status": PLAN_SUPERSEDED}, lock_check=False)
    return Plan.get_by_id(plan.id)
