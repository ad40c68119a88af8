"""Typed errors: every 4xx or 5xx answer becomes one, carrying the problem+json ``code``."""

from typing import Any

import httpx


class PunchcardError(Exception):
    """An RFC 9457 problem the API answered with: ``code`` is stable, ``detail`` is for people."""

    def __init__(self, status: int, problem: dict[str, Any], request_id: str | None) -> None:
        self.status = status
        self.problem = problem
        self.code: str = str(problem.get("code", f"http_{status}"))
        self.detail: str = str(problem.get("detail", problem.get("title", "")))
        self.request_id = request_id  # quote it when you report a problem
        super().__init__(f"{status} {self.code}: {self.detail}")


class BadRequest(PunchcardError):
    """400 or 422: the input is wrong; ``problem`` names the field."""


class Unauthorized(PunchcardError):
    """401: the API key is missing, wrong or revoked."""


class Forbidden(PunchcardError):
    """403: the key's staff role may not do this."""


class NotFound(PunchcardError):
    """404: no such thing in this business."""


class Conflict(PunchcardError):
    """409: the state forbids it (a voucher already redeemed, a key reused for another body)."""


class RateLimited(PunchcardError):
    """429 after the client's retries ran out."""


class ServerError(PunchcardError):
    """5xx (503 after the client's retries ran out)."""


_BY_STATUS: dict[int, type[PunchcardError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: BadRequest,
    429: RateLimited,
}


def error_for(response: httpx.Response) -> PunchcardError:
    """The error of a read failed response (its body need not be problem+json)."""
    try:
        body = response.json()
    except ValueError:
        body = None
    problem: dict[str, Any] = body if isinstance(body, dict) else {"detail": response.text}
    status = response.status_code
    kind = _BY_STATUS.get(status, ServerError if status >= 500 else PunchcardError)
    return kind(status, problem, response.headers.get("x-request-id"))
