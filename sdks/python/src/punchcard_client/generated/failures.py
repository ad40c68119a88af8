"""Written by sdks/generate.py: the models of error answers (punchcard_client.ok)."""

from typing import TypeAlias

from .models import Problem

Failure: TypeAlias = Problem
FAILURES = (Problem,)
