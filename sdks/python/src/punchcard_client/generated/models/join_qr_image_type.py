from enum import StrEnum


class JoinQrImageType(StrEnum):
    PDF = "pdf"
    PNG = "png"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
