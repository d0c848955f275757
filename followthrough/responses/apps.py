from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "followthrough.responses"
    label = "responses"
