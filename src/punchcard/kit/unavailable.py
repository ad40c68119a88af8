"""The database is down or unreachable: a state to wait out, not a bug.

``database_unavailable`` tells such errors from the others; ``QuietLog`` reports them one line
per kind a minute, so an outage under load cannot flood the log with tracebacks."""

import errno
import logging
import socket
import time

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

REPEAT_SECONDS = 60.0
# asyncpg's errors while PostgreSQL restarts or drops connections, by name: kit stays free of
# driver imports (connection refused, reset or closed surface as OSError and its kind).
_UNAVAILABLE_NAMES = frozenset(
    {
        "CannotConnectNowError",  # the database system is starting up / shutting down
        "ConnectionDoesNotExistError",  # the connection was closed in the middle of operation
        "ConnectionFailureError",
        "AdminShutdownError",  # terminating connection due to administrator command
        "CrashShutdownError",
        "TooManyConnectionsError",
    }
)


# Network failures that raw OSErrors carry (a missing file is an OSError too, and no outage).
_NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EPIPE,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ETIMEDOUT,
    }
)


def database_unavailable(exc: BaseException) -> bool:
    """The database is down, restarting, the connection broke, or the pool has no free
    connection in time: waiting is the cure."""
    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, DBAPIError):
        return exc.orig is not None and _driver_unavailable(exc.orig)
    return _driver_unavailable(exc)


def _driver_unavailable(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:  # the driver's error may be wrapped (SQLAlchemy's adaptation)
        if isinstance(seen, ConnectionError | TimeoutError | socket.gaierror):
            return True
        if isinstance(seen, OSError) and seen.errno in _NETWORK_ERRNOS:
            return True
        if type(seen).__name__ in _UNAVAILABLE_NAMES:
            return True
        seen = seen.__cause__
    return False


def failure_kind(exc: BaseException) -> str:
    """A short name for the kind of failure: the driver's error class when wrapped."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    cause = inner.__cause__ if inner.__cause__ is not None else inner
    return type(cause).__name__


class QuietLog:
    """Logs a failure kind once, then at most once a minute with how many were not logged."""

    def __init__(self, logger: logging.Logger, what: str) -> None:
        self.logger, self.what = logger, what
        self._last: dict[str, float] = {}
        self._quiet: dict[str, int] = {}

    def failed(self, exc: BaseException) -> None:
        kind = failure_kind(exc)
        now = time.monotonic()
        if now - self._last.get(kind, -REPEAT_SECONDS) < REPEAT_SECONDS:
            self._quiet[kind] = self._quiet.get(kind, 0) + 1
            return
        self._last[kind] = now
        more = self._quiet.pop(kind, 0)
        also = f" ({more} more since the last report)" if more else ""
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        self.logger.warning(
            "%s: database unavailable (%s: %s)%s", self.what, kind, first_line, also
        )

    def step_failed(self, exc: BaseException, message: str) -> None:
        """A background loop's step failed: an outage quietly, anything else (a bug) with its
        traceback."""
        if database_unavailable(exc):
            self.failed(exc)
        else:
            self.logger.error(message, exc_info=exc)

    def recovered(self) -> None:
        if self._last:
            self.logger.info("%s: database reachable again", self.what)
            self._last.clear()
            self._quiet.clear()
