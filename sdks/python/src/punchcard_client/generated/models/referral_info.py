from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_info_status import ReferralInfoStatus
from ..models.referral_info_via import ReferralInfoVia

if TYPE_CHECKING:
    from ..models.customer_ref import CustomerRef
    from ..models.referral_program_info import ReferralProgramInfo


T = TypeVar("T", bound="ReferralInfo")


@_attrs_define
class ReferralInfo:
    """
    Attributes:
        code (str): The referrer's code the referee brought.
        id (str): The referral: GET /v1/referral-programs/{id}/referrals.
        joined_at (datetime.datetime):
        referee (CustomerRef):
        referee_card_id (str): The referee's card in the program.
        referral_program (ReferralProgramInfo):
        referrer (CustomerRef):
        status (ReferralInfoStatus):
        via (ReferralInfoVia): Where the referee brought it.
    """

    code: str
    id: str
    joined_at: datetime.datetime
    referee: CustomerRef
    referee_card_id: str
    referral_program: ReferralProgramInfo
    referrer: CustomerRef
    status: ReferralInfoStatus
    via: ReferralInfoVia
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        id = self.id

        joined_at = self.joined_at.isoformat()

        referee = self.referee.to_dict()

        referee_card_id = self.referee_card_id

        referral_program = self.referral_program.to_dict()

        referrer = self.referrer.to_dict()

        status = self.status.value

        via = self.via.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "id": id,
                "joined_at": joined_at,
                "referee": referee,
                "referee_card_id": referee_card_id,
                "referral_program": referral_program,
                "referrer": referrer,
                "status": status,
                "via": via,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_ref import CustomerRef  # noqa: PLC0415
        from ..models.referral_program_info import ReferralProgramInfo  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        id = d.pop("id")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        referee = CustomerRef.from_dict(d.pop("referee"))

        referee_card_id = d.pop("referee_card_id")

        referral_program = ReferralProgramInfo.from_dict(d.pop("referral_program"))

        referrer = CustomerRef.from_dict(d.pop("referrer"))

        status = ReferralInfoStatus(d.pop("status"))

        via = ReferralInfoVia(d.pop("via"))

        referral_info = cls(
            code=code,
            id=id,
            joined_at=joined_at,
            referee=referee,
            referee_card_id=referee_card_id,
            referral_program=referral_program,
            referrer=referrer,
            status=status,
            via=via,
        )

        referral_info.additional_properties = d
        return referral_info

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
