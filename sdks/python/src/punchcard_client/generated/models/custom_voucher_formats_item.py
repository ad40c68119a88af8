from enum import StrEnum


class CustomVoucherFormatsItem(StrEnum):
    BARCODE = "barcode"
    QR = "qr"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
