"""Contains all the data models used in inputs/outputs"""

from .accepted import Accepted
from .api_key_create import ApiKeyCreate
from .api_key_out import ApiKeyOut
from .api_key_out_status import ApiKeyOutStatus
from .api_key_secret_out import ApiKeySecretOut
from .api_key_secret_out_status import ApiKeySecretOutStatus
from .apple_signing_in import AppleSigningIn
from .apple_signing_out import AppleSigningOut
from .apple_signing_out_source import AppleSigningOutSource
from .attempt_out import AttemptOut
from .audience import Audience
from .audience_consent_type_0 import AudienceConsentType0
from .audience_count import AudienceCount
from .audience_metadata_type_0 import AudienceMetadataType0
from .audience_reachable_on_type_0 import AudienceReachableOnType0
from .automation_in import AutomationIn
from .automation_in_kind import AutomationInKind
from .automation_in_reminder_type_0 import AutomationInReminderType0
from .automation_info import AutomationInfo
from .automation_info_kind import AutomationInfoKind
from .automation_out import AutomationOut
from .automation_out_audience import AutomationOutAudience
from .automation_out_kind import AutomationOutKind
from .automation_out_reminder_type_0 import AutomationOutReminderType0
from .automation_patch import AutomationPatch
from .automation_patch_reminder_type_0 import AutomationPatchReminderType0
from .birthday_reached import BirthdayReached
from .bulk_row_result import BulkRowResult
from .bulk_row_result_status import BulkRowResultStatus
from .business_out import BusinessOut
from .business_update import BusinessUpdate
from .campaign_counts import CampaignCounts
from .campaign_counts_channel import CampaignCountsChannel
from .campaign_counts_reasons import CampaignCountsReasons
from .campaign_in import CampaignIn
from .campaign_in_channel import CampaignInChannel
from .campaign_info import CampaignInfo
from .campaign_info_channel import CampaignInfoChannel
from .campaign_out import CampaignOut
from .campaign_out_audience import CampaignOutAudience
from .campaign_out_counts_type_0 import CampaignOutCountsType0
from .campaign_out_quiet_hours_type_0 import CampaignOutQuietHoursType0
from .campaign_out_status import CampaignOutStatus
from .campaign_patch import CampaignPatch
from .campaign_sent import CampaignSent
from .campaigns_template_in import CampaignsTemplateIn
from .campaigns_template_in_bodies import CampaignsTemplateInBodies
from .campaigns_template_in_channel import CampaignsTemplateInChannel
from .campaigns_template_out import CampaignsTemplateOut
from .campaigns_template_out_bodies import CampaignsTemplateOutBodies
from .campaigns_template_out_bodies_additional_property import CampaignsTemplateOutBodiesAdditionalProperty
from .campaigns_template_out_whatsapp_template_type_0 import CampaignsTemplateOutWhatsappTemplateType0
from .card_issue import CardIssue
from .card_issued import CardIssued
from .card_issued_input import CardIssuedInput
from .card_issued_status import CardIssuedStatus
from .card_opened import CardOpened
from .card_opened_wallet import CardOpenedWallet
from .card_out import CardOut
from .card_out_status import CardOutStatus
from .card_ref import CardRef
from .card_saved import CardSaved
from .card_saved_wallet import CardSavedWallet
from .card_state import CardState
from .card_state_status import CardStateStatus
from .channel_list import ChannelList
from .channel_out import ChannelOut
from .channel_out_account import ChannelOutAccount
from .channel_out_settings import ChannelOutSettings
from .channel_out_transactional_type_0 import ChannelOutTransactionalType0
from .channel_out_type import ChannelOutType
from .channel_test import ChannelTest
from .channels_template_in import ChannelsTemplateIn
from .code_config import CodeConfig
from .code_generate import CodeGenerate
from .code_lookup_failure_out import CodeLookupFailureOut
from .code_lookup_failure_out_operation import CodeLookupFailureOutOperation
from .code_png_format import CodePngFormat
from .code_pool_empty import CodePoolEmpty
from .code_svg_format import CodeSvgFormat
from .configure_channel_channel import ConfigureChannelChannel
from .configure_channel_email_in import ConfigureChannelEmailIn
from .configure_channel_email_in_security import ConfigureChannelEmailInSecurity
from .configure_channel_email_in_transactional import ConfigureChannelEmailInTransactional
from .configure_channel_telegram_in import ConfigureChannelTelegramIn
from .configure_channel_telegram_in_transactional import ConfigureChannelTelegramInTransactional
from .configure_channel_viber_in import ConfigureChannelViberIn
from .configure_channel_viber_in_transactional import ConfigureChannelViberInTransactional
from .configure_channel_wallet_in import ConfigureChannelWalletIn
from .configure_channel_wallet_in_transactional import ConfigureChannelWalletInTransactional
from .configure_channel_whats_app_in import ConfigureChannelWhatsAppIn
from .configure_channel_whats_app_in_transactional import ConfigureChannelWhatsAppInTransactional
from .connector_create import ConnectorCreate
from .connector_create_type import ConnectorCreateType
from .connector_created import ConnectorCreated
from .connector_created_type import ConnectorCreatedType
from .connector_out import ConnectorOut
from .connector_out_type import ConnectorOutType
from .connector_update import ConnectorUpdate
from .consent_change_out import ConsentChangeOut
from .consent_change_out_channel import ConsentChangeOutChannel
from .conversion_info import ConversionInfo
from .conversion_info_on import ConversionInfoOn
from .conversion_out import ConversionOut
from .conversion_out_on import ConversionOutOn
from .custom_voucher import CustomVoucher
from .custom_voucher_formats_item import CustomVoucherFormatsItem
from .customer_bulk_result import CustomerBulkResult
from .customer_bulk_upsert import CustomerBulkUpsert
from .customer_channel_out import CustomerChannelOut
from .customer_channel_out_consent_type_0 import CustomerChannelOutConsentType0
from .customer_deleted import CustomerDeleted
from .customer_out import CustomerOut
from .customer_out_input import CustomerOutInput
from .customer_out_input_metadata import CustomerOutInputMetadata
from .customer_out_metadata import CustomerOutMetadata
from .customer_patch import CustomerPatch
from .customer_patch_consents import CustomerPatchConsents
from .customer_ref import CustomerRef
from .customer_referrals_out import CustomerReferralsOut
from .customer_updated import CustomerUpdated
from .customer_updated_changed_item import CustomerUpdatedChangedItem
from .customer_upsert import CustomerUpsert
from .customer_upsert_metadata_type_0 import CustomerUpsertMetadataType0
from .customer_with_channels import CustomerWithChannels
from .customer_with_channels_channels import CustomerWithChannelsChannels
from .customer_with_channels_metadata import CustomerWithChannelsMetadata
from .delete_channel_channel import DeleteChannelChannel
from .delivery_out import DeliveryOut
from .delivery_out_status import DeliveryOutStatus
from .download_codes_status_type_0 import DownloadCodesStatusType0
from .draw_out import DrawOut
from .draw_out_via import DrawOutVia
from .drawn_variant import DrawnVariant
from .dry_run_out import DryRunOut
from .duplicates import Duplicates
from .endpoint_create import EndpointCreate
from .endpoint_create_event_types_item import EndpointCreateEventTypesItem
from .endpoint_info import EndpointInfo
from .endpoint_out import EndpointOut
from .endpoint_secret_out import EndpointSecretOut
from .endpoint_update import EndpointUpdate
from .endpoint_update_event_types_item import EndpointUpdateEventTypesItem
from .event_type_out import EventTypeOut
from .event_type_out_sample import EventTypeOutSample
from .event_type_out_schema import EventTypeOutSchema
from .export_csv_kind import ExportCsvKind
from .fixed_code import FixedCode
from .generate_result import GenerateResult
from .generated_code import GeneratedCode
from .generated_codes import GeneratedCodes
from .get_channel_channel import GetChannelChannel
from .goal_in import GoalIn
from .goal_info import GoalInfo
from .goal_out import GoalOut
from .goal_reached import GoalReached
from .healthz_response_healthz import HealthzResponseHealthz
from .history_out import HistoryOut
from .history_out_data_item import HistoryOutDataItem
from .hook_out import HookOut
from .hook_subscribe import HookSubscribe
from .hook_subscribe_event import HookSubscribeEvent
from .identifier_out import IdentifierOut
from .import_codes_json_code_import import ImportCodesJsonCodeImport
from .import_out import ImportOut
from .import_out_columns import ImportOutColumns
from .import_out_kind import ImportOutKind
from .import_out_on_error import ImportOutOnError
from .import_out_status import ImportOutStatus
from .import_result import ImportResult
from .import_row_out import ImportRowOut
from .import_row_out_result_type_0 import ImportRowOutResultType0
from .import_row_out_status import ImportRowOutStatus
from .inactivity_trigger import InactivityTrigger
from .join_link_out import JoinLinkOut
from .join_qr_image_type import JoinQrImageType
from .list_automations_kind_type_0 import ListAutomationsKindType0
from .list_campaigns_status_type_0 import ListCampaignsStatusType0
from .list_cards_status_type_0 import ListCardsStatusType0
from .list_deliveries_status_type_0 import ListDeliveriesStatusType0
from .list_events_type_type_0 import ListEventsTypeType0
from .list_messages_event_type_type_0 import ListMessagesEventTypeType0
from .list_messages_status_type_0 import ListMessagesStatusType0
from .list_program_refusals_reason_type_0 import ListProgramRefusalsReasonType0
from .list_programs_status_type_0 import ListProgramsStatusType0
from .list_referrals_status_type_0 import ListReferralsStatusType0
from .list_refusals_reason_type_0 import ListRefusalsReasonType0
from .list_rows_status_type_0 import ListRowsStatusType0
from .list_runs_status_type_0 import ListRunsStatusType0
from .list_sales_outcome_type_0 import ListSalesOutcomeType0
from .list_vouchers_status_type_0 import ListVouchersStatusType0
from .list_vouchers_type_type_0 import ListVouchersTypeType0
from .location_create import LocationCreate
from .location_out import LocationOut
from .location_update import LocationUpdate
from .lottery_create import LotteryCreate
from .lottery_out import LotteryOut
from .lottery_played import LotteryPlayed
from .lottery_result import LotteryResult
from .lottery_update import LotteryUpdate
from .match import Match
from .me_out import MeOut
from .message_action import MessageAction
from .message_action_channel import MessageActionChannel
from .message_action_out import MessageActionOut
from .message_out import MessageOut
from .message_out_status import MessageOutStatus
from .next_goal import NextGoal
from .page_api_key_out import PageApiKeyOut
from .page_attempt_out import PageAttemptOut
from .page_automation_out import PageAutomationOut
from .page_campaign_out import PageCampaignOut
from .page_campaigns_template_out import PageCampaignsTemplateOut
from .page_card_state import PageCardState
from .page_code_lookup_failure_out import PageCodeLookupFailureOut
from .page_connector_out import PageConnectorOut
from .page_consent_change_out import PageConsentChangeOut
from .page_customer_out import PageCustomerOut
from .page_delivery_out import PageDeliveryOut
from .page_draw_out import PageDrawOut
from .page_endpoint_out import PageEndpointOut
from .page_hook_out import PageHookOut
from .page_import_out import PageImportOut
from .page_import_row_out import PageImportRowOut
from .page_location_out import PageLocationOut
from .page_lottery_out import PageLotteryOut
from .page_message_out import PageMessageOut
from .page_program_out import PageProgramOut
from .page_referral_out import PageReferralOut
from .page_referral_program_out import PageReferralProgramOut
from .page_referrer_out import PageReferrerOut
from .page_refusal_out import PageRefusalOut
from .page_run_out import PageRunOut
from .page_sale_out import PageSaleOut
from .page_staff_out import PageStaffOut
from .page_voucher_out import PageVoucherOut
from .page_vouchers_template_out import PageVouchersTemplateOut
from .parts import Parts
from .pattern_code import PatternCode
from .per_amount import PerAmount
from .per_receipt import PerReceipt
from .play_in import PlayIn
from .play_in_via import PlayInVia
from .play_out import PlayOut
from .play_out_via import PlayOutVia
from .pool_code import PoolCode
from .pool_codes import PoolCodes
from .pool_info import PoolInfo
from .pool_out import PoolOut
from .pool_status import PoolStatus
from .pool_upload import PoolUpload
from .pool_uploaded import PoolUploaded
from .pos_redeem import PosRedeem
from .pos_secret_out import PosSecretOut
from .poster_in import PosterIn
from .poster_out import PosterOut
from .poster_update import PosterUpdate
from .preview_in import PreviewIn
from .preview_out import PreviewOut
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .program_create import ProgramCreate
from .program_create_after_last_goal import ProgramCreateAfterLastGoal
from .program_info import ProgramInfo
from .program_out import ProgramOut
from .program_out_after_last_goal import ProgramOutAfterLastGoal
from .program_out_status import ProgramOutStatus
from .program_update import ProgramUpdate
from .program_update_after_last_goal import ProgramUpdateAfterLastGoal
from .program_update_status import ProgramUpdateStatus
from .provider_template_in import ProviderTemplateIn
from .provider_template_in_parameters_item import ProviderTemplateInParametersItem
from .quiet_hours import QuietHours
from .range_ import Range
from .receive_webhook_generic_sale import ReceiveWebhookGenericSale
from .receive_webhook_generic_sale_customer_keys import ReceiveWebhookGenericSaleCustomerKeys
from .receive_webhook_generic_sale_sale_item import ReceiveWebhookGenericSaleSaleItem
from .receive_webhook_poster_webhook import ReceiveWebhookPosterWebhook
from .receive_webhook_poster_webhook_action import ReceiveWebhookPosterWebhookAction
from .receive_webhook_syrve_event import ReceiveWebhookSyrveEvent
from .receive_webhook_syrve_event_event_info_type_0 import ReceiveWebhookSyrveEventEventInfoType0
from .recover_in import RecoverIn
from .recover_out import RecoverOut
from .redeem_by_code import RedeemByCode
from .redeem_by_code_via import RedeemByCodeVia
from .redeem_by_id import RedeemById
from .redeem_by_id_via import RedeemByIdVia
from .redemption_conversion import RedemptionConversion
from .referral_converted import ReferralConverted
from .referral_info import ReferralInfo
from .referral_info_status import ReferralInfoStatus
from .referral_info_via import ReferralInfoVia
from .referral_join_out import ReferralJoinOut
from .referral_join_out_reason_type_0 import ReferralJoinOutReasonType0
from .referral_join_out_status import ReferralJoinOutStatus
from .referral_joined import ReferralJoined
from .referral_out import ReferralOut
from .referral_out_reward_type_0 import ReferralOutRewardType0
from .referral_out_status import ReferralOutStatus
from .referral_out_via import ReferralOutVia
from .referral_program_create import ReferralProgramCreate
from .referral_program_info import ReferralProgramInfo
from .referral_program_out import ReferralProgramOut
from .referral_program_update import ReferralProgramUpdate
from .referral_reward_info import ReferralRewardInfo
from .referral_reward_info_status import ReferralRewardInfoStatus
from .referrer_enrol import ReferrerEnrol
from .referrer_out import ReferrerOut
from .referrer_qr_image_type import ReferrerQrImageType
from .refusal_out import RefusalOut
from .refusal_out_reason import RefusalOutReason
from .refusal_out_via import RefusalOutVia
from .reminder_info import ReminderInfo
from .reminder_info_kind import ReminderInfoKind
from .removal_out import RemovalOut
from .removed import Removed
from .retry_now_out import RetryNowOut
from .reward_issued import RewardIssued
from .reward_limit import RewardLimit
from .reward_limit_per import RewardLimitPer
from .role import Role
from .rollback_in import RollbackIn
from .rolled_back_redemption import RolledBackRedemption
from .row_error import RowError
from .run_message import RunMessage
from .run_message_status import RunMessageStatus
from .run_out import RunOut
from .run_out_status import RunOutStatus
from .sale_conversion import SaleConversion
from .sale_out import SaleOut
from .sale_out_items_item import SaleOutItemsItem
from .sale_out_outcome import SaleOutOutcome
from .samples_response_200_item import SamplesResponse200Item
from .save_link import SaveLink
from .schedule_in import ScheduleIn
from .send_result_out import SendResultOut
from .send_result_out_status import SendResultOutStatus
from .staff_create import StaffCreate
from .staff_out import StaffOut
from .staff_update import StaffUpdate
from .stamp_add import StampAdd
from .stamp_added import StampAdded
from .stamp_conversion import StampConversion
from .stamp_info import StampInfo
from .stamp_out import StampOut
from .stamp_removal import StampRemoval
from .stamp_removal_info import StampRemovalInfo
from .stamps_removed import StampsRemoved
from .syrve_in import SyrveIn
from .syrve_out import SyrveOut
from .syrve_update import SyrveUpdate
from .template_create import TemplateCreate
from .template_create_formats_item import TemplateCreateFormatsItem
from .template_info import TemplateInfo
from .template_patch import TemplatePatch
from .template_patch_bodies import TemplatePatchBodies
from .template_update import TemplateUpdate
from .template_update_formats_item import TemplateUpdateFormatsItem
from .test_channel_channel import TestChannelChannel
from .test_event_in import TestEventIn
from .test_event_in_event_type import TestEventInEventType
from .tier import Tier
from .upload_files_body import UploadFilesBody
from .validate_code import ValidateCode
from .validation_out import ValidationOut
from .validation_out_reason_type_0 import ValidationOutReasonType0
from .variable_out import VariableOut
from .variant_in import VariantIn
from .variant_out import VariantOut
from .voucher_action import VoucherAction
from .voucher_action_out import VoucherActionOut
from .voucher_expired import VoucherExpired
from .voucher_issue import VoucherIssue
from .voucher_issue_metadata import VoucherIssueMetadata
from .voucher_issued import VoucherIssued
from .voucher_out import VoucherOut
from .voucher_out_metadata import VoucherOutMetadata
from .voucher_out_redeem_code_formats_item import VoucherOutRedeemCodeFormatsItem
from .voucher_out_status import VoucherOutStatus
from .voucher_out_type import VoucherOutType
from .voucher_redeemed import VoucherRedeemed
from .voucher_redemption_rolled_back import VoucherRedemptionRolledBack
from .voucher_ref import VoucherRef
from .voucher_ref_redeem_code_formats_item import VoucherRefRedeemCodeFormatsItem
from .voucher_ref_status import VoucherRefStatus
from .voucher_ref_type import VoucherRefType
from .voucher_reminder import VoucherReminder
from .vouchers_template_out import VouchersTemplateOut
from .vouchers_template_out_formats_item import VouchersTemplateOutFormatsItem
from .wallet_design_in import WalletDesignIn
from .wallet_design_in_barcode_format import WalletDesignInBarcodeFormat
from .wallet_design_out import WalletDesignOut
from .wallet_design_out_barcode_format import WalletDesignOutBarcodeFormat
from .web_link_out import WebLinkOut
from .webhook_endpoint_disabled import WebhookEndpointDisabled
from .webhooks_secret_out import WebhooksSecretOut

__all__ = (
    "Accepted",
    "ApiKeyCreate",
    "ApiKeyOut",
    "ApiKeyOutStatus",
    "ApiKeySecretOut",
    "ApiKeySecretOutStatus",
    "AppleSigningIn",
    "AppleSigningOut",
    "AppleSigningOutSource",
    "AttemptOut",
    "Audience",
    "AudienceConsentType0",
    "AudienceCount",
    "AudienceMetadataType0",
    "AudienceReachableOnType0",
    "AutomationIn",
    "AutomationInfo",
    "AutomationInfoKind",
    "AutomationInKind",
    "AutomationInReminderType0",
    "AutomationOut",
    "AutomationOutAudience",
    "AutomationOutKind",
    "AutomationOutReminderType0",
    "AutomationPatch",
    "AutomationPatchReminderType0",
    "BirthdayReached",
    "BulkRowResult",
    "BulkRowResultStatus",
    "BusinessOut",
    "BusinessUpdate",
    "CampaignCounts",
    "CampaignCountsChannel",
    "CampaignCountsReasons",
    "CampaignIn",
    "CampaignInChannel",
    "CampaignInfo",
    "CampaignInfoChannel",
    "CampaignOut",
    "CampaignOutAudience",
    "CampaignOutCountsType0",
    "CampaignOutQuietHoursType0",
    "CampaignOutStatus",
    "CampaignPatch",
    "CampaignSent",
    "CampaignsTemplateIn",
    "CampaignsTemplateInBodies",
    "CampaignsTemplateInChannel",
    "CampaignsTemplateOut",
    "CampaignsTemplateOutBodies",
    "CampaignsTemplateOutBodiesAdditionalProperty",
    "CampaignsTemplateOutWhatsappTemplateType0",
    "CardIssue",
    "CardIssued",
    "CardIssuedInput",
    "CardIssuedStatus",
    "CardOpened",
    "CardOpenedWallet",
    "CardOut",
    "CardOutStatus",
    "CardRef",
    "CardSaved",
    "CardSavedWallet",
    "CardState",
    "CardStateStatus",
    "ChannelList",
    "ChannelOut",
    "ChannelOutAccount",
    "ChannelOutSettings",
    "ChannelOutTransactionalType0",
    "ChannelOutType",
    "ChannelsTemplateIn",
    "ChannelTest",
    "CodeConfig",
    "CodeGenerate",
    "CodeLookupFailureOut",
    "CodeLookupFailureOutOperation",
    "CodePngFormat",
    "CodePoolEmpty",
    "CodeSvgFormat",
    "ConfigureChannelChannel",
    "ConfigureChannelEmailIn",
    "ConfigureChannelEmailInSecurity",
    "ConfigureChannelEmailInTransactional",
    "ConfigureChannelTelegramIn",
    "ConfigureChannelTelegramInTransactional",
    "ConfigureChannelViberIn",
    "ConfigureChannelViberInTransactional",
    "ConfigureChannelWalletIn",
    "ConfigureChannelWalletInTransactional",
    "ConfigureChannelWhatsAppIn",
    "ConfigureChannelWhatsAppInTransactional",
    "ConnectorCreate",
    "ConnectorCreated",
    "ConnectorCreatedType",
    "ConnectorCreateType",
    "ConnectorOut",
    "ConnectorOutType",
    "ConnectorUpdate",
    "ConsentChangeOut",
    "ConsentChangeOutChannel",
    "ConversionInfo",
    "ConversionInfoOn",
    "ConversionOut",
    "ConversionOutOn",
    "CustomerBulkResult",
    "CustomerBulkUpsert",
    "CustomerChannelOut",
    "CustomerChannelOutConsentType0",
    "CustomerDeleted",
    "CustomerOut",
    "CustomerOutInput",
    "CustomerOutInputMetadata",
    "CustomerOutMetadata",
    "CustomerPatch",
    "CustomerPatchConsents",
    "CustomerRef",
    "CustomerReferralsOut",
    "CustomerUpdated",
    "CustomerUpdatedChangedItem",
    "CustomerUpsert",
    "CustomerUpsertMetadataType0",
    "CustomerWithChannels",
    "CustomerWithChannelsChannels",
    "CustomerWithChannelsMetadata",
    "CustomVoucher",
    "CustomVoucherFormatsItem",
    "DeleteChannelChannel",
    "DeliveryOut",
    "DeliveryOutStatus",
    "DownloadCodesStatusType0",
    "DrawnVariant",
    "DrawOut",
    "DrawOutVia",
    "DryRunOut",
    "Duplicates",
    "EndpointCreate",
    "EndpointCreateEventTypesItem",
    "EndpointInfo",
    "EndpointOut",
    "EndpointSecretOut",
    "EndpointUpdate",
    "EndpointUpdateEventTypesItem",
    "EventTypeOut",
    "EventTypeOutSample",
    "EventTypeOutSchema",
    "ExportCsvKind",
    "FixedCode",
    "GeneratedCode",
    "GeneratedCodes",
    "GenerateResult",
    "GetChannelChannel",
    "GoalIn",
    "GoalInfo",
    "GoalOut",
    "GoalReached",
    "HealthzResponseHealthz",
    "HistoryOut",
    "HistoryOutDataItem",
    "HookOut",
    "HookSubscribe",
    "HookSubscribeEvent",
    "IdentifierOut",
    "ImportCodesJsonCodeImport",
    "ImportOut",
    "ImportOutColumns",
    "ImportOutKind",
    "ImportOutOnError",
    "ImportOutStatus",
    "ImportResult",
    "ImportRowOut",
    "ImportRowOutResultType0",
    "ImportRowOutStatus",
    "InactivityTrigger",
    "JoinLinkOut",
    "JoinQrImageType",
    "ListAutomationsKindType0",
    "ListCampaignsStatusType0",
    "ListCardsStatusType0",
    "ListDeliveriesStatusType0",
    "ListEventsTypeType0",
    "ListMessagesEventTypeType0",
    "ListMessagesStatusType0",
    "ListProgramRefusalsReasonType0",
    "ListProgramsStatusType0",
    "ListReferralsStatusType0",
    "ListRefusalsReasonType0",
    "ListRowsStatusType0",
    "ListRunsStatusType0",
    "ListSalesOutcomeType0",
    "ListVouchersStatusType0",
    "ListVouchersTypeType0",
    "LocationCreate",
    "LocationOut",
    "LocationUpdate",
    "LotteryCreate",
    "LotteryOut",
    "LotteryPlayed",
    "LotteryResult",
    "LotteryUpdate",
    "Match",
    "MeOut",
    "MessageAction",
    "MessageActionChannel",
    "MessageActionOut",
    "MessageOut",
    "MessageOutStatus",
    "NextGoal",
    "PageApiKeyOut",
    "PageAttemptOut",
    "PageAutomationOut",
    "PageCampaignOut",
    "PageCampaignsTemplateOut",
    "PageCardState",
    "PageCodeLookupFailureOut",
    "PageConnectorOut",
    "PageConsentChangeOut",
    "PageCustomerOut",
    "PageDeliveryOut",
    "PageDrawOut",
    "PageEndpointOut",
    "PageHookOut",
    "PageImportOut",
    "PageImportRowOut",
    "PageLocationOut",
    "PageLotteryOut",
    "PageMessageOut",
    "PageProgramOut",
    "PageReferralOut",
    "PageReferralProgramOut",
    "PageReferrerOut",
    "PageRefusalOut",
    "PageRunOut",
    "PageSaleOut",
    "PageStaffOut",
    "PageVoucherOut",
    "PageVouchersTemplateOut",
    "Parts",
    "PatternCode",
    "PerAmount",
    "PerReceipt",
    "PlayIn",
    "PlayInVia",
    "PlayOut",
    "PlayOutVia",
    "PoolCode",
    "PoolCodes",
    "PoolInfo",
    "PoolOut",
    "PoolStatus",
    "PoolUpload",
    "PoolUploaded",
    "PosRedeem",
    "PosSecretOut",
    "PosterIn",
    "PosterOut",
    "PosterUpdate",
    "PreviewIn",
    "PreviewOut",
    "Problem",
    "ProblemErrorsItem",
    "ProgramCreate",
    "ProgramCreateAfterLastGoal",
    "ProgramInfo",
    "ProgramOut",
    "ProgramOutAfterLastGoal",
    "ProgramOutStatus",
    "ProgramUpdate",
    "ProgramUpdateAfterLastGoal",
    "ProgramUpdateStatus",
    "ProviderTemplateIn",
    "ProviderTemplateInParametersItem",
    "QuietHours",
    "Range",
    "ReceiveWebhookGenericSale",
    "ReceiveWebhookGenericSaleCustomerKeys",
    "ReceiveWebhookGenericSaleSaleItem",
    "ReceiveWebhookPosterWebhook",
    "ReceiveWebhookPosterWebhookAction",
    "ReceiveWebhookSyrveEvent",
    "ReceiveWebhookSyrveEventEventInfoType0",
    "RecoverIn",
    "RecoverOut",
    "RedeemByCode",
    "RedeemByCodeVia",
    "RedeemById",
    "RedeemByIdVia",
    "RedemptionConversion",
    "ReferralConverted",
    "ReferralInfo",
    "ReferralInfoStatus",
    "ReferralInfoVia",
    "ReferralJoined",
    "ReferralJoinOut",
    "ReferralJoinOutReasonType0",
    "ReferralJoinOutStatus",
    "ReferralOut",
    "ReferralOutRewardType0",
    "ReferralOutStatus",
    "ReferralOutVia",
    "ReferralProgramCreate",
    "ReferralProgramInfo",
    "ReferralProgramOut",
    "ReferralProgramUpdate",
    "ReferralRewardInfo",
    "ReferralRewardInfoStatus",
    "ReferrerEnrol",
    "ReferrerOut",
    "ReferrerQrImageType",
    "RefusalOut",
    "RefusalOutReason",
    "RefusalOutVia",
    "ReminderInfo",
    "ReminderInfoKind",
    "RemovalOut",
    "Removed",
    "RetryNowOut",
    "RewardIssued",
    "RewardLimit",
    "RewardLimitPer",
    "Role",
    "RollbackIn",
    "RolledBackRedemption",
    "RowError",
    "RunMessage",
    "RunMessageStatus",
    "RunOut",
    "RunOutStatus",
    "SaleConversion",
    "SaleOut",
    "SaleOutItemsItem",
    "SaleOutOutcome",
    "SamplesResponse200Item",
    "SaveLink",
    "ScheduleIn",
    "SendResultOut",
    "SendResultOutStatus",
    "StaffCreate",
    "StaffOut",
    "StaffUpdate",
    "StampAdd",
    "StampAdded",
    "StampConversion",
    "StampInfo",
    "StampOut",
    "StampRemoval",
    "StampRemovalInfo",
    "StampsRemoved",
    "SyrveIn",
    "SyrveOut",
    "SyrveUpdate",
    "TemplateCreate",
    "TemplateCreateFormatsItem",
    "TemplateInfo",
    "TemplatePatch",
    "TemplatePatchBodies",
    "TemplateUpdate",
    "TemplateUpdateFormatsItem",
    "TestChannelChannel",
    "TestEventIn",
    "TestEventInEventType",
    "Tier",
    "UploadFilesBody",
    "ValidateCode",
    "ValidationOut",
    "ValidationOutReasonType0",
    "VariableOut",
    "VariantIn",
    "VariantOut",
    "VoucherAction",
    "VoucherActionOut",
    "VoucherExpired",
    "VoucherIssue",
    "VoucherIssued",
    "VoucherIssueMetadata",
    "VoucherOut",
    "VoucherOutMetadata",
    "VoucherOutRedeemCodeFormatsItem",
    "VoucherOutStatus",
    "VoucherOutType",
    "VoucherRedeemed",
    "VoucherRedemptionRolledBack",
    "VoucherRef",
    "VoucherRefRedeemCodeFormatsItem",
    "VoucherRefStatus",
    "VoucherRefType",
    "VoucherReminder",
    "VouchersTemplateOut",
    "VouchersTemplateOutFormatsItem",
    "WalletDesignIn",
    "WalletDesignInBarcodeFormat",
    "WalletDesignOut",
    "WalletDesignOutBarcodeFormat",
    "WebhookEndpointDisabled",
    "WebhooksSecretOut",
    "WebLinkOut",
)
