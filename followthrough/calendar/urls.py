from django.urls import path

from . import views

app_name = "calendar"

urlpatterns = [
    path("deadline-calculator", views.deadline_calculator, name="deadline-calculator"),
    path("calendar/bank-holidays", views.holidays, name="holidays"),
    path("calendar/bank-holidays/add", views.holiday_add, name="holiday-add"),
    path("calendar/bank-holidays/<int:holiday_id>/remove", views.holiday_remove, name="holiday-remove"),
    path("calendar/deadlines", views.stored_deadlines, name="stored-deadlines"),
]
