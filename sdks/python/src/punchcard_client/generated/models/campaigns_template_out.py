from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaigns_template_out_bodies import CampaignsTemplateOutBodies
    from ..models.campaigns_template_out_whatsapp_template_type_0 import CampaignsTemplateOutWhatsappTemplateType0


T = TypeVar("T", bound="CampaignsTemplateOut")


@_attrs_define
class CampaignsTemplateOut:
    """
    Attributes:
        bodies (CampaignsTemplateOutBodies):
        channel (str):
        created_at (datetime.datetime):
        default_language (str):
        id (str):
        name (str):
        updated_at (datetime.datetime):
        whatsapp_template (CampaignsTemplateOutWhatsappTemplateType0 | None):
    """

    bodies: CampaignsTemplateOutBodies
    channel: str
    created_at: datetime.datetime
    default_language: str
    id: str
    name: str
    updated_at: datetime.datetime
    whatsapp_template: CampaignsTemplateOutWhatsappTemplateType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaigns_template_out_whatsapp_template_type_0 import CampaignsTemplateOutWhatsappTemplateType0  # noqa: PLC0415

        bodies = self.bodies.to_dict()

        channel = self.channel

        created_at = self.created_at.isoformat()

        default_language = self.default_language

        id = self.id

        name = self.name

        updated_at = self.updated_at.isoformat()

        whatsapp_template: dict[str, Any] | None
        if isinstance(self.whatsapp_template, CampaignsTemplateOutWhatsappTemplateType0):
            whatsapp_template = self.whatsapp_template.to_dict()
        else:
            whatsapp_template = self.whatsapp_template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bodies": bodies,
                "channel": channel,
                "created_at": created_at,
                "default_language": default_language,
                "id": id,
                "name": name,
                "updated_at": updated_at,
                "whatsapp_template": whatsapp_template,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaigns_template_out_bodies import CampaignsTemplateOutBodies  # noqa: PLC0415
        from ..models.campaigns_template_out_whatsapp_template_type_0 import CampaignsTemplateOutWhatsappTemplateType0  # noqa: PLC0415

        d = dict(src_dict)
        bodies = CampaignsTemplateOutBodies.from_dict(d.pop("bodies"))

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        default_language = d.pop("default_language")

        id = d.pop("id")

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_whatsapp_template(data: object) -> CampaignsTemplateOutWhatsappTemplateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                whatsapp_template_type_0 = CampaignsTemplateOutWhatsappTemplateType0.from_dict(data)

                return whatsapp_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignsTemplateOutWhatsappTemplateType0 | None, data)

        whatsapp_template = _parse_whatsapp_template(d.pop("whatsapp_template"))

        campaigns_template_out = cls(
            bodies=bodies,
            channel=channel,
            created_at=created_at,
            default_language=default_language,
            id=id,
            name=name,
            updated_at=updated_at,
            whatsapp_template=whatsapp_template,
        )

        campaigns_template_out.additional_properties = d
        return campaigns_template_out

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
