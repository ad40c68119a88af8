"""A self-signed stand-in for Apple's chain: a "test WWDR" root CA and a pass type certificate
it signed, shaped like Apple's (UID = pass type identifier, OU = team identifier)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PASS_TYPE_IDENTIFIER = "pass.dev.punchcard.test"
TEAM_IDENTIFIER = "TEAM123456"


@dataclass(frozen=True)
class PassChain:
    directory: Path
    root_pem: str  # plays Apple's WWDR intermediate
    certificate_pem: str
    key_pem: str

    @property
    def root_path(self) -> Path:
        return self.directory / "root.pem"

    @property
    def certificate_path(self) -> Path:
        return self.directory / "pass.pem"

    @property
    def key_path(self) -> Path:
        return self.directory / "pass.key"


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


def make_chain(
    directory: Path,
    *,
    pass_type_identifier: str = PASS_TYPE_IDENTIFIER,
    team_identifier: str = TEAM_IDENTIFIER,
    valid_from: datetime | None = None,
    valid_days: int = 365,
) -> PassChain:
    """A fresh chain, also written to ``directory`` (root.pem, pass.pem, pass.key)."""
    now = datetime.now(UTC)
    start = valid_from or now - timedelta(days=1)
    root_key = new_key()
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test WWDR CA")])
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
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Café"),
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
    chain = PassChain(directory, _pem(root), _pem(certificate), key_pem(key))
    directory.mkdir(parents=True, exist_ok=True)
    chain.root_path.write_text(chain.root_pem)
    chain.certificate_path.write_text(chain.certificate_pem)
    chain.key_path.write_text(chain.key_pem)
    return chain
