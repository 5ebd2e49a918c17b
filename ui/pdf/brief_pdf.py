"""The negotiation brief as a PDF: QPdfWriter + QPainter, real text, vector charts, written atomically.

`render_brief_pdf(brief, path)` lays out an `app.brief.Brief` with the flowing layout of
`ui.pdf.layout`: the summary on page 1, then the offer year by year, the alternatives, the timeline,
every lever, a checklist for the call, how the rating was made and what is assumed; a running title,
"Page N of M" and PDF metadata. The charts are painted by `ui.charts` — the same code as the screen.
Numbers are formatted with `ui.format`, exactly as the screens show them; nothing is computed here.

The file is written to a temporary file in the target folder, then renamed over the target, so a
failure never leaves a half-written brief. Problems with the folder are `app.brief.BriefError`s
with a message in words.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt, qVersion
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from app.brief import (
    AlternativeColumn,
    Alternatives,
    Brief,
    BriefError,
    BriefLever,
    OfferYears,
    Summary,
)
from app.text import date_words
from ui import format as fmt
from ui.charts.painting import paint_cumulative_lines, paint_stacked_bars
from ui.charts.timeline import KIND_LABELS, paint_timeline, timeline_height
from ui.pdf.layout import Column, Flow, Piece, Placed, Row, Run, Style, Table, Typesetter, paginate, paint_page

PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Territories that print on US Letter; everyone else uses A4.
_LETTER_TERRITORIES = frozenset(
    getattr(QLocale.Country, name)
    for name in (
        "UnitedStates",
        "Canada",
        "Mexico",
        "Philippines",
        "Chile",
        "Colombia",
        "Venezuela",
        "CostaRica",
        "Guatemala",
        "Panama",
        "PuertoRico",
        "DominicanRepublic",
        "ElSalvador",
        "Nicaragua",
        "Belize",
    )
    if hasattr(QLocale.Country, name)
)
# Sans-serif families tried in order; Qt falls back per glyph for scripts a family lacks (CJK, …).
FAMILIES = (
    "Noto Sans",
    "Source Sans 3",
    "Source Sans Pro",
    "Inter",
    "DejaVu Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Helvetica",
    "Arial",
    "Liberation Sans",
)
STAGE_NAMES = {
    "interviewing": "Interviewing",
    "offer": "Offer",
    "negotiating": "Negotiating",
    "accepted": "Accepted",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}
# Badge hues (as ui.widgets.badges): green for a grand slam, amber for uncertain, red for weak.
TIER_HUES = {"grand_slam": 140, "strong": 175, "steady": 210, "uncertain": 40, "weak": 0}
PLAUSIBILITY_HUES = {"likely": 140, "possible": 210, "long_shot": -1}

SECTION_TITLES = (
    "The offer, year by year",
    "Your alternatives, side by side",
    "The process so far",
    "Every lever, in full",
    "Checklist for the call",
    "How the rating was made",
    "What is assumed",
)

STYLES = {
    "body": Style(9.2, leading=1.22),
    "body_bold": Style(9.2, bold=True, leading=1.22),
    "body_italic": Style(9.2, italic=True, leading=1.22),
    "muted": Style(8.4, ink="muted", leading=1.22),
    "muted_italic": Style(8.4, italic=True, ink="muted", leading=1.22),
    "small": Style(8.0, leading=1.2),
    "small_bold": Style(8.0, bold=True, leading=1.2),
    "quote": Style(9.2, italic=True, ink="quote", leading=1.25),
    "small_quote": Style(8.0, italic=True, ink="quote", leading=1.22),
    "small_muted": Style(8.0, ink="muted", leading=1.2),
    "small_bold_accent": Style(8.0, bold=True, ink="accent", leading=1.2),
    "headline": Style(10.2, bold=True, leading=1.25),
    "table": Style(8.2, leading=1.15),
    "table_bold": Style(8.2, bold=True, leading=1.15),
    "table_muted": Style(7.4, ink="muted", leading=1.15),
    "table_head": Style(7.2, bold=True, ink="muted", leading=1.1),
    "table_compact": Style(6.8, leading=1.15),
    "table_compact_bold": Style(6.8, bold=True, leading=1.15),
    "table_compact_muted": Style(6.4, ink="muted", leading=1.15),
    "table_compact_head": Style(6.4, bold=True, ink="muted", leading=1.1),
    "eyebrow": Style(8.0, bold=True, ink="accent", caps=True),
    "eyebrow_muted": Style(8.0, ink="muted"),
    "title": Style(22.0, bold=True, leading=1.1),
    "subtitle": Style(12.5, ink="text", leading=1.2),
    "h1": Style(15.0, bold=True, ink="accent", leading=1.15),
    "h2": Style(10.8, bold=True, leading=1.2),
    "h3": Style(9.2, bold=True, ink="muted", leading=1.2),
    "stat_label": Style(6.8, bold=True, ink="muted", caps=True),
    "stat_value": Style(13.0, bold=True),
    "stat_value_mid": Style(11.2, bold=True),
    "stat_value_small": Style(9.6, bold=True),
    "stat_note": Style(7.4, ink="muted", leading=1.15),
    "badge": Style(9.5, bold=True, ink="badge"),
    "score": Style(15.0, bold=True),
    "score_of": Style(9.0, ink="muted"),
    "scale": Style(6.6, ink="muted"),
    "lever_title": Style(10.5, bold=True),
    "ask_amount": Style(10.5, bold=True, ink="accent"),
    "rank": Style(8.5, bold=True, ink="on_accent"),
    "header": Style(7.6, ink="muted"),
    "chart": Style(7.6),
    "timeline": Style(7.2),
}

# Smaller table styles for figures too long to sit side by side at the usual size.
COMPACT = {
    "table": "table_compact",
    "table_bold": "table_compact_bold",
    "table_muted": "table_compact_muted",
    "table_head": "table_compact_head",
}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 54.0, 66.0, 62.0  # points
LEVER_INDENT = 22.0  # points: a lever's text hangs right of its rank


# --- set-up --------------------------------------------------------------------------------------

_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """QPdfWriter needs a QGuiApplication: make one if none exists, offscreen when there is no display."""
    global _app
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if sys.platform not in ("win32", "darwin") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["offer-planner"])
    return _app


def paper_for_locale(locale: QLocale | None = None) -> str:
    """"Letter" in the US, Canada, Mexico, the Philippines and a few others; "A4" everywhere else."""
    locale = locale or QLocale()
    return "Letter" if locale.territory() in _LETTER_TERRITORIES else "A4"


def choose_paper(requested: str | None, preferred: str | None = None, locale: QLocale | None = None) -> str:
    """The paper asked for, else the settings' choice, else the locale's."""
    for choice in (requested, preferred):
        if choice in PAPER_SIZES:
            return choice  # type: ignore[return-value]
    return paper_for_locale(locale)


def print_palette() -> QPalette:
    """Dark ink on white paper, a calm blue accent: the brief always prints light, whatever the screen."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#ffffff",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f4f6f9",
        QPalette.ColorRole.WindowText: "#1c2430",
        QPalette.ColorRole.Text: "#1c2430",
        QPalette.ColorRole.PlaceholderText: "#6a7483",
        QPalette.ColorRole.Highlight: "#245f9e",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#cfd5dd",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    return palette


def _family() -> str:
    available = set(QFontDatabase.families())
    return next(
        (f for f in FAMILIES if f in available),
        QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),
    )


def _inks(palette: QPalette) -> dict[str, QColor]:
    text = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    accent = palette.color(QPalette.ColorRole.Highlight)
    tint = QColor(accent)
    tint.setAlpha(22)
    quote = QColor(text)
    quote = quote.lighter(125) if quote.lightness() < 60 else quote
    rule = palette.color(QPalette.ColorRole.Mid)
    return {
        "text": text,
        "muted": muted,
        "accent": accent,
        "on_accent": palette.color(QPalette.ColorRole.HighlightedText),
        "quote": quote,
        "rule": rule,
        "rule_strong": QColor(text.red(), text.green(), text.blue(), 170),
        "tint": tint,
        "panel": palette.color(QPalette.ColorRole.AlternateBase),
        "badge": text,
    }


def _badge(hue: int) -> tuple[QColor, QColor]:
    """(fill, ink) of a pill with this hue, as the screen's badges on a light palette (grey for -1)."""
    saturation = 0 if hue < 0 else 150
    return QColor.fromHsl(max(hue, 0), saturation, 222), QColor.fromHsl(max(hue, 0), saturation, 55)


# --- writing -------------------------------------------------------------------------------------


def render_brief_pdf(
    brief: Brief, path: str | os.PathLike[str], *, paper: str | None = None, palette: QPalette | None = None
) -> Path:
    """Write `brief` as a PDF at `path` (A4 or Letter: `paper`, else the brief's, else the locale's).

    Raises `BriefError` with a message in words when the folder is missing or can't be written; the
    target is then untouched and no temporary file is left behind.
    """
    ensure_gui_application()
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise BriefError(f"{target} is a folder: choose a file name for the brief.")
    size = choose_paper(paper, brief.paper if brief.paper != "auto" else None)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=".pdf.part", dir=folder)
    except OSError as exc:
        raise BriefError(_folder_problem(folder, exc)) from None
    os.close(handle)
    try:
        stamp = datetime.now(UTC).replace(microsecond=0)
        _write(brief, temporary, size, palette or print_palette(), stamp)
        _add_subject(temporary, brief, stamp)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        # mkstemp made it private (0600): give it the mode a saved file gets (or the one it replaces)
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise BriefError(f"{target} can't be written: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _folder_problem(folder: Path, exc: OSError) -> str:
    shown = str(folder) if str(folder) else "."
    if isinstance(exc, FileNotFoundError):
        return f"The folder {shown} does not exist: choose another folder, or create it first."
    if isinstance(exc, NotADirectoryError):
        return f"{shown} is a file, not a folder: choose a folder for the brief."
    if isinstance(exc, PermissionError):
        return f"The folder {shown} can't be written to (permission denied): choose another folder."
    return f"The brief can't be written in {shown}: {exc.strerror or exc}."


@dataclass
class BriefLayout:
    """The brief laid out on pages (device units): what `_write` paints, and what tests measure."""

    writer: QPdfWriter
    ts: Typesetter
    pages: list[list[Placed]]
    left: float
    width: float
    top: float
    bottom: float
    page_width: float
    page_height: float
    device: QIODevice | None = None  # keeps an in-memory target alive as long as the layout


def _writer(target: str | QIODevice, brief: Brief, paper: str, stamp: datetime) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setTitle(_clean(brief.title))
    writer.setCreator(brief.creator)
    writer.setAuthor(brief.creator)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAPER_SIZES[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
    )
    writer.setDocumentXmpMetadata(_xmp(brief, stamp))
    return writer


def _layout(writer: QPdfWriter, brief: Brief, palette: QPalette) -> BriefLayout:
    ts = Typesetter(writer, _family(), STYLES, _inks(palette))
    pt = ts.pt
    page_width, page_height = writer.width(), writer.height()
    left = MARGIN_X * pt
    width = page_width - 2 * left
    flow = Flow(ts, width)
    _compose(flow, brief, palette)
    top, bottom = MARGIN_TOP * pt, page_height - MARGIN_BOTTOM * pt
    pages = paginate(flow.pieces, top, bottom)
    return BriefLayout(writer, ts, pages, left, width, top, bottom, page_width, page_height)


def layout_brief(brief: Brief, paper: str = "A4", palette: QPalette | None = None) -> BriefLayout:
    """The brief laid out without writing a file (for checks: nothing overlaps, nothing leaves the page)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    layout = _layout(_writer(buffer, brief, paper, datetime.now(UTC)), brief, palette or print_palette())
    layout.device = buffer
    return layout


def _write(brief: Brief, path: str, paper: str, palette: QPalette, stamp: datetime) -> int:
    writer = _writer(path, brief, paper, stamp)
    laid = _layout(writer, brief, palette)
    pt, pages = laid.ts.pt, laid.pages
    painter = QPainter()
    if not painter.begin(writer):
        raise BriefError("The PDF could not be started (Qt's PDF writer refused the file).")
    try:
        clip = QRectF(0, laid.top - 6 * pt, laid.page_width, laid.bottom - laid.top + 12 * pt)
        for number, placed in enumerate(pages, 1):
            if number > 1:
                writer.newPage()
            paint_page(painter, placed, laid.left, laid.width, clip)
            _paint_furniture(painter, laid.ts, brief, number, len(pages), laid.left, laid.width, laid.page_height)
    finally:
        if not painter.end():
            raise BriefError("The PDF could not be finished (is the disk full?).")
    return len(pages)


def _paint_furniture(
    painter: QPainter, ts: Typesetter, brief: Brief, number: int, count: int, left: float, width: float, height: float
) -> None:
    """The running title (from page 2) and the footer with "Page N of M"."""
    pt = ts.pt
    metrics = ts.metrics("header")
    painter.save()
    painter.setFont(ts.font("header"))
    painter.setPen(ts.inks["muted"])
    line = metrics.height()
    if number > 1:
        y = 30 * pt
        title = metrics.elidedText(_clean(brief.running_title), Qt.TextElideMode.ElideRight, width * 0.8)
        painter.drawText(QRectF(left, y, width, line), Qt.AlignmentFlag.AlignLeft, title)
        painter.setPen(QPen(ts.inks["rule"], 0.5 * pt))
        painter.drawLine(QPointF(left, y + line + 4 * pt), QPointF(left + width, y + line + 4 * pt))
        painter.setPen(ts.inks["muted"])
    y = height - 40 * pt
    painter.setPen(QPen(ts.inks["rule"], 0.5 * pt))
    painter.drawLine(QPointF(left, y), QPointF(left + width, y))
    painter.setPen(ts.inks["muted"])
    footer = f"{brief.creator} · prepared {date_words(brief.summary.as_of)} · not tax, legal or financial advice"
    painter.drawText(
        QRectF(left, y + 5 * pt, width * 0.8, line),
        Qt.AlignmentFlag.AlignLeft,
        metrics.elidedText(footer, Qt.TextElideMode.ElideRight, width * 0.78),
    )
    painter.drawText(QRectF(left, y + 5 * pt, width, line), Qt.AlignmentFlag.AlignRight, f"Page {number} of {count}")
    painter.restore()


# --- metadata ------------------------------------------------------------------------------------

_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_UNSAFE.sub(" ", text).replace("\n", " ").replace("\r", " ")


def _xmp(brief: Brief, stamp: datetime) -> bytes:
    """XMP metadata with the title, subject (dc:description) and creator tool, user text escaped."""
    when = stamp.isoformat()
    title, subject = escape(_clean(brief.title)), escape(_clean(brief.subject))
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        f"xmp:CreatorTool={quoteattr(brief.creator)} xmp:CreateDate={quoteattr(when)} "
        f"xmp:ModifyDate={quoteattr(when)} xmp:MetadataDate={quoteattr(when)} "
        f"pdf:Producer={quoteattr('Qt ' + qVersion())}>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>'
        f"<dc:creator><rdf:Seq><rdf:li>{escape(brief.creator)}</rdf:li></rdf:Seq></dc:creator>"
        '<dc:format>application/pdf</dc:format>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        "<?xpacket end='w'?>"
    ).encode()


def _pdf_text(text: str) -> bytes:
    """A PDF text string as UTF-16BE hex with its byte order mark: safe for any character."""
    return b"<FEFF" + _clean(text).encode("utf-16-be").hex().upper().encode() + b">"


_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S)


def _add_subject(path: str, brief: Brief, stamp: datetime) -> None:
    """Qt's QPdfWriter has no subject: append an incremental update with a complete Info dictionary.

    The update (a new version of the Info object, its cross-reference entry and a trailer pointing
    back to Qt's) is standard PDF; viewers show the subject from it, and the XMP carries it too.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    match = _TRAILER.search(data)
    if match is None:
        return  # not the layout Qt writes: the subject stays in the XMP metadata only
    body = match.group("body")
    info = re.search(rb"/Info\s+(\d+)\s+(\d+)\s+R", body)
    size = re.search(rb"/Size\s+(\d+)", body)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", body)
    ident = re.search(rb"/ID\s*\[[^\]]*\]", body)
    if info is None or size is None or root is None:
        return
    number, generation = int(info.group(1)), int(info.group(2))
    date = stamp.strftime("D:%Y%m%d%H%M%SZ").encode()
    offset = len(data) + 1
    obj = (
        b"\n%d %d obj\n<<\n/Title %s\n/Subject %s\n/Creator %s\n/Author %s\n/Producer %s\n"
        b"/CreationDate (%s)\n/ModDate (%s)\n/Trapped /False\n>>\nendobj\n"
        % (
            number,
            generation,
            _pdf_text(brief.title),
            _pdf_text(brief.subject),
            _pdf_text(brief.creator),
            _pdf_text(brief.creator),
            _pdf_text("Qt " + qVersion()),
            date,
            date,
        )
    )
    xref = len(data) + len(obj)
    update = obj + (
        b"xref\n%d 1\n%010d %05d n \ntrailer\n<<\n/Size %s\n/Root %s\n/Info %d %d R\n/Prev %s\n%s>>\n"
        b"startxref\n%d\n%%%%EOF\n"
        % (
            number,
            offset,
            generation,
            size.group(1),
            root.group(1),
            number,
            generation,
            match.group("xref"),
            (ident.group(0) + b"\n") if ident else b"",
            xref,
        )
    )
    with open(path, "ab") as handle:
        handle.write(update)


# --- composing the brief -------------------------------------------------------------------------


def _compose(flow: Flow, brief: Brief, palette: QPalette) -> None:
    _summary_page(flow, brief)
    flow.new_page()
    _offer_section(flow, brief.years, palette)
    _alternatives_section(flow, brief, palette)
    _timeline_section(flow, brief, palette)
    _levers_section(flow, brief)
    _checklist_section(flow, brief)
    _rating_section(flow, brief)
    _assumptions_section(flow, brief)


def _money(value: Decimal | None, currency: str) -> str:
    return fmt.money(value, currency)


def _section(flow: Flow, title: str, intro: str | None = None) -> None:
    flow.heading(title, "h1", space_before=22.0, rule=True)
    if intro:
        flow.paragraph(Run(intro, "muted"), "muted", space_before=5.0, keep_with_next=True)


# page 1


def _summary_page(flow: Flow, brief: Brief) -> None:
    """Page 1, a call sheet: what to do now, the numbers, the package with its if-no lines, the ladder,
    whom to talk to and the deadline tactic."""
    s = brief.summary
    flow.paragraph(
        [Run("Negotiation brief", "eyebrow"), Run(f"   Prepared {date_words(s.as_of)}", "eyebrow_muted")], "eyebrow"
    )
    flow.paragraph(s.company, "title", space_before=5.0)
    flow.paragraph(s.role, "subtitle", space_before=2.0)
    meta = [f"Level {s.level}" if s.level else None, s.location, STAGE_NAMES.get(s.stage, s.stage)]
    meta += [f"Amounts in {s.currency}", f"{s.horizon}-year horizon"]
    flow.paragraph(" · ".join(m for m in meta if m), "muted", space_before=4.0)
    _headline_box(flow, s.headline)
    _stat_tiles(flow, _tiles(s))
    _asks_block(flow, brief)
    _ladder_block(flow, s)
    if s.mode != "closed":
        _call_notes_block(flow, s)
    if s.mode == "asks":
        _numbers_block(flow, s)
    _position_block(flow, s)
    if s.mode == "follow_up":
        flow.paragraph(Run(s.goal_note, "muted"), "muted", space_before=8.0)


def _headline_box(flow: Flow, text: str) -> None:
    """What to do now, in one sentence, on a tinted band with the accent down its side."""
    ts, pt = flow.ts, flow.pt
    pad = 7 * pt
    block = ts.layout(text, "headline", flow.inner_width - 2 * pad - 3 * pt)
    tint, accent = ts.inks["tint"], ts.inks["accent"]

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, tint)
        painter.fillRect(QRectF(rect.left(), rect.top(), 3 * pt, rect.height()), accent)
        block.draw(painter, rect.left() + pad + 3 * pt, rect.top() + pad)

    flow.drawing(0, paint, space_before=12.0, device_height=block.height + 2 * pad)


def _tiles(s: Summary) -> list[tuple[str, str, str]]:
    """Four figures across the top, chosen for where the talks stand."""
    cur = s.currency
    if s.deadline is not None:
        deadline_value = f"{s.deadline.day} {s.deadline:%b} {s.deadline.year}"
        left = s.days_left or 0
        deadline_note = (
            f"{s.deadline:%A}, in {left} day{'s' if left != 1 else ''}"
            if left > 0
            else ("today" if left == 0 else f"passed {-left} day{'s' if left != -1 else ''} ago")
        )
    else:
        deadline_value, deadline_note = "None recorded", "ask when they need an answer"
    decide = ("Decide by", deadline_value, deadline_note)
    offered = ("Offered, year 1", _money(s.year_one, cur), f"guaranteed cash {_money(s.guaranteed_year_one, cur)}")
    if s.mode == "asks":
        if s.anchor_year_one is not None and s.anchor_year_one != s.year_one:
            more = s.anchor_year_one - s.year_one - s.make_whole_year_one
            pct = more * 100 / s.year_one if s.year_one else Decimal(0)
            note = f"+{_money(more, cur)} ({_percent(pct)})"
            if s.make_whole_year_one:
                note += f" and {_money(s.make_whole_year_one, cur)} to make you whole"
            ask = ("Your ask, year 1", _money(s.anchor_year_one, cur), note)
        else:
            ask = ("Your ask, year 1", "No new money", "the package asks for terms, not cash")
        goal = next((g for g in s.goal_lines if g.key == "walk_away"), None)
        target = next((g for g in s.goal_lines if g.key == "target"), None)
        if goal is not None:
            floor = ("Walk-away, year 1", _money(goal.amount, cur),
                     f"target {_money(target.amount, cur)}" if target else "your floor: keep it to yourself")
        else:
            best = next(g for g in s.goal_lines if g.key == "best")
            floor = ("Best plausible, year 1", _money(best.amount, cur), "set a walk-away before the call")
        return [offered, ask, floor, decide]
    if s.mode == "follow_up":
        if s.last_interview is not None:
            ago = (s.as_of - s.last_interview).days
            last = (
                "Last interview",
                f"{s.last_interview.day} {s.last_interview:%b} {s.last_interview.year}",
                f"{ago} day{'s' if ago != 1 else ''} ago" if ago >= 0 else "still to come",
            )
        else:
            last = ("Last interview", "None recorded", "add the dates to the timeline")
        if s.follow_up_on is not None:
            now = s.follow_up_on <= s.as_of
            follow = (
                "Follow up",
                "Now" if now else f"{s.follow_up_on.day} {s.follow_up_on:%b} {s.follow_up_on.year}",
                "a short note to the recruiter" if now else f"{s.follow_up_on:%A}, if you have heard nothing",
            )
        else:
            follow = ("Follow up", "When you have dates", "with the recruiter")
        return [last, follow, ("Year 1, as entered", _money(s.year_one, cur), "what the offer would pay"), decide]
    return [
        offered,
        (f"{s.horizon}-year total", _money(s.total, cur), "every year as offered"),
        ("Annual average", _money(s.annual_average, cur), f"{s.horizon}-year total ÷ {s.horizon}"),
        ("Stage", STAGE_NAMES.get(s.stage, s.stage), "no asks"),
    ]


def _stat_tiles(flow: Flow, tiles: Sequence[tuple[str, str, str]]) -> None:
    ts, pt = flow.ts, flow.pt
    gap = 7 * pt
    count = len(tiles)
    tile_width = (flow.inner_width - gap * (count - 1)) / count
    pad = 7 * pt
    inner = tile_width - 2 * pad
    # one size for every value: the largest at which all of them fit on a line
    value_style = next(
        (st for st in ("stat_value", "stat_value_mid") if all(ts.natural_width(v, st) <= inner for _, v, _ in tiles)),
        "stat_value_small",
    )
    blocks = []
    for label, value, note in tiles:
        blocks.append(
            (
                ts.layout(label, "stat_label", inner),
                ts.layout(value, value_style, inner),
                ts.layout(note, "stat_note", inner),
            )
        )
    height = max(a.height + b.height + c.height for a, b, c in blocks) + 2 * pad + 4 * pt
    fill = ts.inks["panel"]
    accent = ts.inks["accent"]

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = rect.left()
        for label, value, note in blocks:
            tile = QRectF(x, rect.top(), tile_width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(tile, 4 * pt, 4 * pt)
            painter.fillRect(QRectF(tile.left(), tile.top() + 4 * pt, 2 * pt, tile.height() - 8 * pt), accent)
            y = tile.top() + pad
            label.draw(painter, tile.left() + pad, y)
            y += label.height + 2 * pt
            value.draw(painter, tile.left() + pad, y)
            y += value.height + 1 * pt
            note.draw(painter, tile.left() + pad, y)
            x += tile_width + gap

    flow.drawing(0, paint, space_before=10.0, device_height=height)


def _position_block(flow: Flow, s: Summary) -> None:
    ts, pt = flow.ts, flow.pt
    flow.heading("Your position", "h2", space_before=18.0)
    start = len(flow.pieces)
    fill, ink = _badge(TIER_HUES.get(s.tier, 210))
    badge_metrics = ts.metrics("badge")
    badge_width = badge_metrics.horizontalAdvance(s.tier_name) + 20 * pt
    badge_height = badge_metrics.height() + 8 * pt
    score = ts.layout([Run(str(s.score), "score"), Run(" of 100", "score_of")], "score", 1e6, wrap=False)
    score_width = score.natural_width()
    scale_metrics = ts.metrics("scale")
    height = max(badge_height, score.height, 26 * pt)
    bands = s.tier_bands

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        top = rect.top() + (rect.height() - badge_height) / 2
        pill = QRectF(rect.left(), top, min(badge_width, rect.width() * 0.45), badge_height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, badge_height / 2, badge_height / 2)
        painter.setFont(ts.font("badge"))
        painter.setPen(ink)
        painter.drawText(
            pill,
            Qt.AlignmentFlag.AlignCenter,
            badge_metrics.elidedText(s.tier_name, Qt.TextElideMode.ElideRight, pill.width() - 12 * pt),
        )
        x = pill.right() + 12 * pt
        score.draw(painter, x, rect.top() + (rect.height() - score.height) / 2)
        # the score on the rubric's scale: one segment per tier, a marker at the score
        left = x + score_width + 22 * pt
        right = rect.right()
        if right - left < 60 * pt:
            return
        bar_top = rect.top() + rect.height() * 0.30
        bar_height = 6 * pt
        span = right - left

        def x_of(points: float) -> float:
            return left + span * points / 100

        for band in bands:
            segment_fill, segment_ink = _badge(TIER_HUES.get(band.tier, 210))
            color = segment_ink if band.tier == s.tier else segment_fill
            painter.fillRect(QRectF(x_of(band.low), bar_top, x_of(min(band.high + 1, 100)) - x_of(band.low) - 1 * pt,
                                    bar_height), color)
        marker_x = x_of(s.score)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ts.inks["text"])
        triangle = QPolygonF(
            [QPointF(marker_x - 4 * pt, bar_top - 6 * pt), QPointF(marker_x + 4 * pt, bar_top - 6 * pt),
             QPointF(marker_x, bar_top - 1 * pt)]
        )
        painter.drawPolygon(triangle)
        painter.setFont(ts.font("scale"))
        painter.setPen(ts.inks["muted"])
        line = scale_metrics.height()
        for value in sorted({0, 100, *(b.low for b in bands)}):
            label = str(value)
            w = scale_metrics.horizontalAdvance(label)
            lx = min(max(x_of(value) - w / 2, left), right - w)
            painter.drawText(QRectF(lx, bar_top + bar_height + 2 * pt, w + 1 * pt, line), Qt.AlignmentFlag.AlignLeft,
                             label)

    flow.drawing(0, paint, space_before=6.0, device_height=height)
    for reason in s.reasons:
        flow.marked(Run(_points(reason.points), "small_bold"), reason.sentence, "body", marker_width=28.0,
                    space_before=4.0)
    if s.capped:
        flow.paragraph(Run(s.capped, "muted_italic"), "muted", space_before=4.0, indent=28.0)
    flow.keep_together(start)


def _percent(value: Decimal) -> str:
    """One decimal, always (63.0 %, 8.5 %), so a column of shares lines up."""
    return f"{value:.1f}".replace(".", QLocale().decimalPoint()) + " %"


def _points(points: int) -> str:
    if points > 0:
        return f"+{points}"
    if points < 0:
        return f"−{-points}"
    return "0"


def _ask_amount(lever: BriefLever, currency: str) -> list[Run]:
    if lever.ask is None:
        return [Run(lever.kind_name, "muted")]
    amount = _money(lever.ask, currency) if lever.money else f"{lever.ask:,.0f}"
    runs = [Run(amount, "ask_amount")]
    if lever.unit:
        runs.append(Run(f" {lever.unit}", "muted"))
    return runs


def _lever_meta(lever: BriefLever, currency: str) -> str:
    parts = []
    if lever.offered is not None and lever.ask is not None:
        offered = _money(lever.offered, currency) if lever.money else f"{lever.offered:,.0f}"
        parts.append(f"offered {offered}")
    parts += [lever.plausibility_name, lever.kind_name, f"ask {lever.who}"]
    return " · ".join(parts)


def _lever_head(flow: Flow, lever: BriefLever, currency: str, *, space_before: float) -> None:
    """Rank in a disc, the title, and the ask right-aligned; wraps rather than overlapping."""
    ts, pt = flow.ts, flow.pt
    disc = 15 * pt
    indent = LEVER_INDENT * pt  # the title, and everything under it, starts here
    rank = ts.layout(str(lever.rank), "rank", 1e5, wrap=False)
    pill = min(max(disc, rank.natural_width() + 7 * pt), indent - 3 * pt)  # "10" and up: a pill
    amount_runs = _ask_amount(lever, currency)
    amount_width = min(ts.natural_width(amount_runs, "lever_title"), flow.inner_width * 0.45)
    amount = ts.layout(amount_runs, "lever_title", amount_width + 1 * pt, align="right")
    title = ts.layout(lever.title, "lever_title", flow.inner_width - indent - amount_width - 12 * pt)
    rank = ts.layout(str(lever.rank), "rank", pill, align="center")
    height = max(title.height, amount.height, disc)
    accent = ts.inks["accent"]

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        first_line = title.heights[0] if title.heights else disc
        centre_y = rect.top() + first_line / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(rect.left(), centre_y - disc / 2, pill, disc), disc / 2, disc / 2)
        rank.draw(painter, rect.left(), centre_y - rank.height / 2)
        title.draw(painter, rect.left() + indent, rect.top())
        amount.draw(painter, rect.right() - amount_width - 1 * pt, rect.top())

    flow.add(Piece(height, paint, space_before=space_before * pt, keep_with_next=True))


def _asks_block(flow: Flow, brief: Brief) -> None:
    s = brief.summary
    if s.mode == "closed":
        return
    if s.mode == "follow_up":
        title = "The plan until there is an offer"
    elif s.asks and s.asks[0].step == "first":
        title = "First the time you need, then the package, in this order"
    elif len(s.asks) == 1:
        title = "Your ask"
    else:
        title = "The package: ask for these together, in this order"
    flow.heading(title, "h2", space_before=14.0)
    if not s.asks:
        flow.paragraph("No lever applies to this offer as it stands.", "muted", space_before=4.0)
    for index, lever in enumerate(s.asks):
        start = len(flow.pieces)
        _lever_head(flow, lever, s.currency, space_before=7.0 if index else 5.0)
        flow.paragraph(Run(_lever_meta(lever, s.currency), "muted"), "muted", indent=LEVER_INDENT, space_before=1.0)
        flow.paragraph([Run("Say: ", "body_bold"), Run(f"“{lever.script}”", "quote")], "quote",
                       indent=LEVER_INDENT, space_before=2.5)
        if lever.if_no:
            flow.paragraph([Run(_if_no_label(lever), "small_bold"), Run(f"“{lever.if_no}”", "small_quote")], "small",
                           indent=LEVER_INDENT, space_before=2.0)
        flow.keep_together(start)


def _if_no_label(lever: BriefLever) -> str:
    return "If no answer: " if lever.lever == "follow_up" else "If no: "


def _ladder_block(flow: Flow, s: Summary) -> None:
    """The fallback ladder: one line a rung, with its number and what to say."""
    if not s.ladder:
        return
    flow.heading("If they say no, in this order", "h2", space_before=12.0)
    start = len(flow.pieces)
    for lever in s.ladder:
        amount = _ask_words(lever, s.currency)
        head = [Run(f"{lever.rank}. {lever.title}", "small_bold")]
        if amount:
            head.append(Run(f"  {amount}", "small_bold_accent"))
        head.append(Run(f"  · {lever.plausibility_name} · ask {lever.who}", "small_muted"))
        flow.paragraph(head, "small", space_before=4.0, indent=4.0)
        flow.paragraph(Run(f"“{lever.script}”", "small_quote"), "small", space_before=1.0, indent=LEVER_INDENT)
    if s.more_levers:
        flow.paragraph(
            Run(
                f"{s.more_levers} more lever{'s' if s.more_levers != 1 else ''} also worth raising, and every lever in "
                "full with its rationale and its effect on each year, under Every lever, in full.",
                "muted_italic",
            ),
            "muted",
            space_before=5.0,
        )
    flow.keep_together(start)


def _ask_words(lever: BriefLever, currency: str) -> str:
    if lever.ask is None:
        return ""
    if lever.money:
        return f"{_money(lever.ask, currency)} {lever.unit}".strip()
    return f"{lever.ask:,.0f} {lever.unit}".strip()


def _call_notes_block(flow: Flow, s: Summary) -> None:
    """Your alternative, whom to talk to, the deadline, what to watch out for: short rows, found at a glance."""
    flow.heading("Before you write" if s.mode == "follow_up" else "On the call", "h2", space_before=12.0)
    rows = [Row([Run("Your alternative", "table_bold"), Run(s.alternative_line, "table")])]
    for index, line in enumerate(s.who):
        rows.append(Row([Run("Who to talk to" if index == 0 else "", "table_bold"), Run(line, "table")]))
    rows.append(Row([Run("The deadline", "table_bold"), Run(s.deadline_tactic, "table")]))
    for index, line in enumerate(s.warnings):
        rows.append(Row([Run("Watch out" if index == 0 else "", "table_bold"), Run(line, "table")]))
    flow.table(Table([Column(""), Column("", flex=1.0)], rows, header=False), space_before=3.0)


def _numbers_block(flow: Flow, s: Summary) -> None:
    flow.heading("Your numbers for year 1, and where they come from", "h2", space_before=12.0)
    start = len(flow.pieces)
    rows = []
    for line in s.goal_lines:
        verdict = line.verdict if line.gap is None else f"{line.verdict} {_money(line.gap, s.currency)}"
        strong = line.key in ("target", "walk_away")
        rows.append(
            Row(
                [
                    Run(line.label, "table_bold" if strong else "table"),
                    Run(_money(line.amount, s.currency), "table_bold" if strong else "table"),
                    Run(verdict, "table_muted"),
                ],
                "this" if line.key == "anchor" else "body",
            )
        )
    flow.table(
        Table(
            [Column("Figure"), Column("Amount", "right"), Column("Against the stretch", flex=1.0)],
            rows,
            header=False,
        ),
        space_before=4.0,
    )
    note = f"{s.where_from} {s.goal_note}" if s.where_from else s.goal_note
    flow.paragraph(Run(note, "muted"), "muted", space_before=4.0)
    flow.keep_together(start)


# the offer


def _offer_section(flow: Flow, years: OfferYears, palette: QPalette) -> None:
    cur = years.currency
    _section(
        flow,
        SECTION_TITLES[0],
        f"In {cur}, as offered. Each component is computed exactly and rounded to cents once; each year's total "
        "is the sum of its components, and the horizon's total the sum of the years.",
    )
    components = [
        ("base", "Base"),
        ("bonus", "Bonus"),
        ("sign_on", "Sign-on"),
        ("equity", "Equity"),
        ("benefits", "Benefits"),
        ("one_time", "Relocation"),
    ]
    shown = [(key, label) for key, label in components if key == "base" or any(getattr(r, key) for r in years.rows)]
    columns = [Column("Year", flex=1.0), *(Column(label, "right") for _, label in shown), Column("Total", "right")]
    rows = [
        Row(
            [row.label, *(_money(getattr(row, k), cur) for k, _ in shown), Run(_money(row.total, cur), "table_bold")],
            "total" if row.is_total else "body",
        )
        for row in years.rows
    ]
    flow.table(Table(columns, rows, compact=COMPACT), space_before=8.0)
    left_out = [label for key, label in components if (key, label) not in shown]
    note = f"Annual average ({years.horizon}-year total ÷ {years.horizon}): {_money(years.annual_average, cur)}."
    if left_out:
        note += f" No {', '.join(x.lower() for x in left_out)} in this offer."
    flow.paragraph(Run(note, "muted"), "muted", space_before=4.0)

    flow.heading("Guaranteed, contingent, equity", "h2", space_before=14.0)
    split_rows = [
        Row(
            [Run(line.label, "table_bold"), Run(line.description, "table_muted"), _money(line.amount, cur),
             _percent(line.share_pct)]
        )
        for line in years.split
    ]
    flow.table(
        Table(
            [Column("Part"), Column("What it is", flex=1.0), Column(f"{years.horizon} years", "right"),
             Column("Share", "right")],
            split_rows,
        ),
        space_before=4.0,
    )
    _chart(flow, palette, lambda painter, rect: paint_stacked_bars(
        painter, rect, [years.series], palette, cur, title="Pay per year, by part"), 200.0)
    for drop in years.drops:
        beyond = " (past the horizon)" if drop.year > years.horizon else ""
        flow.paragraph(
            [
                Run(f"Pay drops in year {drop.year}{beyond}: ", "body_bold"),
                Run(
                    f"from {_money(drop.before, cur)} to {_money(drop.after, cur)}, {_money(drop.amount, cur)} less, "
                    f"when {drop.cause}. It is a negotiation point: see the levers."
                ),
            ],
            space_before=6.0,
        )


def _chart(flow: Flow, palette: QPalette, paint_chart, height_pt: float) -> None:
    ts = flow.ts

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(ts.font("chart"))
        paint_chart(painter, rect)

    flow.drawing(height_pt, paint, space_before=12.0)


# the alternatives


ALTERNATIVES_PER_TABLE = 4  # offers side by side in one table; more continue in a table below


def _alternatives_section(flow: Flow, brief: Brief, palette: QPalette) -> None:
    alt = brief.alternatives
    cur = alt.display_currency
    if alt.others:
        intro = (
            f"This offer beside the {alt.others} other offer{'s' if alt.others != 1 else ''} you hold, in {cur} "
            "(the display currency, converted with the rates you entered). ★ marks the best of each row."
        )
    else:
        intro = f"In {cur}, the display currency."
    _section(flow, SECTION_TITLES[1], intro)
    if alt.others:
        this, others = alt.columns[0], list(alt.columns[1:])
        step = ALTERNATIVES_PER_TABLE - 1  # this offer heads every table
        for start in range(0, len(others), step):
            _alternatives_table(flow, alt, [this, *others[start : start + step]])
    for note in alt.notes:
        flow.paragraph(Run(note, "muted"), "muted", space_before=4.0)
    if len(alt.series) > 1:
        left_out = [c.company for c in alt.columns if not c.converted]
        note = f"Not charted (no exchange rate): {', '.join(left_out)}" if left_out else None  # as on screen
        _chart(flow, palette, lambda painter, rect: paint_cumulative_lines(
            painter, rect, alt.series, palette, cur, title="Running total, year by year", note=note), 200.0)


def _alternatives_table(flow: Flow, alt: Alternatives, columns: Sequence[AlternativeColumn]) -> None:
    heads = [Column("", flex=1.0)]
    for column in columns:
        detail = f"{column.role} · {STAGE_NAMES.get(column.stage, column.stage)}"
        if column.is_this_offer:
            detail += " · this brief"
        if not column.converted:
            detail += f" · in {column.offer_currency}, not compared"
        heads.append(
            Column(
                [Run(column.company, "table_bold"), Run("\n" + detail, "table_muted")],
                "right",
                highlight=column.is_this_offer,
                min_width=86.0,
            )
        )
    rows = []
    for index, (key, label) in enumerate(alt.figures):
        cells: list = [Run(label, "table_bold" if key == "total" else "table")]
        for column in columns:
            text = _money(column.values[index], column.currency)
            if column.best[index]:
                cells.append(Run(f"★ {text}", "table_bold"))
            else:
                cells.append(Run(text, "table_bold" if key == "total" else "table"))
        rows.append(Row(cells, "total" if key == "total" else "body"))
    rows.append(
        Row(
            [Run(f"Vs this offer, {alt.horizon}-year total", "table")]
            + [
                Run("—" if c.is_this_offer or c.total_difference is None
                    else fmt.money(c.total_difference, c.currency, signed=True), "table")
                for c in columns
            ]
        )
    )
    flow.table(Table(heads, rows, head_style="table", compact=COMPACT), space_before=8.0)


# the timeline


def _timeline_section(flow: Flow, brief: Brief, palette: QPalette) -> None:
    t = brief.timeline
    _section(
        flow,
        SECTION_TITLES[2],
        f"Every step you recorded, in date order, as of {date_words(t.as_of)}. The speed of each step is what "
        "the rating reads.",
    )
    if not t.entries and t.deadline is None:
        flow.paragraph("No events recorded yet: add the dates of your interviews and of the offer.", space_before=6.0)
    else:
        ts = flow.ts
        height = timeline_height(ts.metrics("timeline").height(), ts.device.logicalDpiY() / 96)
        events = [(e.day, e.kind) for e in t.entries]

        def paint(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(ts.font("timeline"))
            paint_timeline(painter, rect, events, t.deadline, palette)

        flow.drawing(0, paint, space_before=10.0, device_height=height, keep_with_next=True)
        rows = []
        for entry in t.entries:
            gap = "" if entry.days_after_previous is None else f"+{entry.days_after_previous} d"
            step = Run(KIND_LABELS.get(entry.kind, entry.kind), "table_bold")
            rows.append(Row([date_words(entry.day), step, gap, entry.note]))
        if t.deadline is not None:
            rows.append(Row([date_words(t.deadline), Run("Deadline", "table_bold"), "", "Your answer is due."], "this"))
        flow.table(
            Table(
                [Column("Date"), Column("Step"), Column("After", "right"), Column("Note", flex=1.0)],
                rows,
            ),
            space_before=8.0,
        )
    if t.notes:
        flow.heading("Your notes", "h2", space_before=14.0)
        for paragraph in t.notes.split("\n\n"):
            if paragraph.strip():
                flow.paragraph(paragraph.strip(), space_before=4.0)


# the levers


def _levers_section(flow: Flow, brief: Brief) -> None:
    cur = brief.summary.currency
    horizon = brief.years.horizon
    tier = brief.summary.tier_name.lower()
    _section(
        flow,
        SECTION_TITLES[3],
        f"In the order of the call sheet, for {'an' if tier[0] in 'aeiou' else 'a'} {tier} position. Each ask is "
        "the new value of one component, never below the offer and never past the plausible stretch; the table "
        "shows how each year's total changes if it is granted. The rule beside each lever is green when it is "
        "likely, blue when possible, grey for a long shot.",
    )
    if not brief.levers:
        flow.paragraph(brief.summary.headline, space_before=6.0)
    step = None
    for lever in brief.levers:
        if lever.step != step:
            step = lever.step
            flow.heading(lever.step_name, "h2", space_before=14.0)
        _fill, ink = _badge(PLAUSIBILITY_HUES.get(lever.plausibility, -1))
        with flow.card(ink, indent_pt=13.0, bar_pt=2.6):
            _lever_head(flow, lever, cur, space_before=14.0)
            head = len(flow.pieces) - 1
            flow.paragraph(Run(_lever_meta(lever, cur), "muted"), "muted", indent=LEVER_INDENT, space_before=1.0)
            flow.paragraph(lever.rationale, "body", indent=LEVER_INDENT, space_before=4.0)
            say = [Run("Say: ", "body_bold"), Run(f"“{lever.script}”", "quote")]
            flow.paragraph(say, "quote", indent=LEVER_INDENT, space_before=4.0)
            if lever.if_no:
                flow.paragraph([Run(_if_no_label(lever), "small_bold"), Run(f"“{lever.if_no}”", "small_quote")],
                               "small", indent=LEVER_INDENT, space_before=2.5)
            if lever.changes_figures:
                _effect_tables(flow, lever, cur, horizon)
            flow.keep_together(head)  # a card stays on one page when it fits on one


def _effect_tables(flow: Flow, lever: BriefLever, currency: str, horizon: int) -> None:
    """The change to each year's total, in one row of years, or in rows of fewer years when too wide."""
    cells = [fmt.money(v, currency, signed=True) for v in lever.effect]
    total = Run(fmt.money(lever.total_effect, currency, signed=True), "table_bold")

    def table(first: int, end: int, last: bool) -> Table:
        # "Year\u00a01": a header never breaks between the word and its number
        columns = [Column(""), *(Column(f"Year\u00a0{i}", "right") for i in range(first + 1, end + 1))]
        row = [Run("If granted", "table_muted"), *cells[first:end]]
        if last:
            columns.append(Column(f"{horizon}\u00a0years", "right"))
            row.append(total)
        return Table(columns, [Row(row)])

    for per_row in range(horizon, 0, -1):
        chunks = [(i, min(i + per_row, horizon)) for i in range(0, horizon, per_row)]
        tables = [table(a, b, b == horizon) for a, b in chunks]
        if per_row == 1 or all(flow.fits(t, indent=LEVER_INDENT) for t in tables):
            break
    for index, t in enumerate(tables):
        flow.table(t, space_before=5.0 if index == 0 else 2.0, indent=LEVER_INDENT)


# the call, the rating, the assumptions


def _checklist_section(flow: Flow, brief: Brief) -> None:
    _section(flow, SECTION_TITLES[4], "Tick these off before and during the call.")
    for item in brief.checklist:
        flow.marked(Run("☐", "body"), [Run(f"{item.lead}. ", "body_bold"), Run(item.text)], "body",
                    marker_width=16.0, space_before=5.0)


def _rating_section(flow: Flow, brief: Brief) -> None:
    r = brief.rating
    _section(
        flow,
        SECTION_TITLES[5],
        "A heuristic from a recruiter's view of hiring, not a study: every threshold and weight is in the rubric "
        "below, and adjustable in Settings.",
    )
    flow.paragraph(
        [Run("This offer: ", "body_bold"), Run(f"{r.tier_name}, {r.score} of 100 points (rubric {r.rubric_version}).")],
        space_before=8.0,
        keep_with_next=True,
    )
    for reason in r.evidence:
        flow.marked(Run(_points(reason.points), "small_bold"), reason.sentence, "body", marker_width=28.0,
                    space_before=4.0)
    if r.capped:
        flow.paragraph(Run(r.capped, "body_italic"), space_before=4.0, indent=28.0)
    for step in r.next_steps:
        flow.paragraph([Run("Next: ", "body_bold"), Run(step)], space_before=4.0, indent=28.0)
    flow.heading("The rubric", "h2", space_before=14.0)
    for title, lines in r.rubric:
        flow.heading(title, "h3", space_before=8.0)
        flow.bullets(lines, "small", space=2.0)


def _assumptions_section(flow: Flow, brief: Brief) -> None:
    _section(flow, SECTION_TITLES[6], "What every number in this brief takes for granted.")
    flow.space(4.0)
    flow.bullets(brief.assumptions, "body", space=4.0)

