"""The navigation: one entry per page area, shown to logins whose role may use it."""

from dataclasses import dataclass

from punchcard.staff.actor import Actor, Permission, Role


@dataclass(frozen=True)
class NavEntry:
    path: str
    label: dict[str, str]  # per language
    permission: Permission

    def shown_to(self, actor: Actor) -> bool:
        return actor.can(self.permission) and (actor.role != Role.SCANNER or self.path == "/scan")


NAV = [
    NavEntry("/dashboard", {"en": "Overview", "de": "Übersicht"}, Permission.EVENTS_READ),
    NavEntry("/scan", {"en": "Scanner", "de": "Scanner"}, Permission.CARDS_WRITE),
    NavEntry(
        "/dashboard/customers", {"en": "Customers", "de": "Kunden"}, Permission.CUSTOMERS_READ
    ),
    NavEntry(
        "/dashboard/programs", {"en": "Programs", "de": "Programme"}, Permission.PROGRAMS_READ
    ),
    NavEntry(
        "/dashboard/campaigns", {"en": "Campaigns", "de": "Kampagnen"}, Permission.CAMPAIGNS_MANAGE
    ),
    NavEntry("/dashboard/staff", {"en": "Team", "de": "Team"}, Permission.STAFF_MANAGE),
    NavEntry(
        "/dashboard/locations", {"en": "Locations", "de": "Standorte"}, Permission.STAFF_MANAGE
    ),
    NavEntry(
        "/dashboard/integrations",
        {"en": "API & Integrations", "de": "API & Integrationen"},
        Permission.STAFF_MANAGE,
    ),
    NavEntry(
        "/dashboard/settings",
        {"en": "Settings", "de": "Einstellungen"},
        Permission.BUSINESS_MANAGE,
    ),
]
