from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "followthrough.notifications"
    label = "notifications"
