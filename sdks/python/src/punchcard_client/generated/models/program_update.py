from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.program_update_after_last_goal_type_0 import ProgramUpdateAfterLastGoalType0
from ..models.program_update_status_type_0 import ProgramUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_in import GoalIn


T = TypeVar("T", bound="ProgramUpdate")


@_attrs_define
class ProgramUpdate:
    """
    Attributes:
        after_last_goal (None | ProgramUpdateAfterLastGoalType0 | Unset):
        card_validity_days (int | None | Unset):
        goals (list[GoalIn] | None | Unset):
        name (None | str | Unset):
        status (None | ProgramUpdateStatusType0 | Unset):
    """

    after_last_goal: None | ProgramUpdateAfterLastGoalType0 | Unset = UNSET
    card_validity_days: int | None | Unset = UNSET
    goals: list[GoalIn] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    status: None | ProgramUpdateStatusType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        after_last_goal: None | str | Unset
        if isinstance(self.after_last_goal, Unset):
            after_last_goal = UNSET
        elif isinstance(self.after_last_goal, ProgramUpdateAfterLastGoalType0):
            after_last_goal = self.after_last_goal.value
        else:
            after_last_goal = self.after_last_goal

        card_validity_days: int | None | Unset
        if isinstance(self.card_validity_days, Unset):
            card_validity_days = UNSET
        else:
            card_validity_days = self.card_validity_days

        goals: list[dict[str, Any]] | None | Unset
        if isinstance(self.goals, Unset):
            goals = UNSET
        elif isinstance(self.goals, list):
            goals = []
            for goals_type_0_item_data in self.goals:
                goals_type_0_item = goals_type_0_item_data.to_dict()
                goals.append(goals_type_0_item)

        else:
            goals = self.goals

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProgramUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

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

        def _parse_after_last_goal(data: object) -> None | ProgramUpdateAfterLastGoalType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                after_last_goal_type_0 = ProgramUpdateAfterLastGoalType0(data)

                return after_last_goal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgramUpdateAfterLastGoalType0 | Unset, data)

        after_last_goal = _parse_after_last_goal(d.pop("after_last_goal", UNSET))

        def _parse_card_validity_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        card_validity_days = _parse_card_validity_days(d.pop("card_validity_days", UNSET))

        def _parse_goals(data: object) -> list[GoalIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                goals_type_0 = []
                _goals_type_0 = data
                for goals_type_0_item_data in _goals_type_0:
                    goals_type_0_item = GoalIn.from_dict(goals_type_0_item_data)

                    goals_type_0.append(goals_type_0_item)

                return goals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GoalIn] | None | Unset, data)

        goals = _parse_goals(d.pop("goals", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_status(data: object) -> None | ProgramUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProgramUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgramUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        program_update = cls(
            after_last_goal=after_last_goal,
            card_validity_days=card_validity_days,
            goals=goals,
            name=name,
            status=status,
        )

        return program_update
