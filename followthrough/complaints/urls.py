from django.urls import path

from .views import body, casework
from .views import public as public_views

app_name = "complaints"

OWN = "your-super-complaints/<int:complaint_id>"
CASE = "casework/super-complaints/<slug:reference>"

urlpatterns = [
    # Public
    path("super-complaints/", public_views.complaint_list, name="public-list"),
    path("super-complaints/<slug:reference>/", public_views.complaint_detail, name="public-detail"),
    # The designated body's own complaints
    path("your-super-complaints/", body.dashboard, name="dashboard"),
    path("your-super-complaints/new/title", body.start, name="start"),
    path(f"{OWN}/", body.detail, name="detail"),
    path(f"{OWN}/title", body.question, {"step": "title"}, name="title"),
    path(f"{OWN}/features", body.question, {"step": "features"}, name="features"),
    path(f"{OWN}/forces", body.forces, name="forces"),
    path(f"{OWN}/harm", body.question, {"step": "harm"}, name="harm"),
    path(f"{OWN}/evidence", body.question, {"step": "evidence"}, name="evidence"),
    path(f"{OWN}/evidence-files", body.evidence_files, name="evidence-files"),
    path(f"{OWN}/evidence-files/<int:file_id>/remove", body.evidence_file_remove, name="evidence-file-remove"),
    path(f"{OWN}/contact", body.contact, name="contact"),
    path(f"{OWN}/joint-complainants", body.joint_complainants, name="joint-complainants"),
    path(f"{OWN}/check-your-answers", body.check_answers, name="check-answers"),
    path(f"{OWN}/submitted", body.submitted, name="submitted"),
    path(f"{OWN}/withdraw", body.withdraw, name="withdraw"),
    # Evidence files, for the body that sent them and for caseworkers
    path("evidence-files/<int:file_id>", body.evidence_download, name="evidence-download"),
    # Inspectorate casework
    path("casework/super-complaints", casework.inbox, name="inbox"),
    path(CASE, casework.detail, name="casework-detail"),
    path(f"{CASE}/acknowledge", casework.act, {"slug": "acknowledge"}, name="casework-acknowledge"),
    path(f"{CASE}/eligibility", casework.act, {"slug": "eligibility"}, name="casework-eligibility"),
    path(f"{CASE}/investigation", casework.act, {"slug": "investigation"}, name="casework-investigation"),
    path(f"{CASE}/progress-report", casework.act, {"slug": "progress-report"}, name="casework-progress-report"),
]
