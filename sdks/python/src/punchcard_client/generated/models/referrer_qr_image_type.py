from enum import StrEnum


class ReferrerQrImageType(StrEnum):
    PDF = "pdf"
    PNG = "png"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
