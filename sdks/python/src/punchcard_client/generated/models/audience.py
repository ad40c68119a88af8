from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.audience_consent_type_0 import AudienceConsentType0
from ..models.audience_reachable_on_type_0 import AudienceReachableOnType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience_metadata_type_0 import AudienceMetadataType0
    from ..models.range_ import Range


T = TypeVar("T", bound="Audience")


@_attrs_define
class Audience:
    """Who a campaign goes to: customers matching every given filter (none: everyone).
    Card filters match a customer's active cards (of ``program_id`` when given).

        Attributes:
            birthday_month (int | None | Unset):
            consent (AudienceConsentType0 | None | Unset): Granted marketing consent on this channel.
            has_unredeemed_voucher (bool | None | Unset): Holds (true) or holds no (false) issued, unexpired voucher.
            languages (list[str] | None | Unset):
            last_stamp_after (datetime.datetime | None | Unset):
            last_stamp_before (datetime.datetime | None | Unset):
            last_stamp_location_id (None | str | Unset): The card's latest stamp was given at this location.
            lifetime_stamps (None | Range | Unset):
            metadata (AudienceMetadataType0 | None | Unset): Each key equals the value.
            program_id (None | str | Unset): Holds an active card of this program.
            reachable_on (AudienceReachableOnType0 | None | Unset): A marketing message on this channel would go (address
                and consent).
            stamps (None | Range | Unset): Stamps this round on the card.
    """

    birthday_month: int | None | Unset = UNSET
    consent: AudienceConsentType0 | None | Unset = UNSET
    has_unredeemed_voucher: bool | None | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    last_stamp_after: datetime.datetime | None | Unset = UNSET
    last_stamp_before: datetime.datetime | None | Unset = UNSET
    last_stamp_location_id: None | str | Unset = UNSET
    lifetime_stamps: None | Range | Unset = UNSET
    metadata: AudienceMetadataType0 | None | Unset = UNSET
    program_id: None | str | Unset = UNSET
    reachable_on: AudienceReachableOnType0 | None | Unset = UNSET
    stamps: None | Range | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.audience_metadata_type_0 import AudienceMetadataType0  # noqa: PLC0415
        from ..models.range_ import Range  # noqa: PLC0415

        birthday_month: int | None | Unset
        if isinstance(self.birthday_month, Unset):
            birthday_month = UNSET
        else:
            birthday_month = self.birthday_month

        consent: None | str | Unset
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, AudienceConsentType0):
            consent = self.consent.value
        else:
            consent = self.consent

        has_unredeemed_voucher: bool | None | Unset
        if isinstance(self.has_unredeemed_voucher, Unset):
            has_unredeemed_voucher = UNSET
        else:
            has_unredeemed_voucher = self.has_unredeemed_voucher

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages

        else:
            languages = self.languages

        last_stamp_after: None | str | Unset
        if isinstance(self.last_stamp_after, Unset):
            last_stamp_after = UNSET
        elif isinstance(self.last_stamp_after, datetime.datetime):
            last_stamp_after = self.last_stamp_after.isoformat()
        else:
            last_stamp_after = self.last_stamp_after

        last_stamp_before: None | str | Unset
        if isinstance(self.last_stamp_before, Unset):
            last_stamp_before = UNSET
        elif isinstance(self.last_stamp_before, datetime.datetime):
            last_stamp_before = self.last_stamp_before.isoformat()
        else:
            last_stamp_before = self.last_stamp_before

        last_stamp_location_id: None | str | Unset
        if isinstance(self.last_stamp_location_id, Unset):
            last_stamp_location_id = UNSET
        else:
            last_stamp_location_id = self.last_stamp_location_id

        lifetime_stamps: dict[str, Any] | None | Unset
        if isinstance(self.lifetime_stamps, Unset):
            lifetime_stamps = UNSET
        elif isinstance(self.lifetime_stamps, Range):
            lifetime_stamps = self.lifetime_stamps.to_dict()
        else:
            lifetime_stamps = self.lifetime_stamps

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AudienceMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        program_id: None | str | Unset
        if isinstance(self.program_id, Unset):
            program_id = UNSET
        else:
            program_id = self.program_id

        reachable_on: None | str | Unset
        if isinstance(self.reachable_on, Unset):
            reachable_on = UNSET
        elif isinstance(self.reachable_on, AudienceReachableOnType0):
            reachable_on = self.reachable_on.value
        else:
            reachable_on = self.reachable_on

        stamps: dict[str, Any] | None | Unset
        if isinstance(self.stamps, Unset):
            stamps = UNSET
        elif isinstance(self.stamps, Range):
            stamps = self.stamps.to_dict()
        else:
            stamps = self.stamps

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birthday_month is not UNSET:
            field_dict["birthday_month"] = birthday_month
        if consent is not UNSET:
            field_dict["consent"] = consent
        if has_unredeemed_voucher is not UNSET:
            field_dict["has_unredeemed_voucher"] = has_unredeemed_voucher
        if languages is not UNSET:
            field_dict["languages"] = languages
        if last_stamp_after is not UNSET:
            field_dict["last_stamp_after"] = last_stamp_after
        if last_stamp_before is not UNSET:
            field_dict["last_stamp_before"] = last_stamp_before
        if last_stamp_location_id is not UNSET:
            field_dict["last_stamp_location_id"] = last_stamp_location_id
        if lifetime_stamps is not UNSET:
            field_dict["lifetime_stamps"] = lifetime_stamps
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if program_id is not UNSET:
            field_dict["program_id"] = program_id
        if reachable_on is not UNSET:
            field_dict["reachable_on"] = reachable_on
        if stamps is not UNSET:
            field_dict["stamps"] = stamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience_metadata_type_0 import AudienceMetadataType0  # noqa: PLC0415
        from ..models.range_ import Range  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_birthday_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birthday_month = _parse_birthday_month(d.pop("birthday_month", UNSET))

        def _parse_consent(data: object) -> AudienceConsentType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_type_0 = AudienceConsentType0(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudienceConsentType0 | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))

        def _parse_has_unredeemed_voucher(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_unredeemed_voucher = _parse_has_unredeemed_voucher(d.pop("has_unredeemed_voucher", UNSET))

        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_last_stamp_after(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_stamp_after_type_0 = datetime.datetime.fromisoformat(data)

                return last_stamp_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_stamp_after = _parse_last_stamp_after(d.pop("last_stamp_after", UNSET))

        def _parse_last_stamp_before(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_stamp_before_type_0 = datetime.datetime.fromisoformat(data)

                return last_stamp_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_stamp_before = _parse_last_stamp_before(d.pop("last_stamp_before", UNSET))

        def _parse_last_stamp_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_stamp_location_id = _parse_last_stamp_location_id(d.pop("last_stamp_location_id", UNSET))

        def _parse_lifetime_stamps(data: object) -> None | Range | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lifetime_stamps_type_0 = Range.from_dict(data)

                return lifetime_stamps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Range | Unset, data)

        lifetime_stamps = _parse_lifetime_stamps(d.pop("lifetime_stamps", UNSET))

        def _parse_metadata(data: object) -> AudienceMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AudienceMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudienceMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_program_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program_id = _parse_program_id(d.pop("program_id", UNSET))

        def _parse_reachable_on(data: object) -> AudienceReachableOnType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reachable_on_type_0 = AudienceReachableOnType0(data)

                return reachable_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AudienceReachableOnType0 | None | Unset, data)

        reachable_on = _parse_reachable_on(d.pop("reachable_on", UNSET))

        def _parse_stamps(data: object) -> None | Range | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stamps_type_0 = Range.from_dict(data)

                return stamps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Range | Unset, data)

        stamps = _parse_stamps(d.pop("stamps", UNSET))

        audience = cls(
            birthday_month=birthday_month,
            consent=consent,
            has_unredeemed_voucher=has_unredeemed_voucher,
            languages=languages,
            last_stamp_after=last_stamp_after,
            last_stamp_before=last_stamp_before,
            last_stamp_location_id=last_stamp_location_id,
            lifetime_stamps=lifetime_stamps,
            metadata=metadata,
            program_id=program_id,
            reachable_on=reachable_on,
            stamps=stamps,
        )

        return audience
