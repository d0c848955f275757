"""What several responses pages show of one record: a piece of evidence, a response version, a progress return's
assessment. Each presenter names the fields a template may read (ADR 0011); the record stays out of reach.

Everything is read when the presenter is made, from what the view loaded with `prefetch_related`, so a template
never runs a query.
"""

from django.urls import reverse

from followthrough.core.formatting import long_date
from followthrough.core.presenters import EXAMPLE_TAG, EXAMPLE_WARNING, Presenter

from ..models import Acceptance
from .record import evidence_words, target_date_words

REASON_ANCHORS = {
    Acceptance.PARTIALLY_ACCEPTED: "#id_partially_accepted_reason",
    Acceptance.NOT_ACCEPTED: "#id_not_accepted_reason",
}


def example_tag(record):
    """Core's "Example" tag for a record made up to show how the service works; None for a real one."""
    return EXAMPLE_TAG if record.is_example else None


def example_warning(is_example):
    """Core's "Example" warning for a page that shows made-up records; empty for one that does not."""
    return EXAMPLE_WARNING if is_example else ""


def public_evidence_href(evidence):
    """A link goes out; a file is downloaded through the public download address."""
    return evidence.url or reverse("responses:evidence", kwargs={"evidence_id": evidence.pk})


def own_evidence_href(obligation_id):
    """A file is downloaded through the organisation's own page; a link goes out."""

    def href(evidence):
        if evidence.file:
            return reverse(
                "responses:obligation-evidence", kwargs={"obligation_id": obligation_id, "evidence_id": evidence.pk}
            )
        return evidence.url

    return href


class EvidenceLink(Presenter):
    """One file or link supporting a response version or a progress return, as its link."""

    fields = ("pk", "title")

    def __init__(self, evidence, href):
        super().__init__(evidence)
        self.href = href(evidence)
        self.is_file = bool(evidence.file)
        self.is_link = bool(evidence.url)
        self.words = evidence_words(evidence)  # "PDF, 120KB"


class PointAnswer(Presenter):
    fields = ("position", "point_text", "addressed", "answer")


class PlannedAction(Presenter):
    fields = ("pk", "description", "owner_role")

    def __init__(self, action):
        super().__init__(action)
        self.target_words = target_date_words(action)


class VersionShown(Presenter):
    """A response version's content: acceptance, what has been done, each point answered, planned actions and
    evidence. `evidence_href` says where its files are downloaded from (the public page, or the organisation's own)."""

    fields = ("number", "acceptance", "acceptance_reason", "done", "change_note", "is_example")

    def __init__(self, version, *, evidence_href=public_evidence_href):
        super().__init__(version)
        self.acceptance_words = version.get_acceptance_display() if version.acceptance else ""
        self.reason_anchor = REASON_ANCHORS.get(version.acceptance, "")  # set where the reason is asked for
        self.is_correction = version.number > 1
        self.published = long_date(version.published_on)
        self.example_tag = example_tag(version)
        self.answers = [PointAnswer(a) for a in version.point_answers.all()]
        self.actions = [PlannedAction(a) for a in version.actions.all()]
        self.evidence = [EvidenceLink(e, evidence_href) for e in version.evidence.all()]

    def actions_table(self, table_id):
        """The planned actions as `govukTable` parameters, for the public page."""
        return {
            "attributes": {"id": table_id},
            "caption": "What will be done",
            "captionClasses": "govuk-table__caption--s",
            "head": [{"text": "Action"}, {"text": "Owner"}, {"text": "Target date"}],
            "rows": [[{"text": a.description}, {"text": a.owner_role}, {"text": a.target_words}] for a in self.actions],
        }


class AssessmentShown(Presenter):
    """An assessment of a claim: its outcome and date in words, and the inspectorate's reasons."""

    fields = ("reasons",)

    def __init__(self, assessment, *, words=""):
        super().__init__(assessment)
        self.words = words
        self.outcome_words = assessment.get_outcome_display()
        self.on = long_date(assessment.at)
