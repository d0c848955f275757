from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<slug:code>/", views.detail, name="detail"),
]
