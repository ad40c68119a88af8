from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_counts_channel import CampaignCountsChannel

if TYPE_CHECKING:
    from ..models.campaign_counts_reasons import CampaignCountsReasons


T = TypeVar("T", bound="CampaignCounts")


@_attrs_define
class CampaignCounts:
    """
    Attributes:
        channel (CampaignCountsChannel):
        failed (int): The provider refused, or retries ran out.
        finished_at (datetime.datetime):
        id (str):
        name (str):
        reasons (CampaignCountsReasons): Failed and skipped deliveries by reason.
        recipients (int): Deliveries: one per customer of the audience.
        sent (int):
        skipped (int): Not sent: no consent, no address, cancelled, ...
        started_at (datetime.datetime):
    """

    channel: CampaignCountsChannel
    failed: int
    finished_at: datetime.datetime
    id: str
    name: str
    reasons: CampaignCountsReasons
    recipients: int
    sent: int
    skipped: int
    started_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        failed = self.failed

        finished_at = self.finished_at.isoformat()

        id = self.id

        name = self.name

        reasons = self.reasons.to_dict()

        recipients = self.recipients

        sent = self.sent

        skipped = self.skipped

        started_at = self.started_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "failed": failed,
                "finished_at": finished_at,
                "id": id,
                "name": name,
                "reasons": reasons,
                "recipients": recipients,
                "sent": sent,
                "skipped": skipped,
                "started_at": started_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_counts_reasons import CampaignCountsReasons  # noqa: PLC0415

        d = dict(src_dict)
        channel = CampaignCountsChannel(d.pop("channel"))

        failed = d.pop("failed")

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))

        id = d.pop("id")

        name = d.pop("name")

        reasons = CampaignCountsReasons.from_dict(d.pop("reasons"))

        recipients = d.pop("recipients")

        sent = d.pop("sent")

        skipped = d.pop("skipped")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        campaign_counts = cls(
            channel=channel,
            failed=failed,
            finished_at=finished_at,
            id=id,
            name=name,
            reasons=reasons,
            recipients=recipients,
            sent=sent,
            skipped=skipped,
            started_at=started_at,
        )

        campaign_counts.additional_properties = d
        return campaign_counts

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
