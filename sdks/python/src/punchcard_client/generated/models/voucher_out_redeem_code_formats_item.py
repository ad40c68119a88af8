from enum import StrEnum


class VoucherOutRedeemCodeFormatsItem(StrEnum):
    BARCODE = "barcode"
    QR = "qr"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
