"""A national response being drafted, for the collators' pages: only what those pages show."""

from followthrough.core.formatting import date_time, paragraphs
from followthrough.core.presenters import Presenter, StateTags
from followthrough.core.provenance import published_words
from followthrough.core.workflow import wrote

from ..models import State

STATE_TAGS = StateTags(
    {
        State.DRAFT: ("Draft", "grey"),
        State.APPROVED: ("Approved, not yet published", "blue"),
        State.PUBLISHED: ("Published", "green"),
    }
)


class CollationDraft(Presenter):
    """A collation as a collator sees it, and the steps `user` may take on it now."""

    fields = ("pk", "version")

    def __init__(self, collation, user):
        super().__init__(collation)
        self.text_html = paragraphs(collation.text)
        self.state_tag = STATE_TAGS[collation.state]
        self.is_draft = collation.state == State.DRAFT
        self.wrote_it = wrote(collation, user)
        self.approved_words = (
            f"Approved on {date_time(collation.approved_at)}" if collation.approved_at is not None else ""
        )
        self.organisation_code = collation.organisation.code
        if collation.state == State.DRAFT:
            self.steps = [] if self.wrote_it else [("approve", "Approve")]
        elif collation.state == State.APPROVED:
            self.steps = [("publish", "Publish"), ("send-back", "Send back to draft")]
        else:
            self.steps = []
        self.explanation = (
            "You wrote or changed this draft, so another collator at your organisation must approve it."
            if self.is_draft and self.wrote_it
            else ""
        )


def collation_published_words(collation):
    """ "Published 26 November 2021", or with its source where it was published elsewhere first."""
    return published_words(collation)
