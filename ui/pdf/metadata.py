"""The brief's PDF metadata: XMP (title, subject, creator) and the Info dictionary Qt leaves without a subject.

Every piece of user text (a company name, a role) is cleaned of characters XML and PDF strings can't
hold and escaped, so it stays text in every viewer.
"""

from __future__ import annotations

import re
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from PySide6.QtCore import qVersion

from app.brief import Brief

_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    return _XML_UNSAFE.sub(" ", text).replace("\n", " ").replace("\r", " ")


def xmp(brief: Brief, stamp: datetime) -> bytes:
    """XMP metadata with the title, subject (dc:description) and creator tool, user text escaped."""
    when = stamp.isoformat()
    title, subject = escape(clean(brief.title)), escape(clean(brief.subject))
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
    return b"<FEFF" + clean(text).encode("utf-16-be").hex().upper().encode() + b">"


_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S)


def add_subject(path: str, brief: Brief, stamp: datetime) -> None:
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
