import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def get(query):
    return Client().get(f"/api/v1/deadlines?{query}")


def test_working_days_deadline_as_json():
    response = get("rule=working-days&count=5&start=2019-05-31")
    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("rule", "count", "start", "due")} == {
        "rule": "working-days",
        "count": 5,
        "start": "2019-05-31",
        "due": "2019-06-06",
    }
    assert "Saturday 1 June 2019 (weekend)" in body["explanation"]


@pytest.mark.parametrize(
    ("query", "due"),
    [
        ("rule=calendar-days&count=56&start=2021-05-26", "2021-07-20"),
        ("rule=months&count=6&start=2021-05-26", "2021-11-26"),
        ("rule=months&count=6&start=2021-08-31", "2022-02-28"),
        ("rule=working-days&count=3&start=2022-09-15", "2022-09-20"),
    ],
)
def test_each_rule(query, due):
    assert get(query).json()["due"] == due


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("", {"rule", "count", "start"}),
        ("rule=weeks&count=5&start=2019-05-31", {"rule"}),
        ("rule=working-days&count=five&start=2019-05-31", {"count"}),
        ("rule=working-days&count=0&start=2019-05-31", {"count"}),
        ("rule=working-days&count=-3&start=2019-05-31", {"count"}),
        ("rule=working-days&count=99999999999999999999&start=2019-05-31", {"count"}),
        ("rule=working-days&count=5&start=31/05/2019", {"start"}),
        ("rule=working-days&count=5&start=2019-02-30", {"start"}),
        ("rule=working-days&count=5&start=1999-01-01", {"start"}),
        ("rule=working-days&count=1000&start=2035-12-01", {"count"}),
    ],
)
def test_invalid_input_is_a_400_naming_each_bad_field(query, fields):
    response = get(query)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == fields


def test_the_api_is_described_by_openapi():
    spec = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/deadlines" in spec["paths"]
