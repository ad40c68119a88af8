from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generated_codes import GeneratedCodes
    from ..models.pool_codes import PoolCodes
    from ..models.redemption_conversion import RedemptionConversion
    from ..models.reward_limit import RewardLimit
    from ..models.sale_conversion import SaleConversion
    from ..models.stamp_conversion import StampConversion
    from ..models.tier import Tier


T = TypeVar("T", bound="ReferralProgramUpdate")


@_attrs_define
class ReferralProgramUpdate:
    """Fields given replace the stored ones (null clears an optional one); referrals already
    made keep what they got.

        Attributes:
            code (GeneratedCodes | PoolCodes | Unset):
            conversion (RedemptionConversion | SaleConversion | StampConversion | Unset):
            ends_at (datetime.datetime | None | Unset):
            limit (None | RewardLimit | Unset):
            name (str | Unset):
            referee_template_id (None | str | Unset):
            referrer_template_id (None | str | Unset):
            starts_at (datetime.datetime | None | Unset):
            tiers (list[Tier] | Unset):
    """

    code: GeneratedCodes | PoolCodes | Unset = UNSET
    conversion: RedemptionConversion | SaleConversion | StampConversion | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    limit: None | RewardLimit | Unset = UNSET
    name: str | Unset = UNSET
    referee_template_id: None | str | Unset = UNSET
    referrer_template_id: None | str | Unset = UNSET
    starts_at: datetime.datetime | None | Unset = UNSET
    tiers: list[Tier] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.generated_codes import GeneratedCodes  # noqa: PLC0415
        from ..models.redemption_conversion import RedemptionConversion  # noqa: PLC0415
        from ..models.reward_limit import RewardLimit  # noqa: PLC0415
        from ..models.stamp_conversion import StampConversion  # noqa: PLC0415

        code: dict[str, Any] | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        elif isinstance(self.code, GeneratedCodes):
            code = self.code.to_dict()
        else:
            code = self.code.to_dict()

        conversion: dict[str, Any] | Unset
        if isinstance(self.conversion, Unset):
            conversion = UNSET
        elif isinstance(self.conversion, StampConversion):
            conversion = self.conversion.to_dict()
        elif isinstance(self.conversion, RedemptionConversion):
            conversion = self.conversion.to_dict()
        else:
            conversion = self.conversion.to_dict()

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        limit: dict[str, Any] | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        elif isinstance(self.limit, RewardLimit):
            limit = self.limit.to_dict()
        else:
            limit = self.limit

        name = self.name

        referee_template_id: None | str | Unset
        if isinstance(self.referee_template_id, Unset):
            referee_template_id = UNSET
        else:
            referee_template_id = self.referee_template_id

        referrer_template_id: None | str | Unset
        if isinstance(self.referrer_template_id, Unset):
            referrer_template_id = UNSET
        else:
            referrer_template_id = self.referrer_template_id

        starts_at: None | str | Unset
        if isinstance(self.starts_at, Unset):
            starts_at = UNSET
        elif isinstance(self.starts_at, datetime.datetime):
            starts_at = self.starts_at.isoformat()
        else:
            starts_at = self.starts_at

        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if conversion is not UNSET:
            field_dict["conversion"] = conversion
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if limit is not UNSET:
            field_dict["limit"] = limit
        if name is not UNSET:
            field_dict["name"] = name
        if referee_template_id is not UNSET:
            field_dict["referee_template_id"] = referee_template_id
        if referrer_template_id is not UNSET:
            field_dict["referrer_template_id"] = referrer_template_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generated_codes import GeneratedCodes  # noqa: PLC0415
        from ..models.pool_codes import PoolCodes  # noqa: PLC0415
        from ..models.redemption_conversion import RedemptionConversion  # noqa: PLC0415
        from ..models.reward_limit import RewardLimit  # noqa: PLC0415
        from ..models.sale_conversion import SaleConversion  # noqa: PLC0415
        from ..models.stamp_conversion import StampConversion  # noqa: PLC0415
        from ..models.tier import Tier  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_code(data: object) -> GeneratedCodes | PoolCodes | Unset:
            if isinstance(data, Unset):
                return data
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

        code = _parse_code(d.pop("code", UNSET))

        def _parse_conversion(data: object) -> RedemptionConversion | SaleConversion | StampConversion | Unset:
            if isinstance(data, Unset):
                return data
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

        conversion = _parse_conversion(d.pop("conversion", UNSET))

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_limit(data: object) -> None | RewardLimit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limit_type_0 = RewardLimit.from_dict(data)

                return limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RewardLimit | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        name = d.pop("name", UNSET)

        def _parse_referee_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referee_template_id = _parse_referee_template_id(d.pop("referee_template_id", UNSET))

        def _parse_referrer_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_template_id = _parse_referrer_template_id(d.pop("referrer_template_id", UNSET))

        def _parse_starts_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_at_type_0 = datetime.datetime.fromisoformat(data)

                return starts_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        starts_at = _parse_starts_at(d.pop("starts_at", UNSET))

        _tiers = d.pop("tiers", UNSET)
        tiers: list[Tier] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = Tier.from_dict(tiers_item_data)

                tiers.append(tiers_item)

        referral_program_update = cls(
            code=code,
            conversion=conversion,
            ends_at=ends_at,
            limit=limit,
            name=name,
            referee_template_id=referee_template_id,
            referrer_template_id=referrer_template_id,
            starts_at=starts_at,
            tiers=tiers,
        )

        return referral_program_update
