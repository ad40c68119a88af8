"""Errors are values: a stable ``code``, an HTTP status and a human sentence.

They render as RFC 9457 problem+json. Services raise them; the HTTP layer only renders.
"""

from typing import Any


class ProblemError(Exception):
    status = 400
    title = "Bad request"

    def __init__(self, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {
            "type": f"https://punchcard.dev/problems/{self.code.replace('_', '-')}",
            "title": self.title,
            "status": self.status,
            "code": self.code,
            "detail": self.detail,
            **self.extra,
        }


class Unauthorized(ProblemError):
    status = 401
    title = "Unauthorized"


class Forbidden(ProblemError):
    status = 403
    title = "Forbidden"


class NotFound(ProblemError):
    status = 404
    title = "Not found"


class Conflict(ProblemError):
    status = 409
    title = "Conflict"


class Unprocessable(ProblemError):
    status = 422
    title = "Unprocessable content"


class UnsupportedMediaType(ProblemError):
    status = 415
    title = "Unsupported media type"


class ContentTooLarge(ProblemError):
    status = 413
    title = "Content too large"


def not_found(kind: str, ref: str) -> NotFound:
    """The one way to say "no such thing in your business" (other tenants' ids included)."""
    return NotFound(f"{kind}_not_found", f"No {kind.replace('_', ' ')} '{ref}' in this business.")
