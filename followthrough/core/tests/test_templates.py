"""Templates lay out what presenters give them, and decide nothing else (ADR 0011).

Every template in the project is read and refused if it runs a query, formats a date, picks a tag colour, reads a
presenter's record, or writes a table by hand instead of calling `govukTable`.
"""

import re
from pathlib import Path

import pytest

import followthrough

ROOT = Path(followthrough.__file__).parent

# A template may not ... (pattern, what it does wrong).
RULES = [
    (re.compile(r"\.all\(\)"), "runs a query (.all())"),
    (re.compile(r"\.objects\b"), "runs a query (.objects)"),
    (re.compile(r"\|\s*(date|datetime|short_date)\b"), "formats a date (a presenter does, with core.formatting)"),
    (re.compile(r"\.(strftime|isoformat)\("), "formats a date (a presenter does, with core.formatting)"),
    (re.compile(r"govuk-tag--"), "picks a tag colour (core.presenters.tag does, in Python)"),
    (re.compile(r"<table\b"), "writes a table by hand (call govukTable)"),
    (re.compile(r"\w\._\w"), "reads a presenter's private attribute"),
]


def templates():
    return sorted(ROOT.glob("*/jinja2/**/*.jinja"))


def problems(path):
    text = path.read_text()
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, wrong in RULES:
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number} {wrong}: {line.strip()}")
    return found


def test_the_scan_finds_the_templates():
    names = {str(p.relative_to(ROOT)) for p in templates()}
    assert len(names) > 50
    assert "core/jinja2/core/timeline.jinja" in names


@pytest.mark.parametrize(
    "line",
    [
        "{% for c in d.changes.all() %}",
        "{{ Report.objects.count() }}",
        "{{ report.published_on|date }}",
        "{{ entry.at | datetime }}",
        '{{ h.date.strftime("%A") }}',
        '{{ govukTag({"text": "Current", "classes": "govuk-tag--green"}) }}',
        '<table class="govuk-table">',
        "{{ presenter._record.body }}",
    ],
)
def test_the_scan_refuses_each_thing_a_template_must_not_do(tmp_path, line):
    template = tmp_path / "bad.jinja"
    template.write_text(f"<p>\n{line}\n</p>\n")
    assert problems_in(template)


def problems_in(path):
    text = path.read_text()
    return [wrong for line in text.splitlines() for pattern, wrong in RULES if pattern.search(line)]


def test_no_template_decides_what_a_presenter_should():
    found = [p for path in templates() for p in problems(path)]
    assert found == [], "\n".join(found)


def test_only_core_presenters_write_a_tag_colour_in_python():
    allowed = {"core/presenters.py"}
    written = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/*.py")
        if "tests" not in path.parts and "govuk-tag--" in path.read_text()
    ]
    assert sorted(set(written) - allowed) == []
