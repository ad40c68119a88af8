from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sale_out_outcome import SaleOutOutcome

if TYPE_CHECKING:
    from ..models.identifier_out import IdentifierOut
    from ..models.sale_out_items_item import SaleOutItemsItem


T = TypeVar("T", bound="SaleOut")


@_attrs_define
class SaleOut:
    """
    Attributes:
        amount (int | None): Minor units.
        card_id (None | str):
        closed_at (datetime.datetime | None):
        connector_id (str):
        currency (None | str):
        customer_id (None | str):
        detail (None | str):
        id (str):
        identifiers (list[IdentifierOut]):
        items (list[SaleOutItemsItem]):
        outcome (SaleOutOutcome):
        received_at (datetime.datetime):
        stamps (int):
        transaction_id (None | str):
    """

    amount: int | None
    card_id: None | str
    closed_at: datetime.datetime | None
    connector_id: str
    currency: None | str
    customer_id: None | str
    detail: None | str
    id: str
    identifiers: list[IdentifierOut]
    items: list[SaleOutItemsItem]
    outcome: SaleOutOutcome
    received_at: datetime.datetime
    stamps: int
    transaction_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: int | None
        amount = self.amount

        card_id: None | str
        card_id = self.card_id

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        connector_id = self.connector_id

        currency: None | str
        currency = self.currency

        customer_id: None | str
        customer_id = self.customer_id

        detail: None | str
        detail = self.detail

        id = self.id

        identifiers = []
        for identifiers_item_data in self.identifiers:
            identifiers_item = identifiers_item_data.to_dict()
            identifiers.append(identifiers_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        outcome = self.outcome.value

        received_at = self.received_at.isoformat()

        stamps = self.stamps

        transaction_id: None | str
        transaction_id = self.transaction_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "card_id": card_id,
                "closed_at": closed_at,
                "connector_id": connector_id,
                "currency": currency,
                "customer_id": customer_id,
                "detail": detail,
                "id": id,
                "identifiers": identifiers,
                "items": items,
                "outcome": outcome,
                "received_at": received_at,
                "stamps": stamps,
                "transaction_id": transaction_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identifier_out import IdentifierOut  # noqa: PLC0415
        from ..models.sale_out_items_item import SaleOutItemsItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_card_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_id = _parse_card_id(d.pop("card_id"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        connector_id = d.pop("connector_id")

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        def _parse_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        id = d.pop("id")

        identifiers = []
        _identifiers = d.pop("identifiers")
        for identifiers_item_data in _identifiers:
            identifiers_item = IdentifierOut.from_dict(identifiers_item_data)

            identifiers.append(identifiers_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SaleOutItemsItem.from_dict(items_item_data)

            items.append(items_item)

        outcome = SaleOutOutcome(d.pop("outcome"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        stamps = d.pop("stamps")

        def _parse_transaction_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        transaction_id = _parse_transaction_id(d.pop("transaction_id"))

        sale_out = cls(
            amount=amount,
            card_id=card_id,
            closed_at=closed_at,
            connector_id=connector_id,
            currency=currency,
            customer_id=customer_id,
            detail=detail,
            id=id,
            identifiers=identifiers,
            items=items,
            outcome=outcome,
            received_at=received_at,
            stamps=stamps,
            transaction_id=transaction_id,
        )

        sale_out.additional_properties = d
        return sale_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
