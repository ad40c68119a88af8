from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from punchcard.kit.schemas import Input, Name, Output, Patch, Ref
from punchcard.lotteries.schemas import Id as LotteryRef

AfterLastGoal = Literal["restart", "continue"]


class GoalIn(Input):
    stamps: int = Field(ge=1, le=1000, description="Stamps on the card when this goal is reached.")
    template_id: Ref | None = Field(None, description="The voucher template this goal issues ...")
    lottery_id: LotteryRef | None = Field(
        None, description="... or the lottery it issues a ticket for (played once for a prize)."
    )
    title: Name | None = Field(None, description="Shown on the card; defaults to the reward title.")

    @model_validator(mode="after")
    def _one_reward(self) -> "GoalIn":
        if (self.template_id is None) == (self.lottery_id is None):
            raise ValueError("give exactly one of template_id or lottery_id")
        return self


def _increasing(goals: list[GoalIn] | None) -> list[GoalIn] | None:
    if goals is not None:
        steps = [goal.stamps for goal in goals]
        if steps != sorted(set(steps)):
            raise ValueError("goal stamps must strictly increase (e.g. 5, then 10)")
    return goals


Goals = Annotated[list[GoalIn], Field(min_length=1, max_length=20)]


class ProgramCreate(Input):
    name: Name
    goals: Goals
    after_last_goal: AfterLastGoal = Field(
        "restart", description="restart: a new round begins; continue: stamps keep counting."
    )
    card_validity_days: int | None = Field(None, ge=1, le=3650, description="Cards expire after.")

    _goals = field_validator("goals")(_increasing)


class ProgramUpdate(Patch):
    name: Name | None = None
    goals: Goals | None = None
    after_last_goal: AfterLastGoal | None = None
    card_validity_days: int | None = Field(None, ge=1, le=3650)
    status: Literal["active", "archived"] | None = None

    clearable = frozenset({"card_validity_days"})

    _goals = field_validator("goals")(_increasing)


class GoalOut(Output):
    index: int
    stamps: int
    template_id: str | None
    lottery_id: str | None = None
    title: str


class ProgramOut(Output):
    id: str
    name: str
    goals: list[GoalOut]
    after_last_goal: AfterLastGoal
    card_validity_days: int | None
    status: Literal["active", "archived"]
    created_at: datetime
    updated_at: datetime

    @field_validator("goals", mode="before")
    @classmethod
    def _indexed(cls, goals: list[Any]) -> list[Any]:
        return [
            {"index": i, **goal} if isinstance(goal, dict) else goal for i, goal in enumerate(goals)
        ]
