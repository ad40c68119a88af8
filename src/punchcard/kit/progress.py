"""The commands' progress bars: done out of total and time elapsed, drawn by rich.

rich is imported when a bar is drawn: every server worker imports the command-line modules
(uvicorn's spawned workers import the `punchcard` command), and rich would be several MB of
each for nothing."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress


def progress_bar() -> "Progress":
    from rich.progress import MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = (*Progress.get_default_columns()[:-1], MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns)
