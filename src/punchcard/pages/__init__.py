"""Public pages customers see: the join page behind a program's join QR, and the web card."""
