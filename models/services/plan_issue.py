"""Ban hành kế hoạch: what must be written before a plan can be issued (the
issuing itself is ``models.services.documents.issue``, as for every kind)."""
from __future__ import annotations

from models.core.errors import ValidationError
from models.domain.document_text import Signer
from models.domain.plan import Plan
from models.services import compose

#: the plan's own fields an issued plan cannot lack
REQUIRED = (("title", "trích yếu"), ("body", "nội dung"), ("recipients", "nơi nhận"))


def missing_facts(plan: Plan) -> list[str]:
    """What the plan still lacks, as it will print: its required fields, the
    signer (the plan's own, or the office's where the plan names none: the same
    fallback the printed signature block takes) and every "[cần điền: …]"."""
    missing = [label for key, label in REQUIRED if not getattr(plan, key).strip()]
    signer = Signer.of(plan, plan.office)
    missing += [label for value, label in ((signer.position, "chức vụ người ký"), (signer.name, "họ tên người ký"))
                if not value]
    return missing + [gap for gap in compose.missing(compose.plan(plan)) if gap not in missing]


def check_ready(plan: Plan) -> None:
    missing = missing_facts(plan)
    if missing:
        raise ValidationError("Chưa ban hành được: kế hoạch còn thiếu " + ", ".join(missing) + ". "
                              "Hãy sửa kế hoạch rồi ban hành lại.", remedy="edit_plan")
