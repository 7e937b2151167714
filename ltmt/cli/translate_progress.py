"""How far ``ltmt translate`` has got in a file, on standard error while it runs.

On a terminal, one line rewritten in place as segments finish and cleared at the end
(``ltmt: 3,840 of 10,000 segments (38 %), 52/s``); otherwise (a CI log, a file) the same
line printed as a line of its own at most every ``interval`` seconds, so that a long run is
not silent and a short one prints nothing more than its summary. The count moves inside a
chunk too (:meth:`SegmentProgress.within_chunk`, as the decoder finishes segments): a file
of one 256-segment chunk of long entries is minutes of decoding.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

# seconds between two lines where standard error is not a terminal: a CI log stays short
LOG_INTERVAL = 30.0


class SegmentProgress:
    """Counts the segments a run has finished, and shows the count on ``stream``.

    Given to the pipeline as its ``progress_start`` (:meth:`start`) and ``progress``
    (:meth:`advance`) callbacks, and to the translator as its ``progress`` callback
    (:meth:`within_chunk`); :meth:`close` clears a terminal's line.
    ``clock`` and ``interval`` (seconds) are the tests' to set.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = LOG_INTERVAL,
    ) -> None:
        self.stream = stream or sys.stderr
        self.on_terminal = self.stream.isatty()
        self.clock = clock
        self.interval = interval
        self.total = 0
        self.done = 0
        self.done_before = 0  # by an interrupted run this one resumes: not in the rate
        self.in_chunk = 0  # finished in the chunk being translated, before its advance
        self.started = self.last_shown = clock()
        self.shown_width = 0  # of the terminal's line now shown

    def start(self, done: int, total: int) -> None:
        """The run has ``total`` segments, ``done`` of them by the run it resumes."""
        self.total, self.done, self.done_before = total, done, done
        self.started = self.last_shown = self.clock()

    def advance(self, count: int) -> None:
        """``count`` more segments finished, a chunk's: shown (:meth:`_show`; the run's
        summary says the end)."""
        self.done += count
        self.in_chunk = 0
        self._show()

    def within_chunk(self, count: int) -> None:
        """``count`` more segments of the chunk being translated finished (the decoder says
        so before the chunk ends, and its :meth:`advance` counts them again): shown as
        :meth:`advance` shows them."""
        self.in_chunk += count
        self._show()

    def _show(self) -> None:
        """The terminal's line rewritten, or a log line where ``interval`` seconds have passed
        since the last one (or the start) and segments are left."""
        now = self.clock()
        if self.on_terminal:
            self._rewrite(self.line(now))
        elif now - self.last_shown >= self.interval and self._finished() < self.total:
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()
            self.last_shown = now

    def _finished(self) -> int:
        """The segments finished: the chunks', and those the decoder finished of the chunk
        being translated, short of the run's last one. The decoder's count is no segment done:
        a chunk's outputs are then fitted, its entries with paired tags or identical plural
        forms translated again (told to the count again), so that it reached ``120 of 120
        (100 %)`` a second before a 7 s run ended; 100 % is the last chunk's :meth:`advance`."""
        if not self.in_chunk:
            return self.done
        return min(self.done + self.in_chunk, max(self.total - 1, self.done))

    def line(self, now: float) -> str:
        """``ltmt: 3,840 of 10,000 segments (38 %), 52/s``: the rate this run's own."""
        done = self._finished()
        percent = 100 * done // self.total if self.total else 100
        seconds = now - self.started
        per_second = (done - self.done_before) / seconds if seconds > 0 else None
        # under 10 a second with its tenth, as the summary says it: 0.5/s was "0/s"
        digits = 1 if per_second is not None and per_second < 10 else 0
        rate = f", {per_second:,.{digits}f}/s" if per_second is not None else ""
        return f"ltmt: {done:,} of {self.total:,} segments ({percent} %){rate}"

    def close(self) -> None:
        """Clear the terminal's line, for the summary (or an interruption's message)."""
        if self.shown_width:
            self._rewrite("")

    def _rewrite(self, text: str) -> None:
        """Show ``text`` in place of the terminal's line, the cursor left at its start: a
        message printed meanwhile (a warning) writes over it rather than after it."""
        padding = " " * max(self.shown_width - len(text), 0)
        self.stream.write(f"\r{text}{padding}\r")
        self.stream.flush()
        self.shown_width = len(text)
