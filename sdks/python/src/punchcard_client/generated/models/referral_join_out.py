from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_join_out_reason_type_0 import ReferralJoinOutReasonType0
from ..models.referral_join_out_status import ReferralJoinOutStatus

if TYPE_CHECKING:
    from ..models.voucher_out import VoucherOut


T = TypeVar("T", bound="ReferralJoinOut")


@_attrs_define
class ReferralJoinOut:
    """What came of a referral code brought by a new customer.

    Attributes:
        detail (None | str):
        reason (None | ReferralJoinOutReasonType0): Why the code was refused (refused).
        referral_id (None | str): The referral made (joined).
        referral_program_id (None | str):
        status (ReferralJoinOutStatus):
        voucher (None | VoucherOut): The referee's reward, with its code.
        voucher_error (None | str): Why the referee's reward could not be issued (an empty code pool).
    """

    detail: None | str
    reason: None | ReferralJoinOutReasonType0
    referral_id: None | str
    referral_program_id: None | str
    status: ReferralJoinOutStatus
    voucher: None | VoucherOut
    voucher_error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        detail: None | str
        detail = self.detail

        reason: None | str
        if isinstance(self.reason, ReferralJoinOutReasonType0):
            reason = self.reason.value
        else:
            reason = self.reason

        referral_id: None | str
        referral_id = self.referral_id

        referral_program_id: None | str
        referral_program_id = self.referral_program_id

        status = self.status.value

        voucher: dict[str, Any] | None
        if isinstance(self.voucher, VoucherOut):
            voucher = self.voucher.to_dict()
        else:
            voucher = self.voucher

        voucher_error: None | str
        voucher_error = self.voucher_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "reason": reason,
                "referral_id": referral_id,
                "referral_program_id": referral_program_id,
                "status": status,
                "voucher": voucher,
                "voucher_error": voucher_error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_reason(data: object) -> None | ReferralJoinOutReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = ReferralJoinOutReasonType0(data)

                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralJoinOutReasonType0, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_referral_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_id = _parse_referral_id(d.pop("referral_id"))

        def _parse_referral_program_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_program_id = _parse_referral_program_id(d.pop("referral_program_id"))

        status = ReferralJoinOutStatus(d.pop("status"))

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

        def _parse_voucher_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_error = _parse_voucher_error(d.pop("voucher_error"))

        referral_join_out = cls(
            detail=detail,
            reason=reason,
            referral_id=referral_id,
            referral_program_id=referral_program_id,
            status=status,
            voucher=voucher,
            voucher_error=voucher_error,
        )

        referral_join_out.additional_properties = d
        return referral_join_out

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
