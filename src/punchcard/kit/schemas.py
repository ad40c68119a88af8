"""Field types reused by every area's public schemas."""

import types
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema

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


def url_fits(max_length: int) -> AfterValidator:
    """An http(s) URL that still fits ``max_length`` once normalised (a host written in
    Unicode, a path added as "/"), which is what the column stores."""

    def fits(url: AnyHttpUrl) -> AnyHttpUrl:
        if len(str(url)) > max_length:
            raise ValueError(f"at most {max_length} characters (written out in full)")
        return url

    return AfterValidator(fits)


def _in_utc(value: datetime) -> datetime:
    # A far-future local time (9999-12-31T23:59-14:00) has no UTC form: bad input, not a 500.
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("out of range: the time in UTC must be within years 1-9999") from None


# Every time a client sends (bodies and query filters): with a zone, and one that has a UTC form.
Moment = Annotated[AwareDatetime, AfterValidator(_in_utc)]
_A_DAY = timedelta(days=1)


def _utc_or_local(value: datetime) -> datetime:
    """A time with a zone in UTC; a local one (read later in some time zone) a day inside the
    calendar, so that any zone's offset keeps it there."""
    if value.tzinfo is not None:
        return _in_utc(value)
    if not datetime.min + _A_DAY <= value <= datetime.max - _A_DAY:
        raise ValueError("out of range: a local time must be within years 1-9999 in every zone")
    return value


# A time with a zone, or a local time the service reads in the business's time zone.
LocalMoment = Annotated[datetime, AfterValidator(_utc_or_local)]


def _scalar_kind(annotation: Any) -> type | None:
    """``int``, ``float`` or ``bool`` when that is all a field takes (``None`` aside)."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        kinds = {_scalar_kind(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else None
    return annotation if annotation in (int, float, bool) else None


def _strict_scalar(kind: type, value: Any) -> bool:
    """A JSON number for a number, a JSON boolean for a flag: "3" and true are no counts."""
    if kind is bool:
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return kind is float or isinstance(value, int) or value.is_integer()


# Validation context of values that can only be text (a posted HTML form, a CSV file): their
# numbers and flags are read from it as Pydantic reads them.
FROM_TEXT = "from_text"


class Input(BaseModel):
    """Request bodies reject unknown fields, so a typo is a 422, not a silent no-op.

    An empty string in an optional field means "not given": no-code tools (Zapier, Make)
    send "" for every blank field of a form. Numbers and flags are strict: Pydantic would
    read "3" or true as 3 (a string, or a boolean, is a client's mistake worth a 422).
    """

    model_config = ConfigDict(extra="forbid")
    _scalars: ClassVar[dict[str, type]] = {}
    _optional: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._optional = frozenset(
            name for name, field in cls.model_fields.items() if not field.is_required()
        )
        cls._scalars = {
            name: kind
            for name, field in cls.model_fields.items()
            if (kind := _scalar_kind(field.annotation)) is not None
        }

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent_and_scalars_strict(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        data = {k: v for k, v in data.items() if not (v == "" and k in cls._optional)}
        if info.context and info.context.get(FROM_TEXT):
            return data
        expected = {bool: "a JSON boolean", int: "a JSON integer", float: "a JSON number"}
        _refuse(
            cls,
            data,
            {
                name: PydanticCustomError(
                    f"{kind.__name__}_type", f"Input should be {expected[kind]}"
                )
                for name, kind in cls._scalars.items()
                if data.get(name) is not None and not _strict_scalar(kind, data[name])
            },
        )
        return data


def _refuse(model: type[BaseModel], data: dict[str, Any], errors: dict[str, Any]) -> None:
    """A 422 naming each field of ``errors`` (a model validator's errors, as a field's are).
    Model validators run before the fields': discriminator fields cannot have validators."""
    if errors:
        raise ValidationError.from_exception_data(
            model.__name__,
            [
                InitErrorDetails(type=error, loc=(name,), input=data[name])
                for name, error in errors.items()
            ],
        )


class Patch(Input):
    """A partial update: a field left out is kept. ``null`` clears only the fields named in
    ``clearable``; for any other it is a 422 naming it (a name, a list of formats, ... cannot be
    emptied), and the OpenAPI document does not offer it."""

    clearable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _null_clears_only_clearable(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        not_null = PydanticCustomError("not_nullable", "may be left out, but not null")
        _refuse(
            cls,
            data,
            {
                name: not_null
                for name, value in data.items()
                if value is None and name in cls.model_fields and name not in cls.clearable
            },
        )
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        for name, prop in target.get("properties", {}).items():
            if name in cls.clearable or "anyOf" not in prop:
                continue
            kept = [branch for branch in prop["anyOf"] if branch.get("type") != "null"]
            if len(kept) == 1:
                del prop["anyOf"]
                prop.update(kept[0])
            else:
                prop["anyOf"] = kept
            if prop.get("default", ...) is None:
                del prop["default"]
        return json_schema


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)
