"""Field types reused by every area's public schemas."""

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=2000)]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
MAX_SAFE_INT = 2**53 - 1

MetadataValue = (
    Annotated[str, StringConstraints(max_length=500)]
    | bool
    | Annotated[int, Field(ge=-MAX_SAFE_INT, le=MAX_SAFE_INT)]
    | Annotated[float, Field(allow_inf_nan=False)]
    | None
)


def _check_metadata(value: dict[str, Any]) -> dict[str, Any]:
    if len(value) > 50:
        raise ValueError("at most 50 keys")
    for key in value:
        if not 1 <= len(key) <= 40:
            raise ValueError(f"key {key[:40]!r}... must be 1-40 characters")
    return value


Metadata = Annotated[dict[str, MetadataValue], AfterValidator(_check_metadata)]


class Input(BaseModel):
    """Request bodies reject unknown fields, so a typo is a 422, not a silent no-op.

    An empty string in an optional field means "not given": no-code tools (Zapier, Make)
    send "" for every blank field of a form.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        optional = {name for name, field in cls.model_fields.items() if not field.is_required()}
        return {k: v for k, v in data.items() if not (v == "" and k in optional)}


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)
