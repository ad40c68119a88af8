from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provider_template_in import ProviderTemplateIn
    from ..models.template_patch_bodies_type_0 import TemplatePatchBodiesType0


T = TypeVar("T", bound="TemplatePatch")


@_attrs_define
class TemplatePatch:
    """Replace the name, or the bodies (with their default language and WhatsApp template).

    Attributes:
        bodies (None | TemplatePatchBodiesType0 | Unset):
        default_language (None | str | Unset):
        name (None | str | Unset):
        whatsapp_template (None | ProviderTemplateIn | Unset):
    """

    bodies: None | TemplatePatchBodiesType0 | Unset = UNSET
    default_language: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    whatsapp_template: None | ProviderTemplateIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provider_template_in import ProviderTemplateIn  # noqa: PLC0415
        from ..models.template_patch_bodies_type_0 import TemplatePatchBodiesType0  # noqa: PLC0415

        bodies: dict[str, Any] | None | Unset
        if isinstance(self.bodies, Unset):
            bodies = UNSET
        elif isinstance(self.bodies, TemplatePatchBodiesType0):
            bodies = self.bodies.to_dict()
        else:
            bodies = self.bodies

        default_language: None | str | Unset
        if isinstance(self.default_language, Unset):
            default_language = UNSET
        else:
            default_language = self.default_language

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
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
        from ..models.template_patch_bodies_type_0 import TemplatePatchBodiesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bodies(data: object) -> None | TemplatePatchBodiesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bodies_type_0 = TemplatePatchBodiesType0.from_dict(data)

                return bodies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TemplatePatchBodiesType0 | Unset, data)

        bodies = _parse_bodies(d.pop("bodies", UNSET))

        def _parse_default_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_language = _parse_default_language(d.pop("default_language", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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
