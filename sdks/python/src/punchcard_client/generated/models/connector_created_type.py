from enum import StrEnum


class ConnectorCreatedType(StrEnum):
    GENERIC = "generic"
    POSTER = "poster"
    SYRVE = "syrve"

    def __str__(self) -> str:
        return str(self.value)
