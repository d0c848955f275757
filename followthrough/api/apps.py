from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "followthrough.api"
    label = "api"
    verbose_name = "Read API"
