"""Benchmarks for the figures in docs/benchmarks.md. Run with `make bench`.

Uses a throwaway SQLite database with the real migrations (reference data and the holiday table), so it measures
what users would get from `make run`.
"""

import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "followthrough.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main():
    call_command("migrate", verbosity=0)
    from followthrough.accounts.models import User
    from followthrough.calendar import deadlines, services

    calendar = services.current_calendar()
    start = datetime.date(2019, 5, 31)
    n = 10_000
    median, _ = timed(lambda: [deadlines.working_days(count=5, start=start, calendar=calendar) for _ in range(n)], 5)
    print(f"working-day deadline, computed with explanation: {median / n * 1e6:.1f} µs each (median of 5 × {n})")

    admin = User.objects.create_user("bench@example.gov.uk", "bench-password-1", full_name="Bench")
    for i in range(1000):
        services.deadline_store(
            label=f"Deadline {i}", rule="working-days", count=5, start=datetime.date(2033, 6, 6), calendar=calendar
        )
    begin = time.perf_counter()
    services.holiday_add(date=datetime.date(2033, 6, 8), name="Bench holiday", added_by=admin, reason="Benchmark")
    print(f"add a bank holiday that moves 1,000 open deadlines: {(time.perf_counter() - begin) * 1000:.0f} ms")

    client = Client()
    for path in [
        "/",
        "/organisations/",
        "/deadline-calculator?rule=working-days&count=5&start-day=31&start-month=5&start-year=2019",
    ]:
        client.get(path)
        median, worst = timed(lambda path=path: client.get(path), 20)
        print(f"GET {path[:60]}: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms (20 requests)")
    begin = time.perf_counter()
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"load the demonstration data: {time.perf_counter() - begin:.1f} s")

    from followthrough.responses import sweep

    today = datetime.date(2026, 11, 26)
    for attempt in ("first", "second"):
        begin = time.perf_counter()
        counts = sweep.run(on=today)
        print(f"daily sweep of 179 obligations, {attempt} run: {(time.perf_counter() - begin) * 1000:.0f} ms {counts}")

    for path in [
        "/reports/the-hidden-victims/",
        "/reports/the-hidden-victims/matrix",
        "/reports/the-hidden-victims/responses/warwickshire-police/",
        "/organisations/warwickshire-police/record",
        "/correspondence/",
    ]:
        client.get(path)
        median, worst = timed(lambda path=path: client.get(path), 20)
        print(f"GET {path[:60]}: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms (20 requests)")

    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}"
    print(f"machine: {machine}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
