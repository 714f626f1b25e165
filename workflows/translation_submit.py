"""Sending a translation made in wagtail-localize's editor to the chairs.

wagtail-localize's editor replaces Wagtail's page editor for translated
pages, and its only way to make the page is "Publish", which a secretary may
not do. This is the missing step: the secretary's translated strings become
a draft revision, and that revision goes through the same chair approval as
any Danish page — what the chairs approve is what goes live.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation, TranslationLog

from workflows.approval_policy import foreign_reference_reasons, page_cpr_findings
from workflows.messages import cpr_finding_message


def page_translation(*, page):
    """The wagtail-localize Translation that produces this page, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def translation_submit_problems(*, page, user):
    """Why this translation cannot be sent to the chairs now, in words."""
    if page_translation(page=page) is None:
        return [_("This page is not a translation made in the translation editor.")]
    permissions = page.permissions_for_user(user)
    # Wagtail's can_submit_for_moderation assumes the editor checked can_edit.
    if not (permissions.can_edit() and permissions.can_submit_for_moderation()):
        return [_("You may not send this page for approval.")]
    if page.get_workflow() is None:
        return [_("No approval workflow covers this page.")]
    if page.workflow_in_progress:
        return [_("This translation is already awaiting the chairs' approval.")]
    return []


def translation_submit(*, page, user):
    """Save the translated text as a draft and start the chairs' approval.

    Everything happens in one transaction: if the text holds a CPR number or
    anything else refuses, no revision is kept and no workflow is started.
    """
    problems = translation_submit_problems(page=page, user=user)
    if problems:
        raise PermissionDenied(" ".join(problems))
    translation = page_translation(page=page)
    with transaction.atomic():
        _draft_save(translation=translation, page=page, user=user)
        page = page.specific_class.objects.get(pk=page.pk)
        draft = page.get_latest_revision_as_object()
        findings = page_cpr_findings(page=draft)
        problems = [cpr_finding_message(f) for f in findings]
        problems += foreign_reference_reasons(page=draft)
        if problems:
            raise ValidationError(problems)
        page.get_workflow().start(page, user)
    return page


def _draft_save(*, translation, page, user):
    """Save the translated text as a draft revision of the page.

    wagtail-localize's save_target also writes the text into the page's own
    row; on a live translation the public would read it before the chairs
    had seen it (the publish guard refuses that). So a live page's new text
    goes into a revision only.
    """
    if not page.live:
        translation.save_target(user=user, publish=False)
        return
    source, locale = translation.source, translation.target_locale
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
