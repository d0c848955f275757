from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "followthrough.complaints"
    label = "complaints"
