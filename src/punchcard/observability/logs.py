"""How the processes log: readable text by default, one JSON object a line with
``PUNCHCARD_LOG_FORMAT=json`` (for Loki, Elasticsearch, CloudWatch and the like).

A line's structured fields travel in ``extra={"fields": {...}}``: JSON lines carry them as
keys beside ``time``, ``level``, ``logger`` and ``message``; text lines say the same in their
message. ``server_logging`` is uvicorn's ``log_config`` (each server process applies it),
``worker_logging`` the one of ``punchcard worker``.
"""

import asyncio
import copy
import json
import logging
import time
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from uvicorn.config import LOGGING_CONFIG

from punchcard.config import Settings


class TextFormatter(logging.Formatter):
    """logging's own text lines, the date and time to the second made once a second: a worker
    logs a line per webhook attempt, and ``time.strftime`` was an eighth of a line's cost."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        msec_format = self.default_msec_format
        if datefmt is not None or msec_format is None or self.converter is not time.localtime:
            return super().formatTime(record, datefmt)
        return msec_format % (_local_second(int(record.created)), record.msecs)


@lru_cache(maxsize=2)
def _local_second(second: int) -> str:
    return time.strftime(logging.Formatter.default_time_format, time.localtime(second))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        at = datetime.fromtimestamp(record.created, UTC)
        entry: dict[str, Any] = {
            "time": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class LoopStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Lines logged during one turn of the running event loop go out in one write at its end:
    a worker logs a line per webhook attempt, and a write (a system call) per line cost about
    as much CPU as making the line. Outside a running loop (another thread, start-up, exit) a
    line is written at once, after those still pending."""

    def __init__(self, stream: Any = None) -> None:
        super().__init__(stream)
        self.pending: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            super().emit(record)
            return
        try:
            line = self.format(record) + self.terminator
        except Exception:
            self.handleError(record)
            return
        if not self.pending:
            loop.call_soon(self.flush)
        self.pending.append(line)

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            lines, self.pending = "".join(self.pending), []
            try:
                if lines:
                    self.stream.write(lines)
                super().flush()
            except Exception:  # as StreamHandler.emit would: say so on stderr, go on
                self.handleError(logging.makeLogRecord({"msg": lines}))


def _as_json(config: dict[str, Any]) -> dict[str, Any]:
    for name in config["formatters"]:
        config["formatters"][name] = {"()": f"{__name__}.JsonFormatter"}
    return config


def server_logging(settings: Settings) -> dict[str, Any]:
    """uvicorn's own configuration, plus Punchcard's loggers (requests, the worker loops of
    each server process) and every library's warnings on the same stream."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["punchcard"] = {
        "handlers": ["default"],
        "level": settings.log_level.upper(),
        "propagate": False,
    }
    config["root"] = {"handlers": ["default"], "level": "WARNING"}
    return _as_json(config) if settings.log_format == "json" else config


def worker_logging(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "default": {
                "class": f"{__name__}.TextFormatter",
                "format": "%(asctime)s %(name)s %(message)s",
            }
        },
        "handlers": {"default": {"()": LoopStreamHandler, "formatter": "default"}},
        "root": {"handlers": ["default"], "level": settings.log_level.upper()},
        # HTTP clients log each request at INFO or DEBUG: a busy worker's log would hold
        # little else.
        "loggers": {library: {"level": "WARNING"} for library in ("aiohttp", "httpx", "httpcore")},
    }
    return _as_json(config) if settings.log_format == "json" else config


def lean_records() -> None:
    """Skip what no format of ours prints: the caller's file and line (a walk up the stack),
    thread and process. A worker logs a line per webhook attempt: each costs about a fifth
    less (2 of 9 µs). The logging HOWTO's "Optimization" section names these switches."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
