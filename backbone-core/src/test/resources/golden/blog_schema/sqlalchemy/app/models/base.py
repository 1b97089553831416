"""Declarative base of the models of BlogBackend."""

import enum

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Constraint names: predictable for Alembic, and the same ones schema.sql uses.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model; its metadata names constraints by the convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_values(enum_class: type[enum.Enum]) -> list[str]:
    """Database labels of an enum: its members' values (the schema's values), not names."""
    return [str(member.value) for member in enum_class]
