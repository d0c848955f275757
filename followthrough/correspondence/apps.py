from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "followthrough.correspondence"
    label = "correspondence"
