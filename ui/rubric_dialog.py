""" "How is this rated?": the rubric in words, every threshold and weight visible."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.rubric import DEFAULT_RUBRIC, Rubric, explain_rubric


def rubric_html(rubric: Rubric) -> str:
    parts = ["<h2>How is this rated?</h2>"]
    for title, lines in explain_rubric(rubric):
        parts.append(f"<h3>{escape(title)}</h3><ul>")
        parts.extend(f"<li>{escape(line)}</li>" for line in lines)
        parts.append("</ul>")
    return "".join(parts)


class RubricDialog(QDialog):
    """Shows the active rubric; read-only (it is changed in Settings)."""

    def __init__(self, rubric: Rubric = DEFAULT_RUBRIC, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("How is this rated?")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Rating rubric")
        self.browser.setHtml(rubric_html(rubric))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 720)
