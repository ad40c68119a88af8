from enum import StrEnum


class TemplateUpdateFormatsItem(StrEnum):
    BARCODE = "barcode"
    QR = "qr"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
