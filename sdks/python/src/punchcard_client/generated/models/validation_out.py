from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_out_reason_type_0 import ValidationOutReasonType0

if TYPE_CHECKING:
    from ..models.card_ref import CardRef
    from ..models.customer_ref import CustomerRef
    from ..models.voucher_out import VoucherOut


T = TypeVar("T", bound="ValidationOut")


@_attrs_define
class ValidationOut:
    """
    Attributes:
        card (CardRef | None):
        code (str):
        customer (CustomerRef | None):
        detail (None | str):
        reason (None | ValidationOutReasonType0): Why not redeemable: the error code a redemption would get now.
        redeemable (bool):
        voucher (None | VoucherOut):
    """

    card: CardRef | None
    code: str
    customer: CustomerRef | None
    detail: None | str
    reason: None | ValidationOutReasonType0
    redeemable: bool
    voucher: None | VoucherOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        card: dict[str, Any] | None
        if isinstance(self.card, CardRef):
            card = self.card.to_dict()
        else:
            card = self.card

        code = self.code

        customer: dict[str, Any] | None
        if isinstance(self.customer, CustomerRef):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        detail: None | str
        detail = self.detail

        reason: None | str
        if isinstance(self.reason, ValidationOutReasonType0):
            reason = self.reason.value
        else:
            reason = self.reason

        redeemable = self.redeemable

        voucher: dict[str, Any] | None
        if isinstance(self.voucher, VoucherOut):
            voucher = self.voucher.to_dict()
        else:
            voucher = self.voucher

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card": card,
                "code": code,
                "customer": customer,
                "detail": detail,
                "reason": reason,
                "redeemable": redeemable,
                "voucher": voucher,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_ref import CardRef  # noqa: PLC0415
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_card(data: object) -> CardRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                card_type_0 = CardRef.from_dict(data)

                return card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardRef | None, data)

        card = _parse_card(d.pop("card"))

        code = d.pop("code")

        def _parse_customer(data: object) -> CustomerRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerRef.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerRef | None, data)

        customer = _parse_customer(d.pop("customer"))

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_reason(data: object) -> None | ValidationOutReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = ValidationOutReasonType0(data)

                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ValidationOutReasonType0, data)

        reason = _parse_reason(d.pop("reason"))

        redeemable = d.pop("redeemable")

        def _parse_voucher(data: object) -> None | VoucherOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voucher_type_0 = VoucherOut.from_dict(data)

                return voucher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VoucherOut, data)

        voucher = _parse_voucher(d.pop("voucher"))

        validation_out = cls(
            card=card,
            code=code,
            customer=customer,
            detail=detail,
            reason=reason,
            redeemable=redeemable,
            voucher=voucher,
        )

        validation_out.additional_properties = d
        return validation_out

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
