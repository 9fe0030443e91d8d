"""The demo commune: realistic, in every state, with real issued files."""
import datetime as dt
from collections import Counter

from models import Conference, OutgoingDocument, Petition
from models.domain.deadlines import WorkCalendar
from models.services import documents, followup


def test_demo_has_petitions_in_every_state(demo_office):
    states = Counter(p.status for p in Petition.select())
    assert 55 <= sum(states.values()) <= 70
    assert set(states) == {"open", "answered", "closed", "forwarded", "forwarded_replied", "noted", "withdrawn"}
    c = followup.counts(demo_office, dt.date(2026, 11, 22), WorkCalendar())
    assert c["late"] > 0 and c["due_soon"] > 0 and c["on_track"] > 0
    statuses = sorted(c.status for c in Conference.select())
    assert statuses == ["conclusions_issued", "minutes_signed", "planned"]


def test_demo_register_is_in_date_order(demo_office):
    docs = list(OutgoingDocument.select().where(OutgoingDocument.year == 2026).order_by(OutgoingDocument.number))
    assert [d.issued_on for d in docs] == sorted(d.issued_on for d in docs)


def test_demo_with_files_issues_real_pdfs(sqlite_db):
    from models.demo import build_demo

    from tui.documents import render_pdf

    build_demo(today=dt.date(2026, 11, 22), render=render_pdf)
    docs = list(OutgoingDocument.select())
    assert docs and all(d.sha256 for d in docs)
    assert all(documents.verify(d) for d in docs)
    # the corrected notice says in its printed text which notice it corrects
    from printing_support import page_texts, squash

    second = OutgoingDocument.get(OutgoingDocument.supersedes.is_null(False))
    first = OutgoingDocument.get_by_id(second.supersedes_id)
    text = squash("".join(page_texts(open(second.file_path, "rb").read())))
    assert squash(f"Thông báo này đính chính Thông báo số {first.symbol}") in text
