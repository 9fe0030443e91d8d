"""Ban hành kế hoạch: what must be written before a plan can be issued (the
issuing itself is ``models.services.documents.issue``, as for every kind)."""
from __future__ import annotations

from ..errors import ValidationError
from ..plans import Plan


def check_ready(plan: Plan) -> None:
    missing = [label for key, label in (("title", "trích yếu"), ("body", "nội dung"),
                                        ("signer_position", "chức vụ người ký"),
                                        ("recipients", "nơi nhận")) if not getattr(plan, key).strip()]
    if missing:
        raise ValidationError("Chưa ban hành được: kế hoạch còn thiếu " + ", ".join(missing) + ". "
                              "Hãy sửa kế hoạch rồi ban hành lại.", remedy="edit_plan")
