"""The customer-facing words of wallet cards and pages, in the customer's language.

A plain catalogue: a few dozen short strings per language. Add a language by adding a
dictionary with the same keys (tests check that every language has every key)."""

from string import Template

DEFAULT = "en"
CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "stamps": "Stamps",
        "next_reward": "Next reward",
        "stamps_to_reward_one": "1 more stamp to $reward",
        "stamps_to_reward_other": "$count more stamps to $reward",
        "all_rewards_reached": "All rewards reached",
        "reward_ready": "Reward ready",
        "your_rewards": "Your rewards",
        "redeem_code": "Code",
        "valid_until": "Valid until $date",
        "terms": "Terms",
        "locations": "Locations",
        "opening_hours": "Opening hours",
        "website": "Website",
        "member": "Member",
    },
    "de": {
        "stamps": "Stempel",
        "next_reward": "Nächste Prämie",
        "stamps_to_reward_one": "Noch 1 Stempel bis $reward",
        "stamps_to_reward_other": "Noch $count Stempel bis $reward",
        "all_rewards_reached": "Alle Prämien erreicht",
        "reward_ready": "Prämie bereit",
        "your_rewards": "Deine Prämien",
        "redeem_code": "Code",
        "valid_until": "Gültig bis $date",
        "terms": "Bedingungen",
        "locations": "Standorte",
        "opening_hours": "Öffnungszeiten",
        "website": "Website",
        "member": "Mitglied",
    },
}
LANGUAGES = tuple(CATALOGUE)


def language_of(preferred: str | None) -> str:
    """The catalogue language for a customer's language tag ("de-AT" -> "de")."""
    if preferred:
        base = preferred.replace("_", "-").split("-")[0].lower()
        if base in CATALOGUE:
            return base
    return DEFAULT


def text(language: str, key: str, **values: object) -> str:
    return Template(CATALOGUE[language_of(language)][key]).safe_substitute(values)


def stamps_to_reward(language: str, count: int, reward: str) -> str:
    key = "stamps_to_reward_one" if count == 1 else "stamps_to_reward_other"
    return text(language, key, count=count, reward=reward)
