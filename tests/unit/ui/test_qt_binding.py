"""The Qt binding we ship with must not leak references to None.

PySide6 6.12.0 drops one reference to None on every call of a method that returns nothing; on
Python 3.11 (where None is not immortal) the app then aborts with "deallocating None" after a few
thousand UI updates — a crash a user meets mid-negotiation. pyproject keeps PySide6 below 6.12.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_void_methods_keep_none_alive(qapp):
    label = QLabel("x")
    label.setText("warm up")
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("offer")
        label.setToolTip("tip")
        label.update()
    assert sys.getrefcount(None) - before > -100  # 6.12.0 loses 1,500 here
