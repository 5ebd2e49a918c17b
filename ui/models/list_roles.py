"""What the offer list and its first paint share: the item roles and the stage names (Qt only, no domain).

Kept apart from the list model so the window's first paint (ui.first_paint) can show the list before
the domain (pydantic) is imported.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

STAGE_NAMES = {
    "interviewing": "Interviewing",
    "offer": "Offer",
    "negotiating": "Negotiating",
    "accepted": "Accepted",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
}

OfferIdRole = Qt.ItemDataRole.UserRole + 1
RawValueRole = Qt.ItemDataRole.UserRole + 2  # for sorting: Decimal, tier rank, text
BadgeRole = Qt.ItemDataRole.UserRole + 3  # "stage:offer" or "tier:strong", for the badge delegate
SearchTextRole = Qt.ItemDataRole.UserRole + 4
StageRole = Qt.ItemDataRole.UserRole + 5
