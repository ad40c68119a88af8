"""A pass's serial number names its business too: the PassKit web service is one URL for all
businesses, and every lookup must stay inside one tenant."""

SEPARATOR = "."


def serial_number(business_id: str, card_id: str) -> str:
    return f"{business_id}{SEPARATOR}{card_id}"


def parse_serial(serial: str) -> tuple[str, str] | None:
    """(business_id, card_id), or None for a serial we never issued."""
    business_id, separator, card_id = serial.partition(SEPARATOR)
    if not separator or not business_id.startswith("biz_") or not card_id.startswith("card_"):
        return None
    return business_id, card_id
