"""POS connectors: a closed receipt at the till adds stamps; tills redeem vouchers by code."""
