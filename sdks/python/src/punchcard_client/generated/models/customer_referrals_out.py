from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.referral_out import ReferralOut
    from ..models.referrer_out import ReferrerOut


T = TypeVar("T", bound="CustomerReferralsOut")


@_attrs_define
class CustomerReferralsOut:
    """A customer's side of referrals: their codes, whom they referred, who referred them.

    Attributes:
        codes (list[ReferrerOut]):
        referred (list[ReferralOut]): Referees they brought, newest first.
        referred_by (None | ReferralOut): Their own referral, if any.
    """

    codes: list[ReferrerOut]
    referred: list[ReferralOut]
    referred_by: None | ReferralOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.referral_out import ReferralOut  # noqa: PLC0415

        codes = []
        for codes_item_data in self.codes:
            codes_item = codes_item_data.to_dict()
            codes.append(codes_item)

        referred = []
        for referred_item_data in self.referred:
            referred_item = referred_item_data.to_dict()
            referred.append(referred_item)

        referred_by: dict[str, Any] | None
        if isinstance(self.referred_by, ReferralOut):
            referred_by = self.referred_by.to_dict()
        else:
            referred_by = self.referred_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "codes": codes,
                "referred": referred,
                "referred_by": referred_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_out import ReferralOut  # noqa: PLC0415
        from ..models.referrer_out import ReferrerOut  # noqa: PLC0415

        d = dict(src_dict)
        codes = []
        _codes = d.pop("codes")
        for codes_item_data in _codes:
            codes_item = ReferrerOut.from_dict(codes_item_data)

            codes.append(codes_item)

        referred = []
        _referred = d.pop("referred")
        for referred_item_data in _referred:
            referred_item = ReferralOut.from_dict(referred_item_data)

            referred.append(referred_item)

        def _parse_referred_by(data: object) -> None | ReferralOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referred_by_type_0 = ReferralOut.from_dict(data)

                return referred_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralOut, data)

        referred_by = _parse_referred_by(d.pop("referred_by"))

        customer_referrals_out = cls(
            codes=codes,
            referred=referred,
            referred_by=referred_by,
        )

        customer_referrals_out.additional_properties = d
        return customer_referrals_out

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
