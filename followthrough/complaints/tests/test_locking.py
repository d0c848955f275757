import threading

import pytest
from django.db import connection

from .. import services
from ..models import State, SuperComplaint
from .helpers import complaint_in, organisation


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_caseworkers_acting_at_the_same_moment_on_postgresql_let_only_one_through(caseworker, second_caseworker):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (select_for_update) are only real on PostgreSQL")
    complaint = complaint_in("submitted", organisation("hestia"))
    version = complaint.version
    start = threading.Barrier(2)
    outcomes = []

    def acknowledge(user):
        try:
            start.wait()
            services.complaint_acknowledge(
                complaint=SuperComplaint.internal.get(pk=complaint.pk),
                acknowledged_by=user,
                expected_version=version,
            )
            outcomes.append("saved")
        except services.ConcurrentChange:
            outcomes.append("refused as stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=acknowledge, args=(user,)) for user in (caseworker, second_caseworker)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["refused as stale", "saved"]
    saved = SuperComplaint.internal.get(pk=complaint.pk)
    assert (saved.state, saved.version) == (State.ACKNOWLEDGED, version + 1)
    assert saved.events.filter(action="acknowledge").count() == 1
