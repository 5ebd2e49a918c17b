"""The brief's paper, fonts, inks and type styles: everything a page needs before anything is laid out.

The brief always prints light (dark ink on white paper), whatever the screen's palette; its paper
is the user's choice, else the settings', else the locale's (US Letter in the Americas' Letter
countries, A4 everywhere else).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPageSize, QPalette

from ui.pdf.layout import Style

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
# Badge hues (as ui.widgets.badges): green for a grand slam, amber for uncertain, red for weak.
TIER_HUES = {"grand_slam": 140, "strong": 175, "steady": 210, "uncertain": 40, "weak": 0}
PLAUSIBILITY_HUES = {"likely": 140, "possible": 210, "long_shot": -1}
STYLES = {
    "body": Style(9.2, leading=1.22),
    "body_bold": Style(9.2, bold=True, leading=1.22),
    "body_italic": Style(9.2, italic=True, leading=1.22),
    "muted": Style(8.4, ink="muted", leading=1.22),
    "muted_italic": Style(8.4, italic=True, ink="muted", leading=1.22),
    "small": Style(8.0, leading=1.2),
    "small_bold": Style(8.0, bold=True, leading=1.2),
    "quote": Style(9.2, italic=True, ink="quote", leading=1.25),
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
    "table_flag": Style(7.2, bold=True, ink="warn", leading=1.15),  # UNDER WATER, beside a figure
    "table_label": Style(7.4, italic=True, ink="muted", leading=1.15),  # an after-tax estimate's label
}

# Smaller table styles for figures too long to sit side by side at the usual size.
COMPACT = {
    "table": "table_compact",
    "table_bold": "table_compact_bold",
    "table_muted": "table_compact_muted",
    "table_head": "table_compact_head",
}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 54.0, 66.0, 62.0  # points

_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """QPdfWriter needs a QGuiApplication: make one if none exists, offscreen when there is no display."""
    global _app
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise RuntimeError("the brief needs a QGuiApplication, and a QCoreApplication is already running")
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
        if choice is not None and choice in PAPER_SIZES:
            return choice
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



def font_family() -> str:
    available = set(QFontDatabase.families())
    return next(
        (f for f in FAMILIES if f in available),
        QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),
    )


def inks(palette: QPalette) -> dict[str, QColor]:
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
        "warn": QColor.fromHsl(0, 150, 48) if text.lightness() < 128 else QColor.fromHsl(0, 190, 170),
    }


def badge_colours(hue: int) -> tuple[QColor, QColor]:
    """(fill, ink) of a pill with this hue, as the screen's badges on a light palette (grey for -1)."""
    saturation = 0 if hue < 0 else 150
    return QColor.fromHsl(max(hue, 0), saturation, 222), QColor.fromHsl(max(hue, 0), saturation, 55)
