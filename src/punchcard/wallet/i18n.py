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
        # join page and web card
        "join_heading": "Collect stamps at $business",
        "join_intro": "Join the $program and get rewarded:",
        "reward_at": "$reward after $count stamps",
        "field_name": "Name",
        "field_email": "Email",
        "field_phone": "Phone",
        "field_birthday": "Birthday (optional)",
        "email_or_phone": "Email or phone: one is enough.",
        "field_consent": "Send me news and offers from $business",
        "field_referral_code": "Referral code (optional)",
        "join_submit": "Get my card",
        "errors_summary": "Please check the marked fields.",
        "error_name": "Please enter your name.",
        "error_email": "Please enter a valid email address.",
        "error_phone": "Please enter a valid phone number, e.g. +49 151 12345678.",
        "error_birthday": "Please enter a valid date.",
        "error_contact": "Please enter your email or phone number.",
        "error_characters": "Please remove the unusual characters.",
        "error_referral_code": "We do not know this referral code. Please check it, or leave "
        "the field empty.",
        "not_found_title": "Not found",
        "not_found_join": "This card program is not open for sign-ups.",
        "not_found_card": "This card link is not valid.",
        "sent_title": "Thank you",
        "sent": "If you already have a card with us, open it from your wallet or the link we "
        "sent you, or ask the staff to look it up.",
        "form_expired_title": "Please try again",
        "form_expired": "This form has expired or was sent from another site. Please open the "
        "sign-up page again.",
        "too_many_title": "Please wait a moment",
        "too_many": "There were too many attempts. Please try again in a few minutes.",
        "privacy_policy": "Privacy policy",
        "imprint": "Imprint",
        "web_card": "Your card online",
        "new_link": "Get a new link to this card",
        "new_link_hint": "Shared this page by mistake? A new link stops the old one from working.",
        "stamps_of": "$count of $total stamps",
        "scan_code_hint": "Show this code to collect stamps",
        "add_apple": "Add to Apple Wallet",
        "add_google": "Add to Google Wallet",
        "card_expired": "This card has expired.",
        "bookmark_hint": "Bookmark this page to find your card again.",
        "wallet_down_title": "Please try again",
        "wallet_down": "The wallet service did not answer. Please try again in a moment.",
        # channels: messages on the card, messenger links, unsubscribing, messenger replies
        "news": "News",
        "updates_telegram": "Get updates on Telegram",
        "updates_viber": "Get updates on Viber",
        "updates_whatsapp": "Get updates on WhatsApp",
        "channel_wallet": "wallet notifications",
        "channel_email": "email",
        "channel_telegram": "Telegram",
        "channel_whatsapp": "WhatsApp",
        "channel_viber": "Viber",
        "unsubscribe_question": "Stop offers and news from $business by $channel?",
        "unsubscribe_explain": "Messages about your card and your rewards may still arrive.",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed_title": "You are unsubscribed",
        "unsubscribed": "$business will no longer send you offers and news by $channel.",
        "not_found_link": "This link is not valid.",
        "linked_reply_telegram": "You will now get updates from $business here. "
        "Send /stop to unsubscribe.",
        "linked_reply_viber": "You will now get updates from $business here.",
        "linked_reply_whatsapp": "You will now get updates from $business here. "
        "Reply STOP to unsubscribe.",
        "stopped_reply": "You will no longer get updates from $business here.",
        "link_invalid_reply": "This link has expired. Open your card and tap the button again.",
        "whatsapp_opt_in": "Please send me updates (code $code)",
        # lotteries
        "lottery": "Lottery",
        "lottery_ticket": "Lottery ticket",
        "lottery_play": "Play now",
        "lottery_play_on_card": "Play on your card page: $url",
        "lottery_won": "You won: $prize",
        "lottery_no_prize": "No prize this time",
        "lottery_sold_out": "All prizes are gone for now. Your ticket stays valid.",
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
        # join page and web card
        "join_heading": "Stempel sammeln bei $business",
        "join_intro": "Mach mit bei $program und sichere dir Prämien:",
        "reward_at": "$reward ab $count Stempeln",
        "field_name": "Name",
        "field_email": "E-Mail",
        "field_phone": "Telefon",
        "field_birthday": "Geburtstag (optional)",
        "email_or_phone": "E-Mail oder Telefon: eines genügt.",
        "field_consent": "Schickt mir Neuigkeiten und Angebote von $business",
        "field_referral_code": "Empfehlungscode (optional)",
        "join_submit": "Meine Karte holen",
        "errors_summary": "Bitte prüfe die markierten Felder.",
        "error_name": "Bitte gib deinen Namen ein.",
        "error_email": "Bitte gib eine gültige E-Mail-Adresse ein.",
        "error_phone": "Bitte gib eine gültige Telefonnummer ein, z. B. +49 151 12345678.",
        "error_birthday": "Bitte gib ein gültiges Datum ein.",
        "error_contact": "Bitte gib deine E-Mail-Adresse oder Telefonnummer ein.",
        "error_characters": "Bitte entferne die ungewöhnlichen Zeichen.",
        "error_referral_code": "Diesen Empfehlungscode kennen wir nicht. Bitte prüf ihn oder "
        "lass das Feld leer.",
        "not_found_title": "Nicht gefunden",
        "not_found_join": "Für dieses Kartenprogramm ist keine Anmeldung möglich.",
        "not_found_card": "Dieser Kartenlink ist ungültig.",
        "sent_title": "Danke",
        "sent": "Wenn du schon eine Karte bei uns hast, öffne sie in deiner Wallet oder über den "
        "Link, den wir dir geschickt haben, oder frag das Personal.",
        "form_expired_title": "Bitte versuch es noch einmal",
        "form_expired": "Dieses Formular ist abgelaufen oder wurde von einer anderen Seite "
        "gesendet. Bitte öffne die Anmeldeseite noch einmal.",
        "too_many_title": "Bitte warte einen Moment",
        "too_many": "Es gab zu viele Versuche. Bitte versuch es in ein paar Minuten noch einmal.",
        "privacy_policy": "Datenschutzerklärung",
        "imprint": "Impressum",
        "web_card": "Deine Karte online",
        "new_link": "Neuen Link zu dieser Karte erstellen",
        "new_link_hint": "Seite aus Versehen geteilt? Ein neuer Link macht den alten ungültig.",
        "stamps_of": "$count von $total Stempeln",
        "scan_code_hint": "Zeig diesen Code, um Stempel zu sammeln",
        "add_apple": "Zu Apple Wallet hinzufügen",
        "add_google": "Zu Google Wallet hinzufügen",
        "card_expired": "Diese Karte ist abgelaufen.",
        "bookmark_hint": "Setz ein Lesezeichen, um deine Karte wiederzufinden.",
        "wallet_down_title": "Bitte versuch es noch einmal",
        "wallet_down": "Der Wallet-Dienst hat nicht geantwortet. Versuch es gleich noch einmal.",
        "news": "Neuigkeiten",
        "updates_telegram": "Neuigkeiten über Telegram",
        "updates_viber": "Neuigkeiten über Viber",
        "updates_whatsapp": "Neuigkeiten über WhatsApp",
        "channel_wallet": "Wallet-Benachrichtigung",
        "channel_email": "E-Mail",
        "channel_telegram": "Telegram",
        "channel_whatsapp": "WhatsApp",
        "channel_viber": "Viber",
        "unsubscribe_question": "Keine Angebote und Neuigkeiten von $business mehr per $channel?",
        "unsubscribe_explain": "Nachrichten zu deiner Karte und deinen Prämien kommen weiterhin.",
        "unsubscribe_button": "Abmelden",
        "unsubscribed_title": "Du bist abgemeldet",
        "unsubscribed": "$business schickt dir keine Angebote und Neuigkeiten mehr per $channel.",
        "not_found_link": "Dieser Link ist ungültig.",
        "linked_reply_telegram": "Du bekommst Neuigkeiten von $business jetzt hier. "
        "Sende /stop zum Abmelden.",
        "linked_reply_viber": "Du bekommst Neuigkeiten von $business jetzt hier.",
        "linked_reply_whatsapp": "Du bekommst Neuigkeiten von $business jetzt hier. "
        "Antworte STOP zum Abmelden.",
        "stopped_reply": "Du bekommst keine Neuigkeiten von $business mehr hier.",
        "link_invalid_reply": "Dieser Link ist abgelaufen. Öffne deine Karte und tippe erneut.",
        "whatsapp_opt_in": "Bitte schickt mir Neuigkeiten (Code $code)",
        # lotteries
        "lottery": "Gewinnspiel",
        "lottery_ticket": "Gewinnspiel-Los",
        "lottery_play": "Jetzt spielen",
        "lottery_play_on_card": "Spiel auf deiner Kartenseite: $url",
        "lottery_won": "Gewonnen: $prize",
        "lottery_no_prize": "Diesmal leider kein Gewinn",
        "lottery_sold_out": "Alle Preise sind gerade vergeben. Dein Los bleibt gültig.",
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


def lottery_result(language: str, won: bool, variant_title: str) -> str:
    if won:
        return text(language, "lottery_won", prize=variant_title)
    return text(language, "lottery_no_prize")


def stamps_to_reward(language: str, count: int, reward: str) -> str:
    key = "stamps_to_reward_one" if count == 1 else "stamps_to_reward_other"
    return text(language, key, count=count, reward=reward)
