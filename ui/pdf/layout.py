"""A small flowing layout for printed documents: styled runs of plain text, tables, drawings, pages.

Content is cut into pieces (a few lines of a paragraph, a table row, a chart), each with a height and
a painter callback; `paginate` places them on pages — a heading never ends a page, a paragraph keeps
at least two lines on each side of a break, a table repeats its header row on the next page — and
`Flow` turns text into pieces. Text is laid out with `QTextLayout` as plain text (nothing typed by
the user is ever read as markup), with Qt's bidirectional layout and font fallback, and with the
`liga` feature off so a PDF's text extracts as typed ("offer", not "oﬀer"). Sizes are in points;
`Typesetter.pt` converts them to the device's units.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

Align = Literal["left", "right", "center"]
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "right": Qt.AlignmentFlag.AlignRight,
    "center": Qt.AlignmentFlag.AlignHCenter,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
LIGATURES_OFF = ("liga", "clig", "dlig")
UNBOUNDED = 1e6  # a line width for text that must not wrap (device units; Qt's QFixed tops out near 3.3e7)


@dataclass(frozen=True)
class Style:
    """A text style: size in points, weight, slant, an ink name (see `Typesetter.inks`), line height."""

    size: float
    bold: bool = False
    italic: bool = False
    ink: str = "text"
    leading: float = 1.2  # line height as a multiple of the font's height
    caps: bool = False  # no letter spacing, though: text extractors split spaced-out words


@dataclass(frozen=True)
class Run:
    """Plain text in one style (None: the paragraph's style)."""

    text: str
    style: str | None = None


Text = str | Run | Sequence[Run]


def runs_of(text: Text) -> list[Run]:
    if isinstance(text, str):
        return [Run(text)]
    if isinstance(text, Run):
        return [text]
    return list(text)


def plain(text: str) -> str:
    """User text made safe for a layout: line breaks become line separators, control characters spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub(" ", text).replace("\n", "\u2028")


class TextBlock:
    """A laid-out paragraph: its lines' tops and heights, and how to draw some or all of them."""

    def __init__(self, layout: QTextLayout, tops: list[float], heights: list[float]):
        self.layout = layout
        self.tops = tops
        self.heights = heights

    @property
    def line_count(self) -> int:
        return len(self.tops)

    @property
    def height(self) -> float:
        return self.span(0, self.line_count)

    def span(self, first: int, end: int) -> float:
        if end <= first:
            return 0.0
        return self.tops[end - 1] + self.heights[end - 1] - self.tops[first]

    def baseline(self, line: int) -> float:
        """How far below the block's top the line's baseline sits."""
        if line >= self.line_count:
            return 0.0
        text_line = self.layout.lineAt(line)
        return text_line.y() + text_line.ascent()

    def natural_width(self) -> float:
        return max((self.layout.lineAt(i).naturalTextWidth() for i in range(self.line_count)), default=0.0)

    def draw(self, painter: QPainter, x: float, y: float, first: int = 0, end: int | None = None) -> None:
        end = self.line_count if end is None else end
        if end <= first:
            return
        offset = QPointF(x, y - self.tops[first])
        for i in range(first, end):
            self.layout.lineAt(i).draw(painter, offset)


class Typesetter:
    """Fonts, inks and text layout for one paint device."""

    def __init__(
        self,
        device: QPagedPaintDevice,
        family: str,
        styles: dict[str, Style],
        inks: dict[str, QColor],
    ):
        self.device = device
        self.family = family
        self.styles = styles
        self.inks = inks
        self.pt = device.logicalDpiY() / 72
        self._fonts: dict[str, QFont] = {}
        self._formats: dict[str, QTextCharFormat] = {}
        # a table measures each cell's one-line width and longest word to size its columns, once to
        # see whether it fits, again in its compact styles, again to lay it out: each measured once
        self._natural: dict[tuple[object, str], float] = {}
        self._longest: dict[tuple[object, str], float] = {}

    def font(self, style: str) -> QFont:
        font = self._fonts.get(style)
        if font is None:
            spec = self.styles[style]
            font = QFont(self.family)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(spec.size)
            font.setBold(spec.bold)
            font.setItalic(spec.italic)
            if spec.caps:
                font.setCapitalization(QFont.Capitalization.AllUppercase)
            for tag in LIGATURES_OFF:  # real words in the PDF's text: "offer", not "oﬀer"
                font.setFeature(QFont.Tag(tag), 0)
            self._fonts[style] = font
        return font

    def _char_format(self, style: str) -> QTextCharFormat:
        """A style's font and ink as a text format, made once (a brief lays out ~1,100 texts)."""
        char = self._formats.get(style)
        if char is None:
            char = self._formats[style] = QTextCharFormat()
            char.setFont(self.font(style))
            char.setForeground(self.ink(style))
        return char

    def metrics(self, style: str) -> QFontMetricsF:
        return QFontMetricsF(self.font(style), self.device)

    def ink(self, style: str) -> QColor:
        return self.inks[self.styles[style].ink]

    def line_height(self, style: str) -> float:
        return self.metrics(style).height() * self.styles[style].leading

    def layout(
        self,
        text: Text,
        style: str,
        width: float,
        *,
        align: Align = "left",
        wrap: bool | Literal["anywhere"] = True,
    ) -> TextBlock:
        runs = runs_of(text)
        pieces = [plain(r.text) for r in runs]
        whole = "".join(pieces)
        layout = QTextLayout(whole, self.font(style), self.device)
        option = QTextOption(_ALIGN[align])
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)  # the document reads left to right; Qt
        # still lays out right-to-left words (Hebrew, Arabic) in their own order inside a line
        option.setWrapMode(
            QTextOption.WrapMode.WrapAnywhere  # figures: fill each line, never "+" alone on one
            if wrap == "anywhere"
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            if wrap
            else QTextOption.WrapMode.NoWrap
        )
        layout.setTextOption(option)
        ranges, start = [], 0
        for run, piece in zip(runs, pieces, strict=True):
            length = len(piece)
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = start, length, self._char_format(run.style or style)
            ranges.append(item)
            start += length
        layout.setFormats(ranges)
        leading = self.styles[style].leading
        tops: list[float] = []
        heights: list[float] = []
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            height = line.height() * leading
            # the extra leading goes half above, half below the glyphs
            line.setPosition(QPointF(0, y + (height - line.height()) / 2))
            tops.append(y)
            heights.append(height)
            y += height
        layout.endLayout()
        return TextBlock(layout, tops, heights)

    def natural_width(self, text: Text, style: str) -> float:
        key = (_text_key(text), style)
        width = self._natural.get(key)
        if width is None:
            # a wide line, but inside the range of Qt's 26.6 fixed-point text metrics
            width = self._natural[key] = self.layout(text, style, UNBOUNDED, wrap=False).natural_width()
        return width

    def longest_word(self, text: Text, style: str) -> float:
        key = (_text_key(text), style)
        width = self._longest.get(key)
        if width is None:
            # split where a line may break: not at a no-break space ("Year\u00a01" is one word)
            words = [w for w in re.split(r"[ \n\u2028]+", " ".join(r.text for r in runs_of(text))) if w]
            metrics = self.metrics(style)
            width = self._longest[key] = max((metrics.horizontalAdvance(w) for w in words), default=0.0)
        return width


def _text_key(text: Text) -> object:
    """A hashable stand-in for a text (its runs, styles included)."""
    return text if isinstance(text, str | Run) else tuple(text)


# --- pieces and pages ----------------------------------------------------------------------------


@dataclass
class Piece:
    """An unbreakable part of the flow: a height and how to paint it into a rectangle that high."""

    height: float
    paint: Callable[[QPainter, QRectF], None]
    space_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False
    break_before: bool = False
    header: Piece | None = None  # painted first when this piece starts a page (a table's header row)
    indent: float = 0.0
    bar: QColor | None = None  # a rule down the left edge (cards)
    bar_width: float = 0.0
    bar_joined: bool = False  # the rule continues from the piece above
    anchor: str | None = None


@dataclass
class Placed:
    piece: Piece
    top: float
    first_on_page: bool


def paginate(pieces: Sequence[Piece], top: float, bottom: float) -> list[list[Placed]]:
    """Place pieces on pages between `top` and `bottom`; never a heading alone at a page's foot."""
    pages: list[list[Placed]] = [[]]
    room = bottom - top
    y = top
    for index, piece in enumerate(pieces):
        page = pages[-1]
        if piece.break_before and page:
            pages.append([])
            page, y = pages[-1], top
        space = piece.space_before if page else 0.0
        chain, j = piece.height, index
        while pieces[j].keep_with_next and j + 1 < len(pieces) and not pieces[j + 1].break_before:
            j += 1
            chain += pieces[j].space_before + pieces[j].height
            if chain > room:
                break
        too_long = y + space + chain > bottom
        if page and too_long and (chain <= room or y + space + piece.height > bottom):
            pages.append([])
            page, y, space = pages[-1], top, 0.0
            if piece.header is not None:
                page.append(Placed(piece.header, y, True))
                y += piece.header.height
        page.append(Placed(piece, y + space, not page))
        y += space + piece.height
    return pages


def paint_page(painter: QPainter, placed: Sequence[Placed], left: float, width: float, clip: QRectF) -> None:
    painter.save()
    painter.setClipRect(clip)  # a last resort: a piece taller than a page must not run into the footer
    for item in placed:
        piece = item.piece
        rect = QRectF(left + piece.indent, item.top, width - piece.indent, piece.height)
        if piece.bar is not None:
            bar_top = item.top - (piece.space_before if piece.bar_joined and not item.first_on_page else 0)
            painter.fillRect(QRectF(left, bar_top, piece.bar_width, item.top + piece.height - bar_top), piece.bar)
        painter.save()
        piece.paint(painter, rect)
        painter.restore()
    painter.restore()


# --- tables --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: Text
    align: Align = "left"
    flex: float = 0.0  # > 0: shares what the natural-width columns leave; 0: as wide as its content
    highlight: bool = False  # tinted from top to bottom (the column a table is about)
    min_width: float = 0.0  # points: room for a header to breathe (given way only when the page is too narrow)


RowKind = Literal["body", "total", "this", "plain"]


@dataclass(frozen=True)
class Row:
    cells: Sequence[Text]
    kind: RowKind = "body"


@dataclass
class Table:
    columns: Sequence[Column]
    rows: Sequence[Row]
    style: str = "table"
    head_style: str = "table_head"
    total_style: str = "table_bold"
    header: bool = True
    rules: bool = True
    pad_x: float = 4.0  # points
    pad_y: float = 3.2
    min_flex_share: float = 0.24  # flexible columns get at least this share of the width
    compact: dict[str, str] | None = None  # smaller styles to use when the figures don't fit on one line


# --- the flow ------------------------------------------------------------------------------------


@dataclass
class _Card:
    color: QColor
    indent: float
    bar: float
    started: bool = False


@dataclass
class Flow:
    """Text, tables and drawings in reading order, cut into pieces for `paginate`."""

    ts: Typesetter
    width: float
    pieces: list[Piece] = field(default_factory=list)
    _card: _Card | None = None
    _pending_space: float = 0.0
    _pending_break: bool = False

    @property
    def pt(self) -> float:
        return self.ts.pt

    @property
    def inner_width(self) -> float:
        return self.width - (self._card.indent if self._card else 0.0)

    def add(self, piece: Piece) -> Piece:
        piece.space_before += self._pending_space
        piece.break_before = piece.break_before or self._pending_break
        self._pending_space, self._pending_break = 0.0, False
        if self._card is not None:
            piece.indent += self._card.indent
            piece.bar = self._card.color
            piece.bar_width = self._card.bar
            piece.bar_joined = self._card.started
            self._card.started = True
        self.pieces.append(piece)
        return piece

    def space(self, points: float) -> None:
        self._pending_space += points * self.pt

    def new_page(self) -> None:
        """The next piece starts a page."""
        self._pending_break = True

    def keep_together(self, start: int) -> None:
        """Keep the pieces added since `start` on one page (when they fit on one)."""
        for piece in self.pieces[start:-1]:
            piece.keep_with_next = True

    @contextmanager
    def card(self, color: QColor, indent_pt: float = 12.0, bar_pt: float = 3.0) -> Iterator[None]:
        """Pieces added inside get a coloured rule down their left edge, continuous across pieces."""
        self._card = _Card(color, indent_pt * self.pt, bar_pt * self.pt)
        try:
            yield
        finally:
            self._card = None

    # text

    def paragraph(
        self,
        text: Text,
        style: str = "body",
        *,
        align: Align = "left",
        space_before: float = 0.0,
        keep_with_next: bool = False,
        indent: float = 0.0,
        break_before: bool = False,
        anchor: str | None = None,
    ) -> None:
        """A wrapped paragraph; at least two lines stay together on each side of a page break."""
        indent_px = indent * self.pt
        block = self.ts.layout(text, style, self.inner_width - indent_px, align=align)
        cuts = _cuts(block.line_count)
        for k, (first, end) in enumerate(cuts):
            self.add(
                Piece(
                    height=block.span(first, end),
                    paint=_text_painter(block, first, end),
                    space_before=space_before * self.pt if k == 0 else 0.0,
                    keep_with_next=keep_with_next if k == len(cuts) - 1 else k == 0,
                    break_before=break_before and k == 0,
                    indent=indent_px,
                    anchor=anchor if k == 0 else None,
                )
            )

    def heading(self, text: Text, style: str = "h1", *, space_before: float = 18.0, rule: bool = False) -> None:
        block = self.ts.layout(text, style, self.inner_width)
        gap = 5 * self.pt if rule else 0.0
        ink = self.ts.inks.get("rule", QColor("#cccccc"))

        def paint(painter: QPainter, rect: QRectF) -> None:
            block.draw(painter, rect.left(), rect.top())
            if rule:
                painter.setPen(QPen(ink, 0.6 * self.pt))
                y = rect.top() + block.height + gap * 0.5
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

        self.add(Piece(block.height + gap, paint, space_before=space_before * self.pt, keep_with_next=True))

    def bullets(self, items: Sequence[Text], style: str = "body", *, marker: str = "•", space: float = 3.0) -> None:
        for item in items:
            self.marked(marker, item, style, space_before=space)

    def marked(
        self,
        marker: Text,
        text: Text,
        style: str = "body",
        *,
        marker_style: str | None = None,
        marker_width: float = 12.0,
        space_before: float = 3.0,
        keep_with_next: bool = False,
    ) -> None:
        """A paragraph hanging from a marker (a bullet, a number, points)."""
        gap = marker_width * self.pt
        mark = self.ts.layout(marker, marker_style or style, gap - 3 * self.pt, align="right")
        body = self.ts.layout(text, style, self.inner_width - gap)
        cuts = _cuts(body.line_count)
        # the marker sits on the first line's baseline, whatever its size
        drop = max(body.baseline(0) - mark.baseline(0), 0.0)
        for k, (first, end) in enumerate(cuts):

            def paint(painter: QPainter, rect: QRectF, first=first, end=end, k=k) -> None:
                if k == 0:
                    mark.draw(painter, rect.left(), rect.top() + drop)
                body.draw(painter, rect.left() + gap, rect.top(), first, end)

            height = body.span(first, end)
            if k == 0:
                height = max(height, mark.height + drop)
            self.add(
                Piece(
                    height,
                    paint,
                    space_before=space_before * self.pt if k == 0 else 0.0,
                    keep_with_next=keep_with_next if k == len(cuts) - 1 else k == 0,
                )
            )

    def drawing(
        self,
        height_pt: float,
        paint: Callable[[QPainter, QRectF], None],
        *,
        space_before: float = 0.0,
        keep_with_next: bool = False,
        device_height: float | None = None,
    ) -> None:
        height = device_height if device_height is not None else height_pt * self.pt
        self.add(Piece(height, paint, space_before=space_before * self.pt, keep_with_next=keep_with_next))

    # tables

    def table(self, table: Table, *, space_before: float = 6.0, indent: float = 0.0) -> None:
        if table.compact and not self.fits(table, indent):
            table = _restyled(table, table.compact)
        ts, pt = self.ts, self.pt
        indent_px = indent * pt
        width = self.inner_width - indent_px
        pad_x, pad_y = table.pad_x * pt, table.pad_y * pt
        columns = list(table.columns)
        widths = self._column_widths(table, width, pad_x)
        ink_rule = ts.inks["rule"]
        ink_strong = ts.inks["rule_strong"]
        ink_tint = ts.inks["tint"]

        def row_piece(cells: Sequence[Text], kind: str, style: str, head: bool) -> Piece:
            blocks = []
            for column, cell, w in zip(columns, cells, widths, strict=True):
                wrap: bool | Literal["anywhere"] = "anywhere" if column.align == "right" and not head else True
                blocks.append(ts.layout(cell, style, w - 2 * pad_x, align=column.align, wrap=wrap))
            height = max((b.height for b in blocks), default=0.0) + 2 * pad_y

            def paint(painter: QPainter, rect: QRectF) -> None:
                if kind == "this":
                    painter.fillRect(rect, ink_tint)
                x = rect.left()
                for column, block, w in zip(columns, blocks, widths, strict=True):
                    if column.highlight and kind != "this":
                        painter.fillRect(QRectF(x, rect.top(), w, rect.height()), ink_tint)
                    block.draw(painter, x + pad_x, rect.top() + pad_y)
                    x += w
                if not table.rules:
                    return
                right = rect.left() + sum(widths)
                if head:
                    painter.setPen(QPen(ink_strong, 0.8 * pt))
                    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(right, rect.bottom()))
                elif kind == "total":
                    painter.setPen(QPen(ink_strong, 0.8 * pt))
                    painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(right, rect.top()))
                else:
                    painter.setPen(QPen(ink_rule, 0.4 * pt))
                    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(right, rect.bottom()))

            return Piece(height, paint, indent=indent_px)

        header = None
        if table.header:
            header = row_piece([c.title for c in columns], "head", table.head_style, True)
            header.space_before = space_before * pt
            header.keep_with_next = True
            self.add(header)
            repeat = row_piece([c.title for c in columns], "head", table.head_style, True)
            if self._card is not None:
                repeat.indent, repeat.bar, repeat.bar_width = self._card.indent, self._card.color, self._card.bar
        else:
            repeat = None
        for index, row in enumerate(table.rows):
            style = table.total_style if row.kind == "total" else table.style
            piece = row_piece(row.cells, row.kind, style, False)
            piece.header = repeat
            if header is None and index == 0:
                piece.space_before = space_before * pt
            # the header with the first two rows, the last two rows together, a total with the row above it
            last = len(table.rows) - 1
            before_total = index < last and table.rows[index + 1].kind == "total"
            if (index == 0 and last >= 2) or index == last - 1 or before_total:
                piece.keep_with_next = True
            self.add(piece)

    def fits(self, table: Table, indent: float = 0.0) -> bool:
        """Whether every column of `table` gets its natural width (nothing wraps but flexible text),
        with the room `_column_widths` keeps for the flexible columns."""
        width = self.inner_width - indent * self.pt
        natural, least = self._natural_widths(table, width, table.pad_x * self.pt)
        fixed = sum(w for w, c in zip(natural, table.columns, strict=True) if c.flex == 0)
        return fixed + sum(w for w, c in zip(least, table.columns, strict=True) if c.flex > 0) <= width

    def _column_widths(self, table: Table, width: float, pad_x: float) -> list[float]:
        """Natural widths for content columns, the rest to flexible ones; never wider than `width`.

        When the natural widths don't fit, the widest columns give way first (their text wraps), so
        narrow columns keep their one line; flexible columns keep at least their longest word.
        """
        columns = list(table.columns)
        natural, least = self._natural_widths(table, width, pad_x)
        flexible = [c.flex > 0 for c in columns]
        room = width - sum(w for w, f in zip(least, flexible, strict=True) if f)
        fixed = [w for w, f in zip(natural, flexible, strict=True) if not f]
        if sum(fixed) > room:
            cap = _water_level(fixed, max(room, 0.0))
            natural = [w if f else min(w, cap) for w, f in zip(natural, flexible, strict=True)]
        used = sum(w for w, f in zip(natural, flexible, strict=True) if not f)
        flex = sum(c.flex for c in columns)
        if flex == 0:
            return natural
        spare = max(width - used, 0.0)
        return [spare * c.flex / flex if f else w for c, w, f in zip(columns, natural, flexible, strict=True)]

    def _natural_widths(self, table: Table, width: float, pad_x: float) -> tuple[list[float], list[float]]:
        """Each column's width on one line, and the least a flexible column may get."""
        ts = self.ts
        columns = list(table.columns)

        def style_of(row: Row) -> str:
            return table.total_style if row.kind == "total" else table.style

        natural: list[float] = []
        least: list[float] = []
        for i, column in enumerate(columns):
            cells = [(row.cells[i], style_of(row)) for row in table.rows]
            head = ts.longest_word(column.title, table.head_style) if table.header else 0.0
            words = max((ts.longest_word(text, style) for text, style in cells), default=0.0)
            full = max((ts.natural_width(text, style) for text, style in cells), default=0.0)
            natural.append(max(full + 2 * pad_x + self.pt, head + 2 * pad_x, column.min_width * self.pt))
            # a flexible column keeps its longest word and a fair share of the width (or all it needs)
            floor = min(full, max(words, head, table.min_flex_share * width)) if column.flex > 0 else 0.0
            least.append(floor + 2 * pad_x + (self.pt if column.flex > 0 else 0.0))
        return natural, least


def _water_level(widths: Sequence[float], room: float) -> float:
    """The largest cap such that sum(min(w, cap)) <= room: the widest columns give way first."""
    ordered = sorted(widths)
    remaining, count = room, len(ordered)
    for index, w in enumerate(ordered):
        share = remaining / (count - index)
        if w > share:
            return share
        remaining -= w
    return ordered[-1] if ordered else room


def _restyled(table: Table, styles: dict[str, str]) -> Table:
    """The table in other styles (e.g. smaller ones), every run's style mapped."""

    def text(cell: Text) -> Text:
        if isinstance(cell, str):
            return cell
        return [Run(r.text, styles.get(r.style, r.style) if r.style else None) for r in runs_of(cell)]

    return Table(
        [Column(text(c.title), c.align, c.flex, c.highlight, c.min_width) for c in table.columns],
        [Row([text(cell) for cell in row.cells], row.kind) for row in table.rows],
        style=styles.get(table.style, table.style),
        head_style=styles.get(table.head_style, table.head_style),
        total_style=styles.get(table.total_style, table.total_style),
        header=table.header,
        rules=table.rules,
        pad_x=table.pad_x * 0.8,
        pad_y=table.pad_y,
        min_flex_share=table.min_flex_share,
    )


def _cuts(lines: int) -> list[tuple[int, int]]:
    """Where a paragraph may break: never after its first line or before its last (no widows, no orphans)."""
    if lines <= 4:
        return [(0, lines)]
    return [(0, 2), *((i, i + 1) for i in range(2, lines - 2)), (lines - 2, lines)]


def _text_painter(block: TextBlock, first: int, end: int) -> Callable[[QPainter, QRectF], None]:
    def paint(painter: QPainter, rect: QRectF) -> None:
        block.draw(painter, rect.left(), rect.top(), first, end)

    return paint


def compacted(table: Table) -> Table:
    """The table in its compact styles: what `Flow.table` falls back to when the table doesn't fit."""
    return _restyled(table, table.compact) if table.compact else table
