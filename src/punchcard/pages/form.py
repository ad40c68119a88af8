"""The join form: read with a size limit, validated into a customer's details, errors per field.

Error messages are catalogue keys, so the page shows them in its language next to each field."""

from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from pydantic import BaseModel, ValidationError, model_validator

from punchcard.customers.schemas import Birthday, Email, Phone
from punchcard.kit.csrf import FIELD as CSRF_FIELD
from punchcard.kit.errors import ContentTooLarge
from punchcard.kit.schemas import Name
from punchcard.referrals.schemas import ReferralCodeText

MAX_FIELDS = 10
FIELDS = ("name", "email", "phone", "birthday", "marketing_consent", "referral_code", CSRF_FIELD)
MAX_LENGTHS = {"name": 200, "email": 320, "phone": 32, "birthday": 10, "referral_code": 64}
CONTACT_ERROR = "error_contact"  # neither email nor phone: shown at the email field


class JoinForm(BaseModel):
    name: Name
    email: Email | None = None
    phone: Phone | None = None
    birthday: Birthday | None = None
    marketing_consent: bool = False
    referral_code: ReferralCodeText | None = None

    @model_validator(mode="after")
    def _reachable(self) -> "JoinForm":
        if self.email is None and self.phone is None:
            raise ValueError(CONTACT_ERROR)
        return self


async def read_form(request: Request, fields: tuple[str, ...] = FIELDS) -> dict[str, str]:
    """The submitted fields as typed (unknown ones dropped). The body was bounded before it
    was read (app.PUBLIC_BODY_LIMITS)."""
    body = await request.body()
    try:
        pairs = parse_qsl(body.decode("utf-8", "replace"), max_num_fields=MAX_FIELDS)
    except ValueError as exc:
        raise ContentTooLarge("form_too_large", f"The form has over {MAX_FIELDS} fields.") from exc
    return {key: value.strip() for key, value in pairs if key in fields}


def shown(values: dict[str, str]) -> dict[str, str]:
    """Values to show in the form again: without the control characters we refused."""
    return {key: "".join(c for c in value if c.isprintable()) for key, value in values.items()}


def validate(values: dict[str, str]) -> tuple[JoinForm | None, dict[str, str]]:
    """The form, or the catalogue key of each field's error (all of them at once)."""
    # A NUL byte (PostgreSQL refuses it in text) or another control character is bad input,
    # said at its field, never a 500 whose traceback would log the visitor's details.
    unusual = {
        key for key, value in values.items() if key in MAX_LENGTHS and not value.isprintable()
    }
    if unusual:
        return None, {key: "error_characters" for key in unusual}
    data: dict[str, Any] = {
        key: value for key, value in values.items() if value and key != CSRF_FIELD
    }
    data["marketing_consent"] = "marketing_consent" in data
    # Said here too: the model's own check runs only once every field is valid.
    errors = {} if data.keys() & {"email", "phone"} else {"email": CONTACT_ERROR}
    try:
        form = JoinForm.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "email"
            errors.setdefault(field, f"error_{field}" if error["loc"] else CONTACT_ERROR)
        return None, errors
    return form, errors  # empty: the model checked email-or-phone too
