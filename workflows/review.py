"""What the chairs compare when a page comes back to them: the version they
last reviewed, else the live one, and only when something differs.

Wagtail's own "compare with previous version" compares the submitted
revision with the one saved just before it, which after a resubmission is
often the same text (an empty comparison). A chair wants to see what
changed since *they* looked: the revision of the last task state the chairs
acted on for this page (approved or sent back), whatever workflow run it
was in.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page, Revision, TaskState

REVIEWED = (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)


def last_reviewed_revision(*, page):
    """The revision the chairs last approved or sent back, or None."""
    state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
            task__chairapprovaltask__isnull=False,
            status__in=REVIEWED,
        )
        .select_related("revision")
        .order_by("-finished_at", "-pk")
        .first()
    )
    return state.revision if state else None


def versions_differ(*, page, revision_a, revision_b):
    """Whether Wagtail's comparison of the two revisions would show anything
    (the same panels' comparisons its compare view shows)."""
    panel = get_edit_handler(page.specific_class).get_bound_panel(
        instance=page.specific, request=None, form=None
    )
    a, b = revision_a.as_object(), revision_b.as_object()
    return any(comparison(a, b).has_changed() for comparison in panel.get_comparison())


COMPARE_URL_NAME = "wagtailadmin_pages:revisions_compare"


@dataclass(frozen=True)
class ReviewComparison:
    """Two revisions of a page to compare, and the words of the link."""

    page_id: int
    older_id: int
    newer_id: int
    against: str  # "reviewed" or "live"

    @property
    def label(self):
        if self.against == "reviewed":
            return _("See what changed since the chairs last reviewed it")
        return _("See what changed against the published version")

    @property
    def args(self):
        return (self.page_id, self.older_id, self.newer_id)

    @property
    def url(self):
        return reverse(COMPARE_URL_NAME, args=self.args)


def review_comparison(*, page, revision):
    """The comparison a chair is offered for this revision: against the
    version they last reviewed, else against the live version; None when
    neither differs (never an empty comparison)."""
    reviewed = last_reviewed_revision(page=page)
    if _differs(page, reviewed, revision):
        return ReviewComparison(
            page.pk,
            reviewed.pk,
            revision.pk,
            "reviewed",
        )
    live = Revision.objects.filter(pk=page.live_revision_id).first()
    if page.live and _differs(page, live, revision):
        return ReviewComparison(
            page.pk,
            live.pk,
            revision.pk,
            "live",
        )
    return None


def _differs(page, older, newer):
    if older is None or newer is None or older.pk == newer.pk:
        return False
    return versions_differ(page=page, revision_a=older, revision_b=newer)
