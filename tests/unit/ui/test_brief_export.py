"""File → Export brief… as a user drives it: the file dialog, the PDF, "Open it now", and errors in words."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from app.brief import brief_file_name
from app.models import Settings
from app.store import Store
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.workspace import Workspace


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "offers.sqlite3")
    win = MainWindow(Workspace(store), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(win.empty_state.sample_button, Qt.MouseButton.LeftButton)
    yield win
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()
    store.close()


def message_box(window: MainWindow) -> QMessageBox:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_export_brief_writes_the_pdf_and_offers_to_open_it(qtbot, window, tmp_path, monkeypatch) -> None:
    assert window.brief_action.isEnabled()
    assert window.brief_action.shortcut().toString() == "Ctrl+E"
    asked: list[str] = []
    target = tmp_path / "my brief"  # no extension: .pdf is added

    def save_name(_parent, _title, default, _filter):
        asked.append(default)
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked == [str(Path(documents) / brief_file_name("Lumen Health", window.workspace.as_of()))]
    written = tmp_path / "my brief.pdf"
    reader = pypdf.PdfReader(written)
    assert reader.metadata.title == "Negotiation brief: Lumen Health — Senior Software Engineer, Payments"
    box = message_box(window)
    assert str(written) in box.text().replace("\u200b", "")  # the path may wrap at its separators
    assert box.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(window.open_brief_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(written))]


def test_close_does_not_open_the_brief(qtbot, window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "b.pdf"), ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.select_offer("sample-kestrel")
    window.brief_action.trigger()
    box = message_box(window)
    close = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert opened == []
    assert "Kestrel Robotics" in pypdf.PdfReader(tmp_path / "b.pdf").metadata.title


def test_cancelling_the_dialog_writes_nothing(window, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    window.brief_action.trigger()
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert not list(tmp_path.glob("*.pdf"))


def test_an_unwritable_folder_says_why_in_words(window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "gone" / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.brief_action.trigger()
    box = message_box(window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "does not exist" in box.text() and "Traceback" not in box.text()
    assert not (tmp_path / "gone").exists()


def test_markup_in_a_company_name_stays_text(window, tmp_path, monkeypatch) -> None:
    offer = window.workspace.offer("sample-lumen")
    window.workspace.update_offer(offer.model_copy(update={"company": "<b>Bold</b> & Co"}))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "b.pdf"), ""))
    window.select_offer("sample-lumen")
    window.brief_action.trigger()
    box = message_box(window)
    assert "<b>Bold</b> & Co" in box.text() and box.textFormat() == Qt.TextFormat.PlainText


def test_the_action_follows_the_selection(window) -> None:
    assert window.brief_action.isEnabled()
    window.workspace.delete_offers([o.id for o in window.workspace.offers()])
    assert not window.brief_action.isEnabled()


def test_settings_choose_the_brief_paper(qtbot) -> None:
    dialog = SettingsDialog(Settings(paper="A4"))
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "A4"
    assert dialog.paper.itemText(0).startswith("Automatic (")
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result_settings() == Settings(paper="Letter")
