"""README's Errors table lists exactly the problem codes the source can answer, with their
statuses (read from the source by tests/support/problem_codes.py)."""

import re
from pathlib import Path

from tests.support.problem_codes import problem_codes

README = Path(__file__).parents[1] / "README.md"
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \| (.+) \|$")
# The one code not written in the source: Starlette's other HTTP errors (kit/http.py).
FRAMEWORK = {"http_<status>": "any"}


def _table() -> dict[str, str]:
    section = README.read_text().split("\n## Errors\n", 1)[1].split("\n## ", 1)[0]
    rows = [ROW.match(line) for line in section.splitlines() if line.startswith("| `")]
    assert all(rows), [line for line in section.splitlines() if line.startswith("| `")]
    table = {row.group(1): row.group(2).strip() for row in rows if row}
    assert all(row.group(3).strip() for row in rows if row)  # every code has a meaning
    assert len(table) == len(rows), "a code is listed twice"
    return table


def test_readme_lists_every_problem_code_with_its_statuses() -> None:
    codes = problem_codes()
    # Every code is written literally (or built from a literal); the framework's fallback
    # is the one exception, listed as http_<status>.
    assert [where.split(":")[0] + where.split(" in ")[1] for where in codes.unreadable] == [
        "kit/http.py_on_http"
    ], codes.unreadable
    source = {
        code: ", ".join(str(status) for status in sorted(statuses))
        for code, statuses in codes.statuses().items()
    }
    assert _table() == source | FRAMEWORK
