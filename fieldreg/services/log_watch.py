"""What another process wrote to the store while this session is open: a hub serving laptops'
uploads beside the coordinator's desk, a second coordinator workstation importing into the same
PostgreSQL store, the command line on the laptop whose desk is open. Their people must appear in
this desk's search, roster and counts without unlocking again.

Every write appends to a device's log and moves that device's high-water mark in the same
transaction, so the marks tell what is new: the events beyond the marks this session last saw
name the records to reload. What the session writes itself moves its marks as it goes (a write
that continues a log exactly where the session last saw it), so its own saves and imports are not
reloaded a second time; anything else beyond a mark is someone else's, or both, and is reloaded.

Not seen this way: a roster applied or a retention purge run by another process on a laptop
(neither appends to a log); the desk shows them after its next unlock."""

from __future__ import annotations

from fieldreg.store.repository import Repository


class LogWatch:
    def __init__(self) -> None:
        self._ends: dict[str, int] | None = None  # None: not looking (no people loaded)

    def take(self, repo: Repository) -> None:
        """Remember how far every log reaches now (when the people are read: same snapshot)."""
        self._ends = repo.log_ends()

    def forget(self) -> None:
        self._ends = None

    def wrote(self, device_id: str, after: int, upto: int) -> None:
        """This session wrote `device_id`'s events after `after` up to `upto` itself."""
        if self._ends is not None and self._ends.get(device_id, 0) == after < upto:
            self._ends[device_id] = upto

    def changed(self, repo: Repository) -> list[str]:
        """The records that logs moved past the marks are about (oldest marks first), and the
        marks moved to where the logs are now; [] when not looking."""
        if self._ends is None:
            return []
        ends = repo.log_ends()
        subjects: dict[str, None] = {}
        for device_id, upto in sorted(ends.items()):
            after = self._ends.get(device_id, 0)
            if upto > after:
                subjects.update(dict.fromkeys(repo.subjects_between(device_id, after, upto)))
        self._ends = ends
        return list(subjects)
