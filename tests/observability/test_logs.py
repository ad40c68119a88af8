"""JSON log lines: one object a line whatever the message holds, the fields as keys. The
worker's handler: the lines of one event-loop turn in one write, none lost, in order."""

import asyncio
import io
import json
import logging
import sys
import threading

from punchcard.observability.logs import JsonFormatter, LoopStreamHandler, TextFormatter


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


def test_a_text_line_reads_as_loggings_own_within_a_second_and_across_seconds() -> None:
    ours, loggings = (
        TextFormatter("%(asctime)s %(message)s"),
        logging.Formatter("%(asctime)s %(message)s"),
    )
    for created in (1_700_000_000.001, 1_700_000_000.999, 1_700_000_001.5, 1_700_000_000.25):
        line = record("attempt")
        line.created, line.msecs = created, int((created - int(created)) * 1000) + 0.0
        assert ours.format(line) == loggings.format(line)


def test_a_traceback_is_a_key_of_the_same_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        failed = record("step failed", exc_info=sys.exc_info())
    line = JsonFormatter().format(failed)
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exception"]


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_the_lines_of_one_loop_turn_go_out_in_one_write_in_order() -> None:
    stream = CountingStream()
    handler = LoopStreamHandler(stream)

    async def turn() -> str:
        for n in range(3):
            handler.handle(record(f"attempt {n}"))
        written_during_the_turn = stream.getvalue()
        await asyncio.sleep(0)  # the turn ends: the lines are written
        return written_during_the_turn

    assert asyncio.run(turn()) == ""
    assert stream.getvalue() == "attempt 0\nattempt 1\nattempt 2\n"
    assert stream.writes == 1


def test_outside_the_loop_a_line_is_written_at_once_after_those_pending() -> None:
    stream = CountingStream()
    handler = LoopStreamHandler(stream)

    async def turn() -> str:
        handler.handle(record("in the loop"))
        other = threading.Thread(target=handler.handle, args=(record("from a thread"),))
        other.start()
        other.join()
        return stream.getvalue()  # the turn has not ended

    assert asyncio.run(turn()) == "in the loop\nfrom a thread\n"
    assert stream.getvalue() == "in the loop\nfrom a thread\n"
