from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_config import CodeConfig


T = TypeVar("T", bound="PoolCode")


@_attrs_define
class PoolCode:
    """Each voucher takes one code from the template's pool (imported from the POS, or
    generated in bulk); each code is handed out once.

        Attributes:
            generate (CodeConfig | None | Unset): Default config for bulk generation into this pool.
            low_stock_below (int | Unset): The pool status warns below this many codes. Default: 100.
            type_ (Literal['pool'] | Unset):  Default: 'pool'.
    """

    generate: CodeConfig | None | Unset = UNSET
    low_stock_below: int | Unset = 100
    type_: Literal["pool"] | Unset = "pool"

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_config import CodeConfig  # noqa: PLC0415

        generate: dict[str, Any] | None | Unset
        if isinstance(self.generate, Unset):
            generate = UNSET
        elif isinstance(self.generate, CodeConfig):
            generate = self.generate.to_dict()
        else:
            generate = self.generate

        low_stock_below = self.low_stock_below

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if generate is not UNSET:
            field_dict["generate"] = generate
        if low_stock_below is not UNSET:
            field_dict["low_stock_below"] = low_stock_below
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_config import CodeConfig  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_generate(data: object) -> CodeConfig | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                generate_type_0 = CodeConfig.from_dict(data)

                return generate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CodeConfig | None | Unset, data)

        generate = _parse_generate(d.pop("generate", UNSET))

        low_stock_below = d.pop("low_stock_below", UNSET)

        type_ = cast(Literal["pool"] | Unset, d.pop("type", UNSET))
        if type_ != "pool" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'pool', got '{type_}'")

        pool_code = cls(
            generate=generate,
            low_stock_below=low_stock_below,
            type_=type_,
        )

        return pool_code
