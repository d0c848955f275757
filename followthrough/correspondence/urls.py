from django.urls import path

from . import views

app_name = "correspondence"

urlpatterns = [
    # Public: published and withheld letters, never a draft or an original.
    path("correspondence/", views.letter_list, name="list"),
    path("correspondence/<int:letter_id>/", views.letter_detail, name="detail"),
    path("correspondence/<int:letter_id>/file", views.letter_file, name="file"),
    # Casework: caseworkers, and approvers at the sending organisation.
    path("casework/correspondence", views.casework_list, name="casework-list"),
    path("casework/correspondence/new", views.casework_add, name="casework-add"),
    path("casework/correspondence/<int:letter_id>", views.casework_detail, name="casework-detail"),
    path("casework/correspondence/<int:letter_id>/change", views.casework_edit, name="casework-edit"),
    path("casework/correspondence/<int:letter_id>/reply", views.casework_reply, name="casework-reply"),
    path("casework/correspondence/<int:letter_id>/upload", views.casework_upload, name="casework-upload"),
    path("casework/correspondence/<int:letter_id>/file", views.casework_file, name="casework-file"),
    path("casework/correspondence/<int:letter_id>/clear", views.casework_clear, name="casework-clear"),
    path("casework/correspondence/<int:letter_id>/publish", views.casework_publish, name="casework-publish"),
    path("casework/correspondence/<int:letter_id>/withhold", views.casework_withhold, name="casework-withhold"),
]
