from enum import StrEnum


class CodeSvgFormat(StrEnum):
    CODE128 = "code128"
    EAN13 = "ean13"
    QR = "qr"

    def __str__(self) -> str:
        return str(self.value)
