from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "followthrough.calendar"
    label = "calendar"
    verbose_name = "Working-day calendar"
