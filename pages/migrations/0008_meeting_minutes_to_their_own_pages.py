"""Minutes written on the meeting page itself move to a minutes page of
their own under the meeting (pages.MeetingMinutesPage), so that from now on
they are approved apart from the agenda. A live meeting's minutes page is
live at once (its minutes were approved with the meeting); the meeting's
old fields are emptied. Translations of one meeting get minutes pages that
are translations of each other (one translation key)."""

import uuid

from django.db import migrations

# Wagtail's page tree (django-treebeard): four characters a level.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4
MINUTES_KEY = uuid.UUID("6a1c52a8-79c1-4a53-9f39-b0a7a5a8d0e1")


def _step(number):
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEP_LENGTH, "0")


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP_LENGTH:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _step(number)


def minutes_pages_create(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    MeetingPage = apps.get_model("pages", "MeetingPage")
    MeetingMinutesPage = apps.get_model("pages", "MeetingMinutesPage")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="pages", model="meetingminutespage"
    )
    for meeting in MeetingPage.objects.order_by("path"):
        stream = meeting.minutes.get_prep_value() if meeting.minutes else []
        if not (stream or meeting.easy_read_minutes.strip()):
            continue
        _minutes_page_add(Page, MeetingMinutesPage, content_type, meeting, stream)
        MeetingPage.objects.filter(pk=meeting.pk).update(
            minutes=[], easy_read_minutes=""
        )


def _minutes_page_add(Page, MeetingMinutesPage, content_type, meeting, stream):
    title = "Referat" if meeting.locale.language_code == "da" else "Minutes"
    MeetingMinutesPage.objects.create(
        path=_next_child_path(Page, meeting),
        depth=meeting.depth + 1,
        numchild=0,
        title=title,
        draft_title=title,
        slug="referat",
        url_path=f"{meeting.url_path}referat/",
        content_type=content_type,
        locale_id=meeting.locale_id,
        translation_key=uuid.uuid5(MINUTES_KEY, str(meeting.translation_key)),
        live=meeting.live,
        has_unpublished_changes=not meeting.live,
        first_published_at=meeting.last_published_at if meeting.live else None,
        last_published_at=meeting.last_published_at if meeting.live else None,
        owner_id=meeting.owner_id,
        easy_read_minutes=meeting.easy_read_minutes,
        minutes=stream,
    )
    Page.objects.filter(pk=meeting.pk).update(numchild=meeting.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_meeting_agenda_items_and_minutes_page"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(minutes_pages_create, migrations.RunPython.noop),
    ]
