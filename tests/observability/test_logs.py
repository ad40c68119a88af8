"""JSON log lines: one object a line whatever the message holds, the fields as keys."""

import json
import logging
import sys

from punchcard.observability.logs import JsonFormatter


def record(message: str, **extra: object) -> logging.LogRecord:
    made = logging.makeLogRecord(
        {"name": "punchcard.test", "levelno": logging.WARNING, "levelname": "WARNING"}
    )
    made.msg, made.args = message, ()
    made.__dict__.update(extra)
    return made


def test_a_json_line_carries_the_fields_as_keys_and_stays_one_line() -> None:
    line = JsonFormatter().format(
        record('forged\n{"level": "info"}', fields={"request_id": "r-1", "status": 201})
    )
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed == parsed | {
        "level": "warning",
        "logger": "punchcard.test",
        "message": 'forged\n{"level": "info"}',
        "request_id": "r-1",
        "status": 201,
    }
    assert parsed["time"].endswith("Z")


def test_a_traceback_is_a_key_of_the_same_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        failed = record("step failed", exc_info=sys.exc_info())
    line = JsonFormatter().format(failed)
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exception"]
