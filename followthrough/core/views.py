from django.core.paginator import Paginator
from django.shortcuts import render

from .forms import error_summary
from .models import AuditEntry
from .permissions import permission_required, public
from .presenters import audit_table, pagination, refuse_records


def page(request, template, title, *, forms=(), status=200, **context):
    """Render a page: every page has a title, and any invalid form shows in the error summary.

    A page is given presenters and plain values, never database records (ADR 0011): `refuse_records` stops the view
    with an error that names the record and where it was.
    """
    refuse_records(template, context)
    errors = error_summary(*[f for f in forms if f is not None and f.is_bound and f.errors])
    return render(request, template, {"page_title": title, "errors": errors, **context}, status=status)


@public
def home(request):
    return page(request, "core/home.jinja", "Police super-complaints and their recommendations")


@public
def accessibility(request):
    return page(request, "core/accessibility.jinja", "Accessibility statement")


@public
def privacy(request):
    return page(request, "core/privacy.jinja", "Privacy")


@permission_required("core.view_audit")
def audit(request):
    entries = AuditEntry.objects.select_related("content_type").all()
    shown = Paginator(entries, 50).get_page(request.GET.get("page"))
    return page(request, "core/audit.jinja", "Audit trail", table=audit_table(shown), pagination=pagination(shown))


def bad_request(request, exception=None):
    return page(request, "errors/400.jinja", "Sorry, there is a problem with the service", status=400)


def permission_denied(request, exception=None):
    return page(request, "errors/403.jinja", "You do not have permission to view this page", status=403)


def page_not_found(request, exception=None):
    return page(request, "errors/404.jinja", "Page not found", status=404)


def server_error(request):
    return page(request, "errors/500.jinja", "Sorry, there is a problem with the service", status=500)


def csrf_failure(request, reason=""):
    return page(request, "errors/csrf.jinja", "Sorry, your form could not be sent", status=403)
