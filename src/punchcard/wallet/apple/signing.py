"""Who signs Apple passes: a pass type certificate, its private key and Apple's WWDR intermediate.

A business may upload its own identity (table ``wallet_apple_signing``); otherwise the global one
from settings signs (``PUNCHCARD_APPLE_*``, each a file path or inline PEM text). Parsed
identities are cached by their texts: parsing a key costs far more than signing with it.

cryptography (about 9 MB resident) is imported when an identity is first parsed: a server
process that never builds a pass does without it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.kit.crypto import unseal
from punchcard.wallet.apple.models import AppleSigning

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    PKCS7PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SigningIdentity:
    pass_type_identifier: str
    team_identifier: str
    certificate: x509.Certificate
    key: PKCS7PrivateKey
    wwdr: x509.Certificate

    def sign(self, manifest: bytes) -> bytes:
        """The detached PKCS#7 (DER) signature of ``manifest.json``: the pass's ``signature``."""
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.serialization import pkcs7

        # Apple requires the signing time attribute (cryptography adds it with the other
        # standard signed attributes) and the manifest's exact bytes (Binary: no CRLF
        # canonicalisation).
        options = [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]
        return (
            pkcs7.PKCS7SignatureBuilder()
            .set_data(manifest)
            .add_signer(self.certificate, self.key, hashes.SHA256())
            .add_certificate(self.wwdr)
            .sign(serialization.Encoding.DER, options)
        )


@lru_cache(maxsize=64)
def pem_text(value: str) -> bytes:
    """A setting that is either inline PEM text or the path of a PEM file (read once)."""
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).expanduser().read_bytes()


def parse_certificate(pem: bytes) -> x509.Certificate:
    """Raises ValueError when ``pem`` is not a PEM certificate."""
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem)


def parse_key(pem: bytes, password: bytes | None = None) -> PKCS7PrivateKey:
    """Raises ValueError (or TypeError for a password mismatch) when ``pem`` is not a usable key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    key = serialization.load_pem_private_key(pem, password)
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise ValueError("the key must be an RSA or EC private key")
    return key


def subject_attribute(certificate: x509.Certificate, oid: x509.ObjectIdentifier) -> str | None:
    """An attribute of the subject: Apple pass certificates name the pass type identifier in
    UID and the team identifier in OU."""
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


@lru_cache(maxsize=256)
def _identity(
    pass_type_identifier: str,
    team_identifier: str,
    certificate_pem: bytes,
    key_pem: bytes,
    key_password: bytes | None,
    wwdr_pem: bytes,
) -> SigningIdentity:
    return SigningIdentity(
        pass_type_identifier=pass_type_identifier,
        team_identifier=team_identifier,
        certificate=parse_certificate(certificate_pem),
        key=parse_key(key_pem, key_password),
        wwdr=parse_certificate(wwdr_pem),
    )


@lru_cache(maxsize=256)
def _unsealed(sealed: str) -> bytes:
    return unseal(sealed).encode()


def global_identity(settings: Settings) -> SigningIdentity | None:
    """The identity from settings, or None when any part of it is missing."""
    parts = (
        settings.apple_pass_type_identifier,
        settings.apple_team_identifier,
        settings.apple_certificate,
        settings.apple_key,
        settings.apple_wwdr_certificate,
    )
    if not all(parts):
        return None
    password = settings.apple_key_password
    return _identity(
        settings.apple_pass_type_identifier or "",
        settings.apple_team_identifier or "",
        pem_text(settings.apple_certificate or ""),
        pem_text(settings.apple_key or ""),
        password.encode() if password else None,
        pem_text(settings.apple_wwdr_certificate or ""),
    )


async def business_signing(session: AsyncSession, business_id: str) -> AppleSigning | None:
    return await session.get(AppleSigning, business_id)


async def signing_identity(
    session: AsyncSession, settings: Settings, business_id: str
) -> SigningIdentity | None:
    """The identity that signs this business's passes (its own wins over the global one), or
    None when Apple Wallet is not configured for it."""
    row = await business_signing(session, business_id)
    if row is None:
        return global_identity(settings)
    wwdr = row.wwdr_certificate_pem.encode() if row.wwdr_certificate_pem else None
    if wwdr is None and settings.apple_wwdr_certificate:
        wwdr = pem_text(settings.apple_wwdr_certificate)
    if wwdr is None:
        return None
    return _identity(
        row.pass_type_identifier,
        row.team_identifier,
        row.certificate_pem.encode(),
        _unsealed(row.key_sealed),
        None,
        wwdr,
    )
