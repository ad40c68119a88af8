from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LotteryResult")


@_attrs_define
class LotteryResult:
    """
    Attributes:
        draw_id (str): The draw's audit record: GET /v1/lottery-draws/{draw_id}.
        lottery_id (str):
        title (str): The lottery's title.
        variant (str): The key of the variant drawn, 'no_prize' included.
        variant_title (str): The title of the variant drawn.
        voucher_id (None | str): The prize voucher (its own voucher_issued too).
        won (bool):
    """

    draw_id: str
    lottery_id: str
    title: str
    variant: str
    variant_title: str
    voucher_id: None | str
    won: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        draw_id = self.draw_id

        lottery_id = self.lottery_id

        title = self.title

        variant = self.variant

        variant_title = self.variant_title

        voucher_id: None | str
        voucher_id = self.voucher_id

        won = self.won

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "draw_id": draw_id,
                "lottery_id": lottery_id,
                "title": title,
                "variant": variant,
                "variant_title": variant_title,
                "voucher_id": voucher_id,
                "won": won,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        draw_id = d.pop("draw_id")

        lottery_id = d.pop("lottery_id")

        title = d.pop("title")

        variant = d.pop("variant")

        variant_title = d.pop("variant_title")

        def _parse_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))

        won = d.pop("won")

        lottery_result = cls(
            draw_id=draw_id,
            lottery_id=lottery_id,
            title=title,
            variant=variant,
            variant_title=variant_title,
            voucher_id=voucher_id,
            won=won,
        )

        lottery_result.additional_properties = d
        return lottery_result

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
