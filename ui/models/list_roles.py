"""What the offer list and its first paint share: the item roles (no domain; the stage names are app.words').

Kept apart from the list model so the window's first paint (ui.first_paint) can show the list before
the domain (pydantic) is imported. The roles are plain ints (Qt::UserRole is 256) rather than
`Qt.ItemDataRole.UserRole + n`: the first `Qt` namespace import builds ~90 Python enums (1,200
members), a measurable part of a first paint that never needs them.
"""

from __future__ import annotations

USER_ROLE = 0x0100  # Qt::UserRole
OfferIdRole = USER_ROLE + 1
RawValueRole = USER_ROLE + 2  # for sorting: Decimal, tier rank, text
BadgeRole = USER_ROLE + 3  # "stage:offer" or "tier:strong", for the badge delegate
SearchTextRole = USER_ROLE + 4
StageRole = USER_ROLE + 5
FlagRole = USER_ROLE + 6  # (badge key, words) of a flag drawn after the text, or None
# what the badge delegate draws, in one answer (one call through the filter proxy instead of a dozen):
# (badge key, the pill's words, False) for a stage or tier pill, (flag key, words, True) for a flag
# after the text, None for a cell drawn as usual
PillRole = USER_ROLE + 7
