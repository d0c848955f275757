"""SQLite, as Django has it, except that emptying the whole database may pass the history triggers.

History tables refuse UPDATE and DELETE through database triggers (`core.append_only`). Emptying every table at once
(`manage.py flush`, and the test runner between browser tests) is not changing history: on PostgreSQL it is a
TRUNCATE, which row triggers do not see. SQLite has no TRUNCATE, so here the delete triggers are set aside for the
flush and put back, word for word, in the same transaction.
"""

from django.db import transaction
from django.db.backends.sqlite3 import base, operations

DELETE_TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_refuse_delete'"


class DatabaseOperations(operations.DatabaseOperations):
    def execute_sql_flush(self, sql_list):
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            triggers = cursor.execute(DELETE_TRIGGERS).fetchall()
            for name, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            for sql in sql_list:
                cursor.execute(sql)
            for _, sql in triggers:
                cursor.execute(sql)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
