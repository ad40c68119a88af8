"""Calls to a POS API: through the SSRF guard, and failures as ``PosApiError`` that never quote
the request URL (it may carry a token) nor the provider's answer (whoever set the base URL would
read it in the 502 and in the log).

httpx is imported by the first call: a server process that only receives tills' webhooks and
stamps does without it (see kit.outbound)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from punchcard.config import get_settings
from punchcard.kit.outbound import TargetRefused
from punchcard.pos.connector import PosApiError

if TYPE_CHECKING:
    import httpx


def client() -> "httpx.AsyncClient":
    from punchcard.kit.outbound_clients import guarded_client

    settings = get_settings()
    return guarded_client(
        allow_private=settings.webhook_allow_private_networks,
        timeout=settings.pos_api_timeout_seconds,
    )


@contextmanager
def failures(api: str) -> Iterator[None]:
    """Inside: a refused target, an error status, a network failure or a body that is not JSON
    raise ``PosApiError`` naming ``api`` ("Poster API")."""
    import httpx

    try:
        yield
    except TargetRefused as exc:
        raise PosApiError(f"{api} refused: {exc}.") from exc
    except httpx.HTTPStatusError as exc:
        raise PosApiError(f"{api} answered {exc.response.status_code}.") from exc
    except (httpx.HTTPError, ValueError) as exc:
        raise PosApiError(f"{api} unreachable: {exc.__class__.__name__}.") from exc
