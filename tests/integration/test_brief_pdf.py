"""The negotiation brief as a PDF, read back with pypdf: sections, numbers, metadata, hostile text, failures."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale

from app.brief import BriefError, build_brief
from app.evaluation import evaluator_for_file
from app.files import read_offer_file
from app.resources import sample_offers_path
from tests.pdfs import page_texts
from ui import format as fmt
from ui.cli import main as cli_main
from ui.launcher import render_brief
from ui.pdf import brief_pdf
from ui.pdf.brief_pdf import layout_brief, render_brief_pdf
from ui.pdf.brief_sections import SECTION_TITLES
from ui.pdf.page_setup import choose_paper, paper_for_locale

ROOT = Path(__file__).resolve().parents[2]
# page 1 is a call sheet; the position and the numbers behind the package follow it
PAGE_ONE_HEADINGS = (
    "Your ask",  # after the company's answer, the sample's package is the base alone
    "If they say no, in this order",
    "On the call",
)
CALL_SHEET_BACK = ("Your position", "Your numbers for year 1, and where they come from")


def pdf_text(path: Path) -> tuple[pypdf.PdfReader, list[str]]:
    """The reader and each page's text with runs of white space made one space (tests/pdfs.py)."""
    return pypdf.PdfReader(path), page_texts(path)


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def sample_evaluator():
    return evaluator_for_file(read_offer_file(sample_offers_path()))


@pytest.fixture(scope="module")
def sample(qapp, sample_evaluator, tmp_path_factory):
    brief = build_brief(sample_evaluator, "sample-lumen")
    path = render_brief_pdf(brief, tmp_path_factory.mktemp("brief") / "brief.pdf", paper="A4")
    reader, pages = pdf_text(path)
    return brief, path, reader, pages


def test_every_section_is_there_in_order(sample) -> None:
    _brief, _path, _reader, pages = sample
    rest = " ".join(pages[1:])
    positions = [rest.find(title) for title in SECTION_TITLES]
    assert -1 not in positions, [t for t, p in zip(SECTION_TITLES, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    # page 1 is the call sheet: what to do now, the numbers, the package with its if-no lines, the
    # ladder, your alternative, whom to talk to, the deadline; the position and the numbers behind it next
    assert all(heading in pages[0] for heading in PAGE_ONE_HEADINGS), pages[0]
    assert all(heading in pages[1] for heading in CALL_SHEET_BACK)
    assert "Lumen Health" in pages[0] and "decide by" in pages[0].lower() and "4 Dec 2026" in pages[0]
    for words in ("Your alternative", "Who to talk to", "The deadline", "Say:", "If no:", "Your ask, year 1",
                  "Walk-away, year 1"):
        assert words.lower() in pages[0].lower(), words
    assert SECTION_TITLES[0] not in pages[0] + pages[1]


def test_the_numbers_are_apps(sample, sample_evaluator) -> None:
    brief, _path, _reader, pages = sample
    e = sample_evaluator.evaluate("sample-lumen")
    text = " ".join(pages)
    first, back = pages[0], pages[1]
    assert fmt.money(e.figures.year_one, "USD") in first
    assert fmt.money(e.advice.package.anchor.year_one, "USD") in first
    assert f"{e.position.score} of 100" in back and e.position.tier_name in back
    on_sheet = [lv for lv in e.levers if lv.step in ("first", "package", "fallback")][:6]
    for lever in on_sheet:
        if lever.ask is not None and lever.unit in ("per_year", "once", "grant"):
            assert fmt.money(lever.ask, "USD") in first
        assert compact(lever.script) in compact(first)
    for lever in e.levers:
        if lever.step in ("first", "package"):
            assert compact(lever.if_no) in compact(first)
    assert compact(e.advice.headline) in compact(first)
    assert compact(e.advice.alternative) in compact(first)
    assert fmt.money(e.stretch.best.year_one, "USD") in back
    assert compact(e.advice.where_from) in compact(back)
    for year in e.figures.years:
        for value in (year.base, year.bonus, year.equity, year.total):
            assert fmt.money(value, "USD") in text
    assert fmt.money(e.figures.annual_average, "USD") in text
    # the alternatives, in the display currency, as app.comparison computed them
    for column in brief.alternatives.columns:
        assert column.offer.company in text
        for value in column.values:
            assert fmt.money(value, column.offer.currency) in text
    # every lever's per-year effect (signed), swaps included
    for lever in e.levers:
        assert compact(lever.rationale) in compact(text)
        assert compact(lever.if_no) in compact(text)
        for change in lever.effect:
            if change:
                assert fmt.money(change, "USD", signed=True) in text


def test_metadata(sample) -> None:
    brief, _path, reader, _pages = sample
    meta = reader.metadata
    assert meta.title == brief.title == "Negotiation brief: Lumen Health — Senior Software Engineer, Payments"
    assert meta.subject == brief.subject and "Lumen Health" in meta.subject
    assert meta.creator == brief.creator and meta.creator.startswith("Offer Planner")
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": brief.title}
    assert xmp.dc_description == {"x-default": brief.subject}


def test_pages_are_numbered_with_a_running_title(sample) -> None:
    _brief, _path, reader, pages = sample
    count = len(reader.pages)
    # the call sheet may run on to page 2 (the sample's: its numbers and position), then the sections,
    # with Stay, scenarios, options and after tax since the brief's format-2 merge: 13 for the sample
    assert 4 <= count <= 14
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {count}" in page
        if number > 1:
            assert "Negotiation brief · Lumen Health — Senior Software Engineer, Payments" in page


def test_real_text_with_no_ligatures_and_embedded_fonts(sample) -> None:
    _brief, _path, reader, _pages = sample
    # read by pypdf, which keeps a ligature glyph as one character (PDFium spells it out)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "offer" in text
    assert not any(ligature in text for ligature in "ﬀﬁﬂﬃﬄ")
    # "fi", "ff", "fl" words read as typed
    assert "first" in text and "flexible" in text and "offer" in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_the_chart_is_drawn_as_vectors(sample) -> None:
    _brief, _path, reader, _pages = sample
    page = reader.pages[2]  # the offer, year by year (after the call sheet and its back): the stacked bars
    assert not page["/Resources"].get("/XObject")  # no raster images anywhere
    content = page.get_contents().get_data()
    assert content.count(b" re") + content.count(b" l\n") > 20  # rectangles and lines


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_paper_sizes(qapp, sample_evaluator, tmp_path, paper, size) -> None:
    brief = build_brief(sample_evaluator, "sample-kestrel")
    reader = pypdf.PdfReader(render_brief_pdf(brief, tmp_path / "b.pdf", paper=paper))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_paper_from_settings_then_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert paper_for_locale(us) == "Letter" and paper_for_locale(germany) == "A4"
    assert paper_for_locale(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)) == "Letter"
    assert choose_paper(None, None, us) == "Letter"
    assert choose_paper(None, "A4", us) == "A4"  # the settings' choice wins over the locale
    assert choose_paper("Letter", "A4", germany) == "Letter"  # and --paper over both


def test_the_settings_paper_is_used(qapp, sample_evaluator, tmp_path) -> None:
    brief = build_brief(sample_evaluator, "sample-kestrel", paper="Letter")
    reader = pypdf.PdfReader(render_brief_pdf(brief, tmp_path / "b.pdf"))
    assert round(float(reader.pages[0].mediabox.height)) == 792


# --- hostile text, many alternatives, many events ------------------------------------------------

COMPANY = "<b>bold</b> & <script>alert('x')</script> Ünïcødé Société 株式会社 שלום"
ROLE = "Principal" + "Engineer" * 13 + "X"  # 114 characters, not one space


def hostile_file(path: Path, *, alternatives: int = 8, events: int = 20) -> Path:
    timeline, day = [], date(2026, 6, 1)
    kinds = ["applied", "recruiter_screen", "interview", "interview", "final_interview", "offer"]
    kinds += ["counter", "response", "follow_up"] * 6
    for i in range(events):
        day += timedelta(days=2 + i % 5)
        note = f"<i>note {i}</i> & שלום 株式会社 " + "lorem ipsum dolor sit amet " * (i % 4 * 5)
        timeline.append({"date": day.isoformat(), "kind": kinds[i], "note": note.strip()})
    offers = [
        {
            "id": "hostile",
            "company": COMPANY,
            "role": ROLE,
            "level": "L" + "9" * 100,
            "location": "Tel Aviv · תל אביב · 東京 · Zürich",
            "currency": "USD",
            "stage": "negotiating",
            "base_salary": 987654321.99,
            "annual_raise_pct": 7.25,
            "bonus": {"target_pct": 33.3, "expected_payout_pct": 120},
            "sign_on": [123456789.12, 98765432.1],
            "relocation": 12345.67,
            "equity": [
                {"kind": "option", "shares": 1000000, "strike": 0.01, "price": 9999.99},
                {"kind": "rsu", "value": 555555555.55, "vesting": {"years_pct": [10, 20, 30, 40], "cliff_months": 18}},
            ],
            "refreshers": {"annual_value": 1000000, "first_year": 2},
            "benefits": [{"name": "<b>Gym</b> & spa", "annual_value": 1200}],
            "timeline": timeline,
            "signals": {"competing_offers": 8, "recruiter_advocating": False, "deadline": "2026-12-31"},
            "goal": {"target_total": 999999999999, "walk_away_total": 1000},
            "notes": "First line <b>not bold</b>\n\nSecond paragraph " + "a" * 300 + "\nשלום עולם 株式会社",
        }
    ]
    currencies = ["EUR", "GBP", "JPY", "SEK", "CHF", "INR", "BRL", "KRW"]
    for i in range(alternatives):
        offers.append(
            {
                "id": f"alt{i}",
                "company": f"Alternative {i} " + "Ltd " * (i * 3) + ("株式会社" if i % 2 else "Ärzte & Söhne"),
                "role": "Engineer " * (i + 1),
                "currency": currencies[i % len(currencies)],
                "stage": "offer",
                "base_salary": 100000 * (i + 1),
                "timeline": [
                    {"date": "2026-10-01", "kind": "final_interview"},
                    {"date": "2026-10-05", "kind": "offer"},
                ],
            }
        )
    document = {
        "format": "offer-planner/1",
        "as_of": "2026-11-20",
        "display_currency": "USD",
        "fx": {"EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "SEK": 0.095, "CHF": 1.12, "INR": 0.012},
        "horizon_years": 10,
        "offers": offers,
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    brief = build_brief(evaluator_for_file(read_offer_file(hostile_file(folder / "offers.json"))), "hostile")
    path = render_brief_pdf(brief, folder / "hostile.pdf", paper="Letter")
    reader, pages = pdf_text(path)
    return brief, path, reader, pages


def test_hostile_text_is_text_never_markup(hostile) -> None:
    _brief, _path, _reader, pages = hostile
    text = " ".join(pages)
    assert "<b>bold</b> & <script>alert('x')</script>" in text
    assert "Ünïcødé Société" in text and "Zürich" in text
    assert "שלום" in text or "םולש" in text  # extracted in logical or in visual order
    assert "<i>note 3</i>" in text and "First line <b>not bold</b>" in text
    assert ROLE in compact(text)  # wrapped, never cut
    assert "a" * 300 in compact(text)


def test_many_alternatives_and_events_flow_onto_more_pages(hostile, sample) -> None:
    brief, _path, reader, pages = hostile
    text = " ".join(pages)
    assert len(reader.pages) > len(sample[2].pages)
    for index in range(8):
        assert f"Alternative {index}" in text
    for entry in brief.timeline.entries:
        assert f"{entry.day:%a} {entry.day.day} {entry.day:%b} {entry.day.year}" in text  # "Sat 6 Jun 2026"
    assert "not compared" in text  # BRL and KRW have no rate: shown in their own currency, flagged
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_nothing_overlaps_or_leaves_the_page(qapp, hostile, sample, paper) -> None:
    for brief in (hostile[0], sample[0]):
        laid = layout_brief(brief, paper)
        pt = laid.ts.pt
        for page in laid.pages:
            assert page, "no empty pages"
            bottom_so_far = laid.top
            for placed in page:
                piece = placed.piece
                assert placed.top >= bottom_so_far - 0.01 * pt  # below everything placed before it
                assert placed.top + piece.height <= laid.bottom + 0.01 * pt  # above the footer
                assert piece.indent >= 0 and laid.left + laid.width <= laid.page_width
                bottom_so_far = placed.top + piece.height


def test_a_heading_never_ends_a_page(qapp, hostile, sample) -> None:
    for brief in (hostile[0], sample[0]):
        for page in layout_brief(brief).pages:
            assert not page[-1].piece.keep_with_next or page[-1] is page[0]


# --- the file: written whole or not at all --------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part") or p.name.startswith("."))


def test_a_missing_folder_is_a_clear_error(qapp, sample, tmp_path) -> None:
    with pytest.raises(BriefError, match="does not exist"):
        render_brief_pdf(sample[0], tmp_path / "missing" / "brief.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_place_of_the_folder_is_a_clear_error(qapp, sample, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(BriefError, match="is a file, not a folder"):
        render_brief_pdf(sample[0], tmp_path / "notes.txt" / "brief.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_folder_as_the_target_is_a_clear_error(qapp, sample, tmp_path) -> None:
    (tmp_path / "brief.pdf").mkdir()
    with pytest.raises(BriefError, match="is a folder"):
        render_brief_pdf(sample[0], tmp_path / "brief.pdf")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_is_a_clear_error(qapp, sample, tmp_path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BriefError, match="permission denied"):
            render_brief_pdf(sample[0], folder / "brief.pdf")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(qapp, sample, tmp_path, monkeypatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the brief from yesterday")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(brief_pdf, "add_subject", disk_full)
    with pytest.raises(BriefError, match="No space left on device"):
        render_brief_pdf(sample[0], target)
    assert target.read_bytes() == b"the brief from yesterday"
    assert leftovers(tmp_path) == []


def test_replacing_a_brief_keeps_nothing_but_the_new_one(qapp, sample, tmp_path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    render_brief_pdf(sample[0], target)
    assert target.read_bytes().startswith(b"%PDF-") and leftovers(tmp_path) == []
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
    # the walk-away is in it: readable by its owner alone, whatever the file it replaced (app.atomic)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# --- the command line ------------------------------------------------------------------------------


def run_cli(*argv: str, renderer=render_brief) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out=out, err=err, render_brief=renderer)
    return code, out.getvalue(), err.getvalue()


def test_cli_brief_from_a_file(qapp, tmp_path) -> None:
    target = tmp_path / "brief.pdf"
    code, out, err = run_cli("brief", str(sample_offers_path()), "--offer", "sample-lumen", "-o", str(target))
    assert (code, err) == (0, "")
    assert f"to {target}" in out
    assert pypdf.PdfReader(target).metadata.title.startswith("Negotiation brief: Lumen Health")


def test_cli_brief_from_the_data_file(qapp, tmp_path) -> None:
    db = tmp_path / "offers.sqlite3"
    assert run_cli("import", str(sample_offers_path()), "--db", str(db))[0] == 0
    target = tmp_path / "kestrel.pdf"
    code, _out, err = run_cli("brief", "--db", str(db), "--offer", "sample-kestrel", "-o", str(target), "--paper",
                              "Letter")
    assert (code, err) == (0, "")
    reader = pypdf.PdfReader(target)
    assert "Kestrel Robotics" in reader.metadata.title
    assert round(float(reader.pages[0].mediabox.height)) == 792


def test_cli_default_name_in_the_current_folder(qapp, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out, _err = run_cli("brief", str(sample_offers_path()), "--offer", "sample-kestrel")
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["Negotiation brief – Kestrel Robotics – 2026-11-20.pdf"]


def test_cli_unknown_offer_names_the_ids(qapp, tmp_path) -> None:
    code, _out, err = run_cli("brief", str(sample_offers_path()), "--offer", "nope", "-o", str(tmp_path / "b.pdf"))
    assert code == 2
    assert 'no offer has the id "nope"' in err and "sample-lumen, sample-kestrel, sample-aurelia" in err
    code, _out, err = run_cli("brief", str(sample_offers_path()), "-o", str(tmp_path / "b.pdf"))
    assert code == 2 and "--offer ID" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_unwritable_folder_exits_2_and_writes_nothing(qapp, tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    for target in (tmp_path / "missing" / "b.pdf", tmp_path / "file" / "b.pdf"):
        code, out, err = run_cli("brief", str(sample_offers_path()), "--offer", "sample-lumen", "-o", str(target))
        assert code == 2 and out == ""
        assert err.startswith("offer-planner: ") and ("does not exist" in err or "not a folder" in err)
        assert "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_cli_without_the_pdf_writer_says_so(tmp_path) -> None:
    code, _out, err = run_cli("brief", str(sample_offers_path()), "--offer", "sample-lumen", "-o",
                              str(tmp_path / "b.pdf"), renderer=None)
    assert code == 2 and "offer-planner brief" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_brief_runs_headless(tmp_path) -> None:
    """The console script with no display at all: it picks Qt's offscreen platform itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "brief.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "brief", str(sample_offers_path()), "--offer", "sample-aurelia",
         "-o", str(target)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert pypdf.PdfReader(target).metadata.title == "Negotiation brief: Aurelia Bank — Lead Data Engineer"
