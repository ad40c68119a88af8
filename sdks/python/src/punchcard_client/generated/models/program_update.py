from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.program_update_after_last_goal import ProgramUpdateAfterLastGoal
from ..models.program_update_status import ProgramUpdateStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_in import GoalIn


T = TypeVar("T", bound="ProgramUpdate")


@_attrs_define
class ProgramUpdate:
    """
    Attributes:
        after_last_goal (ProgramUpdateAfterLastGoal | Unset):
        card_validity_days (int | None | Unset):
        goals (list[GoalIn] | Unset):
        name (str | Unset):
        status (ProgramUpdateStatus | Unset):
    """

    after_last_goal: ProgramUpdateAfterLastGoal | Unset = UNSET
    card_validity_days: int | None | Unset = UNSET
    goals: list[GoalIn] | Unset = UNSET
    name: str | Unset = UNSET
    status: ProgramUpdateStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        after_last_goal: str | Unset = UNSET
        if not isinstance(self.after_last_goal, Unset):
            after_last_goal = self.after_last_goal.value

        card_validity_days: int | None | Unset
        if isinstance(self.card_validity_days, Unset):
            card_validity_days = UNSET
        else:
            card_validity_days = self.card_validity_days

        goals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = []
            for goals_item_data in self.goals:
                goals_item = goals_item_data.to_dict()
                goals.append(goals_item)

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if after_last_goal is not UNSET:
            field_dict["after_last_goal"] = after_last_goal
        if card_validity_days is not UNSET:
            field_dict["card_validity_days"] = card_validity_days
        if goals is not UNSET:
            field_dict["goals"] = goals
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_in import GoalIn  # noqa: PLC0415

        d = dict(src_dict)
        _after_last_goal = d.pop("after_last_goal", UNSET)
        after_last_goal: ProgramUpdateAfterLastGoal | Unset
        if isinstance(_after_last_goal, Unset):
            after_last_goal = UNSET
        else:
            after_last_goal = ProgramUpdateAfterLastGoal(_after_last_goal)

        def _parse_card_validity_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_validity_days = _parse_card_validity_days(d.pop("card_validity_days", UNSET))

        _goals = d.pop("goals", UNSET)
        goals: list[GoalIn] | Unset = UNSET
        if _goals is not UNSET:
            goals = []
            for goals_item_data in _goals:
                goals_item = GoalIn.from_dict(goals_item_data)

                goals.append(goals_item)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: ProgramUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProgramUpdateStatus(_status)

        program_update = cls(
            after_last_goal=after_last_goal,
            card_validity_days=card_validity_days,
            goals=goals,
            name=name,
            status=status,
        )

        return program_update
