"""The client to pass to every generated call: base URL, API key, retries, typed errors."""

from typing import TypeVar

import httpx

from punchcard_client.generated.client import AuthenticatedClient
from punchcard_client.generated.failures import FAILURES, Failure
from punchcard_client.retries import AsyncRetryingTransport, Retry, RetryingTransport

T = TypeVar("T")


def connect(
    base_url: str,
    api_key: str,
    *,
    retry: Retry | None = None,
    timeout: float = 30.0,
) -> AuthenticatedClient:
    """A client of the Punchcard API at ``base_url`` (``https://loyalty.example.com``) acting
    with ``api_key`` (``pc_sk_...``); use it with ``with`` (or ``async with``) to close it.

    Every call through it retries 429 and 503 as ``retry`` says, sends an ``Idempotency-Key``
    on writes (the same on each retry) and raises a ``PunchcardError`` on a 4xx or 5xx."""
    retry = retry or Retry()
    base_url = base_url.rstrip("/")
    headers = {"Authorization": f"Bearer {api_key}"}
    client = AuthenticatedClient(base_url=base_url, token=api_key, timeout=httpx.Timeout(timeout))
    client.set_httpx_client(
        httpx.Client(
            base_url=base_url,
            headers=headers,
            timeout=timeout,
            transport=RetryingTransport(retry),
        )
    )
    client.set_async_httpx_client(
        httpx.AsyncClient(
            base_url=base_url,
            headers=headers,
            timeout=timeout,
            transport=AsyncRetryingTransport(retry),
        )
    )
    return client


def ok(result: T | Failure | None) -> T:
    """A generated call's answer typed as its success: ``card = ok(issue_card.sync(...))``.

    The generated ``sync``/``asyncio`` functions list error models (``Failure``, gathered by
    `make sdks`) and ``None`` in their return types; through ``connect``'s client an error is
    raised as a ``PunchcardError`` instead, so only an answer without a body (a 204) is left,
    and ``ok`` refuses it."""
    if result is None or isinstance(result, FAILURES):
        raise TypeError(f"not a success answer: {result!r}")
    return result
