"""Google Wallet: a loyalty class per program, a loyalty object per card, a save link, and a
PATCH of the object through the Wallet REST API after every change of the card."""
