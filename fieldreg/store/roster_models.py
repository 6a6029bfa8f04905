"""Tables of the roster (coordinator -> laptops, DESIGN.md §5).

Coordinator: which roster version each person last changed in (so a delta carries only those),
and per device the version last written to it and the version it acknowledged in a bundle.
Laptop: the people a roster brought (their home point) and the roster applied last, with what
the coordinator holds of this laptop's log. Plain columns: opaque ids, versions, clocks, hashes.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldreg.store.base import HASH, ID, Base


class RosterChangeRow(Base):
    """Coordinator: the version in which the person's state last changed; a delta since version
    B carries the people whose `version` is above B. 0: changed since the last batch, set by
    the triggers on `people` (migration 0012) whenever a sealed state is written, so a batch
    finds who changed through the index instead of reading everyone's state."""

    __tablename__ = "roster_changes"
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, index=True)
    fingerprint: Mapped[str] = mapped_column(String(32))  # hash of the sealed state it was


class RosterDeviceRow(Base):
    """Coordinator: per device, the roster version last written for it and the one it said (in
    its last bundle's header) it has applied."""

    __tablename__ = "roster_devices"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    written: Mapped[int] = mapped_column(BigInteger, default=0)
    acknowledged: Mapped[int] = mapped_column(BigInteger, default=0)


class RosterPersonRow(Base):
    """Laptop: a person a roster brought from another point (`home`: their id's prefix)."""

    __tablename__ = "roster_people"
    person_id: Mapped[str] = mapped_column(ID, primary_key=True)
    home: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(BigInteger)  # the roster version that last carried them


class RosterHouseholdRow(Base):
    """Laptop: a household a roster brought (its members were registered elsewhere)."""

    __tablename__ = "roster_households"
    household_id: Mapped[str] = mapped_column(ID, primary_key=True)


class RosterAppliedRow(Base):
    """Laptop: the roster applied last (one row, `name` "current"), written last in its apply."""

    __tablename__ = "roster_applied"
    name: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    expires_ms: Mapped[int] = mapped_column(BigInteger)
    applied_ms: Mapped[int] = mapped_column(BigInteger)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_up_to: Mapped[int | None] = mapped_column(BigInteger)
    applied_up_to: Mapped[int] = mapped_column(BigInteger, default=0)  # this laptop's log
    held: Mapped[str] = mapped_column(String(2000), default="[]")  # [[first, last], ...] JSON
