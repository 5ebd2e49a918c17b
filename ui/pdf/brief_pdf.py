"""The negotiation brief as a PDF file: QPdfWriter + QPainter, real text, vector charts, written whole.

`render_brief_pdf(brief, path)` lays out an `app.brief.Brief` with the flowing layout of
`ui.pdf.layout` and paints its pages with a running title, "Page N of M" and PDF metadata. The work
is split by job:

- `ui.pdf.page_setup`: paper, fonts, inks and type styles;
- `ui.pdf.brief_sections`: what goes on the pages, section by section;
- `ui.pdf.metadata`: the title, subject and creator in the XMP and the Info dictionary;
- `app.atomic`: the file is written whole or not at all, readable by its owner alone (0600; the
  policy and why are in that module).

Problems with the folder or the disk are `app.brief.BriefError`s with a message in words.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPalette, QPdfWriter, QPen

from app.atomic import atomic_path, write_problem
from app.brief import Brief, BriefError
from app.text import date_words
from ui.pdf.brief_sections import compose
from ui.pdf.layout import Flow, Placed, Typesetter, paginate, paint_page
from ui.pdf.metadata import add_subject, clean, xmp
from ui.pdf.page_setup import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAPER_SIZES,
    STYLES,
    choose_paper,
    ensure_gui_application,
    font_family,
    inks,
    print_palette,
)


def render_brief_pdf(
    brief: Brief, path: str | os.PathLike[str], *, paper: str | None = None, palette: QPalette | None = None
) -> Path:
    """Write `brief` as a PDF at `path` (A4 or Letter: `paper`, else the brief's, else the locale's).

    Raises `BriefError` with a message in words when the folder is missing or can't be written; the
    target is then untouched and no temporary file is left behind.
    """
    ensure_gui_application()
    target = Path(path)
    if target.is_dir():
        raise BriefError(write_problem(target, IsADirectoryError(), "the brief"))
    size = choose_paper(paper, brief.paper if brief.paper != "auto" else None)
    try:
        with atomic_path(target, suffix=".pdf.part") as temporary:
            stamp = datetime.now(UTC).replace(microsecond=0)
            _write(brief, str(temporary), size, palette or print_palette(), stamp)
            add_subject(str(temporary), brief, stamp)
    except OSError as exc:
        raise BriefError(write_problem(target, exc, "the brief")) from None
    return target


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
    writer.setTitle(clean(brief.title))
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
    writer.setDocumentXmpMetadata(xmp(brief, stamp))
    return writer


def _layout(writer: QPdfWriter, brief: Brief, palette: QPalette) -> BriefLayout:
    ts = Typesetter(writer, font_family(), STYLES, inks(palette))
    pt = ts.pt
    page_width, page_height = writer.width(), writer.height()
    left = MARGIN_X * pt
    width = page_width - 2 * left
    flow = Flow(ts, width)
    compose(flow, brief, palette)
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
        title = metrics.elidedText(clean(brief.running_title), Qt.TextElideMode.ElideRight, width * 0.8)
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
