from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_voucher import CustomVoucher
    from ..models.voucher_issue_metadata import VoucherIssueMetadata


T = TypeVar("T", bound="VoucherIssue")


@_attrs_define
class VoucherIssue:
    """
    Attributes:
        card_id (None | str | Unset):
        custom (CustomVoucher | None | Unset):
        customer_id (None | str | Unset):
        location_id (None | str | Unset):
        metadata (VoucherIssueMetadata | Unset):
        template_id (None | str | Unset):
    """

    card_id: None | str | Unset = UNSET
    custom: CustomVoucher | None | Unset = UNSET
    customer_id: None | str | Unset = UNSET
    location_id: None | str | Unset = UNSET
    metadata: VoucherIssueMetadata | Unset = UNSET
    template_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.custom_voucher import CustomVoucher  # noqa: PLC0415

        card_id: None | str | Unset
        if isinstance(self.card_id, Unset):
            card_id = UNSET
        else:
            card_id = self.card_id

        custom: dict[str, Any] | None | Unset
        if isinstance(self.custom, Unset):
            custom = UNSET
        elif isinstance(self.custom, CustomVoucher):
            custom = self.custom.to_dict()
        else:
            custom = self.custom

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if card_id is not UNSET:
            field_dict["card_id"] = card_id
        if custom is not UNSET:
            field_dict["custom"] = custom
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if template_id is not UNSET:
            field_dict["template_id"] = template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_voucher import CustomVoucher  # noqa: PLC0415
        from ..models.voucher_issue_metadata import VoucherIssueMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_card_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        card_id = _parse_card_id(d.pop("card_id", UNSET))

        def _parse_custom(data: object) -> CustomVoucher | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_type_0 = CustomVoucher.from_dict(data)

                return custom_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomVoucher | None | Unset, data)

        custom = _parse_custom(d.pop("custom", UNSET))

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: VoucherIssueMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = VoucherIssueMetadata.from_dict(_metadata)

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        voucher_issue = cls(
            card_id=card_id,
            custom=custom,
            customer_id=customer_id,
            location_id=location_id,
            metadata=metadata,
            template_id=template_id,
        )

        return voucher_issue
