"""The coordinator marks who changed as it happens: a trigger on `people` sets the person's
`roster_changes.version` to 0 ("changed since the last roster batch") whenever their sealed state
is written, and an index on that column lets the next batch find them without reading (or
hashing) everyone's state. Laptops never track (the insert trigger waits for the coordinator's
"roster.tracking" setting; the update trigger finds no row). Ids and numbers only.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# 'roster.tracking' below: fieldreg.store.roster_store.TRACKING_KEY
_SQLITE = [
    """
    CREATE TRIGGER roster_mark_insert AFTER INSERT ON people
    WHEN EXISTS (SELECT 1 FROM store_settings WHERE key = 'roster.tracking')
    BEGIN
        INSERT INTO roster_changes (person_id, version, fingerprint) VALUES (NEW.id, 0, '')
        ON CONFLICT (person_id) DO UPDATE SET version = 0;
    END
    """,
    """
    CREATE TRIGGER roster_mark_update AFTER UPDATE OF meta ON people
    BEGIN
        UPDATE roster_changes SET version = 0 WHERE person_id = NEW.id;
    END
    """,
]

_POSTGRESQL = [
    """
    CREATE FUNCTION roster_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF EXISTS (SELECT 1 FROM store_settings WHERE key = 'roster.tracking') THEN
                INSERT INTO roster_changes (person_id, version, fingerprint)
                VALUES (NEW.id, 0, '')
                ON CONFLICT (person_id) DO UPDATE SET version = 0;
            END IF;
        ELSE
            UPDATE roster_changes SET version = 0 WHERE person_id = NEW.id;
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER roster_mark_insert AFTER INSERT ON people
    FOR EACH ROW EXECUTE FUNCTION roster_mark()
    """,
    """
    CREATE TRIGGER roster_mark_update AFTER UPDATE OF meta ON people
    FOR EACH ROW EXECUTE FUNCTION roster_mark()
    """,
]


def upgrade() -> None:
    op.create_index(op.f("ix_roster_changes_version"), "roster_changes", ["version"])
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in _POSTGRESQL if postgresql else _SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS roster_mark_update ON people")
        op.execute("DROP TRIGGER IF EXISTS roster_mark_insert ON people")
        op.execute("DROP FUNCTION IF EXISTS roster_mark()")
    else:
        op.execute("DROP TRIGGER IF EXISTS roster_mark_update")
        op.execute("DROP TRIGGER IF EXISTS roster_mark_insert")
    op.drop_index(op.f("ix_roster_changes_version"), table_name="roster_changes")
