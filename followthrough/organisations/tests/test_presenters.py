import datetime

import pytest

from followthrough.organisations.models import Kind, Organisation
from followthrough.organisations.presenters import OrganisationPresenter

pytestmark = pytest.mark.django_db


def designated_row(organisation):
    rows = OrganisationPresenter(organisation).summary_rows()
    return next(row["value"]["text"] for row in rows if row["key"]["text"] == "Designated")


def test_a_designated_body_shows_the_date_it_was_designated():
    assert designated_row(Organisation.objects.get(code="hestia")) == "1 November 2018"


def test_a_designated_body_whose_designation_no_source_dates_says_the_date_is_not_known():
    body = Organisation.objects.create(code="a-later-body", name="A later body", kind=Kind.DESIGNATED_BODY)
    assert body.designated_on is None
    assert designated_row(body) == "Date not known"
    body.designated_on = datetime.date(2024, 1, 1)
    assert designated_row(body) == "1 January 2024"
