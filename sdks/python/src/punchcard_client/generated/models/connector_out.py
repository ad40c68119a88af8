from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.connector_out_type import ConnectorOutType

if TYPE_CHECKING:
    from ..models.per_amount import PerAmount
    from ..models.per_receipt import PerReceipt
    from ..models.poster_out import PosterOut
    from ..models.syrve_out import SyrveOut


T = TypeVar("T", bound="ConnectorOut")


@_attrs_define
class ConnectorOut:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (None | str):
        enabled (bool):
        id (str):
        location_id (None | str):
        name (str):
        poster (None | PosterOut):
        previous_secret_expires_at (datetime.datetime | None):
        program_id (str):
        stamp_rule (PerAmount | PerReceipt):
        syrve (None | SyrveOut):
        type_ (ConnectorOutType):
        updated_at (datetime.datetime):
        webhook_url (str): Where the till sends its webhooks.
    """

    created_at: datetime.datetime
    currency: None | str
    enabled: bool
    id: str
    location_id: None | str
    name: str
    poster: None | PosterOut
    previous_secret_expires_at: datetime.datetime | None
    program_id: str
    stamp_rule: PerAmount | PerReceipt
    syrve: None | SyrveOut
    type_: ConnectorOutType
    updated_at: datetime.datetime
    webhook_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_out import PosterOut  # noqa: PLC0415
        from ..models.syrve_out import SyrveOut  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        currency: None | str
        currency = self.currency

        enabled = self.enabled

        id = self.id

        location_id: None | str
        location_id = self.location_id

        name = self.name

        poster: dict[str, Any] | None
        if isinstance(self.poster, PosterOut):
            poster = self.poster.to_dict()
        else:
            poster = self.poster

        previous_secret_expires_at: None | str
        if isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        program_id = self.program_id

        stamp_rule: dict[str, Any]
        if isinstance(self.stamp_rule, PerReceipt):
            stamp_rule = self.stamp_rule.to_dict()
        else:
            stamp_rule = self.stamp_rule.to_dict()

        syrve: dict[str, Any] | None
        if isinstance(self.syrve, SyrveOut):
            syrve = self.syrve.to_dict()
        else:
            syrve = self.syrve

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "enabled": enabled,
                "id": id,
                "location_id": location_id,
                "name": name,
                "poster": poster,
                "previous_secret_expires_at": previous_secret_expires_at,
                "program_id": program_id,
                "stamp_rule": stamp_rule,
                "syrve": syrve,
                "type": type_,
                "updated_at": updated_at,
                "webhook_url": webhook_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.per_amount import PerAmount  # noqa: PLC0415
        from ..models.per_receipt import PerReceipt  # noqa: PLC0415
        from ..models.poster_out import PosterOut  # noqa: PLC0415
        from ..models.syrve_out import SyrveOut  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        enabled = d.pop("enabled")

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        name = d.pop("name")

        def _parse_poster(data: object) -> None | PosterOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                poster_type_0 = PosterOut.from_dict(data)

                return poster_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PosterOut, data)

        poster = _parse_poster(d.pop("poster"))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at"))

        program_id = d.pop("program_id")

        def _parse_stamp_rule(data: object) -> PerAmount | PerReceipt:
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

        stamp_rule = _parse_stamp_rule(d.pop("stamp_rule"))

        def _parse_syrve(data: object) -> None | SyrveOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                syrve_type_0 = SyrveOut.from_dict(data)

                return syrve_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyrveOut, data)

        syrve = _parse_syrve(d.pop("syrve"))

        type_ = ConnectorOutType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        webhook_url = d.pop("webhook_url")

        connector_out = cls(
            created_at=created_at,
            currency=currency,
            enabled=enabled,
            id=id,
            location_id=location_id,
            name=name,
            poster=poster,
            previous_secret_expires_at=previous_secret_expires_at,
            program_id=program_id,
            stamp_rule=stamp_rule,
            syrve=syrve,
            type_=type_,
            updated_at=updated_at,
            webhook_url=webhook_url,
        )

        connector_out.additional_properties = d
        return connector_out

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
