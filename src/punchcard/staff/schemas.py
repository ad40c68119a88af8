from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from punchcard.kit.schemas import Input, Name, Output, Patch, Ref
from punchcard.staff.actor import Role

Login = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=3, max_length=200)
]


class StaffCreate(Input):
    name: Name
    login: Login = Field(description="Unique in the business; usually an email address.")
    role: Role = Role.SCANNER
    location_id: Ref | None = Field(None, description="Bind to one location; omit for all.")


class StaffUpdate(Patch):
    clearable = frozenset({"location_id"})

    name: Name | None = None
    role: Role | None = None
    location_id: Ref | None = None
    active: bool | None = None


class StaffOut(Output):
    id: str
    name: str
    login: str
    role: Role
    location_id: str | None
    active: bool
    created_at: datetime


class ApiKeyCreate(Input):
    staff_id: Ref
    name: Name | None = Field(None, description="Defaults to the staff login's name.")


class ApiKeyOut(Output):
    id: str
    name: str
    staff_id: str
    login: str
    masked_key: str = Field(description="The key is never shown again after creation.")
    status: Literal["active", "inactive"]
    created_at: datetime
    last_used_at: datetime | None


class ApiKeySecretOut(ApiKeyOut):
    key: str = Field(description="The full key. Copy it now: it is not shown again.")


class MeOut(Output):
    business_id: str
    business_name: str
    staff_id: str | None
    staff_name: str | None
    role: Role
    location_id: str | None
    api_key_id: str | None
