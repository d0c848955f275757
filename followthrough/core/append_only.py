"""Database triggers that refuse changes to append-only tables (ADR 0004), for use in migrations.

On SQLite only updates are refused: the test runner empties tables between browser tests with DELETE. On
PostgreSQL both are refused; emptying a test database uses TRUNCATE, which row triggers do not see.
"""

from django.db import migrations


def refuse_changes(table, what):
    """A migration operation that makes the database refuse updates (and, on PostgreSQL, deletes) of `table`."""
    trigger, function = f"{table}_no_update", f"{table}_refuse_change"
    statements = {
        "postgresql": (
            f"""
            CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '{what} cannot be changed or deleted';
            END;
            $$ LANGUAGE plpgsql;
            CREATE TRIGGER {trigger} BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION {function}();
            """,
            f"DROP TRIGGER IF EXISTS {trigger} ON {table}; DROP FUNCTION IF EXISTS {function}();",
        ),
        "sqlite": (
            f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{what} cannot be changed'); END;",
            f"DROP TRIGGER IF EXISTS {trigger};",
        ),
    }

    def run(index):
        def apply(apps, schema_editor):
            pair = statements.get(schema_editor.connection.vendor)
            if pair:
                schema_editor.execute(pair[index])

        return apply

    return migrations.RunPython(run(0), run(1))
