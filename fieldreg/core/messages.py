"""The one place where error codes become words.

Templates are English source strings marked for Qt Linguist with `QT_TRANSLATE_NOOP`, so the desk
application translates them (context "Errors"/"Fields") and the CLI prints them as they are.
A translation must keep every `{placeholder}` of its source (checked by the test suite).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from fieldreg.core.errors import FieldregError

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> str:
    """Marks `text` for Qt Linguist; a disambiguation tells apart two uses of the same words."""
    return text


def _untranslated(context: str, text: str) -> str:
    return text


FIELD_LABELS: Final[dict[str, str]] = {
    "family_name": QT_TRANSLATE_NOOP("Fields", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("Fields", "Given name"),
    "patronymic": QT_TRANSLATE_NOOP("Fields", "Patronymic"),
    "latin_family_name": QT_TRANSLATE_NOOP("Fields", "Family name (Latin)"),
    "latin_given_name": QT_TRANSLATE_NOOP("Fields", "Given name (Latin)"),
    "latin_patronymic": QT_TRANSLATE_NOOP("Fields", "Patronymic (Latin)"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Sex"),
    "dob": QT_TRANSLATE_NOOP("Fields", "Date of birth"),
    "origin_settlement": QT_TRANSLATE_NOOP("Fields", "Settlement of origin"),
    "origin_district": QT_TRANSLATE_NOOP("Fields", "District"),
    "origin_region": QT_TRANSLATE_NOOP("Fields", "Region"),
    "origin_country": QT_TRANSLATE_NOOP("Fields", "Country"),
    "citizenship": QT_TRANSLATE_NOOP("Fields", "Citizenship"),
    "document_type": QT_TRANSLATE_NOOP("Fields", "Document type"),
    "document_number": QT_TRANSLATE_NOOP("Fields", "Document number"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "languages": QT_TRANSLATE_NOOP("Fields", "Languages"),
    "needs": QT_TRANSLATE_NOOP("Fields", "Needs"),
    "needs_note": QT_TRANSLATE_NOOP("Fields", "Note on needs"),
    "consent_data": QT_TRANSLATE_NOOP("Fields", "Consent to data processing"),
    "consent_tracing": QT_TRANSLATE_NOOP("Fields", "Consent to tracing"),
    "wishes_evacuation": QT_TRANSLATE_NOOP("Fields", "Wishes to be evacuated"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "status_transport": QT_TRANSLATE_NOOP("Fields", "Transport"),
    "status_location": QT_TRANSLATE_NOOP("Fields", "Location"),
    "household_id": QT_TRANSLATE_NOOP("Fields", "Household"),
    "members": QT_TRANSLATE_NOOP("Fields", "Members"),
    "relationship": QT_TRANSLATE_NOOP("Fields", "Relationship"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "point": QT_TRANSLATE_NOOP("Fields", "Reception point"),
    "operator": QT_TRANSLATE_NOOP("Fields", "Operator"),
    "passphrase": QT_TRANSLATE_NOOP("Fields", "Passphrase"),
    "recovery_key": QT_TRANSLATE_NOOP("Fields", "Recovery key"),
    "prefix": QT_TRANSLATE_NOOP("Fields", "ID prefix"),
    # transports
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind of transport"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name or number"),
    "route": QT_TRANSLATE_NOOP("Fields", "Route"),
    "border_crossing": QT_TRANSLATE_NOOP("Fields", "Border crossing"),
    "departure": QT_TRANSLATE_NOOP("Fields", "Planned departure"),
    "receiving_party": QT_TRANSLATE_NOOP("Fields", "Receiving party"),
    "capacity": QT_TRANSLATE_NOOP("Fields", "Capacity"),
    "seat": QT_TRANSLATE_NOOP("Fields", "Seat"),
    "assistance": QT_TRANSLATE_NOOP("Fields", "Assistance on the way"),
    "escort": QT_TRANSLATE_NOOP("Fields", "Escorting adult"),
}

UNKNOWN: Final = QT_TRANSLATE_NOOP("Errors", "Unexpected error ({code}).")

MESSAGES: Final[dict[str, str]] = {
    # validation
    "validation.required": QT_TRANSLATE_NOOP("Errors", "{field}: this field is required."),
    "validation.too_long": QT_TRANSLATE_NOOP(
        "Errors", "{field}: too long (at most {max} characters)."
    ),
    "validation.control_char": QT_TRANSLATE_NOOP(
        "Errors", "{field}: contains a control character."
    ),
    "validation.bidi_char": QT_TRANSLATE_NOOP(
        "Errors", "{field}: contains an invisible text-direction character."
    ),
    "validation.surrogate": QT_TRANSLATE_NOOP("Errors", "{field}: contains broken text."),
    "validation.invalid_char": QT_TRANSLATE_NOOP(
        "Errors", "{field}: contains a character that is not allowed."
    ),
    "validation.name_chars": QT_TRANSLATE_NOOP(
        "Errors", "{field}: use letters, spaces, apostrophes, hyphens and periods only."
    ),
    "validation.date_format": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: write a date as 31.12.1980 or 1980-12-31, a year as 1980, or an age as ~45.",
    ),
    "validation.date_invalid": QT_TRANSLATE_NOOP("Errors", "{field}: no such date."),
    "validation.date_future": QT_TRANSLATE_NOOP("Errors", "{field}: the date is in the future."),
    "validation.date_too_old": QT_TRANSLATE_NOOP(
        "Errors", "{field}: the date is more than 120 years ago."
    ),
    "validation.date_century": QT_TRANSLATE_NOOP(
        "Errors", "{field}: write the year with four digits (19.. or 20..?)."
    ),
    "dob.invalid": QT_TRANSLATE_NOOP("Errors", "{field}: not a date of birth."),
    "validation.age_range": QT_TRANSLATE_NOOP("Errors", "{field}: an age must be 0 to 120."),
    "validation.phone": QT_TRANSLATE_NOOP(
        "Errors", "{field}: a phone number has 5 to 15 digits, optionally after a +."
    ),
    "validation.language": QT_TRANSLATE_NOOP(
        "Errors", "{field}: use language codes such as uk, ru, en (at most 10)."
    ),
    "validation.language_unknown": QT_TRANSLATE_NOOP(
        "Errors", "{field}: {tag} is not a language code; use codes such as uk, ru, en."
    ),
    "validation.phone_placeholder": QT_TRANSLATE_NOOP(
        "Errors", "{field}: not a real number (every digit the same); leave it empty if unknown."
    ),
    "validation.latin_only": QT_TRANSLATE_NOOP(
        "Errors", "{field}: use Latin letters only (the spelling in the person's documents)."
    ),
    "validation.mixed_scripts": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: one word mixes letters of two alphabets ({scripts}), often a look-alike "
        "letter typed in the other keyboard layout; retype it in one layout.",
    ),
    "validation.document_chars": QT_TRANSLATE_NOOP(
        "Errors", "{field}: use letters, digits, spaces and - / . only."
    ),
    "validation.household_twice": QT_TRANSLATE_NOOP(
        "Errors", "{field}: give an existing household or start a new one, not both."
    ),
    "validation.relationship_alone": QT_TRANSLATE_NOOP(
        "Errors", "{field}: a relationship needs a household (give one or start a new one)."
    ),
    "validation.choice": QT_TRANSLATE_NOOP(
        "Errors", "{field}: not one of the allowed values ({allowed})."
    ),
    "validation.type": QT_TRANSLATE_NOOP("Errors", "{field}: wrong kind of value."),
    "validation.unknown_field": QT_TRANSLATE_NOOP("Errors", "{field}: unknown field."),
    "validation.not_editable": QT_TRANSLATE_NOOP(
        "Errors", "{field}: cannot be edited here; use its own action."
    ),
    "validation.prefix": QT_TRANSLATE_NOOP(
        "Errors", "{field}: 2 to 6 letters or digits (Crockford base32)."
    ),
    # ids
    "id.malformed": QT_TRANSLATE_NOOP("Errors", "This is not a fieldreg ID."),
    "id.bad_check": QT_TRANSLATE_NOOP(
        "Errors", "This ID has a typing error: its check character does not match."
    ),
    "id.unknown": QT_TRANSLATE_NOOP("Errors", "No person with this ID is registered here."),
    "person.not_found": QT_TRANSLATE_NOOP("Errors", "No person with ID {id}."),
    "person.erased": QT_TRANSLATE_NOOP(
        "Errors", "This person's record was erased at the coordinator's request."
    ),
    "person.moved": QT_TRANSLATE_NOOP(
        "Errors",
        "This person left this point some time ago: the record moved to the coordinator.",
    ),
    "erasure.not_coordinator": QT_TRANSLATE_NOOP(
        "Errors",
        "Erasure is decided at the coordinator. This laptop drops a person when the "
        "coordinator's roster says they were erased.",
    ),
    "erasure.already_requested": QT_TRANSLATE_NOOP(
        "Errors", "An erasure of {id} is already waiting for confirmation (request {request})."
    ),
    "erasure.unknown_request": QT_TRANSLATE_NOOP("Errors", "No erasure request {id}."),
    "erasure.not_pending": QT_TRANSLATE_NOOP(
        "Errors", "The erasure request {id} is no longer pending ({state})."
    ),
    "erasure.same_operator": QT_TRANSLATE_NOOP(
        "Errors",
        "An erasure must be confirmed by another operator than the one who requested it. "
        "Unlock as another operator to confirm it.",
    ),
    "retention.bad_days": QT_TRANSLATE_NOOP(
        "Errors", "The retention period must be a whole number of days from {min} to {max}."
    ),
    "household.not_found": QT_TRANSLATE_NOOP("Errors", "No household with ID {id}."),
    "household.members_file": QT_TRANSLATE_NOOP(
        "Errors",
        "The members file must be a JSON list of members, each an object of fields "
        "(see member {member}).",
    ),
    # passphrases and keys
    "passphrase.too_short": QT_TRANSLATE_NOOP("Errors", "{field}: use at least {min} characters."),
    "passphrase.invalid_char": QT_TRANSLATE_NOOP(
        "Errors", "{field}: contains a character that is not allowed."
    ),
    "recovery.malformed": QT_TRANSLATE_NOOP(
        "Errors", "{field}: a recovery key is 7 groups of 5 letters and digits."
    ),
    "recovery.bad_group": QT_TRANSLATE_NOOP("Errors", "{field}: group {group} has a typing error."),
    "recovery.bad_checksum": QT_TRANSLATE_NOOP(
        "Errors", "{field}: the groups are valid but do not form a recovery key."
    ),
    "auth.wrong_passphrase": QT_TRANSLATE_NOOP("Errors", "Wrong passphrase."),
    "auth.wrong_recovery_key": QT_TRANSLATE_NOOP(
        "Errors", "This recovery key does not open this store."
    ),
    "auth.unknown_operator": QT_TRANSLATE_NOOP("Errors", "No such operator on this laptop."),
    "auth.choose_operator": QT_TRANSLATE_NOOP(
        "Errors", "Several operators use this laptop: choose one."
    ),
    "auth.wrong_store": QT_TRANSLATE_NOOP("Errors", "The key file does not belong to this store."),
    "operator.duplicate": QT_TRANSLATE_NOOP("Errors", "{field}: this operator already exists."),
    "operator.label_empty": QT_TRANSLATE_NOOP("Errors", "{field}: a name is required."),
    "operator.label_too_long": QT_TRANSLATE_NOOP(
        "Errors", "{field}: too long (at most {max} characters)."
    ),
    "operator.label_invalid_char": QT_TRANSLATE_NOOP(
        "Errors", "{field}: contains a character that is not allowed."
    ),
    "operator.too_many": QT_TRANSLATE_NOOP("Errors", "At most {max} operators per laptop."),
    "operator.last": QT_TRANSLATE_NOOP("Errors", "The last operator cannot be removed."),
    "escrow.invalid_key": QT_TRANSLATE_NOOP("Errors", "The coordinator's escrow key is invalid."),
    "auth.wrong_escrow_key": QT_TRANSLATE_NOOP(
        "Errors", "This escrow key does not open this store."
    ),
    "slots.key_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The key file does not match this store's key."
    ),
    "slots.missing": QT_TRANSLATE_NOOP(
        "Errors",
        "The key file keyslots.json is missing from {folder}, and the database holds no copy of "
        "it. Put keyslots.json back from a backup of that folder; the recovery key needs it too.",
    ),
    "slots.exists": QT_TRANSLATE_NOOP("Errors", "A key file already exists here."),
    "slots.io": QT_TRANSLATE_NOOP("Errors", "The key file could not be written ({reason})."),
    "slots.verify_failed": QT_TRANSLATE_NOOP(
        "Errors", "The new key file did not verify; the previous one was kept."
    ),
    "slots.newer_version": QT_TRANSLATE_NOOP(
        "Errors", "The key file was written by a newer fieldreg (version {version})."
    ),
    "store.locked": QT_TRANSLATE_NOOP("Errors", "The store is locked."),
    "kdf.params": QT_TRANSLATE_NOOP("Errors", "The key file has unacceptable parameters."),
    "slots.corrupt": QT_TRANSLATE_NOOP("Errors", "The key file is damaged."),
    "slots.not_a_file": QT_TRANSLATE_NOOP(
        "Errors",
        "The key file {path} is not a regular file (a folder, link or device is in its place). "
        "The store opens from the copy in its database; run verify to rewrite the file.",
    ),
    "slots.busy": QT_TRANSLATE_NOOP(
        "Errors",
        "The keys are being changed by another fieldreg window or command; nothing was changed. "
        "Try again in a moment (waited {seconds} s).",
    ),
    "auth.wrong_passphrase_wait": QT_TRANSLATE_NOOP(
        "Errors", "Wrong passphrase. Try again in {seconds} s."
    ),
    "auth.retry_later": QT_TRANSLATE_NOOP(
        "Errors",
        "Too many wrong passphrases for this operator. Try again in {seconds} s, or use the "
        "recovery key.",
    ),
    "operator.confusable": QT_TRANSLATE_NOOP(
        "Errors", "{field}: this name looks the same as another operator's; choose another."
    ),
    "operator.mixed_script": QT_TRANSLATE_NOOP(
        "Errors",
        "{field}: use letters of one alphabet only (Latin or Cyrillic), so the name cannot pass "
        "for another.",
    ),
    "keys.file_missing": QT_TRANSLATE_NOOP(
        "Errors", "The key file {path} was missing; it was rewritten from the database's copy."
    ),
    "keys.file_not_a_file": QT_TRANSLATE_NOOP(
        "Errors",
        "The key file {path} was not a regular file; it was rewritten from the database's copy.",
    ),
    "keys.file_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The key file {path} was damaged; it was rewritten from the good copy."
    ),
    "keys.file_older": QT_TRANSLATE_NOOP(
        "Errors",
        "The key file {path} was older than the database's copy; it was brought up to date.",
    ),
    "keys.database_missing": QT_TRANSLATE_NOOP(
        "Errors", "The database had no copy of the keys; it was written from the key file."
    ),
    "keys.database_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The database's copy of the keys was damaged; it was rewritten from the key file."
    ),
    "keys.database_older": QT_TRANSLATE_NOOP(
        "Errors",
        "The database's copy of the keys was older than the key file; it was brought up to date.",
    ),
    "crypto.tamper": QT_TRANSLATE_NOOP(
        "Errors", "A protected value does not open: it was altered or moved ({table}, {group})."
    ),
    # store and environment
    "store.exists": QT_TRANSLATE_NOOP("Errors", "A store already exists in this folder."),
    "store.missing": QT_TRANSLATE_NOOP("Errors", "There is no store in this folder."),
    "store.keys_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "{folder} already holds a store's database, but its key file keyslots.json is missing. "
        "No new store was made: open the store as usual (its database keeps a copy of the keys) "
        "and run verify to rewrite the key file.",
    ),
    "store.disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full. Nothing was saved; free some space and try again."
    ),
    "store.database_locked": QT_TRANSLATE_NOOP(
        "Errors", "The store is busy in another program. Nothing was saved; try again."
    ),
    "store.read_only": QT_TRANSLATE_NOOP("Errors", "The store cannot be written (read-only)."),
    "store.corrupt": QT_TRANSLATE_NOOP("Errors", "The store is damaged. Run a verification."),
    "store.io": QT_TRANSLATE_NOOP("Errors", "The disk reported an error. Nothing was saved."),
    "store.server_unreachable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server could not be reached: check the address in --store, the network "
        "and that the server runs. Nothing was saved.",
    ),
    "store.no_postgresql_driver": QT_TRANSLATE_NOOP(
        "Errors",
        "This installation has no PostgreSQL support: install fieldreg with its postgresql "
        "extra (pip install 'fieldreg[postgresql]'), or open a store folder instead.",
    ),
    "store.server_refused": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server refused the connection: check the user and database in the "
        "address, and its password in ~/.pgpass. Nothing was saved.",
    ),
    "store.no_server_store": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server answers, but that database holds no fieldreg store: check the "
        "database name in the address.",
    ),
    "store.bad_address": QT_TRANSLATE_NOOP(
        "Errors",
        "This is not a PostgreSQL address: write it as postgresql://user@host/database.",
    ),
    "store.password_in_address": QT_TRANSLATE_NOOP(
        "Errors",
        "Leave the password out of the address: put it in ~/.pgpass, where the server's "
        "driver reads it; it is never kept in fieldreg's settings.",
    ),
    "store.password_needed": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server asks for a password: type the password of the user in the "
        "address. It is kept only until fieldreg closes.",
    ),
    "store.password_wrong": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server refused this password. Nothing was changed; type it again.",
    ),
    "store.newer_schema": QT_TRANSLATE_NOOP(
        "Errors",
        "This store was written by a newer fieldreg (schema {revision}). "
        "Update fieldreg to open it.",
    ),
    "store.no_device": QT_TRANSLATE_NOOP("Errors", "The store has no device record."),
    "events.malformed": QT_TRANSLATE_NOOP("Errors", "An event in the log is malformed."),
    "events.bad_id": QT_TRANSLATE_NOOP("Errors", "An event in the log was altered."),
    "task.cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled."),
    # problems `verify` reports (params: device, seq, person, note, household)
    "verify.gap": QT_TRANSLATE_NOOP("Errors", "Event log of device {device}: event {seq} missing."),
    "verify.broken_chain": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: event {seq} does not follow the one before."
    ),
    "verify.head_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: its recorded end does not match."
    ),
    "verify.state_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: the stored record differs from its history."
    ),
    "verify.fold_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: replaying the history gives a different record."
    ),
    "verify.gap_range": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: events {first} to {last} missing."
    ),
    "verify.sealed_event": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: event {seq} does not open (altered or moved)."
    ),
    "verify.event_altered": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: event {seq} was altered."
    ),
    "verify.redacted": QT_TRANSLATE_NOOP(
        "Errors",
        "Event log of device {device}: event {seq} of person {person} is marked erased, "
        "but the person is not.",
    ),
    "verify.device_clock": QT_TRANSLATE_NOOP(
        "Errors", "Event log of device {device}: its recorded clock does not match its last event."
    ),
    "verify.truncated": QT_TRANSLATE_NOOP(
        "Errors",
        "Event log of device {device}: it ends at event {seq}, but the anchor outside the "
        "database records event {anchored}: events were removed.",
    ),
    "verify.anchor_head": QT_TRANSLATE_NOOP(
        "Errors",
        "Event log of device {device}: event {seq} is not the one the anchor outside the "
        "database records: the log was rewritten.",
    ),
    "verify.device_removed": QT_TRANSLATE_NOOP(
        "Errors",
        "Device {device}: its record is gone, but the anchor outside the database records its "
        "events up to number {anchored}.",
    ),
    "verify.device_row_missing": QT_TRANSLATE_NOOP(
        "Errors", "Device {device}: its events are in the log, but its record is gone."
    ),
    "verify.anchor_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The anchor outside the database (files anchor.0, anchor.1) does not open."
    ),
    "verify.no_anchor": QT_TRANSLATE_NOOP(
        "Errors",
        "No anchor yet: the end of the event log is recorded outside the database at the next "
        "save, so removed events cannot be found before then.",
    ),
    "verify.counter_rewound": QT_TRANSLATE_NOOP(
        "Errors",
        "Device {device}: its ID counter was set back to {counter}, but ID {id} was already "
        "issued; new registrations would be refused.",
    ),
    "verify.prefix_changed": QT_TRANSLATE_NOOP(
        "Errors",
        "Device {device}: its ID prefix is {prefix}, but its IDs were issued under {expected}.",
    ),
    "verify.person_missing": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: has a history in the event log but no record."
    ),
    "verify.person_without_history": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: has a record but no history in the event log."
    ),
    "verify.sealed_person": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: the sealed {group} part does not open (altered or moved)."
    ),
    "verify.person_clock": QT_TRANSLATE_NOOP(
        "Errors",
        "Person {person}: the stored registration or change time differs from the history.",
    ),
    "verify.note_missing": QT_TRANSLATE_NOOP(
        "Errors", "Person {person}: note {note} is in the history but its record is missing."
    ),
    "verify.note_orphan": QT_TRANSLATE_NOOP(
        "Errors", "Note {note}, filed under person {person}: it is in no history."
    ),
    "verify.note_moved": QT_TRANSLATE_NOOP(
        "Errors",
        "Note {note}: filed under person {person}, but it was written for person {owner}.",
    ),
    "verify.sealed_note": QT_TRANSLATE_NOOP(
        "Errors", "Note {note} of person {person}: it does not open (altered or moved)."
    ),
    "verify.note_altered": QT_TRANSLATE_NOOP(
        "Errors", "Note {note} of person {person}: it differs from the history."
    ),
    "verify.transport_missing": QT_TRANSLATE_NOOP(
        "Errors", "Transport {transport} has events but no stored state."
    ),
    "verify.transport_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Transport {transport}: the stored state does not match its events."
    ),
    "verify.household_missing": QT_TRANSLATE_NOOP(
        "Errors", "Household {household}: created in the event log but has no record."
    ),
    "verify.household_without_history": QT_TRANSLATE_NOOP(
        "Errors", "Household {household}: has a record but no history in the event log."
    ),
    "verify.household_clock": QT_TRANSLATE_NOOP(
        "Errors", "Household {household}: the stored creation time differs from the history."
    ),
    "store.counter_rewound": QT_TRANSLATE_NOOP(
        "Errors",
        "This store's ID counter was set back: ID {id} is already taken. Nothing was saved; "
        "run fieldreg verify.",
    ),
    # files and input
    "json.too_large": QT_TRANSLATE_NOOP("Errors", "The data is too large (at most {max})."),
    "json.too_deep": QT_TRANSLATE_NOOP("Errors", "The data is nested too deeply."),
    "json.syntax": QT_TRANSLATE_NOOP("Errors", "The data is not valid JSON."),
    "json.encoding": QT_TRANSLATE_NOOP("Errors", "The data is not valid UTF-8."),
    "json.duplicate_key": QT_TRANSLATE_NOOP("Errors", "The data repeats a key."),
    "json.constant": QT_TRANSLATE_NOOP("Errors", "The data contains NaN or Infinity."),
    "json.float": QT_TRANSLATE_NOOP("Errors", "The data contains a fractional number."),
    "json.surrogate": QT_TRANSLATE_NOOP(
        "Errors", "The data contains an unpaired surrogate character."
    ),
    "json.integer_range": QT_TRANSLATE_NOOP("Errors", "The data contains a number out of range."),
    "json.type": QT_TRANSLATE_NOOP("Errors", "The data contains a value of an unknown kind."),
    "json.key_type": QT_TRANSLATE_NOOP("Errors", "The data contains a key that is not text."),
    "cli.secret_file": QT_TRANSLATE_NOOP("Errors", "Cannot read the secret from {path}."),
    "cli.no_secret": QT_TRANSLATE_NOOP(
        "Errors", "No terminal to ask for the passphrase: use --passphrase-file or {env}."
    ),
    "cli.secrets_differ": QT_TRANSLATE_NOOP("Errors", "The two entries differ."),
    "cli.no_store": QT_TRANSLATE_NOOP(
        "Errors",
        "There is no store in {path}. Name the store's folder with --data-dir, "
        "or create a store there with fieldreg init.",
    ),
    "cli.store_exists": QT_TRANSLATE_NOOP(
        "Errors", "A store already exists in {path}; nothing was changed."
    ),
    "cli.choose_operator": QT_TRANSLATE_NOOP(
        "Errors",
        "Several operators use this laptop: choose one with {option} NAME "
        "(fieldreg operator list shows them).",
    ),
    "cli.not_editable": QT_TRANSLATE_NOOP(
        "Errors", "{field}: not changed by edit; use fieldreg {command}."
    ),
    "cli.path_unusable": QT_TRANSLATE_NOOP(
        "Errors", "{path} cannot be used: {reason}. Choose another file or folder."
    ),
    "cli.system_error": QT_TRANSLATE_NOOP("Errors", "The system refused the operation: {reason}."),
    # desk application settings
    "settings.io": QT_TRANSLATE_NOOP(
        "Errors", "The settings could not be saved ({reason}); nothing was changed."
    ),
    # sync: network, enrollment, bundles, conflicts
    "sync.bad_key": QT_TRANSLATE_NOOP("Errors", "This is not a valid key."),
    "sync.network_corrupt": QT_TRANSLATE_NOOP(
        "Errors", "The network keys in this store are damaged."
    ),
    "sync.wrong_network_passphrase": QT_TRANSLATE_NOOP("Errors", "Wrong network passphrase."),
    "sync.same_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The network passphrase must differ from the store's passphrase."
    ),
    "sync.not_coordinator": QT_TRANSLATE_NOOP(
        "Errors", "This is not a coordinator's store (create one with `network create`)."
    ),
    "sync.not_enrolled": QT_TRANSLATE_NOOP(
        "Errors", "This laptop is not enrolled in a network yet: enroll it first."
    ),
    "sync.already_enrolled": QT_TRANSLATE_NOOP(
        "Errors", "This store already belongs to a network."
    ),
    "sync.certificate_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The device certificate is damaged or not signed by this network ({part})."
    ),
    "sync.unknown_device": QT_TRANSLATE_NOOP("Errors", "No enrolled device matches."),
    "sync.bad_sequence": QT_TRANSLATE_NOOP("Errors", "A sequence number cannot be negative."),
    "sync.redacted_event": QT_TRANSLATE_NOOP(
        "Errors", "Event {seq} was erased here and cannot be exported."
    ),
    "sync.export_io": QT_TRANSLATE_NOOP(
        "Errors", "The bundle could not be written ({reason}). Nothing was marked as exported."
    ),
    "sync.no_folder": QT_TRANSLATE_NOOP("Errors", "The target folder does not exist."),
    "sync.unreadable_file": QT_TRANSLATE_NOOP("Errors", "The file cannot be read."),
    "sync.no_such_file": QT_TRANSLATE_NOOP(
        "Errors", "There is no file by that name: check the name and the folder."
    ),
    "sync.not_a_file": QT_TRANSLATE_NOOP(
        "Errors", "This is not a file (a link, a folder or a device): choose the file itself."
    ),
    "sync.token_too_large": QT_TRANSLATE_NOOP(
        "Errors", "This file is too large to be an enrollment request or answer."
    ),
    "sync.too_many_files": QT_TRANSLATE_NOOP("Errors", "At most {max} files at a time."),
    "sync.file_exists": QT_TRANSLATE_NOOP(
        "Errors", "A file of that name already exists; nothing was overwritten."
    ),
    "hub.not_configured": QT_TRANSLATE_NOOP(
        "Errors", "No hub is set for this laptop: set its address and certificate first."
    ),
    "hub.bad_address": QT_TRANSLATE_NOOP(
        "Errors", "A hub address is a host name or IP address, a colon and a port."
    ),
    "hub.pin_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "Give both the hub's address and its certificate, or neither."
    ),
    "hub.bad_pin": QT_TRANSLATE_NOOP(
        "Errors", "A certificate fingerprint is 64 hexadecimal digits (SHA-256)."
    ),
    "hub.wrong_certificate": QT_TRANSLATE_NOOP(
        "Errors",
        "The hub's certificate is not the one this laptop pinned: nothing was sent. "
        "Check the address with the coordinator.",
    ),
    "hub.bad_answer": QT_TRANSLATE_NOOP("Errors", "The hub's answer could not be read."),
    "hub.refused": QT_TRANSLATE_NOOP("Errors", "The hub refused the request ({status} {reason})."),
    "hub.roster_io": QT_TRANSLATE_NOOP("Errors", "The hub could not write the roster ({reason})."),
    "hub.certificate_exists": QT_TRANSLATE_NOOP(
        "Errors", "A hub certificate is already in that folder; nothing was overwritten."
    ),
    "hub.certificate_io": QT_TRANSLATE_NOOP(
        "Errors", "The hub's certificate files cannot be read or written ({reason})."
    ),
    "hub.certificate_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The hub's certificate or key file is not a usable TLS certificate and key."
    ),
    "hub.cannot_listen": QT_TRANSLATE_NOOP(
        "Errors", "The hub cannot listen on that address ({reason})."
    ),
    "enroll.request_invalid": QT_TRANSLATE_NOOP(
        "Errors", "This enrollment request is damaged or not signed by its laptop ({part})."
    ),
    "enroll.answer_invalid": QT_TRANSLATE_NOOP(
        "Errors", "This enrollment answer is damaged or not signed by the network ({part})."
    ),
    "enroll.unknown_version": QT_TRANSLATE_NOOP(
        "Errors", "This enrollment file was made by a newer fieldreg."
    ),
    "enroll.prefix_form": QT_TRANSLATE_NOOP(
        "Errors", "{field}: an assigned prefix has 2 to {max} symbols and does not start with Z."
    ),
    "enroll.prefix_taken": QT_TRANSLATE_NOOP(
        "Errors", "The prefix {prefix} belongs to another device."
    ),
    "enroll.fingerprint_mismatch": QT_TRANSLATE_NOOP(
        "Errors",
        "The network fingerprint does not match the coordinator's: do not use this answer.",
    ),
    "enroll.not_for_this_device": QT_TRANSLATE_NOOP(
        "Errors", "This answer was made for another laptop's request."
    ),
    "bundle.empty": QT_TRANSLATE_NOOP("Errors", "The bundle file is empty."),
    "bundle.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file is too large to be a bundle (at most {max})."
    ),
    "bundle.bad_magic": QT_TRANSLATE_NOOP("Errors", "This file is not a fieldreg bundle."),
    "bundle.unknown_version": QT_TRANSLATE_NOOP(
        "Errors", "This bundle was made by a newer fieldreg (format {version})."
    ),
    "bundle.truncated": QT_TRANSLATE_NOOP(
        "Errors", "The bundle is incomplete: the file was cut short."
    ),
    "bundle.part_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's {part} is larger than allowed ({max})."
    ),
    "bundle.trailing_data": QT_TRANSLATE_NOOP(
        "Errors", "The bundle has unexpected data after its end."
    ),
    "bundle.signature_format": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's signature is malformed ({part})."
    ),
    "bundle.header_invalid": QT_TRANSLATE_NOOP("Errors", "The bundle's header is invalid ({key})."),
    "bundle.too_many_events": QT_TRANSLATE_NOOP(
        "Errors", "The bundle holds too many events (at most {max})."
    ),
    "bundle.other_network": QT_TRANSLATE_NOOP("Errors", "The bundle belongs to another network."),
    "bundle.unknown_device": QT_TRANSLATE_NOOP(
        "Errors", "The bundle comes from a device this coordinator never enrolled."
    ),
    "bundle.revoked": QT_TRANSLATE_NOOP(
        "Errors", "The device was revoked: its bundles are accepted only up to event {up_to}."
    ),
    "bundle.bad_signature": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's signature does not match: it was altered or forged."
    ),
    "bundle.age_header": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's encryption header is invalid ({reason})."
    ),
    "bundle.not_for_us": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was not encrypted to this coordinator."
    ),
    "bundle.decrypt_failed": QT_TRANSLATE_NOOP(
        "Errors", "The bundle does not decrypt: its content is incomplete or altered."
    ),
    "bundle.payload_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's content does not match its signed header."
    ),
    "bundle.payload_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's content is malformed ({reason})."
    ),
    "bundle.event_invalid": QT_TRANSLATE_NOOP(
        "Errors", "Event {seq} in the bundle is invalid ({reason})."
    ),
    "bundle.broken_chain": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's events are not chained correctly at event {seq}."
    ),
    "bundle.fork": QT_TRANSLATE_NOOP(
        "Errors",
        "ALARM: device {device} signed two different histories (event {seq}). "
        "Nothing was imported; check the device.",
    ),
    "bundle.nothing_to_export": QT_TRANSLATE_NOOP(
        "Errors", "Nothing new to export since the last bundle."
    ),
    "bundle.bad_range": QT_TRANSLATE_NOOP(
        "Errors", "Choose events between 1 and {last}, first not after last."
    ),
    "bundle.verify_failed": QT_TRANSLATE_NOOP(
        "Errors", "The bundle did not read back correctly; it was removed. Try another stick."
    ),
    # the roster (coordinator -> laptop), docs/roster-format.md
    "roster.empty": QT_TRANSLATE_NOOP("Errors", "The roster file is empty."),
    "roster.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file is too large to be a roster (at most {max})."
    ),
    "roster.bad_magic": QT_TRANSLATE_NOOP("Errors", "This file is not a fieldreg roster."),
    "roster.unknown_version": QT_TRANSLATE_NOOP(
        "Errors", "This roster was made by a newer fieldreg (format {version})."
    ),
    "roster.truncated": QT_TRANSLATE_NOOP(
        "Errors", "The roster is incomplete: the file was cut short."
    ),
    "roster.part_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The roster's {part} is larger than allowed ({max})."
    ),
    "roster.trailing_data": QT_TRANSLATE_NOOP(
        "Errors", "The roster has unexpected data after its end."
    ),
    "roster.signature_format": QT_TRANSLATE_NOOP(
        "Errors", "The roster's signature is malformed ({part})."
    ),
    "roster.header_invalid": QT_TRANSLATE_NOOP("Errors", "The roster's header is invalid ({key})."),
    "roster.other_network": QT_TRANSLATE_NOOP("Errors", "The roster belongs to another network."),
    "roster.other_device": QT_TRANSLATE_NOOP(
        "Errors", "The roster was written for another laptop."
    ),
    "roster.other_epoch": QT_TRANSLATE_NOOP(
        "Errors",
        "The roster was written for this laptop's enrollment {epoch}, but its certificate is "
        "enrollment {ours}.",
    ),
    "roster.bad_signature": QT_TRANSLATE_NOOP(
        "Errors",
        "The roster's signature does not match the network's key: it was altered or forged.",
    ),
    "roster.rollback": QT_TRANSLATE_NOOP(
        "Errors",
        "The roster is version {version}, not newer than the version {applied} this laptop has "
        "applied. The current roster is kept.",
    ),
    "roster.delta_base": QT_TRANSLATE_NOOP(
        "Errors",
        "The roster holds the changes since version {base}, but this laptop has version "
        "{applied}. The current roster is kept; ask the coordinator for a full roster.",
    ),
    "roster.expired": QT_TRANSLATE_NOOP(
        "Errors",
        "The roster expired on {expired}. The current roster is kept; ask the coordinator for "
        "a new one.",
    ),
    "roster.age_header": QT_TRANSLATE_NOOP(
        "Errors", "The roster's encryption header is invalid ({reason})."
    ),
    "roster.not_for_us": QT_TRANSLATE_NOOP(
        "Errors", "The roster was not encrypted to this laptop's key."
    ),
    "roster.decrypt_failed": QT_TRANSLATE_NOOP(
        "Errors", "The roster does not decrypt: its content is incomplete or altered."
    ),
    "roster.payload_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The roster's content does not match its signed header."
    ),
    "roster.payload_too_large": QT_TRANSLATE_NOOP(
        "Errors", "The roster's content unpacks to more than {max}; it was refused."
    ),
    "roster.payload_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The roster's content is malformed ({reason})."
    ),
    "conflict.not_found": QT_TRANSLATE_NOOP("Errors", "There is no open conflict on this field."),
    "conflict.bad_choice": QT_TRANSLATE_NOOP("Errors", "Choose a value from 0 to {max}."),
    "duplicate.self": QT_TRANSLATE_NOOP("Errors", "A person cannot be a duplicate of themselves."),
    "duplicate.not_marked": QT_TRANSLATE_NOOP(
        "Errors", "{id} is not marked as the same person as {of}."
    ),
    # printing: scanned codes and bands
    "scan.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The scanned text is too long for a fieldreg code (at most {max} characters)."
    ),
    "scan.empty": QT_TRANSLATE_NOOP("Errors", "Nothing was scanned."),
    "scan.malformed": QT_TRANSLATE_NOOP("Errors", "This fieldreg code is damaged or incomplete."),
    "scan.foreign": QT_TRANSLATE_NOOP("Errors", "This code was not made by fieldreg."),
    "scan.version": QT_TRANSLATE_NOOP(
        "Errors",
        "This code was made by a newer fieldreg (format {version}). Update fieldreg to read it.",
    ),
    "scan.ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "This could be two different IDs: type it with the Latin keyboard layout."
    ),
    "scan.band_voided": QT_TRANSLATE_NOOP(
        "Errors",
        "This band was replaced by a newer one. Check the person and take the old band off.",
    ),
    "scan.band_unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "This band is not in this laptop's records (printed elsewhere and not synced yet?). "
        "Check the person.",
    ),
    "print.unknown_stock": QT_TRANSLATE_NOOP("Errors", "There is no label stock named {stock}."),
    "print.not_zpl": QT_TRANSLATE_NOOP(
        "Errors", "{stock} is a sheet for office printers; ZPL is for thermal bands only."
    ),
    "print.queue_name": QT_TRANSLATE_NOOP("Errors", "This is not a valid printer queue name."),
    "print.queue_missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no printer queue named {queue}. Nothing was printed."
    ),
    "print.queue_stopped": QT_TRANSLATE_NOOP(
        "Errors", "The printer queue {queue} is stopped. Nothing was printed."
    ),
    "print.queue_rejecting": QT_TRANSLATE_NOOP(
        "Errors", "The printer queue {queue} is not accepting jobs. Nothing was printed."
    ),
    "print.spooler_down": QT_TRANSLATE_NOOP(
        "Errors", "The printing system (CUPS) is not running. Nothing was printed."
    ),
    "print.no_cups": QT_TRANSLATE_NOOP(
        "Errors",
        "Sending ZPL to a printer queue needs CUPS (the lp command), which this computer lacks.",
    ),
    "print.job_failed": QT_TRANSLATE_NOOP(
        "Errors", "The printer queue {queue} did not take the job. No band was marked as issued."
    ),
    "print.device_failed": QT_TRANSLATE_NOOP(
        "Errors", "The printer or file could not be opened. No band was marked as issued."
    ),
    "print.write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The file could not be written ({reason}). No band was marked as issued."
    ),
    "print.nobody": QT_TRANSLATE_NOOP("Errors", "This household has no members to print for."),
    "print.too_many": QT_TRANSLATE_NOOP("Errors", "At most {max} labels can be printed at once."),
    "print.settings_invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "The printing settings are damaged ({key}); reset them (fieldreg band settings --reset).",
    ),
    "print.settings_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The printing settings could not be read ({reason})."
    ),
    "print.settings_unwritable": QT_TRANSLATE_NOOP(
        "Errors", "The printing settings could not be saved ({reason})."
    ),
    # sync in the desk application
    "sync.write_failed": QT_TRANSLATE_NOOP("Errors", "The file could not be written ({reason})."),
    # exports (CSV, XLSX, PFIF) and PFIF lists
    "export.unknown_column": QT_TRANSLATE_NOOP("Errors", "There is no column named {column}."),
    "export.no_columns": QT_TRANSLATE_NOOP("Errors", "Choose at least one column."),
    "export.bad_domain": QT_TRANSLATE_NOOP(
        "Errors", "The PFIF domain must be a domain name, such as registry.example.org."
    ),
    "export.encryption_both": QT_TRANSLATE_NOOP(
        "Errors", "Encrypt either to a passphrase or to recipients, not both."
    ),
    "export.encryption_none": QT_TRANSLATE_NOOP(
        "Errors", "Give a passphrase or a recipient to encrypt the export."
    ),
    "export.passphrase_short": QT_TRANSLATE_NOOP(
        "Errors", "The export passphrase must have at least {min} characters."
    ),
    "export.write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The export could not be written ({reason}). No file was left behind."
    ),
    "pfif.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The PFIF file is too large (at most {limit}). Nothing was imported."
    ),
    "pfif.encoding": QT_TRANSLATE_NOOP(
        "Errors", "The PFIF file is not UTF-8 text. Nothing was imported."
    ),
    "pfif.unsafe_xml": QT_TRANSLATE_NOOP(
        "Errors",
        "The PFIF file declares a document type or entities, which could read other files or "
        "exhaust memory. Nothing was imported.",
    ),
    "pfif.malformed": QT_TRANSLATE_NOOP(
        "Errors", "The PFIF file is not well-formed XML (line {line}). Nothing was imported."
    ),
    "pfif.not_pfif": QT_TRANSLATE_NOOP(
        "Errors", "The file is not a PFIF 1.4 document. Nothing was imported."
    ),
    "pfif.wrong_namespace": QT_TRANSLATE_NOOP(
        "Errors", "The element {element} is outside the PFIF 1.4 namespace. Nothing was imported."
    ),
    "pfif.unknown_field": QT_TRANSLATE_NOOP(
        "Errors", "PFIF {record}: unknown field {field}. Nothing was imported."
    ),
    "pfif.repeated_field": QT_TRANSLATE_NOOP(
        "Errors", "PFIF {record}: the field {field} appears twice. Nothing was imported."
    ),
    "pfif.nested_field": QT_TRANSLATE_NOOP(
        "Errors", "PFIF {record}: the field {field} holds elements. Nothing was imported."
    ),
    "pfif.field_too_long": QT_TRANSLATE_NOOP(
        "Errors",
        "PFIF {record}: the field {field} is too long (at most {limit} characters). "
        "Nothing was imported.",
    ),
    "pfif.missing_field": QT_TRANSLATE_NOOP(
        "Errors", "PFIF {record}: the required field {field} is missing. Nothing was imported."
    ),
    "pfif.bad_record_id": QT_TRANSLATE_NOOP(
        "Errors",
        "PFIF {record}: {field} is not of the form domain/identifier. Nothing was imported.",
    ),
    "pfif.bad_date": QT_TRANSLATE_NOOP(
        "Errors",
        "PFIF {record}: {field} is not a UTC time (YYYY-MM-DDThh:mm:ssZ). Nothing was imported.",
    ),
    "pfif.bad_value": QT_TRANSLATE_NOOP(
        "Errors", "PFIF {record}: the value of {field} is not allowed. Nothing was imported."
    ),
    "pfif.duplicate_id": QT_TRANSLATE_NOOP(
        "Errors", "PFIF: two {record} records have the same id. Nothing was imported."
    ),
    "pfif.note_of_other_person": QT_TRANSLATE_NOOP(
        "Errors", "PFIF: a note names a person the file does not hold. Nothing was imported."
    ),
    "pfif.too_many": QT_TRANSLATE_NOOP(
        "Errors", "PFIF: more than {limit} records. Nothing was imported."
    ),
    # --- sought-persons lists (issue 14 §2) ---
    "sought.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The list is too large (at most {limit}). Nothing was imported."
    ),
    "sought.bad_format": QT_TRANSLATE_NOOP(
        "Errors", "Lists are read as CSV, XLSX or PFIF. Nothing was imported."
    ),
    "sought.bad_encoding": QT_TRANSLATE_NOOP(
        "Errors", "A CSV list is read as UTF-8 or as Windows-1251 (cp1251). Nothing was imported."
    ),
    "sought.encoding": QT_TRANSLATE_NOOP(
        "Errors",
        "The CSV list is not UTF-8 text. If it was saved as Windows-1251, import it again "
        "choosing that encoding (--encoding cp1251). Nothing was imported.",
    ),
    "sought.not_xlsx": QT_TRANSLATE_NOOP(
        "Errors", "The file is not an XLSX workbook. Nothing was imported."
    ),
    "sought.empty": QT_TRANSLATE_NOOP(
        "Errors", "The list holds nobody with a name. Nothing was imported."
    ),
    "sought.too_many_columns": QT_TRANSLATE_NOOP(
        "Errors", "The list has more than {limit} columns. Nothing was imported."
    ),
    "sought.cell_too_long": QT_TRANSLATE_NOOP(
        "Errors",
        "Line {line} of the list has a cell longer than {limit} characters. Nothing was imported.",
    ),
    "sought.too_many_rows": QT_TRANSLATE_NOOP(
        "Errors", "The list has more than {limit} lines. Nothing was imported."
    ),
    "sought.malformed_csv": QT_TRANSLATE_NOOP(
        "Errors", "The CSV list is damaged near line {line}. Nothing was imported."
    ),
    "sought.bad_mapping": QT_TRANSLATE_NOOP(
        "Errors",
        "The column mapping is not understood ({part}); write field=column, for example "
        "family=Прізвище.",
    ),
    "sought.no_such_column": QT_TRANSLATE_NOOP("Errors", "The list has no column named {column}."),
    "sought.mapping_needs_name": QT_TRANSLATE_NOOP(
        "Errors", "Choose the column of the family name (or of the full name) before importing."
    ),
    "sought.column_twice": QT_TRANSLATE_NOOP(
        "Errors", "One column is chosen for two fields. Choose each column once."
    ),
    "sought.duplicate_id": QT_TRANSLATE_NOOP(
        "Errors", "Line {line} repeats an id the list already used. Nothing was imported."
    ),
    "lists.not_found": QT_TRANSLATE_NOOP("Errors", "There is no such list."),
    "lists.report_target": QT_TRANSLATE_NOOP(
        "Errors", "{field}: say where to write it (a PDF, a CSV or the protection officer's file)."
    ),
    "lists.no_entry": QT_TRANSLATE_NOOP("Errors", "The list has no such line."),
    "lists.tampered": QT_TRANSLATE_NOOP(
        "Errors", "A stored list does not open with this store's key: it was altered."
    ),
    # roster content and apply (coordinator -> laptops)
    "roster.bad_field": QT_TRANSLATE_NOOP(
        "Errors", "The field {field} cannot be sent in a roster."
    ),
    "roster.write_failed": QT_TRANSLATE_NOOP(
        "Errors", "The roster file could not be written ({reason})."
    ),
    "device.revoked": QT_TRANSLATE_NOOP(
        "Errors", "This laptop was revoked by the coordinator: it can no longer export bundles."
    ),
    # transports and boarding
    "transport.not_found": QT_TRANSLATE_NOOP("Errors", "No transport with ID {id}."),
    "transport.not_assigned": QT_TRANSLATE_NOOP(
        "Errors", "{id} is not on the passenger list of transport {transport}."
    ),
    "transport.full": QT_TRANSLATE_NOOP(
        "Errors", "The transport is full (seats: {capacity}): no one more can be assigned."
    ),
    "transport.capacity": QT_TRANSLATE_NOOP(
        "Errors", "{field}: a whole number of seats, 1 to {max}."
    ),
    "transport.departure_format": QT_TRANSLATE_NOOP(
        "Errors", "{field}: write the date and time as DD.MM.YYYY HH:MM, such as 05.12.2026 08:00."
    ),
    "transport.seat_format": QT_TRANSLATE_NOOP(
        "Errors", "{field}: letters, digits and hyphens only, such as 12 or 3A."
    ),
    "transport.escort_self": QT_TRANSLATE_NOOP(
        "Errors", "{field}: a passenger cannot be their own escort."
    ),
    "transport.seat_taken": QT_TRANSLATE_NOOP(
        "Errors", "Seat {seat} is already given to another passenger."
    ),
    # --- features add their sections above this line ---
}


# What the system said, in words, where an error's `reason` is the name of an OSError
# (`errors.os_error_reason`): "ENOENT" means nothing to a volunteer. The name itself stays in the
# error's parameters (`--json`).
OS_REASONS: Final[dict[str, str]] = {
    "ENOENT": QT_TRANSLATE_NOOP("OsErrors", "there is no such folder or file"),
    "ENOTDIR": QT_TRANSLATE_NOOP("OsErrors", "part of the path is not a folder"),
    "EISDIR": QT_TRANSLATE_NOOP("OsErrors", "that is a folder"),
    "EEXIST": QT_TRANSLATE_NOOP("OsErrors", "a file of that name is already there"),
    "EACCES": QT_TRANSLATE_NOOP("OsErrors", "permission denied"),
    "EPERM": QT_TRANSLATE_NOOP("OsErrors", "the system does not allow it"),
    "ENOSPC": QT_TRANSLATE_NOOP("OsErrors", "the disk is full"),
    "EDQUOT": QT_TRANSLATE_NOOP("OsErrors", "the disk quota is used up"),
    "EROFS": QT_TRANSLATE_NOOP("OsErrors", "the disk is read-only"),
    "EIO": QT_TRANSLATE_NOOP("OsErrors", "the disk or stick reported a read or write error"),
    "ENODEV": QT_TRANSLATE_NOOP("OsErrors", "the device is not there (unplugged?)"),
    "ENXIO": QT_TRANSLATE_NOOP("OsErrors", "the device is not there (unplugged?)"),
    "ENAMETOOLONG": QT_TRANSLATE_NOOP("OsErrors", "the name is too long"),
    "EBUSY": QT_TRANSLATE_NOOP("OsErrors", "the file or device is in use"),
    "EMFILE": QT_TRANSLATE_NOOP("OsErrors", "too many files are open"),
}


# Errors whose `max` or `limit` is a size in bytes, said as "64 MB" rather than "67121174".
SIZE_CODES: Final = frozenset(
    {
        "json.too_large",
        "bundle.too_large",
        "bundle.part_too_large",
        "roster.too_large",
        "roster.part_too_large",
        "roster.payload_too_large",
        "pfif.too_large",
        "sought.too_large",
    }
)
_SIZE_UNITS: Final = (
    (1 << 30, QT_TRANSLATE_NOOP("Units", "{n} GB")),
    (1 << 20, QT_TRANSLATE_NOOP("Units", "{n} MB")),
    (1 << 10, QT_TRANSLATE_NOOP("Units", "{n} KB")),
    (1, QT_TRANSLATE_NOOP("Units", "{n} bytes")),
)


def size_text(count: int, translate: Translate = _untranslated) -> str:
    """A size as a file manager shows it, 1024 bytes a KB: "64 MB" (for a limit of 64 MB and a
    few bytes), "1.5 MB", "1 MB", "100 bytes"."""
    unit, template = next((u, t) for u, t in _SIZE_UNITS if count >= u or u == 1)
    value = count / unit
    number = f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")
    return translate("Units", template).format(n=number)


def describe(error: FieldregError, translate: Translate = _untranslated) -> str:
    """The user-facing sentence for `error`, translated with `translate(context, source)`."""
    template = MESSAGES.get(error.code)
    if template is None:
        return translate("Errors", UNKNOWN).format(code=error.code)
    params = {key: str(value) for key, value in error.params.items()}
    field = params.get("field")
    if field is not None:
        params["field"] = translate("Fields", FIELD_LABELS.get(field, field))
    if error.code in SIZE_CODES:
        for key in ("max", "limit"):
            value = error.params.get(key)
            if type(value) is int and value >= 0:
                params[key] = size_text(value, translate)
    words = OS_REASONS.get(params.get("reason", ""))
    if words is not None:
        params["reason"] = translate("OsErrors", words)
    try:
        return translate("Errors", template).format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format_map(_Missing(params))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# --- two records of a person compared field by field (duplicates, lists) ---------------------

PAIR_FIELD_ROLES: Final[dict[str, str]] = {
    "family": QT_TRANSLATE_NOOP("PairFields", "Family name"),
    "given": QT_TRANSLATE_NOOP("PairFields", "Given name"),
    "patronymic": QT_TRANSLATE_NOOP("PairFields", "Patronymic"),
    "dob": QT_TRANSLATE_NOOP("PairFields", "Born"),
}
PAIR_FIELD_VERDICTS: Final[dict[str, str]] = {
    "same": QT_TRANSLATE_NOOP("PairFields", "{field}: the same"),
    "transliteration": QT_TRANSLATE_NOOP(
        "PairFields", "{field}: another spelling ({ours} / {theirs})"
    ),
    "spelling": QT_TRANSLATE_NOOP("PairFields", "{field}: another spelling ({ours} / {theirs})"),
    "equivalent": QT_TRANSLATE_NOOP("PairFields", "{field}: {ours} = {theirs}"),
    "initial": QT_TRANSLATE_NOOP("PairFields", "{field}: the initial {theirs} fits {ours}"),
    "similar": QT_TRANSLATE_NOOP("PairFields", "{field}: almost alike ({ours} / {theirs})"),
    "different": QT_TRANSLATE_NOOP("PairFields", "{field}: different ({ours} / {theirs})"),
    "missing": QT_TRANSLATE_NOOP("PairFields", "{field}: recorded on one side only ({known})"),
    "same_year": QT_TRANSLATE_NOOP("PairFields", "{field}: the same year ({ours} / {theirs})"),
    "off_by_one": QT_TRANSLATE_NOOP("PairFields", "{field}: a year apart ({ours} / {theirs})"),
}


def pair_field_lines(
    fields: Iterable[tuple[str, str, str, str]], translate: Translate = _untranslated
) -> list[str]:
    """(role, verdict, ours, theirs) of each field as a line a person reads ("Given name:
    Олексій = Алексей", "Born: a year apart (1978 / 1979)"); a field neither side recorded says
    nothing."""
    lines = []
    for role, verdict, ours, theirs in fields:
        if not (ours or theirs):
            continue
        template = PAIR_FIELD_VERDICTS.get(verdict, "{field}: {ours} / {theirs}")
        lines.append(
            translate("PairFields", template).format(
                field=translate("PairFields", PAIR_FIELD_ROLES.get(role, role)),
                ours=ours or "—",
                theirs=theirs or "—",
                known=ours or theirs,
            )
        )
    return lines


# --- a relationship to the head that the years of birth make unlikely (core.kinship) ----------

KINSHIP_DOUBTS: Final[dict[str, str]] = {
    "young_spouse": QT_TRANSLATE_NOOP(
        "KinshipWarning", "A spouse or partner under 16: check the relationship."
    ),
    "child_not_younger": QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "A child of the head born in {member}, the head in {head}: check the relationship.",
    ),
    "grandchild_not_younger": QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "A grandchild of the head born in {member}, the head in {head}: check the relationship.",
    ),
    "parent_not_older": QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "A parent of the head born in {member}, the head in {head}: check the relationship.",
    ),
    "grandparent_not_older": QT_TRANSLATE_NOOP(
        "KinshipWarning",
        "A grandparent of the head born in {member}, the head in {head}: check the relationship.",
    ),
}


def kinship_text(
    doubt: str, head_year: int | None, member_year: int | None, translate: Translate = _untranslated
) -> str:
    """The sentence for a `core.kinship.KinshipDoubt` ("A child of the head born in 1990, the
    head in 1995: check the relationship.")."""
    return translate("KinshipWarning", KINSHIP_DOUBTS[doubt]).format(
        member="" if member_year is None else member_year,
        head="" if head_year is None else head_year,
    )


def counted(count: int, one: str, many: str) -> str:
    """An English count for the command line: "1 bundle", "2 bundles", "1,200 events"."""
    return f"{count:,} {one if count == 1 else many}"
