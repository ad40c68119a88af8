"""Written by sdks/generate.py: the models of error answers (punchcard_client.ok)."""

from typing import TypeAlias

from .models import HTTPValidationError, ReadyzResponse503

Failure: TypeAlias = HTTPValidationError | ReadyzResponse503
FAILURES = (
    HTTPValidationError,
    ReadyzResponse503,
)
