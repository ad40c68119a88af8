"""Figures over time for the dashboard's overview: stamps, new cards, vouchers issued and
redeemed, per hour and location, rolled up once an hour is over (``figures``), and how many
customers are active or lapsing (``activity``)."""
