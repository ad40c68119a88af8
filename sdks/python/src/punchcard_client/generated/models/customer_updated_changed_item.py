from enum import StrEnum


class CustomerUpdatedChangedItem(StrEnum):
    BIRTHDAY = "birthday"
    EMAIL = "email"
    LANGUAGE = "language"
    MARKETING_CONSENT = "marketing_consent"
    METADATA = "metadata"
    NAME = "name"
    PHONE = "phone"
    SOURCE_ID = "source_id"

    def __str__(self) -> str:
        return str(self.value)
