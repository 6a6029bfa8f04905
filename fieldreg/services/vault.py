"""Creating, opening and recovering a store: key slots on one side, the database on the other.

The slot file and the database are bound by a random store id (kept in both), so a slot file
copied from another laptop cannot be used to open this store. The database also keeps a second
copy of the slots (`store.key_slot_copy`): `keyed_slots` hands out a `SlotFile` that reads and
writes both, so a deleted or damaged key file still opens (DESIGN §4, issue 11 §2).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fieldreg.core import ids
from fieldreg.core.errors import AuthError, FieldregError, StoreError, ValidationError
from fieldreg.core.passphrases import check_passphrase
from fieldreg.core.recovery_key import format_recovery_key, parse_recovery_key
from fieldreg.core.tasks import Progress
from fieldreg.core.validation import clean_text
from fieldreg.crypto.kdf import KdfParams, params_for_new_slot
from fieldreg.crypto.recovery import new_recovery_key
from fieldreg.crypto.sealing import FieldSealer
from fieldreg.crypto.slots import OperatorInfo, SlotFile
from fieldreg.services.paths import DataDir
from fieldreg.services.session import Session, wall_ms
from fieldreg.store import migrate
from fieldreg.store.engine import create_private_file, make_engine
from fieldreg.store.key_slot_copy import DatabaseSlotCopy
from fieldreg.store.repository import Repository

OPERATOR_MAX = 60
POINT_MAX = 100


@dataclass(frozen=True, slots=True)
class InitResult:
    recovery_key: str  # shown once, to be written down and kept away from the laptop
    operator_id: str
    device_id: str
    prefix: str


@contextmanager
def keyed_slots(data_dir: DataDir) -> Iterator[SlotFile]:
    """The store's slots with the database's copy as their mirror (when the database exists)."""
    if not data_dir.has_database():
        yield SlotFile(data_dir.slots)
        return
    engine = make_engine(data_dir.database_url, password=data_dir.password)
    try:
        yield SlotFile(data_dir.slots, mirror=DatabaseSlotCopy(engine))
    finally:
        engine.dispose()


def _require_slots(slots: SlotFile, data_dir: DataDir) -> None:
    """Say what is missing: no store at all, or a store whose key file and copy are gone."""
    if slots.exists():
        return
    if data_dir.db.exists():
        raise StoreError("slots.missing", folder=str(data_dir.root))
    raise StoreError("store.missing")


def _label(field: str, untrusted: str, max_len: int) -> str:
    return clean_text(field, untrusted, max_len=max_len, required=True)


def init_store(
    data_dir: DataDir,
    *,
    point: str,
    operator: str,
    passphrase: str,
    kdf: KdfParams | None = None,
    prefix: str | None = None,
) -> InitResult:
    """Create a new store: slot file with the operator's passphrase and a recovery key, the
    database at the newest schema, and this device's log."""
    point_name = _label("point", point, POINT_MAX)
    operator_label = _label("operator", operator, OPERATOR_MAX)
    check_passphrase(passphrase)
    if data_dir.db.exists() and not SlotFile(data_dir.slots).exists():
        # Not "a store exists": its key file is gone, and a new store here would bury it.
        raise StoreError("store.keys_missing", folder=str(data_dir.root))
    if data_dir.slots.exists() or data_dir.db.exists():
        raise StoreError("store.exists")
    if data_dir.store_url is not None and migrate.is_initialised(
        data_dir.database_url, password=data_dir.password
    ):
        raise StoreError("store.exists")  # another workstation made the store on that server
    try:
        device_prefix = (
            ids.validate_prefix(prefix.strip().upper())
            if prefix
            else ids.new_provisional_prefix(secrets.randbits)
        )
    except ValueError:
        raise ValidationError("prefix", "validation.prefix") from None
    data_dir.ensure()
    store_id = secrets.token_hex(16)
    device_id = secrets.token_hex(32)
    recovery = new_recovery_key()
    _slots, data_key, operator_id = SlotFile.create(
        data_dir.slots,
        store_id=store_id,
        operator_label=operator_label,
        passphrase=passphrase,
        kdf=kdf or params_for_new_slot(),
        recovery_key=recovery,
    )
    try:
        if data_dir.store_url is None:
            create_private_file(data_dir.db)
        engine = make_engine(data_dir.database_url, password=data_dir.password)
        try:
            migrate.upgrade(engine, db_path=None, backup_dir=None)
            with engine.connect() as connection:
                repo = Repository(connection, FieldSealer(data_key))
                with repo.transaction():
                    repo.put_setting("store_id", store_id)
                    repo.put_setting("key_id", repo.sealer.key_id)
                    repo.put_setting("device_id", device_id)
                    repo.put_setting(
                        "created", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                    )
                    repo.put_setting("point", sealed={"name": point_name})
                    repo.add_device(device_id, device_prefix)
            SlotFile(data_dir.slots, mirror=DatabaseSlotCopy(engine)).sync_mirror()
        finally:
            engine.dispose()
    except BaseException:
        # A store that did not finish being created is removed so that init can simply be retried.
        for path in (data_dir.db, data_dir.slots):
            for suffix in ("", "-wal", "-shm", ".prev", ".attempts"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    return InitResult(format_recovery_key(recovery), operator_id, device_id, device_prefix)


def operators(data_dir: DataDir) -> list[OperatorInfo]:
    with keyed_slots(data_dir) as slots:
        _require_slots(slots, data_dir)
        return slots.operators()


def _pick_operator(slots: SlotFile, operator: str | None) -> OperatorInfo:
    known = slots.operators()
    if operator is None:
        if len(known) == 1:
            return known[0]
        raise AuthError("auth.choose_operator")
    wanted = operator.strip().casefold()
    for info in known:
        if info.operator_id == operator or info.label.casefold() == wanted:
            return info
    raise AuthError("auth.unknown_operator")


def open_session(
    data_dir: DataDir,
    *,
    operator: str | None,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    progress: Progress | None = None,
    now_ms: Callable[[], int] = wall_ms,
    today: Callable[[], dt.date] | None = None,
    load: bool = True,
) -> Session:
    """Unlock with an operator's passphrase (or the recovery key) and load the search index.
    Migrates the schema first (after a backup) and refuses a store newer than this build."""
    if not data_dir.has_database():
        _require_slots(SlotFile(data_dir.slots), data_dir)
        raise StoreError("store.missing")
    if data_dir.store_url is not None:
        if not migrate.is_initialised(data_dir.database_url, password=data_dir.password):
            raise StoreError("store.missing")  # never migrate an empty database into a store
        data_dir.ensure()  # a second workstation's own folder: its slots come from the server
    engine = make_engine(data_dir.database_url, password=data_dir.password)
    try:
        migrate.upgrade(engine, db_path=data_dir.sqlite_file, backup_dir=data_dir.backups)
        slots = SlotFile(data_dir.slots, mirror=DatabaseSlotCopy(engine))
        _require_slots(slots, data_dir)
        info = _pick_operator(slots, operator)
        if recovery_key is not None:
            data_key = slots.unlock_recovery(parse_recovery_key(recovery_key))
        elif passphrase is not None:
            data_key = slots.unlock_passphrase(info.operator_id, passphrase)
        else:
            raise AuthError("auth.wrong_passphrase")
        connection = engine.connect()
        repo = Repository(connection, FieldSealer(data_key))
        # A slot file from another store, or one planted with a key of its own, is refused here
        # rather than failing later on the first sealed value.
        if (
            repo.setting("store_id") != slots.store_id()
            or repo.setting("key_id") != repo.sealer.key_id
        ):
            raise AuthError("auth.wrong_store")
        device_id = repo.setting("device_id")
        connection.rollback()
        if device_id is None:
            raise StoreError("store.corrupt")
        with contextlib.suppress(FieldregError):  # a copy not brought up to date is for verify
            if data_dir.store_url is None:
                slots.sync_mirror()  # an older store's first copy, or one a crash left behind
            else:
                # Workstations share the server's copy: this one's own file follows it (a new
                # workstation gets its file here; docs/postgresql.md).
                slots.repair(data_key)
        extra = {} if today is None else {"today": today}
        session = Session(
            data_dir=data_dir,
            engine=engine,
            connection=connection,
            sealer=repo.sealer,
            data_key=data_key,
            device_id=device_id,
            operator_id=info.operator_id,
            operator_label=info.label,
            operator_labels={o.operator_id: o.label for o in slots.operators()},
            now_ms=now_ms,
            **extra,
        )
    except BaseException:
        engine.dispose()
        raise
    if load:
        try:
            session.load(progress)
        finally:
            connection.rollback()
    return session


def add_operator(
    session: Session, *, label: str, passphrase: str, kdf: KdfParams | None = None
) -> str:
    check_passphrase(passphrase)
    with keyed_slots(session.data_dir) as slots:
        return slots.add_operator(
            session.data_key,
            _label("operator", label, OPERATOR_MAX),
            passphrase,
            kdf or params_for_new_slot(),
        )


def change_passphrase(
    data_dir: DataDir,
    *,
    operator: str | None,
    old_passphrase: str,
    new_passphrase: str,
    kdf: KdfParams | None = None,
) -> None:
    check_passphrase(new_passphrase)
    with keyed_slots(data_dir) as slots:
        _require_slots(slots, data_dir)
        info = _pick_operator(slots, operator)
        data_key = slots.unlock_passphrase(info.operator_id, old_passphrase)
        slots.change_passphrase(
            data_key, info.operator_id, new_passphrase, kdf or params_for_new_slot()
        )


def recover(
    data_dir: DataDir,
    *,
    recovery_key: str,
    operator: str | None,
    new_passphrase: str,
    kdf: KdfParams | None = None,
) -> None:
    """Unlock with the recovery key and give the operator a new passphrase (the old one stops
    working)."""
    check_passphrase(new_passphrase)
    with keyed_slots(data_dir) as slots:
        _require_slots(slots, data_dir)
        info = _pick_operator(slots, operator)
        data_key = slots.unlock_recovery(parse_recovery_key(recovery_key))
        slots.change_passphrase(
            data_key, info.operator_id, new_passphrase, kdf or params_for_new_slot()
        )
