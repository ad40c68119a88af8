from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receive_webhook_generic_sale_customer_keys import ReceiveWebhookGenericSaleCustomerKeys
    from ..models.receive_webhook_generic_sale_sale_item import ReceiveWebhookGenericSaleSaleItem


T = TypeVar("T", bound="ReceiveWebhookGenericSale")


@_attrs_define
class ReceiveWebhookGenericSale:
    """The body of a generic POS webhook: one closed receipt.

    Attributes:
        amount (int): Paid, in minor units (12.50 EUR: 1250).
        currency (str):
        transaction_id (str):
        closed_at (datetime.datetime | None | Unset):
        customer (None | ReceiveWebhookGenericSaleCustomerKeys | Unset):
        items (list[ReceiveWebhookGenericSaleSaleItem] | Unset):
        referral_code (None | str | Unset): A referrer's code the customer brought: they become the referee (new
            customers only), or the refusal is recorded; the sale is decided either way.
    """

    amount: int
    currency: str
    transaction_id: str
    closed_at: datetime.datetime | None | Unset = UNSET
    customer: None | ReceiveWebhookGenericSaleCustomerKeys | Unset = UNSET
    items: list[ReceiveWebhookGenericSaleSaleItem] | Unset = UNSET
    referral_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.receive_webhook_generic_sale_customer_keys import ReceiveWebhookGenericSaleCustomerKeys  # noqa: PLC0415

        amount = self.amount

        currency = self.currency

        transaction_id = self.transaction_id

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, ReceiveWebhookGenericSaleCustomerKeys):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "transaction_id": transaction_id,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if customer is not UNSET:
            field_dict["customer"] = customer
        if items is not UNSET:
            field_dict["items"] = items
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receive_webhook_generic_sale_customer_keys import ReceiveWebhookGenericSaleCustomerKeys  # noqa: PLC0415
        from ..models.receive_webhook_generic_sale_sale_item import ReceiveWebhookGenericSaleSaleItem  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        transaction_id = d.pop("transaction_id")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_customer(data: object) -> None | ReceiveWebhookGenericSaleCustomerKeys | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_customer_keys = ReceiveWebhookGenericSaleCustomerKeys.from_dict(data)

                return customer_customer_keys
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReceiveWebhookGenericSaleCustomerKeys | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        _items = d.pop("items", UNSET)
        items: list[ReceiveWebhookGenericSaleSaleItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ReceiveWebhookGenericSaleSaleItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))

        receive_webhook_generic_sale = cls(
            amount=amount,
            currency=currency,
            transaction_id=transaction_id,
            closed_at=closed_at,
            customer=customer,
            items=items,
            referral_code=referral_code,
        )

        return receive_webhook_generic_sale
