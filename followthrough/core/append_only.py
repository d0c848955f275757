"""Database triggers that refuse changes to append-only tables (ADR 0004), for use in migrations.

Both updates and deletes are refused, on PostgreSQL and on SQLite. Emptying a whole database is not changing
history: PostgreSQL's TRUNCATE passes row triggers, and on SQLite the service's own backend (`core/db/sqlite3`) sets
the delete triggers aside for a flush.
"""

from django.db import migrations


def refuse_changes(table, what):
    """A migration operation that makes the database refuse updates and deletes of rows in `table`.

    Safe to run again, and it must be: SQLite rebuilds a table to alter it, which drops its triggers, so a migration
    that alters a history table ends with this operation once more."""
    trigger, function, delete_trigger = f"{table}_no_update", f"{table}_refuse_change", f"{table}_refuse_delete"
    statements = {
        "postgresql": (
            [
                f"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION '{what} cannot be changed or deleted';
                END;
                $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS {trigger} ON {table};
                CREATE TRIGGER {trigger} BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION {function}();
                """
            ],
            [f"DROP TRIGGER IF EXISTS {trigger} ON {table}; DROP FUNCTION IF EXISTS {function}();"],
        ),
        "sqlite": (
            [
                f"DROP TRIGGER IF EXISTS {trigger};",
                f"DROP TRIGGER IF EXISTS {delete_trigger};",
                f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{what} cannot be changed'); END;",
                f"CREATE TRIGGER {delete_trigger} BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{what} cannot be deleted'); END;",
            ],
            [f"DROP TRIGGER IF EXISTS {trigger};", f"DROP TRIGGER IF EXISTS {delete_trigger};"],
        ),
    }

    def run(index):
        def apply(apps, schema_editor):
            for statement in statements.get(schema_editor.connection.vendor, ([], []))[index]:
                schema_editor.execute(statement)

        return apply

    return migrations.RunPython(run(0), run(1))
