"""A self-signed DEVELOPMENT signing chain for Apple Wallet passes: a stand-in "WWDR" root and
a pass type certificate it signed, shaped like Apple's (UID = pass type identifier, OU = team
identifier). Punchcard signs and serves passes with it, so the API can be tried end to end;
Apple devices will not accept them (only Apple's WWDR chain is trusted there)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

DEV_PASS_TYPE_IDENTIFIER = "pass.dev.punchcard.example"
DEV_TEAM_IDENTIFIER = "DEVTEAM000"
DEV_LABEL = "DEVELOPMENT ONLY - Apple devices will not accept passes signed with this"


@dataclass(frozen=True)
class DevChain:
    root_pem: str  # plays Apple's WWDR intermediate
    certificate_pem: str
    key_pem: str


def _pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def key_pem(key: rsa.RSAPrivateKey, password: str | None = None) -> str:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password.encode())
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ).decode()


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_dev_chain(
    *,
    pass_type_identifier: str = DEV_PASS_TYPE_IDENTIFIER,
    team_identifier: str = DEV_TEAM_IDENTIFIER,
    organization: str = DEV_LABEL,
    valid_from: datetime | None = None,
    valid_days: int = 365,
) -> DevChain:
    now = datetime.now(UTC)
    start = valid_from or now - timedelta(days=1)
    root_key = new_key()
    root_name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Punchcard development WWDR stand-in"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        ]
    )
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    key = new_key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.USER_ID, pass_type_identifier),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Pass Type ID: {pass_type_identifier}"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, team_identifier),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(root_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=valid_days))
        .sign(root_key, hashes.SHA256())
    )
    return DevChain(_pem(root), _pem(certificate), key_pem(key))
