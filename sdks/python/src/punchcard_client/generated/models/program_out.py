from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program_out_after_last_goal import ProgramOutAfterLastGoal
from ..models.program_out_status import ProgramOutStatus

if TYPE_CHECKING:
    from ..models.goal_out import GoalOut


T = TypeVar("T", bound="ProgramOut")


@_attrs_define
class ProgramOut:
    """
    Attributes:
        after_last_goal (ProgramOutAfterLastGoal):
        card_validity_days (int | None):
        created_at (datetime.datetime):
        goals (list[GoalOut]):
        id (str):
        name (str):
        status (ProgramOutStatus):
        updated_at (datetime.datetime):
    """

    after_last_goal: ProgramOutAfterLastGoal
    card_validity_days: int | None
    created_at: datetime.datetime
    goals: list[GoalOut]
    id: str
    name: str
    status: ProgramOutStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after_last_goal = self.after_last_goal.value

        card_validity_days: int | None
        card_validity_days = self.card_validity_days

        created_at = self.created_at.isoformat()

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        id = self.id

        name = self.name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after_last_goal": after_last_goal,
                "card_validity_days": card_validity_days,
                "created_at": created_at,
                "goals": goals,
                "id": id,
                "name": name,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_out import GoalOut  # noqa: PLC0415

        d = dict(src_dict)
        after_last_goal = ProgramOutAfterLastGoal(d.pop("after_last_goal"))

        def _parse_card_validity_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        card_validity_days = _parse_card_validity_days(d.pop("card_validity_days"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalOut.from_dict(goals_item_data)

            goals.append(goals_item)

        id = d.pop("id")

        name = d.pop("name")

        status = ProgramOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        program_out = cls(
            after_last_goal=after_last_goal,
            card_validity_days=card_validity_days,
            created_at=created_at,
            goals=goals,
            id=id,
            name=name,
            status=status,
            updated_at=updated_at,
        )

        program_out.additional_properties = d
        return program_out

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
