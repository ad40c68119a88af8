"""Declarative base shared by every area's models."""

from typing import cast

from sqlalchemy import MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class TenantMixin:
    """Every tenant table is keyed by (business_id, id), so it can be sharded by business."""

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, for hot paths written with SQLAlchemy Core."""
    return cast(Table, model.__table__)
