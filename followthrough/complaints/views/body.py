"""The designated body's pages: one question per page, check your answers, submit, follow, withdraw."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from followthrough.core import files
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.uploads import size_words
from followthrough.core.views import page
from followthrough.organisations.models import Organisation, Role

from .. import services
from ..forms import (
    FORCES_ALL,
    FORCES_CHOSEN,
    ContactForm,
    EvidenceForm,
    EvidenceUploadForm,
    FeaturesForm,
    ForcesForm,
    HarmForm,
    StartForm,
    SubmitForm,
    TitleForm,
    WithdrawForm,
)
from ..models import EvidenceFile, SuperComplaint
from ..presenters import QUESTIONS, ComplaintPresenter, InboxRow, drafts_table, sent_table
from .scope import own_complaint, visible_evidence

STEPS = [slug for slug, _ in QUESTIONS]

# The questions answered in one text box: form, field, heading (the page title) and hint.
TEXT_QUESTIONS = {
    "title": (
        TitleForm,
        "title",
        "What is the title of your super-complaint?",
        "A short name for the complaint, for example the title of the report it is based on.",
    ),
    "features": (
        FeaturesForm,
        "features_of_policing",
        "What features of policing is the complaint about?",
        "A feature can be a practice, a policy or a way of working, or a combination of them, in one or more police "
        "forces in England and Wales.",
    ),
    "harm": (
        HarmForm,
        "public_interest_harm",
        "Why do these features significantly harm the interests of the public?",
        "Explain who is harmed, how, and why the harm is significant.",
    ),
    "evidence": (
        EvidenceForm,
        "evidence_description",
        "What is your evidence?",
        "Describe the evidence and where it comes from. You can upload files on the next page. You need to "
        "describe the evidence here, upload at least one file, or both.",
    ),
}


def _posted(request, files=False):
    """The submitted data on a POST (even an empty one, so its errors show), or None to show a blank form."""
    if request.method != "POST":
        return (None, None) if files else None
    return (request.POST, request.FILES) if files else request.POST


def _url(name, complaint, **kwargs):
    return reverse(f"complaints:{name}", kwargs={"complaint_id": complaint.pk, **kwargs})


def _changing(request):
    return request.GET.get("change") == "yes"


def _next_url(request, complaint, step):
    if _changing(request) or step == STEPS[-1]:
        return _url("check-answers", complaint)
    return _url(STEPS[STEPS.index(step) + 1], complaint)


def _back_url(request, complaint, step):
    if _changing(request):
        return _url("check-answers", complaint)
    if step == STEPS[0]:
        return _url("detail", complaint)
    return _url(STEPS[STEPS.index(step) - 1], complaint)


def _question_url(complaint, slug, changing):
    return _url(slug, complaint) + ("?change=yes" if changing else "")


def _editable_or_redirect(request, complaint):
    """A submitted complaint cannot be changed: send its questions to its page instead."""
    if request.user.has_perm("complaints.change_draft", complaint):
        return None
    return redirect(_url("detail", complaint))


def _organisations(user):
    return Organisation.objects.where_user_holds(user, Role.DESIGNATED_BODY_USER)


@permission_required("complaints.view_own_complaints")
def dashboard(request):
    complaints = list(
        SuperComplaint.internal.for_designated_body_user(request.user).with_clocks().order_by("-created_at")
    )
    drafts = [c for c in complaints if c.is_draft]
    sent = sorted((c for c in complaints if not c.is_draft), key=lambda c: c.received_on, reverse=True)
    organisations = list(_organisations(request.user))
    return page(
        request,
        "complaints/body/dashboard.jinja",
        "Your super-complaints",
        drafts=drafts_table(ComplaintPresenter(c) for c in drafts) if drafts else None,
        sent=sent_table(InboxRow(c) for c in sent) if sent else None,
        made_by=organisations[0].name if len(organisations) == 1 else "",
    )


@permission_required("complaints.lodge")
@once_per_submission
def start(request):
    organisations = _organisations(request.user)
    form = StartForm(_posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        complaint = services.complaint_start(
            designated_body=form.organisation(), started_by=request.user, title=form.cleaned_data["title"]
        )
        return redirect(_url("features", complaint))
    heading, field, hint = TEXT_QUESTIONS["title"][2], "title", TEXT_QUESTIONS["title"][3]
    return page(
        request,
        "complaints/body/question.jinja",
        heading,
        forms=[form],
        form=form,
        field=field,
        hint=hint,
        widget="input",
        back_url=reverse("complaints:dashboard"),
        complaint=None,
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def question(request, complaint_id, step):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    form_class, field, heading, hint = TEXT_QUESTIONS[step]
    form = form_class(_posted(request), initial={field: getattr(complaint, field)})
    if request.method == "POST" and form.is_valid():
        services.complaint_update_draft(complaint=complaint, updated_by=request.user, **form.cleaned_data)
        return redirect(_next_url(request, complaint, step))
    return page(
        request,
        "complaints/body/question.jinja",
        heading,
        forms=[form],
        form=form,
        field=field,
        hint=hint,
        widget="input" if step == "title" else "textarea",
        back_url=_back_url(request, complaint, step),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def forces(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    chosen = list(complaint.forces.values_list("code", flat=True))
    scope = FORCES_ALL if complaint.all_section_29a_forces else (FORCES_CHOSEN if chosen else None)
    form = ForcesForm(_posted(request), initial={"scope": scope, "forces": chosen})
    if request.method == "POST" and form.is_valid():
        everyone = form.cleaned_data["scope"] == FORCES_ALL
        services.complaint_update_draft(
            complaint=complaint,
            updated_by=request.user,
            all_section_29a_forces=everyone,
            forces=[] if everyone else form.cleaned_data["forces"],
        )
        return redirect(_next_url(request, complaint, "forces"))
    return page(
        request,
        "complaints/body/forces.jinja",
        "Which police forces is the complaint about?",
        forms=[form],
        form=form,
        back_url=_back_url(request, complaint, "forces"),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
@once_per_submission
def evidence_files(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    form = EvidenceUploadForm(*_posted(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            evidence = services.evidence_file_add(
                complaint=complaint, upload=form.cleaned_data["file"], uploaded_by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{evidence.original_name} has been uploaded")
            return redirect(request.get_full_path())
    return page(
        request,
        "complaints/body/evidence_files.jinja",
        "Upload your evidence",
        forms=[form],
        form=form,
        rows=ComplaintPresenter(complaint).evidence_rows(
            remove_url=lambda evidence: _url("evidence-file-remove", complaint, file_id=evidence.pk)
        ),
        max_size=size_words(files.rules(EvidenceFile.UPLOAD_USE).max_bytes),
        changing=_changing(request),
        next_url=_next_url(request, complaint, "evidence-files"),
        back_url=_back_url(request, complaint, "evidence-files"),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def evidence_file_remove(request, complaint_id, file_id):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    evidence = get_object_or_404(complaint.evidence_files.all(), pk=file_id)
    if request.method == "POST":
        services.evidence_file_remove(evidence_file=evidence, removed_by=request.user)
        messages.success(request, f"{evidence.original_name} has been removed")
        return redirect(_url("evidence-files", complaint))
    return page(
        request,
        "complaints/body/evidence_file_remove.jinja",
        f"Are you sure you want to remove {evidence.original_name}?",
        back_url=_url("evidence-files", complaint),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def contact(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    fields = ContactForm.base_fields
    form = ContactForm(_posted(request), initial={name: getattr(complaint, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        services.complaint_update_draft(complaint=complaint, updated_by=request.user, **form.cleaned_data)
        return redirect(_next_url(request, complaint, "contact"))
    return page(
        request,
        "complaints/body/contact.jinja",
        "Who can we contact about the super-complaint?",
        forms=[form],
        form=form,
        back_url=_back_url(request, complaint, "contact"),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def check_answers(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    if (refusal := _editable_or_redirect(request, complaint)) is not None:
        return refusal
    form = SubmitForm(_posted(request), initial={"expected_version": complaint.version})
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_submit(
                complaint=complaint,
                submitted_by=request.user,
                expected_version=form.cleaned_data["expected_version"],
            )
        except services.Incomplete as incomplete:
            errors = [
                {"text": p.message, "href": _question_url(complaint, p.question, True)} for p in incomplete.problems
            ]
        except services.ConcurrentChange as change:
            complaint.refresh_from_db()
            form = SubmitForm(initial={"expected_version": change.version})
            errors = [{"text": change.message_for("Someone at your organisation"), "href": "#answers"}]
        except services.IllegalTransition as refused:
            errors = [{"text": refused.message, "href": "#answers"}]
        else:
            return redirect(_url("submitted", complaint))
    elif request.method == "POST":
        errors = [{"text": "Reload the page and try again", "href": "#answers"}]
        form = SubmitForm(initial={"expected_version": complaint.version})
    presenter = ComplaintPresenter(complaint)
    return page(
        request,
        "complaints/body/check_answers.jinja",
        "Check your answers before submitting your super-complaint",
        errors=errors,
        form=form,
        rows=presenter.answer_rows(change_url=lambda slug: _question_url(complaint, slug, True)),
        back_url=_url("contact", complaint),
        complaint=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def submitted(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    if complaint.is_draft:
        return redirect(_url("check-answers", complaint))
    return page(
        request,
        "complaints/body/submitted.jinja",
        "Super-complaint submitted",
        presenter=ComplaintPresenter(complaint),
    )


@permission_required("complaints.view_own_complaint", fn=own_complaint)
def detail(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    presenter = ComplaintPresenter(complaint)
    return page(
        request,
        "complaints/body/detail.jinja",
        presenter.heading,
        presenter=presenter,
        may_withdraw=request.user.has_perm("complaints.withdraw", complaint),
    )


@permission_required("complaints.withdraw", fn=own_complaint)
def withdraw(request, complaint_id):
    complaint = own_complaint(request, complaint_id)
    form = WithdrawForm(_posted(request), initial={"expected_version": complaint.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_withdraw(
                complaint=complaint,
                withdrawn_by=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["expected_version"],
            )
        except services.ConcurrentChange as change:
            data = request.POST.copy()
            data["expected_version"] = str(change.version)
            form = WithdrawForm(data)
            form.is_valid()
            form.add_error(None, change.message_for("Someone else"))
        except services.IllegalTransition as refused:
            form.add_error(None, refused.message)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{complaint.reference} has been withdrawn")
            return redirect(_url("detail", complaint))
    return page(
        request,
        "complaints/body/withdraw.jinja",
        f"Withdraw super-complaint {complaint.reference}",
        forms=[form],
        form=form,
        complaint=ComplaintPresenter(complaint),
        back_url=_url("detail", complaint),
    )


@permission_required("complaints.download_evidence", fn=visible_evidence)
def evidence_download(request, file_id):
    """Send an evidence file as a download, never displayed in the browser, whatever it claims to be."""
    evidence = visible_evidence(request, file_id)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
