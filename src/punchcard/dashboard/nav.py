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
    NavEntry("/dashboard", {"en": "Overview", "de": "Übersicht"}, Permission.CARDS_READ),
    NavEntry("/scan", {"en": "Scanner", "de": "Scanner"}, Permission.CARDS_WRITE),
    NavEntry(
        "/dashboard/programs", {"en": "Programs", "de": "Programme"}, Permission.PROGRAMS_READ
    ),
    NavEntry(
        "/dashboard/integrations",
        {"en": "API & Integrations", "de": "API & Integrationen"},
        Permission.STAFF_MANAGE,
    ),
    NavEntry(
        "/dashboard/campaigns", {"en": "Campaigns", "de": "Kampagnen"}, Permission.CAMPAIGNS_MANAGE
    ),
]
