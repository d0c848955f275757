from django.urls import path

from . import views

app_name = "reports"

RECOMMENDATION = {"kind": "recommendation"}
ACTION = {"kind": "action"}

urlpatterns = [
    # Public: published reports only.
    path("reports/", views.report_list, name="list"),
    path("reports/<slug:slug>/", views.report_detail, name="detail"),
    path(
        "reports/<slug:slug>/recommendations/<int:number>/",
        views.recommendation_detail,
        RECOMMENDATION,
        name="recommendation",
    ),
    path("reports/<slug:slug>/actions/<int:number>/", views.recommendation_detail, ACTION, name="action"),
    path("reports/<slug:slug>/document", views.report_document, name="document"),
    # The inspectorate's casework.
    path("casework/reports", views.casework_list, name="casework-list"),
    path("casework/reports/new", views.casework_create, name="casework-create"),
    path("casework/reports/<slug:slug>", views.casework_detail, name="casework-detail"),
    path("casework/reports/<slug:slug>/edit", views.casework_edit, name="casework-edit"),
    path(
        "casework/reports/<slug:slug>/recommendations/new",
        views.casework_recommendation_add,
        name="casework-recommendation-add",
    ),
    path("casework/reports/<slug:slug>/document", views.casework_document, name="casework-document"),
    path("casework/reports/<slug:slug>/publish", views.casework_publish, name="casework-publish"),
    path(
        "casework/reports/<slug:slug>/recommendations/<int:number>/correct",
        views.casework_correct,
        RECOMMENDATION,
        name="casework-correct-recommendation",
    ),
    path(
        "casework/reports/<slug:slug>/actions/<int:number>/correct",
        views.casework_correct,
        ACTION,
        name="casework-correct-action",
    ),
    # A draft's recommendations and actions are changed or removed; a published one's are corrected (above).
    path(
        "casework/reports/<slug:slug>/recommendations/<int:number>/edit",
        views.casework_recommendation_edit,
        RECOMMENDATION,
        name="casework-edit-recommendation",
    ),
    path(
        "casework/reports/<slug:slug>/actions/<int:number>/edit",
        views.casework_recommendation_edit,
        ACTION,
        name="casework-edit-action",
    ),
    path(
        "casework/reports/<slug:slug>/recommendations/<int:number>/remove",
        views.casework_recommendation_remove,
        RECOMMENDATION,
        name="casework-remove-recommendation",
    ),
    path(
        "casework/reports/<slug:slug>/actions/<int:number>/remove",
        views.casework_recommendation_remove,
        ACTION,
        name="casework-remove-action",
    ),
]
