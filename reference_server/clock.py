"""The world's clock: real time plus an offset that tests may move forward."""

import datetime as dt
import math
import threading


def minutes_to_wait(seconds: float) -> int:
    """A wait as the whole minutes a page tells a person, never fewer than one."""
    return max(1, math.ceil(seconds / 60))


class Clock:
    """A thread-safe clock that only ever moves forward."""

    def __init__(self) -> None:
        self._offset = dt.timedelta()
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        """The current time of the world, timezone-aware in UTC."""
        with self._lock:
            offset = self._offset
        return dt.datetime.now(dt.UTC) + offset

    def timestamp(self) -> float:
        """The current time of the world as seconds since the epoch."""
        return self.now().timestamp()

    def advance(self, seconds: float) -> dt.datetime:
        """Move the world forward; going back would let expired codes live again."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += dt.timedelta(seconds=seconds)
        return self.now()
