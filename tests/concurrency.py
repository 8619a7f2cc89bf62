"""Two connections at once: run a call in another thread (its own database connection) and wait
until PostgreSQL shows it blocked on a lock, so a race happens in the order the test chooses."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, connections


def blocked_backends() -> int:
    """How many other connections to the test database are waiting for a lock right now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
        )
        return int(cursor.fetchone()[0])


class Racer:
    """``func()`` in a thread of its own; :meth:`result` gives back its value or raises its error."""

    def __init__(self, func: Callable[[], Any]) -> None:
        self.func = func
        self.value: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.value = self.func()
        except BaseException as exc:  # handed to the test thread
            self.error = exc
        finally:
            connections.close_all()

    def start_until_blocked(self, timeout: float = 15.0) -> Racer:
        """Start, and return once the thread waits for a lock another connection holds (or has finished)."""
        self.thread.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.thread.is_alive():
            if blocked_backends():
                return self
            time.sleep(0.02)
        return self

    def result(self, timeout: float = 30.0) -> Any:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the racing call never finished"
        if self.error is not None:
            raise self.error
        return self.value
