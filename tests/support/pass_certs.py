"""A self-signed stand-in for Apple's chain (the CLI's development chain, see
punchcard.wallet.apple.dev_chain), written to a directory for the tests."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from punchcard.wallet.apple.dev_chain import key_pem, make_dev_chain, new_key

PASS_TYPE_IDENTIFIER = "pass.dev.punchcard.test"
TEAM_IDENTIFIER = "TEAM123456"
__all__ = [
    "PASS_TYPE_IDENTIFIER",
    "TEAM_IDENTIFIER",
    "PassChain",
    "key_pem",
    "make_chain",
    "new_key",
]


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


def make_chain(
    directory: Path,
    *,
    pass_type_identifier: str = PASS_TYPE_IDENTIFIER,
    team_identifier: str = TEAM_IDENTIFIER,
    valid_from: datetime | None = None,
    valid_days: int = 365,
) -> PassChain:
    """A fresh chain, also written to ``directory`` (root.pem, pass.pem, pass.key)."""
    made = make_dev_chain(
        pass_type_identifier=pass_type_identifier,
        team_identifier=team_identifier,
        organization="Test Café",
        valid_from=valid_from,
        valid_days=valid_days,
    )
    chain = PassChain(directory, made.root_pem, made.certificate_pem, made.key_pem)
    directory.mkdir(parents=True, exist_ok=True)
    chain.root_path.write_text(chain.root_pem)
    chain.certificate_path.write_text(chain.certificate_pem)
    chain.key_path.write_text(chain.key_pem)
    return chain
