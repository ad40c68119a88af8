"""Words of signing in and out and of passwords."""

from punchcard.dashboard.i18n import Catalogue

TEXT = Catalogue(
    "account",
    en={
        "sign_in_title": "Sign in",
        "sign_in_heading": "Sign in to $business",
        "login": "Login",
        "password": "Password",
        "sign_in": "Sign in",
        "sign_in_failed": "The login or the password is not right.",
        "forgot": "Forgot your password? Ask the owner for a new password link.",
        "which_business_title": "Which business?",
        "which_business": "Open the sign-in link of your business: the owner finds it on the "
        "Staff page, the server's operator gets it from `punchcard dashboard link`.",
        "signed_out": "You are signed out.",
        "password_title": "Change password",
        "current_password": "Current password",
        "new_password": "New password",
        "new_password_hint": "At least 10 characters. A few words you remember are good.",
        "repeat_password": "Repeat the new password",
        "passwords_differ": "The two new passwords differ.",
        "wrong_password": "The current password is not right.",
        "weak_password": "The password needs at least 10 characters.",
        "password_changed": "Your password is changed. Other devices signed in with it are "
        "signed out.",
        "set_password_title": "Set your password",
        "set_password_heading": "Hello $name, choose your password",
        "set_password": "Save password and sign in",
        "link_gone_title": "Link no longer valid",
        "link_gone": "This password link was used already or has expired. Ask the owner for a "
        "new one.",
    },
    de={
        "sign_in_title": "Anmelden",
        "sign_in_heading": "Bei $business anmelden",
        "login": "Benutzername",
        "password": "Passwort",
        "sign_in": "Anmelden",
        "sign_in_failed": "Benutzername oder Passwort stimmen nicht.",
        "forgot": "Passwort vergessen? Bitte die Inhaberin oder den Inhaber um einen neuen "
        "Passwort-Link.",
        "which_business_title": "Welches Geschäft?",
        "which_business": "Öffne den Anmelde-Link deines Geschäfts: Die Inhaberin oder der "
        "Inhaber findet ihn auf der Seite „Team“, der Server-Betreiber mit "
        "`punchcard dashboard link`.",
        "signed_out": "Du bist abgemeldet.",
        "password_title": "Passwort ändern",
        "current_password": "Aktuelles Passwort",
        "new_password": "Neues Passwort",
        "new_password_hint": "Mindestens 10 Zeichen. Ein paar Wörter, die du dir merkst, sind gut.",
        "repeat_password": "Neues Passwort wiederholen",
        "passwords_differ": "Die beiden neuen Passwörter sind verschieden.",
        "wrong_password": "Das aktuelle Passwort stimmt nicht.",
        "weak_password": "Das Passwort braucht mindestens 10 Zeichen.",
        "password_changed": "Dein Passwort ist geändert. Andere Geräte, die damit angemeldet "
        "waren, sind abgemeldet.",
        "set_password_title": "Passwort festlegen",
        "set_password_heading": "Hallo $name, wähle dein Passwort",
        "set_password": "Passwort speichern und anmelden",
        "link_gone_title": "Link nicht mehr gültig",
        "link_gone": "Dieser Passwort-Link wurde schon benutzt oder ist abgelaufen. Bitte um "
        "einen neuen.",
    },
)
