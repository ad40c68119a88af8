from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.program_create_after_last_goal import ProgramCreateAfterLastGoal
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_in import GoalIn


T = TypeVar("T", bound="ProgramCreate")


@_attrs_define
class ProgramCreate:
    """
    Attributes:
        goals (list[GoalIn]):
        name (str):
        after_last_goal (ProgramCreateAfterLastGoal | Unset): restart: a new round begins; continue: stamps keep
            counting. Default: ProgramCreateAfterLastGoal.RESTART.
        card_validity_days (int | None | Unset): Cards expire after.
    """

    goals: list[GoalIn]
    name: str
    after_last_goal: ProgramCreateAfterLastGoal | Unset = ProgramCreateAfterLastGoal.RESTART
    card_validity_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        name = self.name

        after_last_goal: str | Unset = UNSET
        if not isinstance(self.after_last_goal, Unset):
            after_last_goal = self.after_last_goal.value

        card_validity_days: int | None | Unset
        if isinstance(self.card_validity_days, Unset):
            card_validity_days = UNSET
        else:
            card_validity_days = self.card_validity_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "goals": goals,
                "name": name,
            }
        )
        if after_last_goal is not UNSET:
            field_dict["after_last_goal"] = after_last_goal
        if card_validity_days is not UNSET:
            field_dict["card_validity_days"] = card_validity_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_in import GoalIn  # noqa: PLC0415

        d = dict(src_dict)
        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalIn.from_dict(goals_item_data)

            goals.append(goals_item)

        name = d.pop("name")

        _after_last_goal = d.pop("after_last_goal", UNSET)
        after_last_goal: ProgramCreateAfterLastGoal | Unset
        if isinstance(_after_last_goal, Unset):
            after_last_goal = UNSET
        else:
            after_last_goal = ProgramCreateAfterLastGoal(_after_last_goal)

        def _parse_card_validity_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_validity_days = _parse_card_validity_days(d.pop("card_validity_days", UNSET))

        program_create = cls(
            goals=goals,
            name=name,
            after_last_goal=after_last_goal,
            card_validity_days=card_validity_days,
        )

        return program_create
