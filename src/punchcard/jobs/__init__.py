"""Periodic jobs that many workers share: each period is claimed by one of them."""
