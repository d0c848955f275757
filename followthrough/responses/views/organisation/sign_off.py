"""Sign-off: sending a response or a progress return for sign-off, approving it, publishing it or sending it back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors, error_summary, field_anchor
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from ... import services
from ...forms import REASON_FIELDS, ConfirmForm, PublishForm, ResponseForm, ReturnForm, SendBackForm
from ...presenters.organisation import ObligationShown, ReturnCard
from ...presenters.shown import VersionShown, example_warning, own_evidence_href
from ...services.common import APPROVE, PUBLISH, SEND_BACK, STEPS, SUBMIT
from .scope import VIEW, detail_url, may_take, own_obligation, own_return, posted, return_url, working_version

STEP_WORDS = {
    SUBMIT: ("Send {what} for sign-off", "Send for sign-off", "{What} sent for sign-off"),
    APPROVE: ("Approve {what}", "Approve", "{What} approved"),
    PUBLISH: ("Publish {what}", "Publish", "{What} published"),
    SEND_BACK: ("Send {what} back to draft", "Send back to draft", "{What} sent back to draft"),
}
STEP_FORMS = {SUBMIT: ConfirmForm, APPROVE: ConfirmForm, PUBLISH: PublishForm, SEND_BACK: SendBackForm}


def _version_of(data):
    return data.get("expected_version")


RESPONSE_STEPS = {
    SUBMIT: lambda record, user, data: services.response_submit(
        version=record, submitted_by=user, expected_version=_version_of(data)
    ),
    APPROVE: lambda record, user, data: services.response_approve(
        version=record, approved_by=user, expected_version=_version_of(data)
    ),
    PUBLISH: lambda record, user, data: services.response_publish(
        version=record, published_by=user, expected_version=_version_of(data)
    ),
    SEND_BACK: lambda record, user, data: services.response_send_back(
        version=record, sent_back_by=user, note=data["note"], expected_version=_version_of(data)
    ),
}
RETURN_STEPS = {
    SUBMIT: lambda record, user, data: services.return_submit(
        progress_return=record, submitted_by=user, expected_version=_version_of(data)
    ),
    APPROVE: lambda record, user, data: services.return_approve(
        progress_return=record, approved_by=user, expected_version=_version_of(data)
    ),
    PUBLISH: lambda record, user, data: services.return_publish(
        progress_return=record, published_by=user, expected_version=_version_of(data)
    ),
    SEND_BACK: lambda record, user, data: services.return_send_back(
        progress_return=record, sent_back_by=user, note=data["note"], expected_version=_version_of(data)
    ),
}


def _with_article(what, step):
    """ "Approve the response", but "Approve progress return 1": a numbered thing takes no article."""
    if what[-1].isdigit():
        return what
    return f"your {what}" if step == SUBMIT else f"the {what}"


def _sign_off_page(
    request, *, obligation, record, step, run, what, back_url, missing, version=None, progress_return=None
):
    """One step of sign-off: a page that shows what is being signed off and asks to confirm.

    `missing` maps a field the service says is incomplete to where it is answered, so those errors link there.
    """
    if not may_take(request.user, obligation.organisation, step):
        raise PermissionDenied
    if request.method != "POST" and record.state not in STEPS[step].sources:
        return redirect(back_url)
    form = STEP_FORMS[step](posted(request), initial={"expected_version": record.version})
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
                add_service_errors(form, error)
        else:
            messages.success(request, STEP_WORDS[step][2].format(What=what.capitalize()))
            return redirect(back_url)
    heading, button, _ = STEP_WORDS[step]
    evidence_href = own_evidence_href(obligation.pk)
    return page(
        request,
        "responses/organisation/sign_off.jinja",
        heading.format(what=_with_article(what, step)),
        form=form,
        errors=incomplete + (error_summary(form) if form.is_bound else []),
        obligation=ObligationShown(obligation),
        step=step,
        button=button,
        back_url=back_url,
        submitted=long_date(record.submitted_at),
        example_warning_text=example_warning(record.is_example),
        version=VersionShown(version, evidence_href=evidence_href) if version is not None else None,
        card=ReturnCard(progress_return, [], timezone.localdate(), obligation_id=obligation.pk)
        if progress_return is not None
        else None,
    )


@permission_required(VIEW)
def response_step(request, obligation_id, step):
    obligation = own_obligation(request, obligation_id)
    version = working_version(obligation)
    if version is None:
        return redirect(detail_url(obligation, "response"))
    edit = reverse("responses:response", kwargs={"obligation_id": obligation.pk})
    form = ResponseForm(points=[(a.position, a.point_text) for a in version.point_answers.all()], correction=True)
    reason = REASON_FIELDS.get(version.acceptance)
    missing = {
        "acceptance": f"{edit}#{field_anchor(form['acceptance'])}",
        "acceptance_reason": f"{edit}#{field_anchor(form[reason]) if reason else 'acceptance'}",
        "done": f"{edit}#{field_anchor(form['done'])}",
        "change_note": f"{edit}#{field_anchor(form['change_note'])}",
        **{
            f"point_{answer.position}": f"{edit}#{field_anchor(form[f'point_{answer.position}'])}"
            for answer in version.point_answers.all()
        },
    }
    return _sign_off_page(
        request,
        obligation=obligation,
        record=version,
        step=step,
        run=RESPONSE_STEPS[step],
        what="response" if version.number == 1 else f"correction (version {version.number})",
        back_url=detail_url(obligation, "response"),
        missing=missing,
        version=version,
    )


@permission_required(VIEW)
def return_step(request, obligation_id, number, step):
    obligation = own_obligation(request, obligation_id)
    progress_return = own_return(obligation, number)
    edit = return_url(obligation, progress_return)
    form = ReturnForm()
    return _sign_off_page(
        request,
        obligation=obligation,
        record=progress_return,
        step=step,
        run=RETURN_STEPS[step],
        what=f"progress return {number}",
        back_url=detail_url(obligation, f"return-{number}"),
        missing={name: f"{edit}#{field_anchor(form[name])}" for name in ("status", "narrative")},
        progress_return=progress_return,
    )
