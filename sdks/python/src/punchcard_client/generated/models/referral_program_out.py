from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.generated_codes import GeneratedCodes
    from ..models.pool_codes import PoolCodes
    from ..models.pool_out import PoolOut
    from ..models.redemption_conversion import RedemptionConversion
    from ..models.reward_limit import RewardLimit
    from ..models.sale_conversion import SaleConversion
    from ..models.stamp_conversion import StampConversion
    from ..models.tier import Tier


T = TypeVar("T", bound="ReferralProgramOut")


@_attrs_define
class ReferralProgramOut:
    """
    Attributes:
        archived (bool):
        code (GeneratedCodes | PoolCodes):
        conversion (RedemptionConversion | SaleConversion | StampConversion):
        created_at (datetime.datetime):
        ends_at (datetime.datetime | None):
        id (str):
        limit (None | RewardLimit):
        name (str):
        pool (None | PoolOut): A pool program's codes.
        program_id (str):
        referee_template_id (None | str):
        referrer_template_id (None | str):
        starts_at (datetime.datetime | None):
        tiers (list[Tier]):
        updated_at (datetime.datetime):
    """

    archived: bool
    code: GeneratedCodes | PoolCodes
    conversion: RedemptionConversion | SaleConversion | StampConversion
    created_at: datetime.datetime
    ends_at: datetime.datetime | None
    id: str
    limit: None | RewardLimit
    name: str
    pool: None | PoolOut
    program_id: str
    referee_template_id: None | str
    referrer_template_id: None | str
    starts_at: datetime.datetime | None
    tiers: list[Tier]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.generated_codes import GeneratedCodes  # noqa: PLC0415
        from ..models.pool_out import PoolOut  # noqa: PLC0415
        from ..models.redemption_conversion import RedemptionConversion  # noqa: PLC0415
        from ..models.reward_limit import RewardLimit  # noqa: PLC0415
        from ..models.stamp_conversion import StampConversion  # noqa: PLC0415

        archived = self.archived

        code: dict[str, Any]
        if isinstance(self.code, GeneratedCodes):
            code = self.code.to_dict()
        else:
            code = self.code.to_dict()

        conversion: dict[str, Any]
        if isinstance(self.conversion, StampConversion):
            conversion = self.conversion.to_dict()
        elif isinstance(self.conversion, RedemptionConversion):
            conversion = self.conversion.to_dict()
        else:
            conversion = self.conversion.to_dict()

        created_at = self.created_at.isoformat()

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        id = self.id

        limit: dict[str, Any] | None
        if isinstance(self.limit, RewardLimit):
            limit = self.limit.to_dict()
        else:
            limit = self.limit

        name = self.name

        pool: dict[str, Any] | None
        if isinstance(self.pool, PoolOut):
            pool = self.pool.to_dict()
        else:
            pool = self.pool

        program_id = self.program_id

        referee_template_id: None | str
        referee_template_id = self.referee_template_id

        referrer_template_id: None | str
        referrer_template_id = self.referrer_template_id

        starts_at: None | str
        if isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived": archived,
                "code": code,
                "conversion": conversion,
                "created_at": created_at,
                "ends_at": ends_at,
                "id": id,
                "limit": limit,
                "name": name,
                "pool": pool,
                "program_id": program_id,
                "referee_template_id": referee_template_id,
                "referrer_template_id": referrer_template_id,
                "starts_at": starts_at,
                "tiers": tiers,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generated_codes import GeneratedCodes  # noqa: PLC0415
        from ..models.pool_codes import PoolCodes  # noqa: PLC0415
        from ..models.pool_out import PoolOut  # noqa: PLC0415
        from ..models.redemption_conversion import RedemptionConversion  # noqa: PLC0415
        from ..models.reward_limit import RewardLimit  # noqa: PLC0415
        from ..models.sale_conversion import SaleConversion  # noqa: PLC0415
        from ..models.stamp_conversion import StampConversion  # noqa: PLC0415
        from ..models.tier import Tier  # noqa: PLC0415

        d = dict(src_dict)
        archived = d.pop("archived")

        def _parse_code(data: object) -> GeneratedCodes | PoolCodes:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                code_type_0 = GeneratedCodes.from_dict(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            code_type_1 = PoolCodes.from_dict(data)

            return code_type_1

        code = _parse_code(d.pop("code"))

        def _parse_conversion(data: object) -> RedemptionConversion | SaleConversion | StampConversion:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversion_type_0 = StampConversion.from_dict(data)

                return conversion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversion_type_1 = RedemptionConversion.from_dict(data)

                return conversion_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            conversion_type_2 = SaleConversion.from_dict(data)

            return conversion_type_2

        conversion = _parse_conversion(d.pop("conversion"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        id = d.pop("id")

        def _parse_limit(data: object) -> None | RewardLimit:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_0 = RewardLimit.from_dict(data)

                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RewardLimit, data)

        limit = _parse_limit(d.pop("limit"))

        name = d.pop("name")

        def _parse_pool(data: object) -> None | PoolOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pool_type_0 = PoolOut.from_dict(data)

                return pool_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolOut, data)

        pool = _parse_pool(d.pop("pool"))

        program_id = d.pop("program_id")

        def _parse_referee_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referee_template_id = _parse_referee_template_id(d.pop("referee_template_id"))

        def _parse_referrer_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_template_id = _parse_referrer_template_id(d.pop("referrer_template_id"))

        def _parse_starts_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        starts_at = _parse_starts_at(d.pop("starts_at"))

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in _tiers:
            tiers_item = Tier.from_dict(tiers_item_data)

            tiers.append(tiers_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        referral_program_out = cls(
            archived=archived,
            code=code,
            conversion=conversion,
            created_at=created_at,
            ends_at=ends_at,
            id=id,
            limit=limit,
            name=name,
            pool=pool,
            program_id=program_id,
            referee_template_id=referee_template_id,
            referrer_template_id=referrer_template_id,
            starts_at=starts_at,
            tiers=tiers,
            updated_at=updated_at,
        )

        referral_program_out.additional_properties = d
        return referral_program_out

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
