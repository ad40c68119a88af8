"""Email addresses, checked and normalised by email-validator, the one authority on them.

Most of its cost is the check of the part after the @-sign (the IDNA and UTS-46 rules), and the
addresses of a batch share a few domains: that check, a pure function of the domain, is
remembered per distinct domain, so a 1,000-row bulk upsert makes it a handful of times. The
rest (the part before the @-sign, the length of the whole address) is checked every time."""

import functools
import importlib
from typing import Any

from email_validator import EmailNotValidError, validate_email

# The package's name ``validate_email`` is the function; its module is the one that looks the
# domain check up when called, so the remembering one goes there.
_module: Any = importlib.import_module("email_validator.validate_email")
_module.validate_email_domain_name = functools.lru_cache(maxsize=4096)(
    _module.validate_email_domain_name
)


def normalized_email(value: str) -> str:
    """The address as stored and matched (lower case); ValueError saying why if it is none."""
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from exc
