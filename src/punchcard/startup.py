"""Configuration mistakes found at start-up, told in one line that says what to fix (instead
of the traceback of wherever they surfaced)."""

from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from punchcard.config import get_settings
from punchcard.db.engine import UnsupportedDatabaseURL
from punchcard.kit.unavailable import database_unavailable, failure_kind

URL_SETTING = "PUNCHCARD_DATABASE_URL"
# asyncpg's errors for a server that answers but refuses, by class name (the driver's import
# stays where it belongs); each with what to do about it.
_REFUSALS = {
    "InvalidPasswordError": "the database refused the user or password in {setting}",
    "InvalidAuthorizationSpecificationError": "the database refused the user in {setting}",
    "InvalidCatalogNameError": "the database named in {setting} does not exist: create it "
    "(createdb NAME) or fix the name",
}


def explain_startup_error(exc: BaseException) -> str | None:
    """One line for a configuration mistake; None for anything else (a bug: keep the trace)."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"PUNCHCARD_{'_'.join(str(part) for part in error['loc']).upper() or 'SETTINGS'}: "
            f"{str(error['msg']).removeprefix('Value error, ')}"
            for error in exc.errors()
        )
    if isinstance(exc, UnsupportedDatabaseURL | ArgumentError):
        return f"{URL_SETTING} is not a database URL Punchcard can use: {exc}"
    refusal = _refusal(exc)
    if refusal is not None:
        return f"{refusal.format(setting=URL_SETTING)} ({_where()})"
    if database_unavailable(exc):
        return (
            f"cannot reach the database at {_where()} ({failure_kind(exc)}): is it running, "
            f"and is {URL_SETTING} right?"
        )
    if isinstance(exc, DBAPIError) and "unable to open database file" in str(exc):
        return f"cannot open the SQLite file of {URL_SETTING} ({_where()}): does its folder exist?"
    return None


def _refusal(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ in _REFUSALS:
            return _REFUSALS[type(seen).__name__]
        seen = seen.__cause__ or (seen.orig if isinstance(seen, DBAPIError) else None)
    return None


def _where() -> str:
    """The database URL as given, its password hidden."""
    try:
        return make_url(get_settings().database_url).render_as_string(hide_password=True)
    except Exception:  # the settings themselves are what is wrong
        return URL_SETTING
