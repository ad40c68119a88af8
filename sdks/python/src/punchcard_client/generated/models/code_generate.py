from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generated_code import GeneratedCode
    from ..models.pattern_code import PatternCode


T = TypeVar("T", bound="CodeGenerate")


@_attrs_define
class CodeGenerate:
    """
    Attributes:
        count (int):
        config (GeneratedCode | None | PatternCode | Unset): How the codes look; omitted: the pool's `generate` config,
            else the default `####-####`.
    """

    count: int
    config: GeneratedCode | None | PatternCode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415

        count = self.count

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, GeneratedCode):
            config = self.config.to_dict()
        elif isinstance(self.config, PatternCode):
            config = self.config.to_dict()
        else:
            config = self.config

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
            }
        )
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        def _parse_config(data: object) -> GeneratedCode | None | PatternCode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0_type_0 = GeneratedCode.from_dict(data)

                return config_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                config_type_0_type_1 = PatternCode.from_dict(data)

                return config_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GeneratedCode | None | PatternCode | Unset, data)

        config = _parse_config(d.pop("config", UNSET))

        code_generate = cls(
            count=count,
            config=config,
        )

        return code_generate
