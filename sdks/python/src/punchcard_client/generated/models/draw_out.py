from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.draw_out_via import DrawOutVia

if TYPE_CHECKING:
    from ..models.drawn_variant import DrawnVariant


T = TypeVar("T", bound="DrawOut")


@_attrs_define
class DrawOut:
    """A play, recorded so it can be audited: take the variants in order, keep those in the
    draw, and the first whose running sum of weights exceeds ``random_number`` is the result.

        Attributes:
            card_id (None | str):
            customer_id (str):
            drawn_at (datetime.datetime):
            id (str):
            location_id (None | str):
            lottery_id (str):
            random_number (int): Uniform in [0, total_weight), from the operating system's cryptographic random source.
            redraws (int): Draws repeated because the prize drawn ran out under a concurrent play (the recorded draw is the
                last).
            staff_id (None | str):
            stock_left (int | None): The drawn prize's stock after this play.
            ticket_id (str): The lottery ticket (a voucher of type lottery) played.
            total_weight (int): The sum of the weights of the variants in the draw.
            variant (str): The key of the variant drawn.
            variant_title (str):
            variants (list[DrawnVariant]): The variants as they stood at the draw.
            via (DrawOutVia):
            voucher_id (None | str): The prize voucher, if won.
            won (bool):
    """

    card_id: None | str
    customer_id: str
    drawn_at: datetime.datetime
    id: str
    location_id: None | str
    lottery_id: str
    random_number: int
    redraws: int
    staff_id: None | str
    stock_left: int | None
    ticket_id: str
    total_weight: int
    variant: str
    variant_title: str
    variants: list[DrawnVariant]
    via: DrawOutVia
    voucher_id: None | str
    won: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id: None | str
        card_id = self.card_id

        customer_id = self.customer_id

        drawn_at = self.drawn_at.isoformat()

        id = self.id

        location_id: None | str
        location_id = self.location_id

        lottery_id = self.lottery_id

        random_number = self.random_number

        redraws = self.redraws

        staff_id: None | str
        staff_id = self.staff_id

        stock_left: int | None
        stock_left = self.stock_left

        ticket_id = self.ticket_id

        total_weight = self.total_weight

        variant = self.variant

        variant_title = self.variant_title

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        via = self.via.value

        voucher_id: None | str
        voucher_id = self.voucher_id

        won = self.won

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card_id": card_id,
                "customer_id": customer_id,
                "drawn_at": drawn_at,
                "id": id,
                "location_id": location_id,
                "lottery_id": lottery_id,
                "random_number": random_number,
                "redraws": redraws,
                "staff_id": staff_id,
                "stock_left": stock_left,
                "ticket_id": ticket_id,
                "total_weight": total_weight,
                "variant": variant,
                "variant_title": variant_title,
                "variants": variants,
                "via": via,
                "voucher_id": voucher_id,
                "won": won,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drawn_variant import DrawnVariant  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_card_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_id = _parse_card_id(d.pop("card_id"))

        customer_id = d.pop("customer_id")

        drawn_at = datetime.datetime.fromisoformat(d.pop("drawn_at"))

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        lottery_id = d.pop("lottery_id")

        random_number = d.pop("random_number")

        redraws = d.pop("redraws")

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        def _parse_stock_left(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock_left = _parse_stock_left(d.pop("stock_left"))

        ticket_id = d.pop("ticket_id")

        total_weight = d.pop("total_weight")

        variant = d.pop("variant")

        variant_title = d.pop("variant_title")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = DrawnVariant.from_dict(variants_item_data)

            variants.append(variants_item)

        via = DrawOutVia(d.pop("via"))

        def _parse_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))

        won = d.pop("won")

        draw_out = cls(
            card_id=card_id,
            customer_id=customer_id,
            drawn_at=drawn_at,
            id=id,
            location_id=location_id,
            lottery_id=lottery_id,
            random_number=random_number,
            redraws=redraws,
            staff_id=staff_id,
            stock_left=stock_left,
            ticket_id=ticket_id,
            total_weight=total_weight,
            variant=variant,
            variant_title=variant_title,
            variants=variants,
            via=via,
            voucher_id=voucher_id,
            won=won,
        )

        draw_out.additional_properties = d
        return draw_out

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
