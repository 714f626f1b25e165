"""The theme vocabulary is translated with wagtail-localize, slug kept."""

import pytest
from django.contrib.auth import get_user_model
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from hearings.models import Theme


@pytest.fixture
def platform_admin(db):
    return get_user_model().objects.create_superuser(
        "platform", "platform@example.org", "en-lang-test-adgangskode"
    )


def test_a_new_theme_is_translated_in_the_editor_and_keeps_its_slug(
    client, platform_admin
):
    english = Locale.objects.get(language_code="en")
    theme = Theme.objects.create(
        name="Rusmidler", slug="rusmidler", locale=Locale.get_default()
    )
    client.force_login(platform_admin)

    submitted = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["hearings", "theme", theme.pk],
        ),
        {"locales": [english.pk]},
    )
    translation = Translation.objects.get(
        source__object_id=theme.translation_key, target_locale=english
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        encode_multipart(BOUNDARY, {"value": "Drugs"}),
        MULTIPART_CONTENT,
    )
    published = client.post(
        reverse(
            "wagtailsnippets_hearings_theme:edit",
            args=[theme.get_translation(english).pk],
        ),
        {"action": "publish"},
    )

    english_theme = theme.get_translation(english)
    assert submitted.status_code == 302
    assert published.status_code == 302
    assert english_theme.name == "Drugs"
    assert english_theme.slug == "rusmidler"
    assert not StringSegment.objects.filter(
        source=translation.source, context__path="slug"
    ).exists()
