from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.card_issued_status import CardIssuedStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_out import GoalOut
    from ..models.next_goal import NextGoal
    from ..models.referral_join_out import ReferralJoinOut
    from ..models.voucher_out import VoucherOut


T = TypeVar("T", bound="CardIssued")


@_attrs_define
class CardIssued:
    """
    Attributes:
        customer_id (str):
        expires_at (datetime.datetime | None):
        goal_index (int): Goals reached this round (the index of the next goal).
        goals (list[GoalOut]):
        id (str):
        issued_at (datetime.datetime):
        last_stamp_at (datetime.datetime | None):
        lifetime_stamps (int):
        next_goal (NextGoal | None):
        program_id (str):
        rounds_completed (int):
        scan_code (str): Short code staff scan or type.
        stamps (int): Stamps in the current round.
        status (CardIssuedStatus):
        vouchers (list[VoucherOut]):
        referral (None | ReferralJoinOut | Unset): What came of the referral_code given (none given: null).
    """

    customer_id: str
    expires_at: datetime.datetime | None
    goal_index: int
    goals: list[GoalOut]
    id: str
    issued_at: datetime.datetime
    last_stamp_at: datetime.datetime | None
    lifetime_stamps: int
    next_goal: NextGoal | None
    program_id: str
    rounds_completed: int
    scan_code: str
    stamps: int
    status: CardIssuedStatus
    vouchers: list[VoucherOut]
    referral: None | ReferralJoinOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.next_goal import NextGoal  # noqa: PLC0415
        from ..models.referral_join_out import ReferralJoinOut  # noqa: PLC0415

        customer_id = self.customer_id

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        goal_index = self.goal_index

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        id = self.id

        issued_at = self.issued_at.isoformat()

        last_stamp_at: None | str
        if isinstance(self.last_stamp_at, datetime.datetime):
            last_stamp_at = self.last_stamp_at.isoformat()
        else:
            last_stamp_at = self.last_stamp_at

        lifetime_stamps = self.lifetime_stamps

        next_goal: dict[str, Any] | None
        if isinstance(self.next_goal, NextGoal):
            next_goal = self.next_goal.to_dict()
        else:
            next_goal = self.next_goal

        program_id = self.program_id

        rounds_completed = self.rounds_completed

        scan_code = self.scan_code

        stamps = self.stamps

        status = self.status.value

        vouchers = []
        for vouchers_item_data in self.vouchers:
            vouchers_item = vouchers_item_data.to_dict()
            vouchers.append(vouchers_item)

        referral: dict[str, Any] | None | Unset
        if isinstance(self.referral, Unset):
            referral = UNSET
        elif isinstance(self.referral, ReferralJoinOut):
            referral = self.referral.to_dict()
        else:
            referral = self.referral

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "expires_at": expires_at,
                "goal_index": goal_index,
                "goals": goals,
                "id": id,
                "issued_at": issued_at,
                "last_stamp_at": last_stamp_at,
                "lifetime_stamps": lifetime_stamps,
                "next_goal": next_goal,
                "program_id": program_id,
                "rounds_completed": rounds_completed,
                "scan_code": scan_code,
                "stamps": stamps,
                "status": status,
                "vouchers": vouchers,
            }
        )
        if referral is not UNSET:
            field_dict["referral"] = referral

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_out import GoalOut  # noqa: PLC0415
        from ..models.next_goal import NextGoal  # noqa: PLC0415
        from ..models.referral_join_out import ReferralJoinOut  # noqa: PLC0415
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customer_id")

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

        goal_index = d.pop("goal_index")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalOut.from_dict(goals_item_data)

            goals.append(goals_item)

        id = d.pop("id")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        def _parse_last_stamp_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_stamp_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_stamp_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_stamp_at = _parse_last_stamp_at(d.pop("last_stamp_at"))

        lifetime_stamps = d.pop("lifetime_stamps")

        def _parse_next_goal(data: object) -> NextGoal | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_goal_type_0 = NextGoal.from_dict(data)

                return next_goal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextGoal | None, data)

        next_goal = _parse_next_goal(d.pop("next_goal"))

        program_id = d.pop("program_id")

        rounds_completed = d.pop("rounds_completed")

        scan_code = d.pop("scan_code")

        stamps = d.pop("stamps")

        status = CardIssuedStatus(d.pop("status"))

        vouchers = []
        _vouchers = d.pop("vouchers")
        for vouchers_item_data in _vouchers:
            vouchers_item = VoucherOut.from_dict(vouchers_item_data)

            vouchers.append(vouchers_item)

        def _parse_referral(data: object) -> None | ReferralJoinOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referral_type_0 = ReferralJoinOut.from_dict(data)

                return referral_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralJoinOut | Unset, data)

        referral = _parse_referral(d.pop("referral", UNSET))

        card_issued = cls(
            customer_id=customer_id,
            expires_at=expires_at,
            goal_index=goal_index,
            goals=goals,
            id=id,
            issued_at=issued_at,
            last_stamp_at=last_stamp_at,
            lifetime_stamps=lifetime_stamps,
            next_goal=next_goal,
            program_id=program_id,
            rounds_completed=rounds_completed,
            scan_code=scan_code,
            stamps=stamps,
            status=status,
            vouchers=vouchers,
            referral=referral,
        )

        card_issued.additional_properties = d
        return card_issued

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
