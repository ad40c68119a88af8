from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.per_amount import PerAmount
    from ..models.per_receipt import PerReceipt
    from ..models.poster_update import PosterUpdate
    from ..models.syrve_update import SyrveUpdate


T = TypeVar("T", bound="ConnectorUpdate")


@_attrs_define
class ConnectorUpdate:
    """
    Attributes:
        currency (None | str | Unset):
        enabled (bool | None | Unset):
        location_id (None | str | Unset):
        name (None | str | Unset):
        poster (None | PosterUpdate | Unset):
        program_id (None | str | Unset):
        stamp_rule (None | PerAmount | PerReceipt | Unset):
        syrve (None | SyrveUpdate | Unset):
    """

    currency: None | str | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    location_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    poster: None | PosterUpdate | Unset = UNSET
    program_id: None | str | Unset = UNSET
    stamp_rule: None | PerAmount | PerReceipt | Unset = UNSET
    syrve: None | SyrveUpdate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.per_amount import PerAmount  # noqa: PLC0415
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_update import PosterUpdate  # noqa: PLC0415
        from ..models.syrve_update import SyrveUpdate  # noqa: PLC0415

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        poster: dict[str, Any] | None | Unset
        if isinstance(self.poster, Unset):
            poster = UNSET
        elif isinstance(self.poster, PosterUpdate):
            poster = self.poster.to_dict()
        else:
            poster = self.poster

        program_id: None | str | Unset
        if isinstance(self.program_id, Unset):
            program_id = UNSET
        else:
            program_id = self.program_id

        stamp_rule: dict[str, Any] | None | Unset
        if isinstance(self.stamp_rule, Unset):
            stamp_rule = UNSET
        elif isinstance(self.stamp_rule, PerReceipt):
            stamp_rule = self.stamp_rule.to_dict()
        elif isinstance(self.stamp_rule, PerAmount):
            stamp_rule = self.stamp_rule.to_dict()
        else:
            stamp_rule = self.stamp_rule

        syrve: dict[str, Any] | None | Unset
        if isinstance(self.syrve, Unset):
            syrve = UNSET
        elif isinstance(self.syrve, SyrveUpdate):
            syrve = self.syrve.to_dict()
        else:
            syrve = self.syrve

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if name is not UNSET:
            field_dict["name"] = name
        if poster is not UNSET:
            field_dict["poster"] = poster
        if program_id is not UNSET:
            field_dict["program_id"] = program_id
        if stamp_rule is not UNSET:
            field_dict["stamp_rule"] = stamp_rule
        if syrve is not UNSET:
            field_dict["syrve"] = syrve

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.per_amount import PerAmount  # noqa: PLC0415
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_update import PosterUpdate  # noqa: PLC0415
        from ..models.syrve_update import SyrveUpdate  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_poster(data: object) -> None | PosterUpdate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                poster_type_0 = PosterUpdate.from_dict(data)

                return poster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PosterUpdate | Unset, data)

        poster = _parse_poster(d.pop("poster", UNSET))

        def _parse_program_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program_id = _parse_program_id(d.pop("program_id", UNSET))

        def _parse_stamp_rule(data: object) -> None | PerAmount | PerReceipt | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stamp_rule_type_0_type_0 = PerReceipt.from_dict(data)

                return stamp_rule_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stamp_rule_type_0_type_1 = PerAmount.from_dict(data)

                return stamp_rule_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerAmount | PerReceipt | Unset, data)

        stamp_rule = _parse_stamp_rule(d.pop("stamp_rule", UNSET))

        def _parse_syrve(data: object) -> None | SyrveUpdate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                syrve_type_0 = SyrveUpdate.from_dict(data)

                return syrve_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyrveUpdate | Unset, data)

        syrve = _parse_syrve(d.pop("syrve", UNSET))

        connector_update = cls(
            currency=currency,
            enabled=enabled,
            location_id=location_id,
            name=name,
            poster=poster,
            program_id=program_id,
            stamp_rule=stamp_rule,
            syrve=syrve,
        )

        return connector_update
