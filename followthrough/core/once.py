"""Each submission once: the same form sent twice makes one record (ADR 0014).

Every form the service renders carries a one-time submission key beside its CSRF token. Templates write
`{{ csrf_input }}` in each form, as Django documents; `core.context_processors.form_inputs` puts `FormInputs` in its
place, so no form can forget the key, and each form written makes a new one.

A view whose POST creates a record is wrapped in `once_per_submission`. On a POST it claims the key by inserting a
`Submission` row, in the same transaction as whatever the view writes. The key is unique in the database, so only one
POST can claim it, whether the second comes after the first (a double click, a retry after a timeout) or at the same
moment (on PostgreSQL the second insert waits on the unique index until the first commits, then fails; on SQLite
writes take turns). A POST that finds its key claimed makes nothing and is sent where the first one was sent.

A POST to such a view without a key the service made (an old page, a scripted request) is refused with an error page
that asks to send the form again: accepting it would let exactly the requests that made the duplicates go round the
protection.
"""

import datetime
import secrets
from functools import wraps

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseRedirectBase
from django.template.backends.utils import csrf_input
from django.utils import timezone
from django.utils.html import format_html

from .models import Submission
from .views import page

FIELD = "submission_key"
_SALT = "followthrough.core.once"
_LONGEST_KEY = Submission._meta.get_field("key").max_length


def new_key():
    """A key for one form: random, and signed with the time, so the service knows it made it and when."""
    return signing.TimestampSigner(salt=_SALT).sign(secrets.token_urlsafe(16))


def is_current(key):
    """Whether `key` is one the service made, no more than SUBMISSION_KEY_MAX_AGE seconds ago.

    Older keys are refused, so the sweep can forget their submissions without letting an old page be sent again.
    """
    if not key or len(key) > _LONGEST_KEY:
        return False
    try:
        signing.TimestampSigner(salt=_SALT).unsign(key, max_age=settings.SUBMISSION_KEY_MAX_AGE)
    except signing.BadSignature:
        return False
    return True


class FormInputs:
    """The hidden inputs every form sends besides its fields: Django's CSRF token and a new submission key.

    Written each time it is shown, so two forms on one page have different keys.
    """

    def __init__(self, request):
        self.request = request

    def __html__(self):
        return format_html('{}<input type="hidden" name="{}" value="{}">', csrf_input(self.request), FIELD, new_key())

    __str__ = __html__


def _sender(request):
    """Who sent the form: the signed-in user, or else the browser's session."""
    if request.user.is_authenticated:
        return {"user": request.user, "session_key": ""}
    if request.session.session_key is None:
        request.session.save()
    return {"user": None, "session_key": request.session.session_key}


def _claim(request, key, sender):
    """The new Submission for `key`, or None if the key was claimed already (the insert waits for a claim in flight)."""
    submission = Submission(key=key, path=request.path, **sender)
    try:
        with transaction.atomic():
            submission.save(force_insert=True)
    except IntegrityError:
        return None
    return submission


def _earlier_answer(request, key, sender):
    """The redirect the first sending of this form got, if it came from the same person to the same address."""
    earlier = Submission.objects.filter(key=key).first()
    if earlier is None or earlier.path != request.path:
        return None
    if earlier.user_id != getattr(sender["user"], "pk", None) or earlier.session_key != sender["session_key"]:
        return None
    return HttpResponseRedirect(earlier.result_url)


def _not_sent(request):
    form_url = request.get_full_path()
    return page(
        request,
        "errors/not_sent.jinja",
        "Sorry, your form could not be sent",
        status=400,
        errors=[{"text": "Go back to the form and send it again", "href": form_url}],
        form_url=form_url,
    )


def once_per_submission(view):
    """Let each submission of the view's form create its record once; a repeat gets the first one's redirect.

    The view's own work runs in the transaction that claims the key. Only a redirect (the form was accepted) keeps
    the claim; any other answer (the form shown again with its errors, and a new key) keeps nothing the view wrote.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        key = request.POST.get(FIELD, "")
        if not is_current(key):
            return _not_sent(request)
        sender = _sender(request)
        with transaction.atomic():
            submission = _claim(request, key, sender)
            if submission is not None:
                response = view(request, *args, **kwargs)
                if isinstance(response, HttpResponseRedirectBase):
                    submission.result_url = response.url
                    submission.save(update_fields=["result_url"])
                else:
                    transaction.set_rollback(True)
                return response
        return _earlier_answer(request, key, sender) or _not_sent(request)

    wrapped.once_per_submission = True
    return wrapped


def sweep(*, on):
    """The daily sweep (settings.SWEEPERS): forget submissions whose keys are too old to be sent again."""
    start_of_day = timezone.make_aware(datetime.datetime.combine(on, datetime.time.min))
    cutoff = min(start_of_day, timezone.now()) - datetime.timedelta(seconds=settings.SUBMISSION_KEY_MAX_AGE)
    forgotten, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return {"submissions_forgotten": forgotten}
