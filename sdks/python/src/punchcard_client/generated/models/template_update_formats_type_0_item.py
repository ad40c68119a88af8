from enum import StrEnum


class TemplateUpdateFormatsType0Item(StrEnum):
    BARCODE = "barcode"
    QR = "qr"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
