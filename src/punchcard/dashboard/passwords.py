"""Staff passwords: argon2id through argon2-cffi (its defaults follow RFC 9106's second
recommendation). Hashing takes tens of milliseconds on purpose, so it runs in a thread. The
hasher is made by the first sign-in: a server process that answers only the API does without
argon2-cffi."""

import asyncio
from functools import cache
from typing import TYPE_CHECKING

from punchcard.kit.errors import Unprocessable

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 10
MAX_LENGTH = 200


@cache
def _hasher() -> "PasswordHasher":
    from argon2 import PasswordHasher

    return PasswordHasher()


# Checked when the login does not exist, so an unknown login takes as long as a wrong password.
# A hash made once with the hasher's parameters (a test keeps them equal), not at import:
# argon2 fills 64 MiB to hash, and every server process kept that peak in its RSS.
DECOY = (
    "$argon2id$v=19$m=65536,t=3,p=4$c7MNNEjTp4BksoyhCmDsyg"
    "$V+aTSs02x1FWrOAutdK7j0M0smVLtU8SD+l+Qc20Tig"
)


def check_strength(password: str, field: str = "password") -> None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise Unprocessable(
            "weak_password",
            f"The password needs {MIN_LENGTH} to {MAX_LENGTH} characters.",
            field=field,
        )


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher().hash, password)


def _verify(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored or DECOY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (None: no password set; still takes the time)."""
    return await asyncio.to_thread(_verify, stored, password[:MAX_LENGTH])
