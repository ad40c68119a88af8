"""Who is acting: the staff login behind an API key (or the CLI acting as owner)."""

from dataclasses import dataclass, field
from enum import StrEnum

from punchcard.kit.errors import Forbidden


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SCANNER = "scanner"


class Permission(StrEnum):
    CARDS_READ = "cards:read"
    CARDS_WRITE = "cards:write"  # issue cards, add stamps
    CARDS_CORRECT = "cards:correct"  # take stamps off a card (with a reason)
    VOUCHERS_READ = "vouchers:read"
    VOUCHERS_REDEEM = "vouchers:redeem"
    VOUCHERS_ISSUE = "vouchers:issue"
    CUSTOMERS_READ = "customers:read"
    CUSTOMERS_WRITE = "customers:write"
    CUSTOMERS_ERASE = "customers:erase"  # GDPR erasure of a customer's personal data
    DATA_IMPORT = "data:import"  # CSV imports of customers and card balances
    DATA_EXPORT = "data:export"  # CSV exports (location-bound staff: their location's)
    PROGRAMS_READ = "programs:read"
    PROGRAMS_MANAGE = "programs:manage"  # programs and voucher templates
    LOCATIONS_MANAGE = "locations:manage"
    STAFF_MANAGE = "staff:manage"  # staff logins and their API keys
    EVENTS_READ = "events:read"
    WEBHOOKS_MANAGE = "webhooks:manage"  # webhook endpoints and Zapier/Make subscriptions
    POS_MANAGE = "pos:manage"  # POS connectors, their secrets and sales logs
    WALLET_PASSES = "wallet:passes"  # hand a customer's card out as a wallet pass or link
    CHANNELS_MANAGE = "channels:manage"  # messaging channels: credentials, test messages
    CAMPAIGNS_MANAGE = "campaigns:manage"  # message templates, audiences, campaigns
    AUTOMATIONS_READ = "automations:read"  # automations, their log and dry runs
    AUTOMATIONS_MANAGE = "automations:manage"  # create, change, enable, disable, delete
    BUSINESS_MANAGE = "business:manage"


_SCANNER = {
    Permission.CARDS_READ,
    Permission.CARDS_WRITE,
    Permission.VOUCHERS_READ,
    Permission.VOUCHERS_REDEEM,
    Permission.CUSTOMERS_READ,
    Permission.CUSTOMERS_WRITE,
    Permission.PROGRAMS_READ,
}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SCANNER: frozenset(_SCANNER),
    Role.MANAGER: frozenset(set(Permission) - {Permission.BUSINESS_MANAGE}),
    Role.OWNER: frozenset(Permission),
}
# What each role may grant: a login never hands out more than it has.
RANK = {Role.SCANNER: 0, Role.MANAGER: 1, Role.OWNER: 2}
# Changes that reach every location (the programs and rewards all locations share, webhooks
# carrying every location's events, automations acting on every customer, the business
# itself): staff bound to a location may not.
BUSINESS_WIDE = frozenset(
    {
        Permission.PROGRAMS_MANAGE,
        Permission.WEBHOOKS_MANAGE,
        Permission.AUTOMATIONS_MANAGE,
        Permission.BUSINESS_MANAGE,
    }
)


@dataclass(frozen=True, slots=True)
class Actor:
    business_id: str
    role: Role
    staff_id: str | None = None
    staff_name: str | None = None
    location_id: str | None = None
    api_key_id: str | None = None
    # The hash of a key this process knew but did not look up for this request: the service's
    # first statement must confirm it (staff.key_check); None once confirmed.
    unconfirmed_key: str | None = field(default=None, repr=False)

    @classmethod
    def system(cls, business_id: str) -> "Actor":
        """The CLI and internal jobs act with the owner's rights and no staff login."""
        return cls(business_id=business_id, role=Role.OWNER)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise Forbidden(
                "insufficient_role",
                f"A {self.role.value} key may not do this (needs '{permission.value}').",
                required_permission=permission.value,
                role=self.role.value,
            )
        if permission in BUSINESS_WIDE:
            self.require_location(None)

    def reaches(self, location_id: str | None) -> bool:
        """Whether this login may see and change what belongs to ``location_id`` (None: every
        location, or the business as a whole)."""
        return self.location_id is None or self.location_id == location_id

    def require_location(self, location_id: str | None) -> None:
        if not self.reaches(location_id):
            where = f"location '{location_id}'" if location_id else "every location"
            raise Forbidden(
                "location_forbidden",
                f"This key's staff login is bound to location '{self.location_id}' and may not "
                f"act for {where}.",
                location_id=self.location_id,
            )
