"""Seed the theme vocabulary in the default (Danish) locale."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify

THEMES = [
    "Fattigdom",
    "Sundhed",
    "Hjemløshed",
    "Misbrug",
    "Vold",
    "Psykiatri",
    "Integration og inklusion",
    "Bolig",
    "Beskæftigelse",
    "Børn og unge",
    "Ensomhed",
]


def seed_themes(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("hearings", "Theme")
    language = settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        locale = Locale.objects.create(language_code=language)
    for name in THEMES:
        slug = slugify(name, allow_unicode=True)
        if not Theme.objects.filter(locale=locale, slug=slug).exists():
            Theme.objects.create(
                name=name, slug=slug, locale=locale, translation_key=uuid.uuid4()
            )


def unseed_themes(apps, schema_editor):
    Theme = apps.get_model("hearings", "Theme")
    slugs = [slugify(name, allow_unicode=True) for name in THEMES]
    Theme.objects.filter(slug__in=slugs, hearings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hearings", "0002_hearings_themes_and_responses"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed_themes, unseed_themes)]
