import datetime

from django.shortcuts import get_object_or_404

from followthrough.core.permissions import public
from followthrough.core.views import page

from .models import Kind, Organisation, Oversight
from .presenters import OrganisationPresenter, directory_table


@public
def directory(request):
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        kind = ""
    organisations = Organisation.objects.all()
    if kind:
        organisations = organisations.filter(kind=kind)
    today = datetime.date.today()
    overseers = dict(Oversight.objects.current_on(today).values_list("force_id", "body__name"))
    counts = dict.fromkeys(Kind.values, 0)
    for value in Organisation.objects.values_list("kind", flat=True):
        counts[value] += 1
    return page(
        request,
        "organisations/directory.jinja",
        "Organisations",
        table=directory_table(organisations, overseers),
        kinds=[(value, label, counts[value]) for value, label in Kind.choices],
        kind=kind,
    )


@public
def detail(request, code):
    organisation = get_object_or_404(Organisation, code=code)
    return page(request, "organisations/detail.jinja", organisation.name, presenter=OrganisationPresenter(organisation))
