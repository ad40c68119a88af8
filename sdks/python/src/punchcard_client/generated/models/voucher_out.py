from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.voucher_out_redeem_code_formats_item import VoucherOutRedeemCodeFormatsItem
from ..models.voucher_out_status import VoucherOutStatus
from ..models.voucher_out_type import VoucherOutType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.voucher_out_metadata import VoucherOutMetadata


T = TypeVar("T", bound="VoucherOut")


@_attrs_define
class VoucherOut:
    """
    Attributes:
        card_id (None | str):
        customer_id (str):
        description (None | str):
        expires_at (datetime.datetime | None):
        goal_index (int | None):
        id (str):
        issued_at (datetime.datetime):
        metadata (VoucherOutMetadata):
        redeem_code (str):
        redeem_code_formats (list[VoucherOutRedeemCodeFormatsItem]):
        redeemed_at (datetime.datetime | None):
        redeemed_location_id (None | str):
        redeemed_staff_id (None | str):
        redeemed_via (None | str):
        status (VoucherOutStatus):
        template_id (None | str):
        title (str):
        type_ (VoucherOutType): lottery: a lottery ticket, played once (issued -> played), never redeemed; a prize it
            wins is a voucher of its own.
        lottery_id (None | str | Unset): A lottery ticket's lottery.
        redeemed_via_detail (None | str | Unset): More about redeemed_via: the POS connector's name for 'pos'.
    """

    card_id: None | str
    customer_id: str
    description: None | str
    expires_at: datetime.datetime | None
    goal_index: int | None
    id: str
    issued_at: datetime.datetime
    metadata: VoucherOutMetadata
    redeem_code: str
    redeem_code_formats: list[VoucherOutRedeemCodeFormatsItem]
    redeemed_at: datetime.datetime | None
    redeemed_location_id: None | str
    redeemed_staff_id: None | str
    redeemed_via: None | str
    status: VoucherOutStatus
    template_id: None | str
    title: str
    type_: VoucherOutType
    lottery_id: None | str | Unset = UNSET
    redeemed_via_detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id: None | str
        card_id = self.card_id

        customer_id = self.customer_id

        description: None | str
        description = self.description

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        goal_index: int | None
        goal_index = self.goal_index

        id = self.id

        issued_at = self.issued_at.isoformat()

        metadata = self.metadata.to_dict()

        redeem_code = self.redeem_code

        redeem_code_formats = []
        for redeem_code_formats_item_data in self.redeem_code_formats:
            redeem_code_formats_item = redeem_code_formats_item_data.value
            redeem_code_formats.append(redeem_code_formats_item)

        redeemed_at: None | str
        if isinstance(self.redeemed_at, datetime.datetime):
            redeemed_at = self.redeemed_at.isoformat()
        else:
            redeemed_at = self.redeemed_at

        redeemed_location_id: None | str
        redeemed_location_id = self.redeemed_location_id

        redeemed_staff_id: None | str
        redeemed_staff_id = self.redeemed_staff_id

        redeemed_via: None | str
        redeemed_via = self.redeemed_via

        status = self.status.value

        template_id: None | str
        template_id = self.template_id

        title = self.title

        type_ = self.type_.value

        lottery_id: None | str | Unset
        if isinstance(self.lottery_id, Unset):
            lottery_id = UNSET
        else:
            lottery_id = self.lottery_id

        redeemed_via_detail: None | str | Unset
        if isinstance(self.redeemed_via_detail, Unset):
            redeemed_via_detail = UNSET
        else:
            redeemed_via_detail = self.redeemed_via_detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card_id": card_id,
                "customer_id": customer_id,
                "description": description,
                "expires_at": expires_at,
                "goal_index": goal_index,
                "id": id,
                "issued_at": issued_at,
                "metadata": metadata,
                "redeem_code": redeem_code,
                "redeem_code_formats": redeem_code_formats,
                "redeemed_at": redeemed_at,
                "redeemed_location_id": redeemed_location_id,
                "redeemed_staff_id": redeemed_staff_id,
                "redeemed_via": redeemed_via,
                "status": status,
                "template_id": template_id,
                "title": title,
                "type": type_,
            }
        )
        if lottery_id is not UNSET:
            field_dict["lottery_id"] = lottery_id
        if redeemed_via_detail is not UNSET:
            field_dict["redeemed_via_detail"] = redeemed_via_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.voucher_out_metadata import VoucherOutMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_card_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_id = _parse_card_id(d.pop("card_id"))

        customer_id = d.pop("customer_id")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_goal_index(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        goal_index = _parse_goal_index(d.pop("goal_index"))

        id = d.pop("id")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        metadata = VoucherOutMetadata.from_dict(d.pop("metadata"))

        redeem_code = d.pop("redeem_code")

        redeem_code_formats = []
        _redeem_code_formats = d.pop("redeem_code_formats")
        for redeem_code_formats_item_data in _redeem_code_formats:
            redeem_code_formats_item = VoucherOutRedeemCodeFormatsItem(redeem_code_formats_item_data)

            redeem_code_formats.append(redeem_code_formats_item)

        def _parse_redeemed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redeemed_at_type_0 = datetime.datetime.fromisoformat(data)

                return redeemed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        redeemed_at = _parse_redeemed_at(d.pop("redeemed_at"))

        def _parse_redeemed_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        redeemed_location_id = _parse_redeemed_location_id(d.pop("redeemed_location_id"))

        def _parse_redeemed_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        redeemed_staff_id = _parse_redeemed_staff_id(d.pop("redeemed_staff_id"))

        def _parse_redeemed_via(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        redeemed_via = _parse_redeemed_via(d.pop("redeemed_via"))

        status = VoucherOutStatus(d.pop("status"))

        def _parse_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template_id = _parse_template_id(d.pop("template_id"))

        title = d.pop("title")

        type_ = VoucherOutType(d.pop("type"))

        def _parse_lottery_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lottery_id = _parse_lottery_id(d.pop("lottery_id", UNSET))

        def _parse_redeemed_via_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redeemed_via_detail = _parse_redeemed_via_detail(d.pop("redeemed_via_detail", UNSET))

        voucher_out = cls(
            card_id=card_id,
            customer_id=customer_id,
            description=description,
            expires_at=expires_at,
            goal_index=goal_index,
            id=id,
            issued_at=issued_at,
            metadata=metadata,
            redeem_code=redeem_code,
            redeem_code_formats=redeem_code_formats,
            redeemed_at=redeemed_at,
            redeemed_location_id=redeemed_location_id,
            redeemed_staff_id=redeemed_staff_id,
            redeemed_via=redeemed_via,
            status=status,
            template_id=template_id,
            title=title,
            type_=type_,
            lottery_id=lottery_id,
            redeemed_via_detail=redeemed_via_detail,
        )

        voucher_out.additional_properties = d
        return voucher_out

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
