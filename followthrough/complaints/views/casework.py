"""The inspectorate caseworkers' inbox and the actions on each complaint.

Every action is a POST carrying `expected_version`. If another caseworker acted first, the page comes back with what
this caseworker typed, the new version, and an error summary saying when the complaint changed; nothing is saved.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from .. import services
from ..forms import (
    SORT_NEXT_DEADLINE,
    SORT_RECEIVED_NEWEST,
    AcknowledgeForm,
    EligibilityForm,
    InboxForm,
    InvestigationForm,
    ProgressReportForm,
)
from ..models import TRANSITIONS, Action, State, SuperComplaint
from ..presenters import ComplaintPresenter, InboxRow, inbox_table
from .scope import casework_complaint


@permission_required("complaints.view_casework")
def inbox(request):
    form = InboxForm(request.GET or None)
    state, sort = form.values()
    complaints = SuperComplaint.internal.submitted().with_clocks().with_next_deadline()
    if state:
        complaints = complaints.in_state(state)
    if sort == SORT_NEXT_DEADLINE:
        complaints = complaints.order_by(F("next_due").asc(nulls_last=True), "received_on", "reference")
    elif sort == SORT_RECEIVED_NEWEST:
        complaints = complaints.order_by("-received_on", "-reference")
    else:
        complaints = complaints.order_by("received_on", "reference")
    rows = [InboxRow(c) for c in complaints]
    return page(
        request,
        "complaints/casework/inbox.jinja",
        "Super-complaints",
        form=form,
        table=inbox_table(rows),
        overdue_count=sum(1 for r in rows if r.is_overdue),
    )


@dataclass(frozen=True)
class ActionPage:
    """A caseworker's action: its workflow action, form, page heading, and how the form's data reaches the service."""

    action: str
    form: type
    heading: str
    template: str
    done: str  # the success message, after the reference

    def perform(self, complaint, user, form):
        data = form.cleaned_data
        version = data["expected_version"]
        if self.action == Action.ACKNOWLEDGE:
            return services.complaint_acknowledge(
                complaint=complaint, acknowledged_by=user, note=data["note"], expected_version=version
            )
        if self.action == Action.DECIDE_ELIGIBILITY:
            return services.complaint_decide_eligibility(
                complaint=complaint, decided_by=user, expected_version=version, **form.service_arguments()
            )
        if self.action == Action.RECORD_INVESTIGATION:
            return services.complaint_record_investigation(
                complaint=complaint,
                recorded_by=user,
                lead_bodies=data["lead_bodies"],
                planned_activities=data["planned_activities"],
                expected_version=version,
            )
        return services.complaint_record_progress_report(
            complaint=complaint,
            sent_by=user,
            summary=data["summary"],
            expected_version=version,
        )


ACTION_PAGES = {
    "acknowledge": ActionPage(
        Action.ACKNOWLEDGE, AcknowledgeForm, "Acknowledge the super-complaint", "acknowledge", "has been acknowledged"
    ),
    "eligibility": ActionPage(
        Action.DECIDE_ELIGIBILITY,
        EligibilityForm,
        "Record the eligibility decision",
        "eligibility",
        "eligibility decision has been recorded",
    ),
    "investigation": ActionPage(
        Action.RECORD_INVESTIGATION,
        InvestigationForm,
        "Record the investigation plan",
        "investigation",
        "investigation plan has been recorded",
    ),
    "progress-report": ActionPage(
        Action.RECORD_PROGRESS_REPORT,
        ProgressReportForm,
        "Record a progress report sent",
        "progress_report",
        "progress report has been recorded",
    ),
}


def offered_actions(complaint):
    """The action pages a caseworker may use in the complaint's current state, as links."""
    return [
        {
            "href": reverse(f"complaints:casework-{slug}", kwargs={"reference": complaint.reference}),
            "text": spec.heading,
        }
        for slug, spec in ACTION_PAGES.items()
        if complaint.state in TRANSITIONS[spec.action].sources
    ]


def add_report_url(complaint):
    """Where a caseworker drafts the report on an eligible complaint: the reports app's page."""
    if complaint.state != State.ELIGIBLE:
        return None
    return reverse("reports:casework-create")


@permission_required("complaints.view_casework", fn=casework_complaint)
def detail(request, reference):
    complaint = casework_complaint(request, reference)
    presenter = ComplaintPresenter(complaint)
    return page(
        request,
        "complaints/casework/detail.jinja",
        presenter.heading,
        presenter=presenter,
        actions=offered_actions(complaint),
        add_report_url=add_report_url(complaint),
    )


@permission_required("complaints.act_on_complaint", fn=casework_complaint)
@once_per_submission
def act(request, reference, slug):
    complaint = casework_complaint(request, reference)
    spec = ACTION_PAGES[slug]
    if request.method == "POST":
        form = spec.form(request.POST, complaint=complaint)
        if form.is_valid():
            try:
                spec.perform(complaint, request.user, form)
            except services.ConcurrentChange as change:
                # Keep what was typed; offer the new version so a deliberate second try is possible.
                complaint = casework_complaint(request, reference)
                data = request.POST.copy()
                data["expected_version"] = str(change.version)
                form = spec.form(data, complaint=complaint)
                form.is_valid()
                form.add_error(None, change.message_for("Another caseworker"))
            except services.IllegalTransition as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{complaint.reference} {spec.done}")
                return redirect("complaints:casework-detail", reference=complaint.reference)
        allowed = True  # after a POST, always show the form again with what was typed
    else:
        form = spec.form(initial={"expected_version": complaint.version}, complaint=complaint)
        allowed = complaint.state in TRANSITIONS[spec.action].sources
    presenter = ComplaintPresenter(complaint)
    return page(
        request,
        f"complaints/casework/{spec.template}.jinja",
        spec.heading,
        forms=[form],
        form=form,
        presenter=presenter,
        allowed=allowed,
        refusal=None if allowed else _refusal(complaint, spec.action),
        back_url=reverse("complaints:casework-detail", kwargs={"reference": complaint.reference}),
        today_words=long_date(timezone.localdate()),
    )


def _refusal(complaint, action):
    transition = TRANSITIONS[action]
    return f"You cannot {transition.verb} {complaint.reference} because it {services.STATE_PHRASES[complaint.state]}"
