from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.connector_create_type import ConnectorCreateType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.per_amount import PerAmount
    from ..models.per_receipt import PerReceipt
    from ..models.poster_in import PosterIn
    from ..models.syrve_in import SyrveIn


T = TypeVar("T", bound="ConnectorCreate")


@_attrs_define
class ConnectorCreate:
    """
    Attributes:
        name (str):
        program_id (str): The program whose cards get the stamps.
        type_ (ConnectorCreateType):
        currency (None | str | Unset): When set, sales in another currency earn no stamps.
        enabled (bool | Unset):  Default: True.
        location_id (None | str | Unset): Where the stamps and redemptions happen.
        poster (None | PosterIn | Unset): Required for type 'poster'.
        stamp_rule (PerAmount | PerReceipt | Unset):
        syrve (None | SyrveIn | Unset): Required for type 'syrve'.
    """

    name: str
    program_id: str
    type_: ConnectorCreateType
    currency: None | str | Unset = UNSET
    enabled: bool | Unset = True
    location_id: None | str | Unset = UNSET
    poster: None | PosterIn | Unset = UNSET
    stamp_rule: PerAmount | PerReceipt | Unset = UNSET
    syrve: None | SyrveIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_in import PosterIn  # noqa: PLC0415
        from ..models.syrve_in import SyrveIn  # noqa: PLC0415

        name = self.name

        program_id = self.program_id

        type_ = self.type_.value

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        enabled = self.enabled

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        poster: dict[str, Any] | None | Unset
        if isinstance(self.poster, Unset):
            poster = UNSET
        elif isinstance(self.poster, PosterIn):
            poster = self.poster.to_dict()
        else:
            poster = self.poster

        stamp_rule: dict[str, Any] | Unset
        if isinstance(self.stamp_rule, Unset):
            stamp_rule = UNSET
        elif isinstance(self.stamp_rule, PerReceipt):
            stamp_rule = self.stamp_rule.to_dict()
        else:
            stamp_rule = self.stamp_rule.to_dict()

        syrve: dict[str, Any] | None | Unset
        if isinstance(self.syrve, Unset):
            syrve = UNSET
        elif isinstance(self.syrve, SyrveIn):
            syrve = self.syrve.to_dict()
        else:
            syrve = self.syrve

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "program_id": program_id,
                "type": type_,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if poster is not UNSET:
            field_dict["poster"] = poster
        if stamp_rule is not UNSET:
            field_dict["stamp_rule"] = stamp_rule
        if syrve is not UNSET:
            field_dict["syrve"] = syrve

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.per_amount import PerAmount  # noqa: PLC0415
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_in import PosterIn  # noqa: PLC0415
        from ..models.syrve_in import SyrveIn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        program_id = d.pop("program_id")

        type_ = ConnectorCreateType(d.pop("type"))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        enabled = d.pop("enabled", UNSET)

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        def _parse_poster(data: object) -> None | PosterIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                poster_type_0 = PosterIn.from_dict(data)

                return poster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PosterIn | Unset, data)

        poster = _parse_poster(d.pop("poster", UNSET))

        def _parse_stamp_rule(data: object) -> PerAmount | PerReceipt | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stamp_rule_type_0 = PerReceipt.from_dict(data)

                return stamp_rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            stamp_rule_type_1 = PerAmount.from_dict(data)

            return stamp_rule_type_1

        stamp_rule = _parse_stamp_rule(d.pop("stamp_rule", UNSET))

        def _parse_syrve(data: object) -> None | SyrveIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                syrve_type_0 = SyrveIn.from_dict(data)

                return syrve_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyrveIn | Unset, data)

        syrve = _parse_syrve(d.pop("syrve", UNSET))

        connector_create = cls(
            name=name,
            program_id=program_id,
            type_=type_,
            currency=currency,
            enabled=enabled,
            location_id=location_id,
            poster=poster,
            stamp_rule=stamp_rule,
            syrve=syrve,
        )

        return connector_create
