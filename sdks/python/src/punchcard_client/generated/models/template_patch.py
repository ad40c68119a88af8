from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provider_template_in import ProviderTemplateIn
    from ..models.template_patch_bodies import TemplatePatchBodies


T = TypeVar("T", bound="TemplatePatch")


@_attrs_define
class TemplatePatch:
    """Replace the name, or the bodies (with their default language and WhatsApp template).

    Attributes:
        bodies (TemplatePatchBodies | Unset):
        default_language (str | Unset):
        name (str | Unset):
        whatsapp_template (None | ProviderTemplateIn | Unset):
    """

    bodies: TemplatePatchBodies | Unset = UNSET
    default_language: str | Unset = UNSET
    name: str | Unset = UNSET
    whatsapp_template: None | ProviderTemplateIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provider_template_in import ProviderTemplateIn  # noqa: PLC0415

        bodies: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bodies, Unset):
            bodies = self.bodies.to_dict()

        default_language = self.default_language

        name = self.name

        whatsapp_template: dict[str, Any] | None | Unset
        if isinstance(self.whatsapp_template, Unset):
            whatsapp_template = UNSET
        elif isinstance(self.whatsapp_template, ProviderTemplateIn):
            whatsapp_template = self.whatsapp_template.to_dict()
        else:
            whatsapp_template = self.whatsapp_template

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bodies is not UNSET:
            field_dict["bodies"] = bodies
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if name is not UNSET:
            field_dict["name"] = name
        if whatsapp_template is not UNSET:
            field_dict["whatsapp_template"] = whatsapp_template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provider_template_in import ProviderTemplateIn  # noqa: PLC0415
        from ..models.template_patch_bodies import TemplatePatchBodies  # noqa: PLC0415

        d = dict(src_dict)
        _bodies = d.pop("bodies", UNSET)
        bodies: TemplatePatchBodies | Unset
        if isinstance(_bodies, Unset):
            bodies = UNSET
        else:
            bodies = TemplatePatchBodies.from_dict(_bodies)

        default_language = d.pop("default_language", UNSET)

        name = d.pop("name", UNSET)

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

        template_patch = cls(
            bodies=bodies,
            default_language=default_language,
            name=name,
            whatsapp_template=whatsapp_template,
        )

        return template_patch
