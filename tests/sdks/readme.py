"""The first-steps example of an SDK's README, as written, for a test to run."""

import re
from pathlib import Path


def example(readme: Path, language: str) -> str:
    text = readme.read_text()
    marked = text[text.index("<!-- example:start -->") : text.index("<!-- example:end -->")]
    [code] = re.findall(rf"```{language}\n(.*?)```", marked, flags=re.DOTALL)
    return code
