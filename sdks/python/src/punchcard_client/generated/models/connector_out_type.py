from enum import StrEnum


class ConnectorOutType(StrEnum):
    GENERIC = "generic"
    POSTER = "poster"
    SYRVE = "syrve"

    def __str__(self) -> str:
        return str(self.value)
