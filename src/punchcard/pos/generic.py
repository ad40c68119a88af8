"""The generic POS webhook: a signed JSON body that carries the whole sale (see the README)."""

from pydantic import ValidationError

from punchcard.kit.errors import Unprocessable
from punchcard.pos import signing
from punchcard.pos.connector import (
    Delivery,
    Identifier,
    IdentifierKind,
    Keys,
    Notice,
    Sale,
    Skip,
)
from punchcard.pos.schemas import GenericSale

# The order in which a sale's customer keys are tried: the most specific first.
KINDS: tuple[IdentifierKind, ...] = ("scan_code", "customer_id", "source_id", "email", "phone")


def invalid_body(exc: ValidationError) -> Unprocessable:
    """A problem naming the fields, as for any other request body."""
    errors = [
        {
            "field": ".".join(str(part) for part in error["loc"]),
            "message": str(error["msg"]).removeprefix("Value error, "),
            "type": error["type"],
        }
        for error in exc.errors()
    ]
    first = errors[0]
    return Unprocessable(
        "validation_error", f"Invalid {first['field']}: {first['message']}.", errors=errors
    )


class GenericConnector:
    def verify(self, delivery: Delivery, keys: Keys) -> Notice:
        signing.verify(delivery, keys.signing_secrets)
        try:
            body = GenericSale.model_validate_json(delivery.body)
        except ValidationError as exc:
            raise invalid_body(exc) from None
        customer = body.customer.model_dump() if body.customer else {}
        sale = Sale(
            transaction_id=body.transaction_id,
            amount=body.amount,
            currency=body.currency,
            identifiers=tuple(
                Identifier(kind, customer[kind]) for kind in KINDS if customer.get(kind)
            ),
            items=tuple(item.model_dump(exclude_none=True) for item in body.items),
            closed_at=body.closed_at,
            referral_code=body.referral_code,
        )
        return Notice(body.transaction_id, sale)

    async def sale(self, notice: Notice, keys: Keys) -> Sale | Skip:
        assert notice.sale is not None  # the body carries the whole sale
        return notice.sale
