"""The bodies of Apple's PassKit web service, in Apple's spelling."""

from pydantic import BaseModel, ConfigDict, Field


class RegistrationIn(BaseModel):
    push_token: str = Field(
        alias="pushToken", min_length=1, max_length=256, pattern=r"^[0-9a-fA-F]+$"
    )


class SerialNumbersOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    serial_numbers: list[str] = Field(alias="serialNumbers")
    last_updated: str = Field(alias="lastUpdated")


class DeviceLogIn(BaseModel):
    logs: list[str] = Field(max_length=100)
