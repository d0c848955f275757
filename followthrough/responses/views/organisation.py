"""An organisation's own work: what is addressed to it, its responses and progress returns, and their sign-off.

Every page is for editors and approvers (`responses.view_own_obligations`) and reads through `own_obligations`: the
obligations of the organisations where the user is an editor or approver. Anything else is "Page not found", so
nobody learns whether another organisation's draft exists (ADR 0008). The services check the roles again, and
decide every workflow rule; these views only scope, call and show the refusal in the error summary.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.forms import RadioSelect
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone

from followthrough.complaints import conf
from followthrough.complaints.evidence import size_words
from followthrough.core.formatting import long_date, plural
from followthrough.core.forms import error_summary
from followthrough.core.permissions import permission_required
from followthrough.core.views import page
from followthrough.organisations.models import Membership, Organisation, Role
from followthrough.reports.models import Obligation

from .. import services
from ..forms import (
    REASON_FIELDS,
    ActionForm,
    ConfirmForm,
    EvidenceForm,
    PublishForm,
    ResponseForm,
    ReturnForm,
    SendBackForm,
)
from ..models import Assessment, Evidence, ProgressReturn, ResponseVersion, State
from ..presenters import EXAMPLE_WARNING, ObligationStatus, evidence_words, statuses, target_date_words
from ..services.common import APPROVE, PUBLISH, SEND_BACK, STEPS, SUBMIT

VIEW = "responses.view_own_obligations"
DRAFTERS = (Role.EDITOR, Role.APPROVER)
STEP_ORDER = (SUBMIT, APPROVE, PUBLISH, SEND_BACK)

STATE_TAGS = {
    State.DRAFT: "govuk-tag--grey",
    State.SUBMITTED: "govuk-tag--blue",
    State.APPROVED: "govuk-tag--turquoise",
    State.PUBLISHED: "govuk-tag--green",
}


# Scope ---------------------------------------------------------------------------------------------------------------


def own_organisations(user):
    """The organisations where `user` is an editor or approver.

    The role is matched on the user's own membership: chaining a second filter on `memberships` would match any
    member's role, so a user with another role somewhere could see that organisation's drafts.
    """
    acting = Membership.objects.filter(user=user, role__in=DRAFTERS).values("organisation")
    return Organisation.objects.for_user(user).filter(pk__in=acting)


def own_obligations(user):
    return Obligation.public.filter(organisation__in=own_organisations(user)).select_related(
        "recommendation__report", "organisation", "response_deadline", "recommendation_deadline"
    )


def _obligation(request, obligation_id):
    return get_object_or_404(own_obligations(request.user), pk=obligation_id)


def _versions(obligation):
    return ResponseVersion.casework.filter(response__obligation=obligation).prefetch_related(
        "point_answers", "actions", "evidence"
    )


def _working(obligation):
    return _versions(obligation).exclude(state=State.PUBLISHED).first()


def _last_published(obligation, before=None):
    versions = _versions(obligation).filter(state=State.PUBLISHED)
    if before is not None:
        versions = versions.filter(number__lt=before.number)
    return versions.order_by("-number").first()


def _return(obligation, number):
    return get_object_or_404(obligation.progress_returns.prefetch_related("evidence"), number=number)


def _roles(user, organisation):
    return set(Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True))


def _steps(record, roles):
    """The sign-off steps this person may take on `record` now, in the order the workflow goes."""
    if record is None:
        return []
    return [step for step in STEP_ORDER if record.state in STEPS[step].sources and roles & set(STEPS[step].roles)]


# Helpers -------------------------------------------------------------------------------------------------------------


def _posted(request):
    """The submitted data on a POST (even an empty one, so its errors show), or None to show the form."""
    return request.POST if request.method == "POST" else None


def _show_errors(form, error, aliases=None):
    """Put a service's refusal on the form, beside the field it is about, so it appears in the error summary."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            field = aliases.get(field, field)
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


def _anchor(form, name):
    """Where the error summary links for a field of `form`, as `core.forms.error_summary` does."""
    bound = form[name]
    if isinstance(bound.field.widget, RadioSelect):
        return bound.html_name
    return bound.id_for_label or bound.html_name


def _detail(obligation, anchor=""):
    return reverse("responses:obligation", kwargs={"obligation_id": obligation.pk}) + (f"#{anchor}" if anchor else "")


def _return_url(obligation, progress_return, name="return"):
    return reverse(f"responses:{name}", kwargs={"obligation_id": obligation.pk, "number": progress_return.number})


def _state_tag(record):
    return {"text": record.get_state_display(), "classes": STATE_TAGS[record.state]}


# Presenters ----------------------------------------------------------------------------------------------------------


@dataclass
class ObligationRow:
    """One obligation on "Your obligations": its dates, where the response is up to, and its status."""

    status: ObligationStatus
    working: ResponseVersion | None

    @property
    def obligation(self):
        return self.status.obligation

    @property
    def response_due_text(self):
        return long_date(self.status.response_due) if self.status.response_due else "No response period"

    @property
    def overdue_words(self):
        if not self.status.is_response_overdue:
            return ""
        return f"{plural((self.status.on - self.status.response_due).days, 'day')} overdue"

    @property
    def recommendation_due_text(self):
        return long_date(self.status.recommendation_due) if self.status.recommendation_due else "No date set"

    @property
    def next_return_text(self):
        upcoming = self.status.next_return
        return long_date(upcoming.due_on) if upcoming else "None scheduled"

    @property
    def outstanding_tag(self):
        """Returns that fell due with nothing published, in words: "Return 3 overdue", "2 returns overdue"."""
        outstanding = [r for r in self.status.returns if r.due_on < self.status.on and not r.is_published]
        if not outstanding:
            return None
        words = f"Return {outstanding[0].number}" if len(outstanding) == 1 else plural(len(outstanding), "return")
        return {"text": f"{words} overdue", "classes": "govuk-tag--red"}

    @property
    def draft_words(self):
        if self.working is not None:
            what = "Response" if self.working.number == 1 else f"Correction (version {self.working.number})"
            return f"{what}: {self.working.get_state_display().lower()}"
        if self.status.response is not None:
            return f"Published {long_date(self.status.response.published_on)}"
        return "Not started"


def _rows(obligations, on):
    obligations = list(obligations)
    working = {
        v.response.obligation_id: v
        for v in ResponseVersion.casework.filter(response__obligation__in=obligations)
        .exclude(state=State.PUBLISHED)
        .select_related("response")
    }
    return [ObligationRow(status, working.get(status.obligation.pk)) for status in statuses(obligations, on=on)]


def _grouped(rows):
    """[(report, [(organisation, rows)])], in the order the rows came."""
    reports = {}
    for row in rows:
        report = row.obligation.recommendation.report
        reports.setdefault(report, {}).setdefault(row.obligation.organisation, []).append(row)
    return [(report, list(by_organisation.items())) for report, by_organisation in reports.items()]


@dataclass
class ReturnCard:
    """One progress return on the obligation's page, with what this person may do with it."""

    progress_return: ProgressReturn
    steps: list
    on: object

    @property
    def title(self):
        return f"Progress return {self.progress_return.number}"

    @property
    def shown_steps(self):
        """The steps to offer: a return nobody has started is not offered for sign-off yet."""
        return self.steps if self.is_started else []

    @property
    def anchor(self):
        return f"return-{self.progress_return.number}"

    @property
    def is_editable(self):
        return self.progress_return.state == State.DRAFT

    @property
    def is_missed(self):
        return bool(self.progress_return.no_update_recorded_on) and not self.progress_return.is_published

    @property
    def is_started(self):
        r = self.progress_return
        return bool(r.status or r.narrative or r.drafted_by_id or not self.is_editable)

    @property
    def tag(self):
        r = self.progress_return
        if self.is_missed:
            return {"text": "No update received", "classes": "govuk-tag--red"}
        if r.is_published:
            return _state_tag(r)
        if r.due_on < self.on:
            return {"text": "Overdue", "classes": "govuk-tag--red"}
        if not self.is_started:
            return {"text": "Not started", "classes": "govuk-tag--grey"}
        return _state_tag(r)

    @property
    def state_words(self):
        r = self.progress_return
        if r.is_published:
            words = f"Published {long_date(r.published_on)}"
            return words + f" (late: it was due {long_date(r.due_on)})" if r.is_late else words
        if self.is_missed:
            words = f"No update received: nothing was published by {long_date(r.due_on)}"
            return words + (f". Your return is {r.get_state_display().lower()}" if self.is_started else "")
        return r.get_state_display() if self.is_started else "Not started"

    @property
    def assessment(self):
        assessments = list(self.progress_return.assessments.all())
        return assessments[-1] if assessments else None


# Your obligations ----------------------------------------------------------------------------------------------------


@permission_required(VIEW)
def obligation_list(request):
    on = timezone.localdate()
    obligations = own_obligations(request.user).order_by(
        "-recommendation__report__published_on",
        "recommendation__report__title",
        "recommendation__report_id",
        "organisation__name",
        "-recommendation__kind",  # recommendations before actions
        "recommendation__number",
    )
    rows = _rows(obligations.active(), on)
    closed = list(obligations.closed())
    return page(
        request,
        "responses/organisation/list.jinja",
        "Your obligations",
        reports=_grouped(rows),
        closed=closed,
        organisations=list(own_organisations(request.user)),
    )


@permission_required(VIEW)
def obligation_detail(request, obligation_id):
    obligation = _obligation(request, obligation_id)
    on = timezone.localdate()
    roles = _roles(request.user, obligation.organisation)
    versions = list(_versions(obligation).order_by("number"))
    published = [v for v in versions if v.is_published]
    working = next((v for v in versions if not v.is_published), None)
    progress_returns = obligation.progress_returns.prefetch_related(
        "evidence", Prefetch("assessments", queryset=Assessment.objects.order_by("at", "pk"))
    ).order_by("-number")
    cards = [ReturnCard(r, _steps(r, roles), on) for r in progress_returns]
    recommendation = obligation.recommendation
    return page(
        request,
        "responses/organisation/detail.jinja",
        f"{recommendation.title}: {recommendation.report.title}",
        obligation=obligation,
        recommendation=recommendation,
        obligation_status=statuses([obligation], on=on)[0],
        working=working,
        working_tag=_state_tag(working) if working else None,
        working_steps=_steps(working, roles),
        latest=published[-1] if published else None,
        earlier=list(reversed(published[:-1])),
        updates=[v for v in published if v.number > 1],
        returns=cards,
        events=obligation.response_events.all(),
        is_example=any(v.is_example for v in versions) or any(c.progress_return.is_example for c in cards),
        example_warning=EXAMPLE_WARNING,
        evidence_words=evidence_words,
        target_date_words=target_date_words,
    )


# Writing the response ------------------------------------------------------------------------------------------------


def _draft_or_redirect(obligation, working):
    """Drafts only: a version waiting for sign-off, or a closed obligation with nothing to finish, goes to its page."""
    if working is not None and working.state != State.DRAFT:
        return redirect(_detail(obligation, "response"))
    if working is None and not obligation.is_active:
        return redirect(_detail(obligation))
    return None


def _start(request, obligation):
    """The draft to write to: the one being worked on, or a new one (a first response or a correction)."""
    return services.response_start(obligation=obligation, started_by=request.user)


@permission_required(VIEW)
def response_edit(request, obligation_id):
    obligation = _obligation(request, obligation_id)
    working = _working(obligation)
    if (refusal := _draft_or_redirect(obligation, working)) is not None:
        return refusal
    # A correction starts from the last published version, so only what changes needs typing.
    basis = working or _last_published(obligation)
    if basis is not None:
        points = [(a.position, a.point_text) for a in basis.point_answers.all()]
    else:
        points = [(p.position, p.text) for p in obligation.recommendation.points.all()]
    correction = basis is not None and (working is None or working.number > 1)
    initial = ResponseForm.initial_for(basis)
    if working is None:
        initial.pop("change_note", None)  # a new correction says afresh what it changes
    form = ResponseForm(_posted(request), points=points, correction=correction, initial=initial)
    if request.method == "POST" and form.is_valid():
        arguments = form.service_arguments()
        try:
            with transaction.atomic():
                version = _start(request, obligation)
                services.response_save(version=version, saved_by=request.user, **arguments)
        except ValidationError as error:
            _show_errors(form, error, {"acceptance_reason": REASON_FIELDS.get(arguments["acceptance"], "acceptance")})
        else:
            messages.success(request, "Your draft has been saved")
            return redirect(_detail(obligation, "response"))
    title = "Correct your response" if correction else "Your response"
    return page(
        request,
        "responses/organisation/response.jinja",
        title,
        forms=[form],
        form=form,
        obligation=obligation,
        recommendation=obligation.recommendation,
        version_number=working.number if working else (basis.number + 1 if basis else 1),
    )


def _action_form_page(request, obligation, form, title, action=None):
    return page(
        request,
        "responses/organisation/action.jinja",
        title,
        forms=[form],
        form=form,
        obligation=obligation,
        action=action,
    )


@permission_required(VIEW)
def action_add(request, obligation_id):
    obligation = _obligation(request, obligation_id)
    if (refusal := _draft_or_redirect(obligation, _working(obligation))) is not None:
        return refusal
    form = ActionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                version = _start(request, obligation)
                services.action_save(version=version, saved_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, "Planned action added")
            return redirect(_detail(obligation, "response"))
    return _action_form_page(request, obligation, form, "Add a planned action")


def _working_action(obligation, action_id):
    working = _working(obligation)
    if working is None:
        raise Http404("There is no draft response")
    return working, get_object_or_404(working.actions.all(), pk=action_id)


@permission_required(VIEW)
def action_change(request, obligation_id, action_id):
    obligation = _obligation(request, obligation_id)
    working, action = _working_action(obligation, action_id)
    if (refusal := _draft_or_redirect(obligation, working)) is not None:
        return refusal
    previous = _last_published(obligation, before=working)
    published = previous.actions.filter(key=action.key).first() if previous else None
    form = ActionForm(
        _posted(request),
        published_target_date=published.target_date if published else None,
        initial=ActionForm.initial_for(action),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_save(version=working, saved_by=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, "Planned action saved")
            return redirect(_detail(obligation, "response"))
    return _action_form_page(request, obligation, form, "Change a planned action", action)


@permission_required(VIEW)
def action_remove(request, obligation_id, action_id):
    obligation = _obligation(request, obligation_id)
    working, action = _working_action(obligation, action_id)
    if (refusal := _draft_or_redirect(obligation, working)) is not None:
        return refusal
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_remove(action=action, removed_by=request.user)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, "Planned action removed")
            return redirect(_detail(obligation, "response"))
    return page(
        request,
        "responses/organisation/remove.jinja",
        "Are you sure you want to remove this planned action?",
        forms=[form],
        form=form,
        obligation=obligation,
        thing=action.description,
        button="Remove action",
        keep="Keep the action",
        back_url=_detail(obligation, "response"),
    )


# Evidence, for a draft response or a draft progress return -----------------------------------------------------------


def _evidence_add_page(request, obligation, owner_for_post, caption, back_url):
    """Add a link or a file, or None once added. `owner_for_post` gives the draft to attach it to; it runs inside
    the transaction, so a refused file does not leave a new empty draft behind."""
    form = EvidenceForm(_posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.evidence_add(
                    owner=owner_for_post(),
                    added_by=request.user,
                    title=form.cleaned_data["title"],
                    url=form.cleaned_data["url"],
                    upload=form.cleaned_data["upload"] or None,
                )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, f"Evidence added: {form.cleaned_data['title']}")
            return None
    return page(
        request,
        "responses/organisation/evidence_add.jinja",
        "Add evidence",
        forms=[form],
        form=form,
        obligation=obligation,
        caption=caption,
        back_url=back_url,
        max_size=size_words(conf.upload_max_bytes()),
    )


def _evidence_remove_page(request, obligation, evidence, back_url):
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_remove(evidence=evidence, removed_by=request.user)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, f"Evidence removed: {evidence.title}")
            return redirect(back_url)
    return page(
        request,
        "responses/organisation/remove.jinja",
        f"Are you sure you want to remove {evidence.title}?",
        forms=[form],
        form=form,
        obligation=obligation,
        thing=evidence.title,
        button="Remove evidence",
        keep="Keep the evidence",
        back_url=back_url,
    )


@permission_required(VIEW)
def response_evidence_add(request, obligation_id):
    obligation = _obligation(request, obligation_id)
    if (refusal := _draft_or_redirect(obligation, _working(obligation))) is not None:
        return refusal
    back_url = _detail(obligation, "response")
    rendered = _evidence_add_page(request, obligation, lambda: _start(request, obligation), "Your response", back_url)
    return redirect(back_url) if rendered is None else rendered


@permission_required(VIEW)
def response_evidence_remove(request, obligation_id, evidence_id):
    obligation = _obligation(request, obligation_id)
    working = _working(obligation)
    if working is None:
        raise Http404("There is no draft response")
    evidence = get_object_or_404(working.evidence.all(), pk=evidence_id)
    if (refusal := _draft_or_redirect(obligation, working)) is not None:
        return refusal
    return _evidence_remove_page(request, obligation, evidence, _detail(obligation, "response"))


@permission_required(VIEW)
def evidence_download(request, obligation_id, evidence_id):
    """Send an evidence file as a download, never shown in the browser, whatever it claims to be."""
    obligation = _obligation(request, obligation_id)
    of_obligation = Q(version__response__obligation=obligation) | Q(progress_return__obligation=obligation)
    evidence = get_object_or_404(Evidence.objects.filter(of_obligation).exclude(file=""), pk=evidence_id)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name or "evidence",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# Sign-off ------------------------------------------------------------------------------------------------------------

STEP_WORDS = {
    SUBMIT: ("Send {what} for sign-off", "Send for sign-off", "{What} sent for sign-off"),
    APPROVE: ("Approve {what}", "Approve", "{What} approved"),
    PUBLISH: ("Publish {what}", "Publish", "{What} published"),
    SEND_BACK: ("Send {what} back to draft", "Send back to draft", "{What} sent back to draft"),
}
STEP_FORMS = {SUBMIT: ConfirmForm, APPROVE: ConfirmForm, PUBLISH: PublishForm, SEND_BACK: SendBackForm}

RESPONSE_STEPS = {
    SUBMIT: lambda record, user, data: services.response_submit(version=record, submitted_by=user),
    APPROVE: lambda record, user, data: services.response_approve(version=record, approved_by=user),
    PUBLISH: lambda record, user, data: services.response_publish(
        version=record, published_by=user, on=data["published_on"]
    ),
    SEND_BACK: lambda record, user, data: services.response_send_back(
        version=record, sent_back_by=user, note=data["note"]
    ),
}
RETURN_STEPS = {
    SUBMIT: lambda record, user, data: services.return_submit(progress_return=record, submitted_by=user),
    APPROVE: lambda record, user, data: services.return_approve(progress_return=record, approved_by=user),
    PUBLISH: lambda record, user, data: services.return_publish(
        progress_return=record, published_by=user, on=data["published_on"]
    ),
    SEND_BACK: lambda record, user, data: services.return_send_back(
        progress_return=record, sent_back_by=user, note=data["note"]
    ),
}


def _with_article(what, step):
    """ "Approve the response", but "Approve progress return 1": a numbered thing takes no article."""
    if what[-1].isdigit():
        return what
    return f"your {what}" if step == SUBMIT else f"the {what}"


def _sign_off_page(request, *, obligation, record, step, run, what, back_url, missing, **context):
    """One step of sign-off: a page that shows what is being signed off and asks to confirm.

    `missing` maps a field the service says is incomplete to where it is answered, so those errors link there.
    """
    if not _roles(request.user, obligation.organisation) & set(STEPS[step].roles):
        raise PermissionDenied
    if request.method != "POST" and record.state not in STEPS[step].sources:
        return redirect(back_url)
    form = STEP_FORMS[step](_posted(request))
    incomplete = []
    if request.method == "POST" and form.is_valid():
        try:
            run(record, request.user, form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict") and set(error.message_dict) <= set(missing):
                incomplete = [
                    {"text": text, "href": missing[field]}
                    for field, texts in error.message_dict.items()
                    for text in texts
                ]
            else:
                _show_errors(form, error)
        else:
            messages.success(request, STEP_WORDS[step][2].format(What=what.capitalize()))
            return redirect(back_url)
    heading, button, _ = STEP_WORDS[step]
    return page(
        request,
        "responses/organisation/sign_off.jinja",
        heading.format(what=_with_article(what, step)),
        form=form,
        errors=incomplete + (error_summary(form) if form.is_bound else []),
        obligation=obligation,
        step=step,
        button=button,
        back_url=back_url,
        record=record,
        evidence_words=evidence_words,
        target_date_words=target_date_words,
        example_warning=EXAMPLE_WARNING,
        **context,
    )


@permission_required(VIEW)
def response_step(request, obligation_id, step):
    obligation = _obligation(request, obligation_id)
    version = _working(obligation)
    if version is None:
        return redirect(_detail(obligation, "response"))
    edit = reverse("responses:response", kwargs={"obligation_id": obligation.pk})
    form = ResponseForm(points=[(a.position, a.point_text) for a in version.point_answers.all()], correction=True)
    reason = REASON_FIELDS.get(version.acceptance)
    missing = {
        "acceptance": f"{edit}#{_anchor(form, 'acceptance')}",
        "acceptance_reason": f"{edit}#{_anchor(form, reason) if reason else 'acceptance'}",
        "done": f"{edit}#{_anchor(form, 'done')}",
        "change_note": f"{edit}#{_anchor(form, 'change_note')}",
    }
    return _sign_off_page(
        request,
        obligation=obligation,
        record=version,
        step=step,
        run=RESPONSE_STEPS[step],
        what="response" if version.number == 1 else f"correction (version {version.number})",
        back_url=_detail(obligation, "response"),
        missing=missing,
        version=version,
    )


# Progress returns ----------------------------------------------------------------------------------------------------


@permission_required(VIEW)
def return_edit(request, obligation_id, number):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    form = ReturnForm(
        _posted(request), initial={"status": progress_return.status, "narrative": progress_return.narrative}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.return_save(progress_return=progress_return, saved_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, f"Progress return {number} saved")
            return redirect(back_url)
    return page(
        request,
        "responses/organisation/return.jinja",
        f"Progress return {number}",
        forms=[form],
        form=form,
        obligation=obligation,
        progress_return=progress_return,
        back_url=back_url,
    )


@permission_required(VIEW)
def return_evidence_add(request, obligation_id, number):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    rendered = _evidence_add_page(request, obligation, lambda: progress_return, f"Progress return {number}", back_url)
    return redirect(back_url) if rendered is None else rendered


@permission_required(VIEW)
def return_evidence_remove(request, obligation_id, number, evidence_id):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    evidence = get_object_or_404(progress_return.evidence.all(), pk=evidence_id)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    return _evidence_remove_page(request, obligation, evidence, back_url)


@permission_required(VIEW)
def return_step(request, obligation_id, number, step):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    edit = _return_url(obligation, progress_return)
    form = ReturnForm()
    return _sign_off_page(
        request,
        obligation=obligation,
        record=progress_return,
        step=step,
        run=RETURN_STEPS[step],
        what=f"progress return {number}",
        back_url=_detail(obligation, f"return-{number}"),
        missing={name: f"{edit}#{_anchor(form, name)}" for name in ("status", "narrative")},
        progress_return=progress_return,
        card=ReturnCard(progress_return, [], timezone.localdate()),
    )
