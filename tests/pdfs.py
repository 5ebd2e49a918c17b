"""Reading back the PDFs the app writes: the text of each page, as a reader of the PDF gets it.

PDFium (pypdfium2) reads the text, pypdf the rest (metadata, fonts, page boxes, content streams).
The brief's tests read a few hundred pages: pypdf took 3 s of CPU for the sample brief's 13 pages,
PDFium 0.15 s, for the same words in the same order (compared word by word on the sample brief: one
chart label, a date on an axis, comes one word earlier). PDFium spells a ligature glyph out ("ﬁ" reads
"fi"), so a check for ligatures reads the text with pypdf.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2


def page_texts(path: Path) -> list[str]:
    """Each page's text, with every run of white space made one space."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()
