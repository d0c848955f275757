"""The inspectorate's pages: published claims of "implemented" waiting for assessment, and one claim beside its
assessments. Caseworkers see who approved and published a claim, by name; the public pages never do.
"""

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import long_date, paragraphs
from followthrough.core.presenters import Presenter, tag, tag_html

from .public import OrganisationShown, RecommendationShown, ReportShown
from .record import assessment_words
from .shown import AssessmentShown, EvidenceLink, example_tag, public_evidence_href

WAITING_TAGS = {True: tag("Reopened", "orange"), False: tag("Not assessed", "blue")}


def _claim_cell(claim):
    obligation = claim.obligation
    recommendation = obligation.recommendation
    example = example_tag(claim)
    return format_html(
        '<a class="govuk-link" href="{}">{}: {}</a><br><span class="govuk-body-s">{}, progress return {}</span>{}',
        reverse("responses:assessment", kwargs={"return_id": claim.pk}),
        obligation.organisation.name,
        recommendation.title,
        recommendation.report.title,
        claim.number,
        format_html(" {}", tag_html(example)) if example else "",
    )


def _claims_table(labelled_by, last_heading, rows):
    return {
        "attributes": {"aria-labelledby": labelled_by},
        "head": [{"text": "Claim"}, {"text": "Claimed on"}, {"text": last_heading}],
        "rows": rows,
    }


def waiting_table(claims):
    """Claims nobody has assessed, or whose assessment was reopened, as `govukTable` parameters; None if none."""
    if not claims:
        return None
    rows = [
        [
            {"html": _claim_cell(claim)},
            {"text": long_date(claim.published_on)},
            {"html": tag_html(WAITING_TAGS[bool(claim.assessments.all())])},
        ]
        for claim in claims
    ]
    return _claims_table("awaiting", "State", rows)


def assessed_table(items):
    """Assessed claims (`{"claim", "current"}`) with their current outcome, as `govukTable` parameters; None if none."""
    if not items:
        return None
    rows = [
        [
            {"html": _claim_cell(item["claim"])},
            {"text": long_date(item["claim"].published_on)},
            {"text": f"{item['current'].get_outcome_display()} on {long_date(item['current'].at)}"},
        ]
        for item in items
    ]
    return _claims_table("assessed", "Outcome", rows)


class ClaimForAssessment(Presenter):
    """One claim for the caseworker assessing it: the claim, its evidence and every assessment of it so far."""

    fields = ("pk",)

    def __init__(self, claim):
        super().__init__(claim)
        obligation = claim.obligation
        self.report = ReportShown(obligation.recommendation.report)
        self.recommendation = RecommendationShown(obligation.recommendation)
        self.organisation = OrganisationShown(obligation.organisation)
        approved = claim.approved_by.full_name if claim.approved_by else "Not recorded"
        if claim.approved_at:
            approved += f", {long_date(claim.approved_at)}"
        published = long_date(claim.published_on)
        if claim.published_by:
            published += f" by {claim.published_by.full_name}"
        self.rows = [
            {"key": {"text": "Claimed by"}, "value": {"text": obligation.organisation.name}},
            {"key": {"text": "Progress return"}, "value": {"text": f"{claim.number}, due {long_date(claim.due_on)}"}},
            {"key": {"text": "Status claimed"}, "value": {"text": claim.get_status_display()}},
            {"key": {"text": "Approved by"}, "value": {"text": approved}},
            {"key": {"text": "Published"}, "value": {"text": published}},
        ]
        self.narrative_html = paragraphs(claim.narrative)
        self.evidence = [EvidenceLink(e, public_evidence_href) for e in claim.evidence.all()]
        self.history = [AssessmentShown(a, words=assessment_words(a, public=False)) for a in claim.assessments.all()]
