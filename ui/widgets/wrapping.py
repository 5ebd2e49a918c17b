"""Long file paths in messages wrap at a folder separator, never in the middle of a name.

Qt breaks a line only between words; a path has no spaces, so a long one used to be cut wherever the
line ran out ("offer-plan|ner"). A zero-width space after each separator gives Qt a place to break
that shows nothing.
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
_PATH = re.compile(r"(?:(?<=\s)|^|(?<=[\"'(]))(?:[A-Za-z]:)?[/\\~][^\s\"')]*[/\\][^\s\"')]*")
_SEPARATOR = re.compile(r"([/\\])(?=[^/\\])")


def breakable_paths(text: str) -> str:
    """`text` with a line-break opportunity after each separator of the paths in it."""
    return _PATH.sub(lambda match: _SEPARATOR.sub(rf"\1{ZERO_WIDTH_SPACE}", match.group(0)), text)
