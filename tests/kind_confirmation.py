"""The composer of the fixture kind "Giấy xác nhận" (tests/kinds/giay-xac-nhan.json):
all a new kind needs beside its registry entry."""
from __future__ import annotations

from models.core import clock
from models.domain.document_text import Content
from models.services import compose


def confirmation(p) -> Content:
    """Giấy xác nhận: the office confirms it received a citizen's petition."""
    office = p.office
    body = [f"{compose.clean_line(office.name)} xác nhận đã tiếp nhận ý kiến, kiến nghị của "
            f"{compose.lower_first(compose._addressee(p))} ngày {compose.short_date(p.received_on)}, nội dung:",
            f"“{compose.clean_line(p.content).rstrip('.')}”.",
            compose.with_end("Giấy xác nhận này cấp cho công dân để theo dõi việc giải quyết")]
    return Content(kind="", letterhead=compose.letterhead(office), subject="Xác nhận tiếp nhận ý kiến, kiến nghị",
                   body="\n".join(body), recipients=("Như trên", compose.archive_line(office)),
                   addressees=(compose._addressee(p),), signers=(compose.office_signer(office),),
                   year=clock.today().year)
