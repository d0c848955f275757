"""Load the demonstration data: accounts, then each app's records from the source documents.

Safe to run again: each app's loader looks records up before creating them.
"""

import importlib
import importlib.util

from django.core.management.base import BaseCommand
from django.db import transaction

# In the order data flows (docs/architecture.md): who exists, then complaints, then reports.
DEMO_MODULES = [
    "followthrough.accounts.demo",
    "followthrough.complaints.demo",
    "followthrough.reports.demo",
    "followthrough.responses.demo",
    "followthrough.correspondence.demo",
]


class Command(BaseCommand):
    help = "Load demonstration accounts and records, and print how to sign in."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                if importlib.util.find_spec(name) is not None:
                    importlib.import_module(name).load(self.stdout)
