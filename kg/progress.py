"""The steps of a long command as they run, on a terminal (rich): a spinner on the current step,
a line with its time for each finished one. Nothing when standard error is not a terminal.

The library only logs its steps (kg.pipeline.timed); this listens to those records.
"""
from __future__ import annotations

import logging
import os
import sys
import time

from rich.console import Console

from kg.i18n import word

_LOGGER = "kg"


class _StepHandler(logging.Handler):
    def __init__(self, progress: "StepProgress"):
        super().__init__(logging.DEBUG)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        step = getattr(record, "qkg_step", None)
        # A step of a forked child (the shapes, the page) is shown by the parent's wait for it.
        if step is not None and record.process == self.progress.pid:
            self.progress.step(step, getattr(record, "qkg_phase", "end"))


class StepProgress:
    """A context that shows the steps of kg.pipeline on ``console`` (default: standard error, when a terminal)."""

    def __init__(self, enabled: bool = True, console: Console | None = None, lang: str = "en"):
        self.console = console or Console(stderr=True)
        self.lang = lang
        self.pid = os.getpid()
        self.enabled = enabled and (console is not None or sys.stderr.isatty())
        self._status = None
        self._handler = _StepHandler(self)
        self._started = time.perf_counter()
        self._logger = logging.getLogger(_LOGGER)
        self._level = self._logger.level
        self.finished: list[str] = []

    def __enter__(self) -> "StepProgress":
        if self.enabled:
            self._status = self.console.status("…")
            self._status.start()
            self._logger.addHandler(self._handler)
            if self._logger.getEffectiveLevel() > logging.DEBUG:
                self._logger.setLevel(logging.DEBUG)
                # Only the progress display sees the records this lets through: the handlers above
                # stay at the level they had (-v or not).
                for handler in logging.getLogger().handlers:
                    if handler.level < logging.getLogger().level:
                        handler.setLevel(logging.getLogger().level)
        return self

    def step(self, step: str, phase: str) -> None:
        elapsed = time.perf_counter() - self._started
        name = word(step, self.lang)
        if phase == "start":
            self._status.update(f"{name} … ({elapsed:.1f} s)")
        else:
            self.finished.append(name)
            self.console.print(f"✓ {name} ({elapsed:.1f} s)", highlight=False)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._logger.removeHandler(self._handler)
            self._logger.setLevel(self._level)
            self._status.stop()
