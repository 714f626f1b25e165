"""One choke point for going live (workflows.publish_guard).

A council's page goes live only when the council's chairs approve it. Every
other way Wagtail, its admin API, wagtail-localize or plain code offers is
tried here through the real admin views, as the council's own staff and as
another council's: the page stays as it was, nothing half-made is left
behind and the person is told why in the admin's message area.

Each refused request is made twice: with the council door in front
(cms.admin_guard, which answers another council's staff with 404 before
anything else runs) and without it, to show that the publish guard stands
on its own.
"""

import datetime
import threading
from html import escape

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail.signals import page_published
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from hearings.models import HearingResponsePage
from pages.models import ContentPage
from tests.factories import (
    ContentPageFactory,
    HearingFactory,
    HearingResponsePageFactory,
)
from tests.workflows.conftest import paragraph, response_form_data
from workflows import middleware, publish_guard
from workflows.management.commands.publish_scheduled import Command as Scheduler
from workflows.publish_guard import PublishRefused, chairs_approved

DOOR = "cms.admin_guard.AdminCouncilScopeMiddleware"
MARKER = "Ikke godkendt tekst"


def refusal(kind):
    with translation.override("da"):
        return str(publish_guard.REFUSALS[kind])


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def public(page):
    """What a visitor gets at the page's address: status and text."""
    page = fresh(page)
    parts = page.get_url_parts()
    if parts is None:
        return 404, ""
    site = page.get_site()
    response = Client().get(parts[2], HTTP_HOST=site.hostname)
    return response.status_code, response.content.decode()


def state(page):
    """Everything a refused request must leave exactly as it was."""
    page = fresh(page)
    return {
        "live": page.live,
        "live_revision": page.live_revision_id,
        "alias_of": page.alias_of_id,
        "title": page.title,
        "public": public(page),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "aliases": Page.objects.filter(alias_of__isnull=False).count(),
        "scheduled": Revision.objects.filter(approved_go_live_at__isnull=False).count(),
    }


def attempt(user, send, *, door, capture):
    """Send one request as the user in a browser of their own, with the
    council door in front or not; commit callbacks run as after a commit."""
    chain = (
        settings.MIDDLEWARE if door else [m for m in settings.MIDDLEWARE if m != DOOR]
    )
    with override_settings(MIDDLEWARE=chain), capture(execute=True):
        client = Client()
        client.force_login(user)
        return send(client)


def assert_refused(response, kind, *, door):
    if door and response.status_code == 404:
        return  # the council door answered first: not this council's page
    if response.headers.get("Content-Type", "").startswith("application/json"):
        assert response.status_code == 403
        assert response.json() == {"detail": refusal(kind)}
        return
    assert response.status_code == 302, response.content.decode()[:300]
    assert refusal(kind) in [str(m) for m in get_messages(response.wsgi_request)]


def refused_for_everyone(people, page, kind, send, capture):
    """Everyone but the platform administrator is refused, and nothing changes."""
    before = state(page)
    for user in people:
        for door in (True, False):
            response = attempt(user, send, door=door, capture=capture)
            assert_refused(response, kind, door=door)
            assert state(page) == before, (user.username, door)
    assert MARKER not in before["public"][1]


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def people(secretary_a, chair_a, member_a, secretary_b, chair_b):
    """The council's own secretary, chair and member, another council's staff."""
    return [secretary_a, chair_a, member_a, secretary_b, chair_b]


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def approved(admin, response_a, secretary_a, chair_a):
    """The response, submitted by the secretary and approved by the chair."""
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    page = fresh(response_a)
    assert page.live and chairs_approved(revision_id=page.live_revision_id, page=page)
    return page


def approve_edit(admin, page, secretary, chair, **fields):
    """A new version of the response, through the chairs like any other."""
    admin.submit(secretary, page, **fields)
    admin.approve(chair, page)
    return fresh(page)


@pytest.fixture
def approved_content_page(admin, council_a, secretary_a, chair_a):
    """A content page the chairs approved (content pages can have aliases)."""
    page = ContentPageFactory(
        parent=council_a.root_page, title="Rådets arbejde", slug="arbejde", live=False
    )
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    admin.approve(chair_a, page)
    assert fresh(page).live
    return fresh(page)


def alias_made_by_administrator(superuser, page):
    client = Client()
    client.force_login(superuser)
    copied = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": page.title,
            "new_slug": f"{page.slug}-alias",
            "new_parent_page": page.get_parent().pk,
            "alias": "on",
        },
    )
    assert copied.status_code == 302
    alias = Page.objects.get(alias_of=page).specific
    assert alias.live
    return alias


def translate_title(admin, user, page, english, title):
    """Translate the page's title in wagtail-localize's editor, making the
    English draft first if there is none."""
    admin.as_user(user)
    if not page.has_translation(english):
        admin._post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [english.pk]},
        )
    translation_row = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    segment = StringSegment.objects.get(
        source=translation_row.source, context__path="title"
    )
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation_row.pk, segment.pk],
    )
    body = encode_multipart(BOUNDARY, {"value": title})
    assert admin.client.put(url, body, MULTIPART_CONTENT).status_code in (200, 201)
    return fresh(page.get_translation(english))


def send_translation(admin, secretary, chair, target):
    admin.as_user(secretary)
    sent = admin._post(reverse("workflows_translation_submit", args=[target.pk]), {})
    assert sent.status_code == 302
    admin.approve(chair, target)
    return fresh(target)


@pytest.fixture
def live_english(admin, approved, english, secretary_a, chair_a):
    """The response's English translation, approved by the chairs."""
    target = translate_title(admin, secretary_a, approved, english, "The reply")
    target = send_translation(admin, secretary_a, chair_a, target)
    assert target.live and target.title == "The reply"
    return target


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# The way that works -------------------------------------------------------------


def test_the_chairs_approval_publishes_exactly_the_approved_version(
    admin, response_a, secretary_a, chair_a, caplog
):
    admin.submit(secretary_a, response_a, title="Rådets godkendte svar")

    admin.approve(chair_a, response_a)

    page = fresh(response_a)
    assert page.live and page.title == "Rådets godkendte svar"
    assert chairs_approved(revision_id=page.live_revision_id, page=page)
    assert public(page)[0] == 200 and "Rådets godkendte svar" in public(page)[1]
    assert f"Page {page.pk} goes live: approval" in caplog.text


def test_an_alias_follows_the_chairs_approval_in_the_same_publish(
    admin, superuser, approved_content_page, secretary_a, chair_a
):
    alias = alias_made_by_administrator(superuser, approved_content_page)
    page = approved_content_page
    page.title = "Rådets arbejde i 2027"
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)

    admin.approve(chair_a, page)

    assert fresh(alias).title == "Rådets arbejde i 2027"
    assert "Rådets arbejde i 2027" in public(alias)[1]


def test_the_platform_administrator_may_publish_directly_and_it_is_logged(
    client, superuser, response_a, caplog
):
    client.force_login(superuser)
    data = response_form_data(response_a, title="Udgivet af administratoren")

    client.post(
        reverse("wagtailadmin_pages:edit", args=[response_a.pk]),
        {**data, "action-publish": "1"},
    )

    assert fresh(response_a).live
    assert "platform administrator platform" in caplog.text


def test_a_refusal_is_shown_in_the_admins_message_area(client, secretary_a, response_a):
    client.force_login(secretary_a)
    url = reverse("wagtailadmin_pages:edit", args=[response_a.pk])

    refused = client.post(
        url, {**response_form_data(response_a), "action-publish": "1"}
    )
    shown = client.get(refused.url)

    assert refused.url == url  # back in the editor
    assert escape(refusal("publish")) in shown.content.decode()


# Publishing from the editor -----------------------------------------------------


def new_response_data(hearing):
    data = {
        "title": "Svar om natbusser",
        "slug": "svar-om-natbusser",
        "introduction": "",
        "hearing": hearing.pk,
        "easy_read_summary": "Natbusserne skal blive.",
        "signed_by": "Formanden",
        "signer_role": "Formand",
        "signed_on": "",
        "change_note": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "1",
    }
    stream = streamfield([paragraph("<p>Natbusserne skal blive.</p>")])
    return {
        **data,
        **nested_form_data({"body": stream, "comments": inline_formset([])}),
    }


def test_a_new_page_cannot_be_published_from_the_editor(
    people, capture, client, superuser, council_a, index_a
):
    hearing = HearingFactory(council=council_a, title="Høring om natbusser")
    url = reverse(
        "wagtailadmin_pages:add", args=["hearings", "hearingresponsepage", index_a.pk]
    )
    data = new_response_data(hearing)

    refused_for_everyone(
        people, index_a, "publish", lambda c: c.post(url, data), capture
    )

    assert not HearingResponsePage.objects.filter(hearing=hearing).exists()
    client.force_login(superuser)  # the same request is a good one
    client.post(url, data)
    assert HearingResponsePage.objects.get(hearing=hearing).live


def test_a_draft_cannot_be_published_from_the_editor(people, capture, response_a):
    url = reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    data = {**response_form_data(response_a, title=MARKER), "action-publish": "1"}

    refused_for_everyone(
        people, response_a, "publish", lambda c: c.post(url, data), capture
    )

    assert fresh(response_a).draft_title != MARKER


def test_an_unpublished_page_cannot_be_republished(people, capture, approved):
    approved.unpublish()
    url = reverse("wagtailadmin_pages:edit", args=[approved.pk])
    data = {**response_form_data(approved), "action-publish": "1"}

    refused_for_everyone(
        people, approved, "publish", lambda c: c.post(url, data), capture
    )

    # Not even the very version the chairs once approved goes live again.
    with pytest.raises(PublishRefused):
        fresh(approved).get_latest_revision().publish()
    assert not fresh(approved).live


def test_an_older_version_cannot_be_reverted_to_and_published(
    people, capture, admin, approved, secretary_a, chair_a
):
    first = approved.live_revision
    current = approve_edit(admin, approved, secretary_a, chair_a, title="Andet svar")
    url = reverse("wagtailadmin_pages:revisions_revert", args=[approved.pk, first.pk])
    data = {
        **response_form_data(approved, title=first.as_object().title),
        "action-publish": "1",
    }

    refused_for_everyone(
        people, approved, "publish", lambda c: c.post(url, data), capture
    )

    assert fresh(approved).live_revision_id == current.live_revision_id


def test_bulk_publishing_is_refused(people, capture, response_a, index_a):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = f"?id={response_a.pk}&next=/admin/pages/{index_a.pk}/"

    def ask(client):
        shown = client.get(url + query)
        assert_refused(shown, "publish", door=shown.status_code == 404)
        return client.post(url + query, {"include_descendants": "on"})

    refused_for_everyone(people, response_a, "publish", ask, capture)


def test_a_copy_cannot_be_published_or_made_an_alias(
    people, capture, approved, index_a
):
    url = reverse("wagtailadmin_pages:copy", args=[approved.pk])
    copy = {"new_title": MARKER, "new_slug": "kopi", "new_parent_page": index_a.pk}

    for option in ("publish_copies", "alias"):
        refused_for_everyone(
            people,
            approved,
            "copy",
            lambda c, option=option: c.post(url, {**copy, option: "on"}),
            capture,
        )


# Scheduled publishing -----------------------------------------------------------


@pytest.fixture
def later(monkeypatch):
    """Move the clock three hours on, for publish_scheduled."""

    def move():
        moment = timezone.now() + datetime.timedelta(hours=3)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


def test_a_go_live_time_the_chairs_approved_is_kept_by_publish_scheduled(
    admin, response_a, secretary_a, chair_a, later
):
    go_live = local(timezone.now() + datetime.timedelta(hours=2))
    admin.submit(secretary_a, response_a, go_live_at=go_live)
    admin.approve(chair_a, response_a)
    scheduled = fresh(response_a).get_latest_revision()
    assert not fresh(response_a).live and scheduled.approved_go_live_at

    later()
    call_command("publish_scheduled")

    page = fresh(response_a)
    assert page.live and page.live_revision_id == scheduled.pk


def test_scheduling_from_the_editor_is_refused(people, capture, response_a):
    url = reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    go_live = local(timezone.now() + datetime.timedelta(hours=2))
    data = {**response_form_data(response_a, go_live_at=go_live), "action-publish": "1"}

    refused_for_everyone(
        people, response_a, "publish", lambda c: c.post(url, data), capture
    )


def test_an_unapproved_scheduled_version_is_not_published_but_the_others_are(
    admin, approved_content_page, response_a, secretary_a, chair_a, later, caplog
):
    # Code (or a hand in the database) marks a draft nobody approved as due.
    draft = response_a.save_revision(user=secretary_a)
    soon = timezone.now() + datetime.timedelta(hours=1)
    Revision.objects.filter(pk=draft.pk).update(approved_go_live_at=soon)
    page = approved_content_page
    page.go_live_at = soon
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    admin.approve(chair_a, page)
    approved_schedule = fresh(page).get_latest_revision()

    later()
    with pytest.raises(CommandError, match=str(draft.pk)):
        call_command("publish_scheduled")

    assert not fresh(response_a).live
    assert fresh(page).live_revision_id == approved_schedule.pk
    assert "Going live refused (schedule)" in caplog.text


def test_a_version_the_administrator_scheduled_is_published(
    client, superuser, response_a, later
):
    client.force_login(superuser)
    go_live = local(timezone.now() + datetime.timedelta(hours=2))
    data = {**response_form_data(response_a, go_live_at=go_live), "action-publish": "1"}
    client.post(reverse("wagtailadmin_pages:edit", args=[response_a.pk]), data)
    assert not fresh(response_a).live

    later()
    call_command("publish_scheduled")

    assert fresh(response_a).live


# Translations -------------------------------------------------------------------


def test_translating_a_live_page_makes_a_draft(capture, approved, english, secretary_a):
    url = reverse("wagtail_localize:submit_page_translation", args=[approved.pk])

    response = attempt(
        secretary_a,
        lambda c: c.post(url, {"locales": [english.pk]}),
        door=True,
        capture=capture,
    )

    target = approved.get_translation(english)
    assert response.status_code == 302
    assert not target.live and public(target)[0] == 404


def test_even_misconfigured_translating_publishes_nothing(
    capture, settings, approved, english, secretary_a
):
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    assert [e.id for e in publish_guard.check_settings()] == ["workflows.E001"]
    url = reverse("wagtail_localize:submit_page_translation", args=[approved.pk])

    # wagtail-localize publishes once the request has committed.
    with pytest.raises(PublishRefused):
        attempt(
            secretary_a,
            lambda c: c.post(url, {"locales": [english.pk]}),
            door=True,
            capture=capture,
        )

    assert not approved.get_translation(english).live


def test_the_translation_editor_cannot_publish(
    people, capture, admin, approved, english, secretary_a
):
    target = translate_title(admin, secretary_a, approved, english, MARKER)
    url = reverse("wagtailadmin_pages:edit", args=[target.pk])

    refused_for_everyone(
        people,
        target,
        "translation",
        lambda c: c.post(url, {"action": "publish"}),
        capture,
    )


def test_updating_translations_with_publish_is_refused(
    people, capture, admin, live_english, approved, secretary_a, chair_a
):
    approve_edit(admin, approved, secretary_a, chair_a, title=MARKER)
    source = TranslationSource.objects.get(object_id=approved.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    before = source.content_json

    refused_for_everyone(
        people,
        live_english,
        "translation",
        lambda c: c.post(url, {"publish_translations": "on"}),
        capture,
    )

    source.refresh_from_db()
    assert source.content_json == before
    assert fresh(live_english).title == "The reply"


def test_an_updated_translation_goes_live_only_when_approved(
    admin, capture, live_english, approved, english, secretary_a, chair_a
):
    approve_edit(admin, approved, secretary_a, chair_a, title="Rettet svar")
    source = TranslationSource.objects.get(object_id=approved.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    updated = attempt(
        secretary_a, lambda c: c.post(url, {}), door=True, capture=capture
    )
    assert updated.status_code == 302
    translate_title(admin, secretary_a, approved, english, "The corrected reply")

    admin._post(reverse("workflows_translation_submit", args=[live_english.pk]), {})

    waiting = fresh(live_english)
    assert waiting.workflow_in_progress and waiting.title == "The reply"
    assert "The corrected reply" not in public(waiting)[1]
    admin.approve(chair_a, waiting)
    assert fresh(live_english).title == "The corrected reply"


# Aliases ------------------------------------------------------------------------


def test_a_translation_cannot_be_converted_into_an_alias(people, capture, live_english):
    url = reverse("wagtail_localize:convert_to_alias", args=[live_english.pk])

    refused_for_everyone(
        people, live_english, "alias", lambda c: c.post(url, {}), capture
    )


def test_an_alias_cannot_be_converted_into_a_page_of_its_own(
    people, capture, superuser, approved_content_page
):
    alias = alias_made_by_administrator(superuser, approved_content_page)
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])

    refused_for_everyone(people, alias, "alias", lambda c: c.post(url, {}), capture)


def test_an_alias_never_shows_what_the_chairs_have_not_approved(
    superuser, approved_content_page, secretary_a
):
    alias = alias_made_by_administrator(superuser, approved_content_page)
    page = approved_content_page
    page.title = MARKER
    draft = page.save_revision(user=secretary_a)

    with pytest.raises(PublishRefused):
        page.update_aliases(revision=draft, _content=draft.content)

    assert fresh(alias).title == "Rådets arbejde"


def test_past_the_front_door_the_guard_refuses_and_rolls_back(
    monkeypatch,
    capture,
    admin,
    superuser,
    approved_content_page,
    live_english,
    approved,
    secretary_a,
    chair_a,
):
    # As if workflows.middleware did not know these requests publish.
    monkeypatch.setattr(middleware, "PUBLISHING_VIEWS", {})
    alias = alias_made_by_administrator(superuser, approved_content_page)
    approve_edit(admin, approved, secretary_a, chair_a, title=MARKER)
    source = TranslationSource.objects.get(object_id=approved.translation_key)
    asks = [
        (
            alias,  # refused where it would take a live revision of its own
            "publish",
            reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]),
            {},
        ),
        (
            live_english,
            "translation",
            reverse("wagtail_localize:convert_to_alias", args=[live_english.pk]),
            {},
        ),
        (
            live_english,
            "translation",
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
    ]
    for page, kind, url, data in asks:
        before = state(page)
        response = attempt(
            secretary_a,
            lambda c, u=url, d=data: c.post(u, d),
            door=False,
            capture=capture,
        )
        assert_refused(response, kind, door=False)
        assert state(page) == before, url
    assert fresh(live_english).title == "The reply"


# The admin API ------------------------------------------------------------------


def api(client, page, action, data=None):
    url = reverse("wagtailadmin_api:pages:action", args=[page.pk, action])
    return client.post(url, data or {}, content_type="application/json")


def test_the_admin_api_cannot_publish_copy_live_or_alias(
    people, capture, superuser, response_a, approved_content_page
):
    alias = alias_made_by_administrator(superuser, approved_content_page)
    live = approved_content_page
    asks = [
        (response_a, "publish", "publish", {}),
        (live, "copy", "copy", {}),
        (live, "copy", "copy", {"keep_live": True, "slug": "kopi"}),
        (live, "create_alias", "copy", {"update_slug": "alias-2"}),
        (alias, "convert_alias", "alias", {}),
    ]
    for page, action, kind, data in asks:
        refused_for_everyone(
            people,
            page,
            kind,
            lambda c, page=page, action=action, data=data: api(c, page, action, data),
            capture,
        )


# Code ---------------------------------------------------------------------------


def test_code_that_publishes_directly_is_refused(response_a, index_a, caplog):
    revision = response_a.get_latest_revision()
    command = (
        "from wagtail.models import Revision; "
        f"Revision.objects.get(pk={revision.pk}).publish()"
    )

    with pytest.raises(PublishRefused):
        call_command("shell", command=command)
    page = fresh(response_a)
    page.live = True
    with pytest.raises(PublishRefused):
        page.save()
    with pytest.raises(PublishRefused):
        index_a.add_child(instance=ContentPage(title=MARKER, slug="direkte"))

    assert not fresh(response_a).live
    assert not Page.objects.filter(title=MARKER).exists()
    assert f"Going live refused (publish): page {response_a.pk}" in caplog.text


def test_the_settings_the_guard_relies_on_are_in_place(settings, monkeypatch):
    assert publish_guard.check_settings() == []
    monkeypatch.setitem(settings.DATABASES["default"], "ATOMIC_REQUESTS", False)
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "PublishGuard" not in m]

    errors = publish_guard.check_settings()

    assert [e.id for e in errors] == ["workflows.E002", "workflows.E003"]


def test_the_demo_goes_live_through_the_chairs(council_a):
    from cms.demo import demo_seed

    demo_seed(password="demo-adgangskode-1")

    responses = HearingResponsePage.objects.live().filter(hearing__council=council_a)
    assert responses.count() >= 3
    for page in responses:
        assert chairs_approved(revision_id=page.live_revision_id, page=page), page


# Concurrency (PostgreSQL) -------------------------------------------------------


def side_by_side(*targets):
    """Run the functions at once, each in a thread with its own connection."""
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def submitted_by(secretary, page, **fields):
    client = Client()
    client.force_login(secretary)
    data = {**response_form_data(page, **fields), "action-submit": "1"}
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def approval_request(response, secretary, chair, superuser, **fields):
    """The chair approves the response: the finish action publishes it."""
    submitted_by(secretary, response, **fields)
    task_state = fresh(response).current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[response.pk, "approve", task_state.pk],
    )
    return chair, url, {"comment": ""}


def administrator_request(response, secretary, chair, superuser):
    """The platform administrator publishes the response from the editor."""
    url = reverse("wagtailadmin_pages:edit", args=[response.pk])
    return superuser, url, {**response_form_data(response), "action-publish": "1"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("publishing", [approval_request, administrator_request])
def test_a_rightful_publish_lends_no_authority_to_one_running_beside_it(
    publishing, response_a, index_a, secretary_a, chair_a, council_a, superuser
):
    other = another_draft(index_a, council_a, secretary_a)
    user, url, data = publishing(response_a, secretary_a, chair_a, superuser)
    inside, done = threading.Barrier(2, timeout=20), threading.Event()
    outcome = {}

    def hold_the_publish(sender, instance, **kwargs):
        if instance.pk == response_a.pk:
            inside.wait()  # the rightful publish is under way, authority held
            done.wait(20)

    def publish_rightfully():
        client = Client()
        client.force_login(user)
        try:
            outcome["rightful"] = client.post(url, data).status_code
        finally:
            connection.close()

    def publish_beside():
        try:
            inside.wait()
            Revision.objects.get(pk=other.latest_revision_id).publish()
            outcome["beside"] = "published"
        except PublishRefused:
            outcome["beside"] = "refused"
        finally:
            done.set()
            connection.close()

    page_published.connect(hold_the_publish)
    try:
        side_by_side(publish_rightfully, publish_beside)
    finally:
        page_published.disconnect(hold_the_publish)

    assert outcome == {"rightful": 302, "beside": "refused"}
    assert fresh(response_a).live and not fresh(other).live


def another_draft(index, council, secretary):
    page = HearingResponsePageFactory(
        parent=index, hearing=HearingFactory(council=council), slug="andet-svar"
    )
    page.save_revision(user=secretary)
    return page


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_publish_scheduled_runs_at_once_publish_once(
    response_a, secretary_a, chair_a, monkeypatch
):
    go_live = local(timezone.now() + datetime.timedelta(hours=2))
    chair, url, data = approval_request(
        response_a, secretary_a, chair_a, None, go_live_at=go_live
    )
    client = Client()
    client.force_login(chair)
    client.post(url, data)
    assert fresh(response_a).get_latest_revision().approved_go_live_at
    moment = timezone.now() + datetime.timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    both_know = threading.Barrier(2, timeout=20)
    find_due = Scheduler._due_revision_ids

    def due_then_wait(self):
        due = find_due(self)
        both_know.wait()  # both runs have read the same due revision
        return due

    monkeypatch.setattr(Scheduler, "_due_revision_ids", due_then_wait)

    def run():
        try:
            call_command("publish_scheduled")
        finally:
            connection.close()

    side_by_side(run, run)

    logs = PageLogEntry.objects.filter(
        page_id=response_a.pk, action="wagtail.publish.scheduled"
    )
    assert fresh(response_a).live
    assert logs.count() == 1
