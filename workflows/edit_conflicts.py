"""Edit conflicts: a save posted from an editor opened on an older version.

Two people, or one person in two browser tabs, open the same page; whoever
saves last would silently replace the other's text. Wagtail's page editor
posts the revision it was opened on (``loaded_revision_id`` with its
``loaded_revision_created_at``) and, once it has autosaved, the revision its
autosaves overwrite (``overwrite_revision_id``), but Wagtail itself compares
them only for autosaves and otherwise warns in the browser alone.

The page form (GuardedPageForm) refuses such a save on the server, whoever
made the newer revision: text typed in another tab is lost just the same.
The refused form still holds the posted text, and Wagtail renders it with
the latest revision as the one it was opened on, so saving again after a
look at the comparison is a deliberate choice and goes through.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from cms.selectors import user_display_name


def newer_revision(page, data):
    """The page's latest revision when the posted form was opened on an
    older one (or on one that another session's autosave has overwritten
    since); None when the form is up to date. A post that names no revision
    (not from the editor) is not judged."""
    latest = page.latest_revision if page.pk else None
    own_autosave = data.get("overwrite_revision_id")
    opened = own_autosave or data.get("loaded_revision_id")
    if latest is None or not opened:
        return None
    if opened != str(latest.pk):
        return latest
    if own_autosave:
        return None
    # The same revision, but overwritten in place by an autosave since.
    loaded_at = data.get("loaded_revision_created_at", "")
    return None if loaded_at == latest.created_at.isoformat() else latest


def revision_comparison_url(page, data, latest):
    """Wagtail's comparison of the revision the form was opened on (or, if
    that is gone, the one before the latest) with the latest revision."""
    opened = data.get("overwrite_revision_id") or data.get("loaded_revision_id")
    older = page.revisions.exclude(pk=latest.pk)
    if opened and opened.isdigit() and older.filter(pk=opened).exists():
        start = opened
    else:
        previous = older.order_by("-created_at", "-pk").values_list("pk", flat=True)
        start = previous.first() or "earliest"
    return reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, start, latest.pk]
    )


def changed_by_words(user, moment):
    """Who made a change and when, as the refusal messages name them:
    the time alone for today, the date and the time before that."""
    local = timezone.localtime(moment)
    time = time_format(local, "TIME_FORMAT")
    if local.date() == timezone.localdate():
        when = _("at %(time)s") % {"time": time}
    else:
        when = _("on %(date)s at %(time)s") % {
            "date": date_format(local, "DATE_FORMAT"),
            "time": time,
        }
    return {"name": user_display_name(user) or _("someone else"), "when": when}


def stale_page_message(latest):
    return _(
        "The page was changed by %(name)s %(when)s after you opened it. Your "
        "text is not saved yet, but it is still in the form: compare and save "
        "again."
    ) % changed_by_words(latest.user, latest.created_at)
