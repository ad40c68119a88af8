"""Words of the settings page."""

from punchcard.dashboard.i18n import Catalogue

TEXT = Catalogue(
    "settings",
    en={
        "title": "Settings",
        "business": "Your business",
        "name": "Name",
        "timezone": "Time zone",
        "timezone_hint": "Days and months in the overview follow it, e.g. Europe/Berlin.",
        "privacy_url": "Privacy policy (link)",
        "imprint_url": "Imprint (link)",
        "links_hint": "The join page and the web card link them.",
        "logo": "Logo",
        "logo_hint": "A PNG, at most 256 KiB and 1024 × 1024 pixels. Wallet cards and join "
        "pages show it unless a program's card design has a logo of its own.",
        "logo_none": "No logo yet: cards show a badge with your business's initial.",
        "logo_alt": "Your logo",
        "logo_file": "Logo file (PNG)",
        "remove_logo": "Remove the logo",
        "logo_saved": "The logo is saved.",
        "apple": "Apple Wallet",
        "apple_none": "Apple Wallet passes are off: upload your pass type certificate to offer "
        "them.",
        "apple_source_business": "Your own signing identity",
        "apple_source_settings": "The server's signing identity (set by its operator)",
        "pass_type": "Pass type",
        "team": "Team",
        "expires": "Certificate valid until",
        "expires_soon": "The certificate expires on $date. Renew it at Apple and upload the "
        "new one before then, or wallet cards stop updating.",
        "expired": "The certificate expired on $date: wallet cards no longer update. Upload a "
        "new one.",
        "upload_title": "Upload a signing identity",
        "certificate": "Pass type certificate (.pem)",
        "key": "Its private key (.pem)",
        "key_password": "Key password (if any)",
        "wwdr": "Apple WWDR certificate (.pem, optional)",
        "wwdr_hint": "Leave empty to use the server's.",
        "upload": "Upload",
        "remove_apple": "Remove my identity",
        "apple_saved": "The signing identity is saved.",
        "google": "Google Wallet",
        "google_on": "On: customers can save their cards to Google Wallet.",
        "google_off": "Off. The server's operator turns it on with PUNCHCARD_GOOGLE_WALLET_* "
        "settings.",
        "public_url": "Public address",
        "public_url_explain": "Passes, join links and emails point here. The server's operator "
        "sets it (PUNCHCARD_PUBLIC_URL).",
        "file_missing": "Please choose the file.",
    },
    de={
        "title": "Einstellungen",
        "business": "Dein Geschäft",
        "name": "Name",
        "timezone": "Zeitzone",
        "timezone_hint": "Tage und Monate in der Übersicht richten sich danach, z. B. "
        "Europe/Berlin.",
        "privacy_url": "Datenschutzerklärung (Link)",
        "imprint_url": "Impressum (Link)",
        "links_hint": "Die Beitrittsseite und die Web-Karte verlinken sie.",
        "logo": "Logo",
        "logo_hint": "Ein PNG, höchstens 256 KiB und 1024 × 1024 Pixel. Wallet-Karten und "
        "Beitrittsseiten zeigen es, außer das Kartendesign eines Programms hat ein eigenes Logo.",
        "logo_none": "Noch kein Logo: Karten zeigen ein Abzeichen mit dem Anfangsbuchstaben "
        "deines Geschäfts.",
        "logo_alt": "Dein Logo",
        "logo_file": "Logo-Datei (PNG)",
        "remove_logo": "Logo entfernen",
        "logo_saved": "Das Logo ist gespeichert.",
        "apple": "Apple Wallet",
        "apple_none": "Apple-Wallet-Karten sind aus: Lade dein Pass-Type-Zertifikat hoch, um "
        "sie anzubieten.",
        "apple_source_business": "Deine eigene Signatur",
        "apple_source_settings": "Die Signatur des Servers (vom Betreiber eingerichtet)",
        "pass_type": "Pass-Typ",
        "team": "Team",
        "expires": "Zertifikat gültig bis",
        "expires_soon": "Das Zertifikat läuft am $date ab. Erneuere es bei Apple und lade das "
        "neue vorher hoch, sonst werden Wallet-Karten nicht mehr aktualisiert.",
        "expired": "Das Zertifikat ist am $date abgelaufen: Wallet-Karten werden nicht mehr "
        "aktualisiert. Lade ein neues hoch.",
        "upload_title": "Signatur hochladen",
        "certificate": "Pass-Type-Zertifikat (.pem)",
        "key": "Privater Schlüssel dazu (.pem)",
        "key_password": "Passwort des Schlüssels (falls vorhanden)",
        "wwdr": "Apple-WWDR-Zertifikat (.pem, optional)",
        "wwdr_hint": "Leer lassen, um das des Servers zu nutzen.",
        "upload": "Hochladen",
        "remove_apple": "Meine Signatur entfernen",
        "apple_saved": "Die Signatur ist gespeichert.",
        "google": "Google Wallet",
        "google_on": "An: Kunden können ihre Karten in Google Wallet speichern.",
        "google_off": "Aus. Der Server-Betreiber schaltet es mit den Einstellungen "
        "PUNCHCARD_GOOGLE_WALLET_* ein.",
        "public_url": "Öffentliche Adresse",
        "public_url_explain": "Karten, Beitrittslinks und E-Mails zeigen hierher. Der "
        "Server-Betreiber legt sie fest (PUNCHCARD_PUBLIC_URL).",
        "file_missing": "Bitte die Datei auswählen.",
    },
)
