"""The public shape of a business's Apple pass signing identity (never its key)."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from punchcard.kit.schemas import Input, Output

Pem = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Identifier = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]


class AppleSigningIn(Input):
    certificate: Pem = Field(description="The pass type certificate, PEM.")
    key: Pem = Field(description="Its private key, PEM (PKCS#8 or traditional).")
    key_password: Annotated[str, StringConstraints(max_length=1000)] | None = Field(
        None, description="The key's password, if it is encrypted (used once, never stored)."
    )
    wwdr_certificate: Pem | None = Field(
        None, description="Apple's WWDR intermediate, PEM. Default: the server's."
    )
    pass_type_identifier: Identifier | None = Field(
        None, description="Default: the certificate's UID, e.g. pass.com.example.loyalty."
    )
    team_identifier: Identifier | None = Field(None, description="Default: the certificate's OU.")


class AppleSigningOut(Output):
    source: Literal["business", "settings"] = Field(
        description="business: uploaded by you; settings: the server's global identity."
    )
    pass_type_identifier: str
    team_identifier: str
    certificate_subject: str
    certificate_expires_at: datetime
    wwdr_certificate_expires_at: datetime
    updated_at: datetime | None
