"""What anyone may read: complaints on which the three authorities have decided eligibility."""

from django.shortcuts import get_object_or_404

from followthrough.core.permissions import public
from followthrough.core.views import page

from ..models import SuperComplaint
from ..presenters import ComplaintPresenter, public_table


@public
def complaint_list(request):
    complaints = SuperComplaint.public.with_clocks().order_by("-received_on", "-reference")
    return page(
        request,
        "complaints/public/list.jinja",
        "Super-complaints",
        table=public_table(ComplaintPresenter(c) for c in complaints),
    )


@public
def complaint_detail(request, reference):
    # Before the eligibility decision a complaint is private: the public manager does not know it exists.
    complaint = get_object_or_404(SuperComplaint.public.with_clocks(), reference=reference)
    presenter = ComplaintPresenter(complaint)
    return page(request, "complaints/public/detail.jinja", presenter.heading, presenter=presenter)
