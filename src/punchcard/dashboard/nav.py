"""The navigation: one entry per page area, shown to logins whose role may use it."""

from dataclasses import dataclass

from punchcard.staff.actor import Actor, Permission


@dataclass(frozen=True)
class NavEntry:
    path: str
    label: dict[str, str]  # per language
    permission: Permission

    def shown_to(self, actor: Actor) -> bool:
        return actor.can(self.permission)


NAV = [
    NavEntry("/dashboard", {"en": "Overview", "de": "Übersicht"}, Permission.EVENTS_READ),
    NavEntry(
        "/dashboard/customers", {"en": "Customers", "de": "Kunden"}, Permission.CUSTOMERS_READ
    ),
    NavEntry("/dashboard/staff", {"en": "Team", "de": "Team"}, Permission.STAFF_MANAGE),
    NavEntry(
        "/dashboard/locations", {"en": "Locations", "de": "Standorte"}, Permission.STAFF_MANAGE
    ),
    NavEntry(
        "/dashboard/settings",
        {"en": "Settings", "de": "Einstellungen"},
        Permission.BUSINESS_MANAGE,
    ),
]
