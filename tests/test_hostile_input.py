"""Hostile input through the model and onto paper (hypothesis).

Anything a keyboard or a paste can send — decomposed Vietnamese, control
characters, right-to-left marks, emoji, quotes and SQL-looking text, 100,000
characters — is stored without a crash as clean NFC text, and the text printed
in a PDF reads back as what was stored.

"Printable" here means: letters, marks, digits, punctuation, symbols and the
space that the document font has a glyph for. Characters the font lacks (emoji
and most non-Latin scripts in Times New Roman / DejaVu Serif) are stored
faithfully but print as an empty glyph; invisible format characters (category
Cf: soft hyphen, joiners) are stored but not expected on paper.
"""
from __future__ import annotations

import io
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.domain.petition import Petition
from models.services import catalog, petitions, records
from models.core.text import clean, clean_line

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
vietnamese_words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.;:-\n", min_size=1, max_size=80)
# what a paste from Word or a web page can carry besides words
nasty = st.sampled_from(["\u200f", "\u202e", "\u2066", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\t", "\x07",
                         "😀", "👨‍👩‍👧", "🇻🇳", "'; DROP TABLE petition; --", "\" OR 1=1 --", "<b>", "&amp;",
                         "%_\\", "\u0301", "\u00ad", "\ud800"])
hostile = st.lists(st.one_of(vietnamese_words, nasty, st.text(max_size=20)), max_size=12).map("".join)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def check_stored(raw: str, stored: str, *, multiline: bool) -> None:
    assert unicodedata.is_normalized("NFC", stored)
    assert stored == (clean(raw) if multiline else clean_line(raw))
    bad = {ch for ch in stored if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t"}
    assert not bad
    assert not set(stored) & {"\u200e", "\u200f", "\u202e", "\u2066", "\ufeff"}


@pytest.fixture
def fuzz_office(db):
    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")


@settings(max_examples=150, **SETTINGS)
@given(content=hostile, name=hostile, decompose=st.booleans())
def test_any_text_is_stored_as_clean_nfc(fuzz_office, content, name, decompose):
    """On SQLite and PostgreSQL: create, reload, edit, search — never a crash."""
    if decompose:
        content, name = nfd(content), nfd(name)
    if not clean(content).strip():
        return  # refused with a message (tested elsewhere)
    p = petitions.record_petition(fuzz_office, content=content, citizen_name=name)
    got = Petition.get_by_id(p.id)
    check_stored(content, got.content, multiline=True)
    check_stored(name, got.citizen_name, multiline=False)
    records.update(got, {"answer_summary": content})
    assert Petition.get_by_id(p.id).answer_summary == got.content
    from models.services import search

    list(Petition.select().where(search.matches(Petition, content[:30])))


def test_100000_character_paste(db, office):
    block = nfd("Bà Nguyễn Thị Ánh phản ánh việc cấp giấy chứng nhận quyền sử dụng đất chậm. ")
    paste = (block * (100_000 // len(block) + 1))[:100_000]
    p = petitions.record_petition(office, content=paste)
    got = Petition.get_by_id(p.id).content
    assert got == unicodedata.normalize("NFC", paste).strip()
    assert len(got) <= 100_000


# --- onto paper --------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_tools():
    from reportlab.pdfbase import pdfmetrics

    from printing import layout, styles

    s = styles.get()
    face = pdfmetrics.getFont(s.font()).face
    return s, layout, set(face.charToGlyph)


def printable(ch: str, covered: set[int]) -> bool:
    return (ord(ch) in covered and unicodedata.category(ch)[0] in "LMNPS") or ch == " "


def render_and_read(s, layout, text: str) -> str:
    import pypdf

    doc = layout.Document(title="kiểm thử")
    doc.add(layout.para(s, "body", text))
    pdf = layout.render(s, doc)
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def squeeze(text: str) -> str:
    """Layout breaks lines (and long words) where it likes; compare the characters."""
    return "".join(text.split())


def store(raw: str) -> str:
    from models.storage.db import database

    with database.atomic() as tx:  # through the model, then thrown away
        office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
        p = petitions.record_petition(office, content=raw)
        stored = Petition.get_by_id(p.id).content
        tx.rollback()
    return stored


@settings(max_examples=120, **SETTINGS)
@given(raw=hostile, decompose=st.booleans())
def test_stored_text_prints_and_reads_back(sqlite_db, pdf_tools, raw, decompose):
    s, layout, covered = pdf_tools
    if decompose:
        raw = nfd(raw)
    if not clean(raw).strip():
        return
    stored = store(raw)
    text = render_and_read(s, layout, stored)        # no crash whatever the text
    expected = "".join(ch for ch in stored if printable(ch, covered))
    if expected == "".join(ch for ch in stored if not ch.isspace() or ch == " ") and expected.strip():
        # wholly printable: the page says exactly what the record says
        assert squeeze(text) == squeeze(expected)
    else:
        # the printable characters all come out, in order
        got = iter(squeeze(text))
        assert all(ch in got for ch in squeeze(expected))


@settings(max_examples=80, **SETTINGS)
@given(raw=st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:()/-–—“”'\"?!%&<>", min_size=1,
                   max_size=400), decompose=st.booleans())
def test_vietnamese_prints_exactly(sqlite_db, pdf_tools, raw, decompose):
    s, layout, covered = pdf_tools
    stored = store(nfd(raw) if decompose else raw) if clean(raw).strip() else ""
    if not stored:
        return
    assert all(printable(ch, covered) for ch in stored)
    assert squeeze(render_and_read(s, layout, stored)) == squeeze(stored)


def test_100000_characters_print(sqlite_db, pdf_tools):
    s, layout, _ = pdf_tools
    block = "Đề nghị xã sớm sửa chữa tuyến đường liên thôn Đông Hải – Tây Sơn bị xuống cấp nghiêm trọng. "
    text = (block * (100_000 // len(block) + 1))[:100_000]
    t0 = time.perf_counter()
    out = render_and_read(s, layout, store(text))
    took = time.perf_counter() - t0
    # page numbers (from page 2 on) are the only digits on these pages
    assert squeeze("".join(ch for ch in out if not ch.isdigit())) == squeeze(store(text))
    print(f"\n100000 ký tự → PDF và đọc lại: {took:.1f} s")


# --- hostile text on every screen (Pilot) ------------------------------------------------------

MARKUP = ["[/i]", "[@click=app.quit]x[/]", "[link=http://x]y[/link]", "[bold red]", "\\[", "[/]"]
LONG_LINE = "Đường " + "x" * 5000


def make_hostile(office) -> None:
    """Every text field people fill in, in the demo office, carries markup-like text."""
    from models.domain.office import Field, Office, Unit, Village
    from models.domain.conference import AgendaItem, Conference
    from models.domain.plan import Plan
    from models.domain.register import OutgoingDocument

    tag = " ".join(MARKUP)
    Office.update(name=f"UBND xã [bold red]Kỳ Khang {MARKUP[0]}", signer_name=f"Hồ [@click=app.quit]x[/]",
                  header_name=f"ỦY BAN NHÂN DÂN\nXÃ [/i]KỲ KHANG").where(Office.id == office.id).execute()
    Plan.update(title=Plan.title.concat(f" {tag}"), body=Plan.body.concat(f"\n- {tag}")).execute()
    Conference.update(title=Conference.title.concat(f" [@click=app.quit]x[/] {MARKUP[2]}"),
                      venue=f"Nhà văn hóa [/i] {MARKUP[3]}").execute()
    AgendaItem.update(title=AgendaItem.title.concat(" [/i]")).execute()
    Petition.update(content=Petition.content.concat(f" {tag}"),
                    citizen_name=Petition.citizen_name.concat(" [@click=app.quit]x[/]")).execute()
    first = Petition.select().order_by(Petition.id).first()
    Petition.update(content=LONG_LINE).where(Petition.id == first.id).execute()
    for model in (Unit, Village, Field):
        model.update(name=model.name.concat(" [/i]")).execute()
    OutgoingDocument.update(title=OutgoingDocument.title.concat(f" {MARKUP[1]} {MARKUP[2]}"),
                            signer=OutgoingDocument.signer.concat(" [/i]")).execute()


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_hostile_text_on_every_screen_is_shown_as_typed(demo_office, monkeypatch):
    import asyncio

    from tests.snapshots.settle import settle
    from tui.app import DoiThoaiApp

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    make_hostile(demo_office)
    seen: dict[str, str] = {}

    async def visit(pilot, name, *keys):
        for key in keys:
            await pilot.press(key)
            await settle(pilot, what=name)
        assert pilot.app.is_running, f"the app stopped on {name}"
        seen[name] = screen_text(pilot.app)

    async def inner():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await visit(pilot, "F2", "f2")
            await visit(pilot, "F3", "f3")
            await visit(pilot, "F4", "f4")
            await visit(pilot, "F4 again", "f2", "f4")
            await visit(pilot, "F5", "f5")
            await visit(pilot, "Ctrl+F", "ctrl+f")
            await visit(pilot, "Ctrl+F closed", "escape")
            await visit(pilot, "F6", "f6")
            await visit(pilot, "board detail", "enter")
            await visit(pilot, "board detail closed", "escape")
            await visit(pilot, "board search", "slash", *"[/i]", "enter")
            await visit(pilot, "F7", "f7", "down", "up")
            await visit(pilot, "F8", "f8")
            await visit(pilot, "F1", "f1")
            await visit(pilot, "F1 closed", "escape")
            await visit(pilot, "Ctrl+P", "ctrl+p", *"[/i]")
            await visit(pilot, "Ctrl+P closed", "escape")
            assert app.is_running and app.return_code is None
    asyncio.run(inner())
    everything = "\n".join(seen.values())
    assert "[@click=app.quit]x[/]" in everything
    assert "[link=http://x]y[/link]" in everything
    assert "[bold red]" in everything and "[/i]" in everything
    for name in ("F2", "F4", "F4 again", "Ctrl+F", "board detail"):
        assert "[@click=app.quit]x[/]" in seen[name], name
    assert "[link=http://x]y[/link]" in seen["F7"] and "[/i]" in seen["F7"]
    assert "Nhà văn hóa [/i] [bold red]" in seen["F4"]
    assert "“[/i]”" in seen["board search"]
