from enum import StrEnum


class VoucherRefRedeemCodeFormatsItem(StrEnum):
    BARCODE = "barcode"
    QR = "qr"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
