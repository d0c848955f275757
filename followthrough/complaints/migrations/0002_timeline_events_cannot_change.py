"""The database itself refuses to change or delete a complaint's timeline events, as it does audit entries.

On SQLite only updates are refused: the test runner empties tables between browser tests with DELETE. On
PostgreSQL both are refused; emptying a test database uses TRUNCATE, which row triggers do not see.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION complaints_complaintevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Timeline events cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER complaints_complaintevent_no_update BEFORE UPDATE OR DELETE ON complaints_complaintevent
    FOR EACH ROW EXECUTE FUNCTION complaints_complaintevent_refuse_change();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS complaints_complaintevent_no_update ON complaints_complaintevent;
DROP FUNCTION IF EXISTS complaints_complaintevent_refuse_change();
"""
SQLITE_FORWARD = """
CREATE TRIGGER complaints_complaintevent_no_update BEFORE UPDATE ON complaints_complaintevent
BEGIN SELECT RAISE(ABORT, 'Timeline events cannot be changed'); END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS complaints_complaintevent_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_super_complaints_evidence_and_timeline")]
    operations = [migrations.RunPython(forward, backward)]
