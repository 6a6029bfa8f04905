"""The hub's record of each device's contacts: when it last called, how many bundles it sent and
how far its log reaches. Plain counts and opaque device ids only (no names, no personal data).

Callers hold the transaction (Repository.transaction / reading); nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import BigInteger, Table, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from fieldreg.store.base import HASH, Base
from fieldreg.store.repository import Repository


class HubContactRow(Base):
    """Coordinator: one row per device that reached the hub."""

    __tablename__ = "hub_contacts"
    device_id: Mapped[str] = mapped_column(HASH, primary_key=True)
    last_contact_ms: Mapped[int] = mapped_column(BigInteger)
    requests: Mapped[int] = mapped_column(BigInteger)
    bundles_sent: Mapped[int] = mapped_column(BigInteger)
    bundles_applied: Mapped[int] = mapped_column(BigInteger)
    events_applied: Mapped[int] = mapped_column(BigInteger)
    last_sent_seq: Mapped[int] = mapped_column(BigInteger)  # highest sequence it sent
    rosters_fetched: Mapped[int] = mapped_column(BigInteger)


CONTACTS = cast(Table, HubContactRow.__table__)
_COUNTS = ("requests", "bundles_sent", "bundles_applied", "events_applied", "rosters_fetched")


@dataclass(slots=True)
class Contact:
    device_id: str
    last_contact_ms: int = 0
    requests: int = 0
    bundles_sent: int = 0
    bundles_applied: int = 0
    events_applied: int = 0
    last_sent_seq: int = 0
    rosters_fetched: int = 0

    def add(self, other: Contact) -> None:
        """Fold `other` (counts since the last flush) into this one."""
        self.last_contact_ms = max(self.last_contact_ms, other.last_contact_ms)
        self.last_sent_seq = max(self.last_sent_seq, other.last_sent_seq)
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def contacts(repo: Repository) -> dict[str, Contact]:
    rows = repo.conn.execute(select(CONTACTS)).all()
    return {
        row.device_id: Contact(
            device_id=row.device_id,
            last_contact_ms=int(row.last_contact_ms),
            requests=int(row.requests),
            bundles_sent=int(row.bundles_sent),
            bundles_applied=int(row.bundles_applied),
            events_applied=int(row.events_applied),
            last_sent_seq=int(row.last_sent_seq),
            rosters_fetched=int(row.rosters_fetched),
        )
        for row in rows
    }


def add_contacts(repo: Repository, changes: list[Contact]) -> None:
    """Add counts since the last flush to each device's row (made on its first contact)."""
    known = contacts(repo)
    for change in changes:
        row = known.get(change.device_id)
        if row is None:
            values = Contact(change.device_id)
            values.add(change)
            repo.conn.execute(
                insert(CONTACTS).values(
                    device_id=values.device_id,
                    last_contact_ms=values.last_contact_ms,
                    last_sent_seq=values.last_sent_seq,
                    **{name: getattr(values, name) for name in _COUNTS},
                )
            )
            known[change.device_id] = values
            continue
        row.add(change)
        repo.conn.execute(
            update(CONTACTS)
            .where(CONTACTS.c.device_id == row.device_id)
            .values(
                last_contact_ms=row.last_contact_ms,
                last_sent_seq=row.last_sent_seq,
                **{name: getattr(row, name) for name in _COUNTS},
            )
        )
