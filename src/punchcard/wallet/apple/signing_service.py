"""The owner sets the business's own Apple pass signing identity: checked before it is stored,
so a pass never fails to sign (or to install) because of what was uploaded.

cryptography is imported by the first upload (see wallet.apple.signing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.crypto import seal
from punchcard.kit.errors import NotFound, Unprocessable
from punchcard.kit.sql import upsert
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.apple import signing
from punchcard.wallet.apple.models import AppleSigning
from punchcard.wallet.apple.schemas import AppleSigningIn

if TYPE_CHECKING:
    from cryptography import x509

    from punchcard.wallet.apple.signing import PKCS7PrivateKey

_table = table_of(AppleSigning)


def _invalid(code: str, field: str, message: str, **extra: Any) -> Unprocessable:
    return Unprocessable(
        code,
        f"Invalid {field}: {message}.",
        errors=[{"field": f"body.{field}", "message": message}],
        **extra,
    )


def _certificate(pem: str, field: str) -> x509.Certificate:
    try:
        return signing.parse_certificate(pem.encode())
    except ValueError as exc:
        raise _invalid("invalid_certificate", field, "not a PEM certificate") from exc


def _key(data: AppleSigningIn) -> PKCS7PrivateKey:
    password = data.key_password.encode() if data.key_password else None
    try:
        return signing.parse_key(data.key.encode(), password)
    except TypeError as exc:  # a password for a plain key, or none for an encrypted one
        raise _invalid("invalid_key", "key_password", str(exc).rstrip(".")) from exc
    except ValueError as exc:
        message = "cannot read it (not a PEM private key, or a wrong password)"
        raise _invalid("invalid_key", "key", message) from exc


def _identifier(
    given: str | None, certificate: x509.Certificate, oid: x509.ObjectIdentifier, field: str
) -> str:
    found = signing.subject_attribute(certificate, oid)
    if given and found and given != found:
        message = f"the certificate is for '{found}', not '{given}'"
        raise _invalid(f"{field}_mismatch", field, message)
    if not (given or found):
        raise _invalid(f"{field}_required", field, "the certificate does not name it: give it")
    return given or found or ""


def _check_chain(certificate: x509.Certificate, wwdr: x509.Certificate) -> None:
    from cryptography.exceptions import InvalidSignature

    now = utcnow()
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise _invalid(
            "certificate_not_valid_now",
            "certificate",
            f"valid from {certificate.not_valid_before_utc:%Y-%m-%d} "
            f"to {certificate.not_valid_after_utc:%Y-%m-%d}",
            expires_at=certificate.not_valid_after_utc.isoformat(),
        )
    try:
        certificate.verify_directly_issued_by(wwdr)
    except (ValueError, TypeError, InvalidSignature) as exc:
        message = "the certificate was not issued by it (another WWDR generation?)"
        raise _invalid("certificate_not_issued_by_wwdr", "wwdr_certificate", message) from exc


def describe(
    identity: signing.SigningIdentity, source: str, row: AppleSigning | None
) -> dict[str, Any]:
    return {
        "source": source,
        "pass_type_identifier": identity.pass_type_identifier,
        "team_identifier": identity.team_identifier,
        "certificate_subject": identity.certificate.subject.rfc4514_string(),
        "certificate_expires_at": identity.certificate.not_valid_after_utc,
        "wwdr_certificate_expires_at": identity.wwdr.not_valid_after_utc,
        "updated_at": row.updated_at if row else None,
    }


async def put_signing(
    session: AsyncSession, actor: Actor, settings: Settings, *, data: AppleSigningIn
) -> dict[str, Any]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    actor.require(Permission.BUSINESS_MANAGE)
    certificate = _certificate(data.certificate, "certificate")
    key = _key(data)
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(serialization.Encoding.DER, public) != (
        certificate.public_key().public_bytes(serialization.Encoding.DER, public)
    ):
        raise _invalid("key_certificate_mismatch", "key", "it is not the certificate's key")
    if data.wwdr_certificate:
        wwdr = _certificate(data.wwdr_certificate, "wwdr_certificate")
    elif settings.apple_wwdr_certificate:
        wwdr = signing.parse_certificate(signing.pem_text(settings.apple_wwdr_certificate))
    else:
        raise _invalid(
            "wwdr_certificate_required", "wwdr_certificate", "the server has none: give it"
        )
    _check_chain(certificate, wwdr)
    pem = serialization.Encoding.PEM
    values = {
        "business_id": actor.business_id,
        "pass_type_identifier": _identifier(
            data.pass_type_identifier, certificate, NameOID.USER_ID, "pass_type_identifier"
        ),
        "team_identifier": _identifier(
            data.team_identifier, certificate, NameOID.ORGANIZATIONAL_UNIT_NAME, "team_identifier"
        ),
        "certificate_pem": certificate.public_bytes(pem).decode(),
        "key_sealed": seal(
            key.private_bytes(
                pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode()
        ),
        "wwdr_certificate_pem": wwdr.public_bytes(pem).decode() if data.wwdr_certificate else None,
        "certificate_expires_at": certificate.not_valid_after_utc,
        "updated_at": utcnow(),
    }
    dialect = session.get_bind().dialect.name
    await session.execute(upsert(_table, dialect, values, key=["business_id"]))
    return await get_signing(session, actor, settings)


async def get_signing(session: AsyncSession, actor: Actor, settings: Settings) -> dict[str, Any]:
    """The identity that signs the business's passes, and where it comes from."""
    actor.require(Permission.BUSINESS_MANAGE)
    row = await signing.business_signing(session, actor.business_id)
    identity = await signing.signing_identity(session, settings, actor.business_id)
    if identity is None:
        raise NotFound(
            "apple_wallet_not_configured", "No Apple pass signing identity: PUT one first."
        )
    return describe(identity, "business" if row else "settings", row)


async def delete_signing(session: AsyncSession, actor: Actor) -> None:
    """Back to the server's global identity (if it has one)."""
    actor.require(Permission.BUSINESS_MANAGE)
    result = await session.execute(delete(_table).where(_table.c.business_id == actor.business_id))
    if not result.rowcount:  # type: ignore[attr-defined]
        raise NotFound(
            "apple_signing_not_found", "The business has no signing identity of its own."
        )
