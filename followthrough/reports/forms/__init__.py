"""The inspectorate's forms for drafting, publishing and correcting reports."""

from .confirm import ConfirmForm, PublishForm
from .recommendation import CorrectionForm, RecommendationForm
from .report import ReportForm

__all__ = ["ConfirmForm", "CorrectionForm", "PublishForm", "RecommendationForm", "ReportForm"]
