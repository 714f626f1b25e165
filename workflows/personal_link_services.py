"""Writes of personal links: the secretariat makes one for a member and a
draft (mailed from a background task, or printed), revokes it; the member
comments through it. Each step is written in the page's history
(wagtail.models.PageLogEntry, actions registered in workflows.wagtail_hooks).
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from cms.background_tasks import enqueue_on_commit
from cms.selectors import user_display_name
from workflows import mail
from workflows.member_comments import page_comment_create
from workflows.models import PersonalLink, PersonalLinkComment
from workflows.personal_links import (
    MAX_VALID_DAYS,
    link_is_open,
    link_members,
    link_url,
    may_manage_links,
    page_council_id,
)

LOG_CREATE = "workflows.personal_link.create"
LOG_REVOKE = "workflows.personal_link.revoke"
LOG_COMMENT = "workflows.personal_link.comment"


def personal_link_create(*, page, member, user, valid_days, delivery):
    """A link for one member of the page's council to this one draft."""
    if not may_manage_links(user=user, page=page):
        raise PermissionDenied
    site_id = page_council_id(page=page)
    _check_link(site_id=site_id, member=member, valid_days=valid_days)
    with transaction.atomic():
        link = PersonalLink.objects.create(
            site_id=site_id,
            page=page,
            member=member,
            delivery=delivery,
            created_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=valid_days),
        )
        _log(link, LOG_CREATE, user, expires=link.expires_at.isoformat())
    if delivery == PersonalLink.Delivery.EMAIL:
        enqueue_on_commit(personal_link_mail_task, link.pk)
    return link


def _check_link(*, site_id, member, valid_days):
    if not link_members(site=site_id).filter(pk=member.pk).exists():
        raise ValidationError({"member": _("Choose a member of the council.")})
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        message = _("A link is valid from 1 to %(days)d days.")
        raise ValidationError({"valid_days": message % {"days": MAX_VALID_DAYS}})


def personal_link_revoke(*, link, user):
    if not may_manage_links(user=user, page=link.page):
        raise PermissionDenied
    if link.revoked_at is not None:
        return link
    with transaction.atomic():
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
        _log(link, LOG_REVOKE, user)
    return link


def personal_link_comment_create(*, link, contentpath, text):
    """The member's comment through their link: one of Wagtail's comments by
    that member, its text headed by a marker saying how it was given."""
    if not link_is_open(link=link):
        raise PermissionDenied
    with translation.override(settings.LANGUAGE_CODE):
        marker = _("[Given by personal link]")
    with transaction.atomic():
        comment = page_comment_create(
            page=link.page.specific,
            user=link.member,
            contentpath=contentpath,
            text=text,
            marker=marker,
        )
        PersonalLinkComment.objects.create(comment=comment, link=link)
        _log(link, LOG_COMMENT, link.member, comment=comment.pk)
    return comment


def _log(link, action, user, **data):
    log(
        link.page.specific,
        action,
        user=user,
        data={
            "link": link.pk,
            "member": user_display_name(link.member),
            "member_id": link.member_id,
            **data,
        },
    )


@task()
def personal_link_mail_task(link_id):
    """Mail the member their link (background); nothing once it is closed."""
    link = PersonalLink.objects.filter(pk=link_id).select_related(
        "member", "page", "site"
    )
    link = link.first()
    if link is None or not link_is_open(link=link):
        return 0
    return len(personal_link_mail(link=link))


def personal_link_mail(*, link):
    expires = timezone.localtime(link.expires_at)
    context = {
        "link": link,
        "page": link.page.specific,
        "link_url": link_url(link=link),
        "sender_name": user_display_name(link.created_by),
        "expires": expires,
    }
    with translation.override(mail.user_language(link.member)):
        context["expires_text"] = formats.date_format(expires, "DATE_FORMAT")
    return mail.send_to_users("workflows/mail/personal_link", context, [link.member])
