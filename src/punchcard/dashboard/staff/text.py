"""Words of the staff pages."""

from punchcard.dashboard.i18n import Catalogue

TEXT = Catalogue(
    "staff",
    en={
        "title": "Team",
        "intro": "Everyone who signs in: owners run everything, managers everything but the "
        "business settings, scanners only the till's scanner.",
        "name": "Name",
        "login": "Login",
        "login_hint": "Usually their email address: a password link can then go by email.",
        "role": "Role",
        "role_owner": "Owner",
        "role_manager": "Manager",
        "role_scanner": "Scanner (till)",
        "location": "Location",
        "status": "Status",
        "password": "Password",
        "password_set": "Set",
        "password_unset": "Not set yet",
        "add_title": "Add a team member",
        "add": "Add",
        "edit_title": "Edit $name",
        "active_label": "Can sign in",
        "password_link_title": "Password link",
        "password_link_explain": "A one-time link that lets $name choose a password (for a new "
        "login, or a forgotten password). It works once, for $hours hours; an older link "
        "stops working.",
        "make_password_link": "Make a password link",
        "password_link_made": "Give this link to $name (it is not shown again):",
        "password_link_mailed": "We also emailed it to $address.",
        "mail_subject": "Your password for $business",
        "mail_text": "Hello $name,\n\nchoose your password for the $business dashboard here "
        "(the link works once, for $hours hours):\n\n$url\n\nYour login: $login\n",
        "created": "$name is added. Make a password link so they can sign in.",
        "back_to_team": "Back to the team",
    },
    de={
        "title": "Team",
        "intro": "Alle, die sich anmelden: Inhaber dürfen alles, Manager alles außer den "
        "Geschäftseinstellungen, Scanner nur den Scanner an der Kasse.",
        "name": "Name",
        "login": "Benutzername",
        "login_hint": "Am besten die E-Mail-Adresse: Dann kann ein Passwort-Link per E-Mail "
        "kommen.",
        "role": "Rolle",
        "role_owner": "Inhaber",
        "role_manager": "Manager",
        "role_scanner": "Scanner (Kasse)",
        "location": "Standort",
        "status": "Status",
        "password": "Passwort",
        "password_set": "Gesetzt",
        "password_unset": "Noch nicht gesetzt",
        "add_title": "Teammitglied hinzufügen",
        "add": "Hinzufügen",
        "edit_title": "$name bearbeiten",
        "active_label": "Darf sich anmelden",
        "password_link_title": "Passwort-Link",
        "password_link_explain": "Ein Link, mit dem $name einmalig ein Passwort wählt (für eine "
        "neue Anmeldung oder ein vergessenes Passwort). Er gilt $hours Stunden; ein älterer "
        "Link gilt dann nicht mehr.",
        "make_password_link": "Passwort-Link erstellen",
        "password_link_made": "Gib diesen Link an $name weiter (er wird nicht noch einmal "
        "gezeigt):",
        "password_link_mailed": "Wir haben ihn auch an $address geschickt.",
        "mail_subject": "Dein Passwort für $business",
        "mail_text": "Hallo $name,\n\nwähle hier dein Passwort für das Dashboard von $business "
        "(der Link gilt einmal, $hours Stunden lang):\n\n$url\n\nDein Benutzername: $login\n",
        "created": "$name ist hinzugefügt. Erstelle einen Passwort-Link, damit die Anmeldung "
        "klappt.",
        "back_to_team": "Zurück zum Team",
    },
)
