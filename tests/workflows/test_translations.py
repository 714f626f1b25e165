"""A translated response goes live only through the same chairs' approval.

The secretary translates in wagtail-localize's own views (submit for
translation, edit strings), sends the translation to the chairs with the
project's confirm view, and a chair approves it through Wagtail's workflow
action view — the same path as a Danish response.
"""

import pytest
from django.core import mail
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment

from workflows.translation_submit import page_translation

HOST = {"HTTP_HOST": "eksempelby.localhost"}


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def live_response(admin, response_a, secretary_a, chair_a):
    """The Danish response, approved and live."""
    admin.submit(secretary_a, response_a)
    admin.approve(chair_a, response_a)
    response_a.refresh_from_db()
    assert response_a.live
    return response_a


def translate(admin, user, page, english, title):
    """Create the English draft and translate its title, as the editor does."""
    admin.as_user(user)
    response = admin.client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    translated = page.get_translation(english)
    translation = page_translation(page=translated)
    segment = StringSegment.objects.get(
        source=translation.source, context__path="title"
    )
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.pk, segment.pk],
    )
    edited = admin.client.put(
        url, encode_multipart(BOUNDARY, {"value": title}), MULTIPART_CONTENT
    )
    assert edited.status_code in (200, 201), edited.content
    return translated


def submit_url(page):
    return reverse("workflows_translation_submit", args=[page.pk])


def test_translate_submit_approve_puts_the_english_page_live_under_en(
    admin, client, live_response, english, secretary_a, chair_a, vice_chair_a
):
    translated = translate(
        admin, secretary_a, live_response, english, "The council's reply"
    )
    assert not translated.live
    mail.outbox.clear()

    admin.as_user(secretary_a)
    confirm = admin.client.get(submit_url(translated))
    sent = admin._post(submit_url(translated), {})

    translated.refresh_from_db()
    assert confirm.status_code == 200
    assert sent.status_code == 302
    assert translated.workflow_in_progress
    assert not translated.live
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(
        [chair_a.email, vice_chair_a.email]
    )

    mail.outbox.clear()
    admin.approve(chair_a, translated)

    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "The council's reply"
    assert translated.slug == live_response.slug
    public = client.get(f"/en/hoeringssvar/{translated.slug}/", **HOST)
    assert public.status_code == 200
    assert "The council&#x27;s reply" in public.content.decode()
    # The municipality got the Danish response; a translation is not re-sent.
    assert mail.outbox and all(
        live_response.hearing.contact_email not in m.to for m in mail.outbox
    )


def test_secretary_cannot_publish_a_translation_directly(
    admin, live_response, english, secretary_a
):
    translated = translate(admin, secretary_a, live_response, english, "Reply")
    translation = page_translation(page=translated)

    response = admin._post(
        reverse("wagtailadmin_pages:edit", args=[translated.pk]),
        {"action": "publish"},
    )

    assert response.status_code in (302, 403)
    assert not Page.objects.get(pk=translated.pk).live
    assert translation.source.object_id == translated.translation_key


def test_a_cpr_number_in_the_translation_is_refused_and_nothing_kept(
    admin, live_response, english, secretary_a
):
    translated = translate(
        admin, secretary_a, live_response, english, "Reply about 010190-1234"
    )
    revisions_before = translated.revisions.count()

    refused = admin._post(submit_url(translated), {})

    translated.refresh_from_db()
    assert refused.status_code == 400
    assert "CPR" in refused.content.decode()
    assert not translated.workflow_in_progress
    assert translated.revisions.count() == revisions_before


def test_another_councils_staff_cannot_send_or_approve_it(
    admin, live_response, english, secretary_a, chair_a, secretary_b, chair_b
):
    translated = translate(admin, secretary_a, live_response, english, "Reply")

    for outsider in (secretary_b, chair_b):
        admin.as_user(outsider)
        # Another council's translation is not there for them: 404.
        assert admin.client.get(submit_url(translated)).status_code == 404
        assert admin._post(submit_url(translated), {}).status_code == 404
    translated.refresh_from_db()
    assert not translated.workflow_in_progress

    admin.as_user(secretary_a)
    admin._post(submit_url(translated), {})
    translated.refresh_from_db()
    admin.approve(chair_b, translated)

    translated.refresh_from_db()
    assert not translated.live
    assert translated.workflow_in_progress


def test_the_send_button_is_offered_only_for_a_translation_ready_to_send(
    admin, live_response, english, secretary_a
):
    translated = translate(admin, secretary_a, live_response, english, "Reply")
    explore_url = reverse("wagtailadmin_explore", args=[translated.get_parent().pk])

    before = admin.get(secretary_a, explore_url).content.decode()
    admin._post(submit_url(translated), {})
    after = admin.get(secretary_a, explore_url).content.decode()

    assert submit_url(translated) in before
    assert submit_url(translated) not in after
