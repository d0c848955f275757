"""Correspondence pages: the public register reads only published and withheld letters, and never the original;
casework pages are for the inspectorate's caseworkers and the sending organisation's approvers (ADR 0009)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone

from followthrough.core.forms import add_service_errors, possible_slug
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required, public
from followthrough.core.views import page
from followthrough.reports.models import Report

from . import services
from .forms import ClearForm, FileForm, LetterForm, PublishForm, WithholdForm
from .models import Letter, State
from .presenters import LetterPresenter, casework_rows, casework_table, report_filter_items, with_relations

SHOW_RECOMMENDATIONS = "show-recommendations"


def casework_letter(request, letter_id, **kwargs):
    """A letter the signed-in user may see in casework; None for an anonymous visitor (who is sent to sign in).

    Anyone else gets "not found", so they never learn whether a draft exists (ADR 0003).
    """
    if not request.user.is_authenticated:
        return None
    return get_object_or_404(with_relations(Letter.casework.visible_to(request.user)), pk=letter_id)


def _file_response(letter, *, name):
    response = FileResponse(
        letter.file.open("rb"), as_attachment=True, filename=name, content_type=letter.file_content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# Public pages ------------------------------------------------------------------------------------------------------


def _report_link(report):
    if report is None:
        return None
    return {"title": report.title, "url": reverse("reports:detail", kwargs={"slug": report.slug})}


@public
def letter_list(request):
    letters = Letter.public.all()
    slug = possible_slug(request.GET.get("report", ""))
    report = Report.public.filter(slug=slug).first() if slug else None
    if report is not None:
        letters = letters.for_report(report)
    letters = with_relations(letters).newest_first()
    return page(
        request,
        "correspondence/list.jinja",
        "Correspondence",
        letters=[LetterPresenter(letter) for letter in letters],
        report=_report_link(report),
        report_items=report_filter_items(report.slug if report else ""),
    )


@public
def letter_detail(request, letter_id):
    letter = get_object_or_404(with_relations(Letter.public), pk=letter_id)
    presenter = LetterPresenter(letter)
    return page(request, "correspondence/detail.jinja", letter.subject, letter=presenter)


@public
def letter_file(request, letter_id):
    """The letter's file, only for a published letter whose clearer said the file itself could be published."""
    letter = get_object_or_404(Letter.public.published(), pk=letter_id, file_is_public=True)
    if not letter.has_file:
        raise Http404("This letter has no file")
    extension = letter.file_name.rsplit(".", 1)[-1].lower() if "." in letter.file_name else "pdf"
    return _file_response(letter, name=f"letter-{letter.sent_on:%Y-%m-%d}-{letter.pk}.{extension}")


# Casework pages ----------------------------------------------------------------------------------------------------


@permission_required("correspondence.view_register")
def casework_list(request):
    letters = with_relations(Letter.casework.visible_to(request.user)).newest_first()
    rows = casework_rows(letters, today=timezone.localdate())
    return page(
        request,
        "correspondence/casework/list.jinja",
        "Correspondence",
        table=casework_table(rows) if rows else None,
        overdue=sum(1 for row in rows if row.is_reply_overdue),
        may_record=request.user.has_perm("correspondence.record_letter"),
    )


def _letter_form_page(request, *, template, title, initial, save, in_reply_to=None, letter=None):
    """The add, reply and change pages: one form, which can be shown again with a newly chosen report's
    recommendations before it is saved."""
    if request.method == "POST" and request.POST.get("action") == SHOW_RECOMMENDATIONS:
        form = LetterForm.redisplay(request.POST)
        messages_ = ["Select the recommendations and actions the letter discusses, if any, then save"]
        return page(request, template, title, form=form, notes=messages_, in_reply_to=in_reply_to, letter=letter)
    form = LetterForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("correspondence:casework-detail", letter_id=saved.pk)
    return page(request, template, title, forms=[form], form=form, in_reply_to=in_reply_to, letter=letter)


@permission_required("correspondence.record_letter")
@once_per_submission
def casework_add(request):
    def save(arguments):
        letter = services.letter_record(recorded_by=request.user, **arguments)
        messages.success(request, "Letter recorded as a draft")
        return letter

    initial = {}
    report = Report.casework.filter(slug=possible_slug(request.GET.get("report", ""))).first()
    if report is not None:
        initial["report"] = report.pk
    return _letter_form_page(
        request, template="correspondence/casework/form.jinja", title="Add a letter", initial=initial, save=save
    )


@permission_required("correspondence.reply_to_letter", fn=casework_letter)
@once_per_submission
def casework_reply(request, letter_id):
    original = casework_letter(request, letter_id)

    def save(arguments):
        reply = services.letter_record(recorded_by=request.user, in_reply_to=original, **arguments)
        messages.success(request, "Reply recorded as a draft")
        return reply

    return _letter_form_page(
        request,
        template="correspondence/casework/form.jinja",
        title="Record a reply",
        initial=LetterForm.initial_for_reply(original),
        save=save,
        in_reply_to=LetterPresenter(original, public=False),
    )


@permission_required("correspondence.change_letter", fn=casework_letter)
def casework_edit(request, letter_id):
    letter = casework_letter(request, letter_id)

    def save(arguments):
        services.letter_update(letter=letter, updated_by=request.user, **arguments)
        messages.success(request, "Draft changed")
        return letter

    return _letter_form_page(
        request,
        template="correspondence/casework/form.jinja",
        title="Change the draft letter",
        initial=LetterForm.initial_for(letter),
        save=save,
        letter=LetterPresenter(letter, public=False),
    )


@permission_required("correspondence.view_letter", fn=casework_letter)
def casework_detail(request, letter_id):
    letter = casework_letter(request, letter_id)
    user = request.user
    return page(
        request,
        "correspondence/casework/detail.jinja",
        letter.subject,
        letter=LetterPresenter(letter, public=False),
        may={
            "change": user.has_perm("correspondence.change_letter", letter),
            "reply": user.has_perm("correspondence.reply_to_letter", letter),
            "clear": user.has_perm("correspondence.clear_letter", letter),
            "publish": user.has_perm("correspondence.publish_letter", letter),
            "withhold": user.has_perm("correspondence.withhold_letter", letter),
        },
        is_author=letter.is_author(user),
    )


@permission_required("correspondence.change_letter", fn=casework_letter)
def casework_upload(request, letter_id):
    letter = casework_letter(request, letter_id)
    form = FileForm(request.POST, request.FILES) if request.method == "POST" else FileForm()
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_file_attach(letter=letter, attached_by=request.user, upload=form.cleaned_data["file"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{letter.file_name} has been uploaded")
            return redirect("correspondence:casework-detail", letter_id=letter.pk)
    return page(
        request,
        "correspondence/casework/upload.jinja",
        "Upload the letter",
        forms=[form],
        form=form,
        letter=LetterPresenter(letter, public=False),
    )


@permission_required("correspondence.view_original_file", fn=casework_letter)
def casework_file(request, letter_id):
    """The original file, as uploaded, for those who may see the original."""
    letter = casework_letter(request, letter_id)
    if not letter.has_file:
        raise Http404("This letter has no file")
    return _file_response(letter, name=letter.file_name)


@permission_required("correspondence.clear_letter", fn=casework_letter)
def casework_clear(request, letter_id):
    letter = casework_letter(request, letter_id)
    form = ClearForm(request.POST if request.method == "POST" else None, has_file=letter.has_file)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            if decision == ClearForm.WITHHOLD:
                services.letter_withhold(letter=letter, withheld_by=request.user, reason=form.cleaned_data["reason"])
            else:
                services.letter_clear(
                    letter=letter,
                    cleared_by=request.user,
                    publish_now=decision == ClearForm.PUBLISH,
                    publish_file=form.cleaned_data.get("publish_file") == "yes",
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            done = {
                ClearForm.PUBLISH: "Letter cleared and published",
                ClearForm.CLEAR: "Letter cleared. It is not published yet",
                ClearForm.WITHHOLD: "Letter withheld",
            }[decision]
            messages.success(request, done)
            return redirect("correspondence:casework-detail", letter_id=letter.pk)
    return page(
        request,
        "correspondence/casework/clear.jinja",
        "Clear the letter",
        forms=[form],
        form=form,
        letter=LetterPresenter(letter, public=False),
    )


@permission_required("correspondence.publish_letter", fn=casework_letter)
def casework_publish(request, letter_id):
    letter = casework_letter(request, letter_id)
    form = PublishForm(request.POST if request.method == "POST" else None)  # it has no fields, so POST may be empty
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_publish(letter=letter, published_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Letter published")
            return redirect("correspondence:casework-detail", letter_id=letter.pk)
    return page(
        request,
        "correspondence/casework/publish.jinja",
        "Publish the letter",
        forms=[form],
        form=form,
        letter=LetterPresenter(letter, public=False),
    )


@permission_required("correspondence.withhold_letter", fn=casework_letter)
def casework_withhold(request, letter_id):
    letter = casework_letter(request, letter_id)
    form = WithholdForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.letter_withhold(letter=letter, withheld_by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Letter withheld")
            return redirect("correspondence:casework-detail", letter_id=letter.pk)
    title = "Take the letter down" if letter.state == State.PUBLISHED else "Withhold the letter"
    return page(
        request,
        "correspondence/casework/withhold.jinja",
        title,
        forms=[form],
        form=form,
        letter=LetterPresenter(letter, public=False),
    )
