from django.urls import path  # noqa: F401

from .views import casework, collation, historical, organisation, public

app_name = "responses"

# Part 1: an obligation of the user's own organisation, its response and its progress returns.
OWN = "your-obligations/<int:obligation_id>"
OWN_RETURN = f"{OWN}/returns/<int:number>"

urlpatterns = [
    # Part 1: an organisation's own obligations, responses and returns (views/organisation/).
    path("your-obligations", organisation.obligation_list, name="obligations"),
    path(OWN, organisation.obligation_detail, name="obligation"),
    path(f"{OWN}/response", organisation.response_edit, name="response"),
    path(f"{OWN}/response/submit", organisation.response_step, {"step": "submit"}, name="response-submit"),
    path(f"{OWN}/response/approve", organisation.response_step, {"step": "approve"}, name="response-approve"),
    path(f"{OWN}/response/publish", organisation.response_step, {"step": "publish"}, name="response-publish"),
    path(f"{OWN}/response/send-back", organisation.response_step, {"step": "send-back"}, name="response-send-back"),
    path(f"{OWN}/response/actions/new", organisation.action_add, name="action-add"),
    path(f"{OWN}/response/actions/<int:action_id>", organisation.action_change, name="action-change"),
    path(f"{OWN}/response/actions/<int:action_id>/remove", organisation.action_remove, name="action-remove"),
    path(f"{OWN}/response/evidence/new", organisation.response_evidence_add, name="response-evidence-add"),
    path(
        f"{OWN}/response/evidence/<int:evidence_id>/remove",
        organisation.response_evidence_remove,
        name="response-evidence-remove",
    ),
    path(f"{OWN}/evidence/<int:evidence_id>", organisation.evidence_download, name="obligation-evidence"),
    path(OWN_RETURN, organisation.return_edit, name="return"),
    path(f"{OWN_RETURN}/submit", organisation.return_step, {"step": "submit"}, name="return-submit"),
    path(f"{OWN_RETURN}/approve", organisation.return_step, {"step": "approve"}, name="return-approve"),
    path(f"{OWN_RETURN}/publish", organisation.return_step, {"step": "publish"}, name="return-publish"),
    path(f"{OWN_RETURN}/send-back", organisation.return_step, {"step": "send-back"}, name="return-send-back"),
    path(f"{OWN_RETURN}/evidence/new", organisation.return_evidence_add, name="return-evidence-add"),
    path(
        f"{OWN_RETURN}/evidence/<int:evidence_id>/remove",
        organisation.return_evidence_remove,
        name="return-evidence-remove",
    ),
    # Part 2: public pages, the matrix, record pages, assessments, collation (views/public, casework, collation).
    path("reports/<slug:slug>/responses/<slug:code>/", public.organisation_response, name="organisation-response"),
    path("reports/<slug:slug>/matrix", public.matrix, name="matrix"),
    path("reports/<slug:slug>/national-responses", public.national_responses, name="national-responses"),
    path("responses/evidence/<int:evidence_id>", public.evidence_download, name="evidence"),
    path("organisations/<slug:code>/record", public.organisation_record, name="organisation-record"),
    path("casework/assessments", casework.assessment_list, name="assessments"),
    path("casework/assessments/<int:return_id>", casework.assessment_detail, name="assessment"),
    path("casework/published-elsewhere", historical.published_elsewhere, name="published-elsewhere"),
    path(
        "casework/published-elsewhere/obligations/<int:obligation_id>/response",
        historical.response_from_source,
        name="response-from-source",
    ),
    path(
        "casework/published-elsewhere/returns/<int:return_id>",
        historical.return_from_source,
        name="return-from-source",
    ),
    path("collation", collation.collation_list, name="collation"),
    path("collation/<slug:slug>/<slug:kind>/<int:number>", collation.collation_detail, name="collation-detail"),
    path(
        "collation/<slug:slug>/<slug:kind>/<int:number>/<slug:code>/<slug:step>",
        collation.collation_step,
        name="collation-step",
    ),
]
