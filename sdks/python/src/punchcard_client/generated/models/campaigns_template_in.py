from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.campaigns_template_in_channel import CampaignsTemplateInChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaigns_template_in_bodies import CampaignsTemplateInBodies
    from ..models.provider_template_in import ProviderTemplateIn


T = TypeVar("T", bound="CampaignsTemplateIn")


@_attrs_define
class CampaignsTemplateIn:
    """
    Attributes:
        bodies (CampaignsTemplateInBodies): The message per language (a customer gets theirs, else the default).
        channel (CampaignsTemplateInChannel):
        name (str):
        default_language (str | Unset):  Default: 'en'.
        whatsapp_template (None | ProviderTemplateIn | Unset):
    """

    bodies: CampaignsTemplateInBodies
    channel: CampaignsTemplateInChannel
    name: str
    default_language: str | Unset = "en"
    whatsapp_template: None | ProviderTemplateIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provider_template_in import ProviderTemplateIn  # noqa: PLC0415

        bodies = self.bodies.to_dict()

        channel = self.channel.value

        name = self.name

        default_language = self.default_language

        whatsapp_template: dict[str, Any] | None | Unset
        if isinstance(self.whatsapp_template, Unset):
            whatsapp_template = UNSET
        elif isinstance(self.whatsapp_template, ProviderTemplateIn):
            whatsapp_template = self.whatsapp_template.to_dict()
        else:
            whatsapp_template = self.whatsapp_template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bodies": bodies,
                "channel": channel,
                "name": name,
            }
        )
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if whatsapp_template is not UNSET:
            field_dict["whatsapp_template"] = whatsapp_template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaigns_template_in_bodies import CampaignsTemplateInBodies  # noqa: PLC0415
        from ..models.provider_template_in import ProviderTemplateIn  # noqa: PLC0415

        d = dict(src_dict)
        bodies = CampaignsTemplateInBodies.from_dict(d.pop("bodies"))

        channel = CampaignsTemplateInChannel(d.pop("channel"))

        name = d.pop("name")

        default_language = d.pop("default_language", UNSET)

        def _parse_whatsapp_template(data: object) -> None | ProviderTemplateIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                whatsapp_template_type_0 = ProviderTemplateIn.from_dict(data)

                return whatsapp_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderTemplateIn | Unset, data)

        whatsapp_template = _parse_whatsapp_template(d.pop("whatsapp_template", UNSET))

        campaigns_template_in = cls(
            bodies=bodies,
            channel=channel,
            name=name,
            default_language=default_language,
            whatsapp_template=whatsapp_template,
        )

        return campaigns_template_in
