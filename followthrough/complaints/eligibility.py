"""Repeat complaints: when a super-complaint that repeats an earlier one may be eligible (ADR 0017).

The Police Super-complaints (Designation and Procedure) Regulations 2018 (SI 2018/748), regulation 6, as made:
https://www.legislation.gov.uk/uksi/2018/748/regulation/6/made

    (3) A complaint that merely repeats the substance of a complaint that is being investigated is not eligible for
    consideration.

    (4) A complaint that merely repeats the substance of a complaint that has already been investigated is not
    eligible for consideration unless there has been a material change of circumstances since the previous complaint
    was made.

So a repeat of one being investigated (decided eligible, its report not yet published) is never eligible, whatever
has changed; a repeat of one already investigated (its report published) is eligible only after a material change
of circumstances; and one that was not investigated (found not eligible, withdrawn, or not yet decided) is no bar.
"""

from .models import Decision, RepeatKind, State

CITATION = "The Police Super-complaints (Designation and Procedure) Regulations 2018, regulation 6(3) and (4)"
CITATION_URL = "https://www.legislation.gov.uk/uksi/2018/748/regulation/6/made"
REGULATION_6_3 = (
    "A complaint that merely repeats the substance of a complaint that is being investigated is not eligible for "
    "consideration."
)
REGULATION_6_4 = (
    "A complaint that merely repeats the substance of a complaint that has already been investigated is not eligible "
    "for consideration unless there has been a material change of circumstances since the previous complaint was "
    "made."
)

# The rule in plain words, for the decision page.
RULE_WORDS = (
    "A super-complaint that merely repeats one being investigated is not eligible, whatever has changed since. One "
    "that merely repeats a super-complaint already investigated (its report published) is not eligible unless there "
    "has been a material change of circumstances since the earlier one was made. An earlier super-complaint that was "
    "found not eligible, or was withdrawn, is no bar."
)


def repeat_kind(earlier):
    """Which rule an earlier complaint brings into play, from what it is now."""
    if earlier.state == State.ELIGIBLE:
        return RepeatKind.BEING_INVESTIGATED
    if earlier.state == State.REPORT_PUBLISHED:
        return RepeatKind.ALREADY_INVESTIGATED
    return RepeatKind.NOT_INVESTIGATED


def repeat_errors(*, complaint, earlier, decision, circumstances_materially_changed):
    """What is wrong with recording that `complaint` repeats `earlier` with this decision, by form field."""
    if earlier is None:
        return {}
    if earlier.pk == complaint.pk:
        return {"repeats": "A super-complaint cannot repeat itself"}
    if earlier.state == State.DRAFT or earlier.received_on is None:
        return {"repeats": "Select a super-complaint the inspectorate has received"}
    if complaint.received_on is not None and earlier.received_on > complaint.received_on:
        return {"repeats": "Select a super-complaint received before this one"}
    if decision != Decision.ELIGIBLE:
        return {}
    kind = repeat_kind(earlier)
    if kind == RepeatKind.BEING_INVESTIGATED:
        return {
            "decision": f"A super-complaint that merely repeats one being investigated ({earlier.reference}) is not "
            "eligible, whatever has changed (regulation 6(3))"
        }
    if kind == RepeatKind.ALREADY_INVESTIGATED and not circumstances_materially_changed:
        return {
            "decision": f"A super-complaint that merely repeats one already investigated ({earlier.reference}) is "
            "only eligible if circumstances have materially changed since (regulation 6(4))"
        }
    return {}


# What the decision page shows: the rule in words, then the regulation's own words with its citation.
REPEAT_RULE = {
    "words": RULE_WORDS,
    "paragraphs": [("(3)", REGULATION_6_3), ("(4)", REGULATION_6_4)],
    "citation": CITATION,
    "url": CITATION_URL,
}
