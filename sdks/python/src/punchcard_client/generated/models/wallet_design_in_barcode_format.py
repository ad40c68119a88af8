from enum import StrEnum


class WalletDesignInBarcodeFormat(StrEnum):
    AZTEC = "aztec"
    CODE128 = "code128"
    PDF417 = "pdf417"
    QR = "qr"

    def __str__(self) -> str:
        return str(self.value)
