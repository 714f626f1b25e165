"""Business logic for hearings: restoring a version, starting a response."""

from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.models import MunicipalCommittee
from cms.slugs import ascii_slug, free_slug
from hearings.models import Hearing, HearingResponsePage
from hearings.models.hearing import HEARING_FIELDS
from hearings.selectors import hearing_index_for, hearing_response, hearing_visible_to


class HearingError(Exception):
    """A hearing action cannot be done as asked; the message is for the user."""


# What "restore an earlier version" brings back: the hearing's own fields.
RESTORABLE_FIELDS = HEARING_FIELDS


def hearing_restore(*, hearing, history_id, user):
    """Make an earlier version of the hearing the current one (a new version)."""
    if not hearing_visible_to(user=user, hearing=hearing):
        raise HearingError(_("You cannot change this hearing."))
    record = hearing.history.filter(history_id=history_id).first()
    if record is None:
        raise HearingError(_("That version of the hearing does not exist."))
    for name in RESTORABLE_FIELDS:
        attname = Hearing._meta.get_field(name).attname
        setattr(hearing, attname, getattr(record, attname))
    if not MunicipalCommittee.objects.filter(pk=hearing.municipal_committee_id):
        # Gone from the council's list since: its name stays on the hearing.
        hearing.municipal_committee = None
    hearing.full_clean()
    hearing._history_user = user
    hearing._change_reason = _("Restored the version of %(when)s") % {
        "when": date_format(record.history_date, "DATETIME_FORMAT")
    }
    with transaction.atomic():
        hearing.save()
        theme_ids = {row.theme_id for row in record.themes.all()}
        if set(hearing.themes.values_list("pk", flat=True)) != theme_ids:
            hearing.themes.set(theme_ids)
    return hearing


def response_draft_create(*, hearing, user):
    """Start the response to a hearing: a draft page under the council's index.

    Returns the existing response instead if there already is one, so a
    double click never makes two.
    """
    index = hearing_index_for(council=hearing.council)
    if index is None:
        raise HearingError(_("This council has no page for hearing responses."))
    if not index.permissions_for_user(user).can_add_subpage():
        raise HearingError(_("You may not write responses for this council."))
    return response_page_ensure(hearing=hearing, owner=user)


def response_page_ensure(*, hearing, owner=None, **fields):
    """The hearing's response page, created as a draft if missing.

    No permission check: for the user-facing path see response_draft_create.
    ``fields`` (body, easy_read_summary, ...) are only used when creating.
    """
    index = hearing_index_for(council=hearing.council)
    if index is None:
        raise HearingError(_("This council has no page for hearing responses."))
    with translation.override(index.locale.language_code):
        title = _("Response: %(title)s") % {"title": hearing.title}
    with transaction.atomic():
        # Lock the hearing so two clicks at once cannot both create a page.
        Hearing.objects.select_for_update().filter(pk=hearing.pk).first()
        existing = hearing_response(hearing=hearing)
        if existing is not None:
            return existing
        page = HearingResponsePage(
            title=title[:255],
            slug=_free_slug(index, hearing),
            hearing=hearing,
            owner=owner,
            live=False,
            locale=index.locale,
            **fields,
        )
        index.add_child(instance=page)
        page.save_revision(user=owner, log_action=True)
    return page


def _free_slug(index, hearing):
    base = ascii_slug(hearing.title)[:60].strip("-") or "hoeringssvar"
    taken = set(index.get_children().values_list("slug", flat=True))
    return free_slug(base, taken)
