"""A council member's comment on a draft, as one of Wagtail's own comments.

The comment is a wagtail.models.Comment on the page, at the content path of
the field it is about, so the secretary and the chairs find it in the
editor's comment panel, reply to it and resolve it there. The page's history
records it (Wagtail's own log action), and the people who follow the page's
comments (wagtail.models.PageSubscription) are told by mail, in their own
language, from a background task (cms.background_tasks).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Comment, PageSubscription
from wagtail.users.models import UserProfile

from cms.background_tasks import enqueue_on_commit
from cms.selectors import user_display_name
from cms.text_checks import cpr_field_errors
from workflows import mail
from workflows.member_reading import (
    comment_targets,
    member_may_read,
    reading_revision,
    reading_version,
    target_label,
)
from workflows.messages import comment_cpr_reason

MAX_COMMENT_CHARS = 5_000


def page_comment_create(*, page, user, contentpath, text, marker=""):
    """Add the member's comment to the page and tell its followers. A
    marker (how the comment was given) heads the text in the editor."""
    if not member_may_read(user=user, page=page):
        raise PermissionDenied
    text = text.strip()
    targets = comment_targets(version=reading_version(page=page))
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    if len(text) > MAX_COMMENT_CHARS:
        raise ValidationError({"text": _("The comment is too long.")})
    if contentpath not in {target.contentpath for target in targets}:
        raise ValidationError({"contentpath": _("Choose what the comment is about.")})
    revision = reading_revision(page=page)
    comment = Comment(
        page=page,
        user=user,
        text=f"{marker} {text}" if marker else text,
        contentpath=contentpath,
        revision_created=revision,
    )
    errors = cpr_field_errors(
        comment, lambda field, numbers: comment_cpr_reason(numbers)
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        comment.save()
        comment.log_create(page_revision=revision, user=user)
    enqueue_on_commit(page_comment_announce_task, comment.pk)
    return comment


def comment_followers(*, page, author):
    """Who is told of a new comment: those who follow the page's comments,
    and its owner unless they switched that off (a draft made by a service,
    not in the editor, has no subscription for its owner yet)."""
    subscriptions = PageSubscription.objects.filter(page=page).select_related("user")
    followers = [s.user for s in subscriptions if s.comment_notifications]
    has_row = {s.user_id for s in subscriptions}
    owner = page.owner
    if owner is not None and owner.pk not in has_row:
        followers.append(owner)
    return [
        user
        for user in followers
        if user.pk != author.pk
        and user.is_active
        and UserProfile.get_for_user(user).updated_comments_notifications
    ]


@task()
def page_comment_announce_task(comment_id):
    """Mail the page's comment followers about a new comment (background)."""
    comment = Comment.objects.filter(pk=comment_id).select_related("user").first()
    if comment is None:
        return 0
    return len(page_comment_announce(comment=comment))


def page_comment_announce(*, comment):
    page = comment.page.specific
    targets = comment_targets(version=reading_version(page=page))
    about = target_label(targets=targets, contentpath=comment.contentpath)
    context = {
        "page": page,
        "comment": comment,
        "about": about,
        "author_name": user_display_name(comment.user),
        "edit_url": mail.admin_url("wagtailadmin_pages:edit", page.pk),
    }
    recipients = comment_followers(page=page, author=comment.user)
    return mail.send_to_users("workflows/mail/member_comment", context, recipients)
