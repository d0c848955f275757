import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required, public
from followthrough.core.views import page

from . import deadlines, presenters, services
from .forms import DeadlineCalculatorForm, HolidayAddForm, HolidayRemoveForm
from .models import Holiday, StoredDeadline

# What regulation 2 says a working day is, quoted wherever the calendar explains a deadline.
WORKING_DAY = {
    "words": deadlines.WORKING_DAY,
    "citation": deadlines.WORKING_DAY_CITATION,
    "citation_url": deadlines.WORKING_DAY_CITATION_URL,
}


@public
def deadline_calculator(request):
    """A GET form, so a result can be bookmarked and shared."""
    submitted = any(key.startswith(("rule", "count", "start")) for key in request.GET)
    form = DeadlineCalculatorForm(request.GET if submitted else None)
    result = None
    if submitted and form.is_valid():
        try:
            result = deadlines.compute(calendar=services.current_calendar(), **form.cleaned_data)
        except deadlines.OutsideCalendar:
            form.add_error("count", "The period runs past the end of the bank holiday calendar. Enter a shorter period")
    return page(
        request,
        "calendar/deadline_calculator.jinja",
        "Deadline calculator",
        forms=[form],
        form=form,
        result=presenters.calculator_result(result) if result else None,
        working_day=WORKING_DAY,
    )


@permission_required("calendar.manage_holidays")
def holidays(request):
    years = sorted({d.year for d in Holiday.objects.dates("date", "year")})
    today = datetime.date.today()
    try:
        year = int(request.GET.get("year") or today.year)
    except ValueError:
        year = today.year
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:  # a year no date can have shows this year (ADR 0013)
        year = today.year
    table = presenters.holidays_table(Holiday.objects.filter(date__year=year), year)
    return page(
        request,
        "calendar/holidays.jinja",
        "Bank holidays in England and Wales",
        table=table,
        years=years,
        year=year,
        working_day=WORKING_DAY,
    )


@permission_required("calendar.manage_holidays")
@once_per_submission
def holiday_add(request):
    form = HolidayAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.holiday_add(added_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{long_date(form.cleaned_data['date'])} is now a bank holiday")
            return redirect(f"{redirect('calendar:holidays').url}?year={form.cleaned_data['date'].year}")
    return page(request, "calendar/holiday_add.jinja", "Add a bank holiday", forms=[form], form=form)


@permission_required("calendar.manage_holidays")
def holiday_remove(request, holiday_id):
    holiday = get_object_or_404(Holiday.objects.active(), pk=holiday_id)
    form = HolidayRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.holiday_remove(holiday=holiday, removed_by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, f"{long_date(holiday.date)} is no longer a bank holiday")
        return redirect(f"{redirect('calendar:holidays').url}?year={holiday.date.year}")
    return page(
        request,
        "calendar/holiday_remove.jinja",
        "Remove a bank holiday",
        forms=[form],
        form=form,
        holiday_text=presenters.holiday_text(holiday),
    )


@permission_required("calendar.view_stored_deadlines")
def stored_deadlines(request):
    rows = StoredDeadline.objects.open().prefetch_related("changes")
    deadlines_shown = [presenters.stored_deadline(d) for d in rows]
    return page(
        request, "calendar/stored_deadlines.jinja", "Open deadlines", deadlines=deadlines_shown, working_day=WORKING_DAY
    )
