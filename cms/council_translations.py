"""Services for the second locale: translating pages with wagtail-localize.

Danish is the source. A translation is a wagtail-localize Translation of the
Danish page, so later edits flow through its translation editor and slugs
and dates stay synchronised; this module fills strings the system itself
knows (standard page titles) and lets demo content be translated the same
way an editor would.
"""

from django.conf import settings
from django.utils import translation as i18n
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.models import CouncilSettings
from hearings.models.index import HEARING_INDEX_SLUG
from workflows.publish_guard import bootstrap


def other_locales():
    """Every content locale but the default (Danish) one."""
    return Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)


def page_translation_save(*, page, locale, strings, user=None, publish=False):
    """Translate ``page`` into ``locale`` and return the translated page.

    ``strings`` maps content paths (``"title"``, ``"introduction"``,
    ``"body.<block id>"``…) to their translation; untranslated segments keep
    the source text, as wagtail-localize does. The translation is saved as a
    draft revision and published only when ``publish`` is true: a hearing
    response is published by the chair's approval, never from here.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    for segment in segments:
        if segment.context.path in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.context.path],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    # save_target(publish=True) would defer publishing to on_commit; publish
    # here instead, so the caller's transaction decides for all of it.
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated


# English titles of the pages every council starts with, by Danish slug.
STANDARD_TITLES = {
    "en": {
        HEARING_INDEX_SLUG: "Hearing responses",
        "moeder": "Meetings",
        "om-raadet": "About the council",
        "tilgaengelighed": "Accessibility statement",
    }
}


def council_translations_ensure(*, site):
    """Give a council's home and standard pages a live page in every locale.

    Without a live translated home page, /en/ would fall back to the Danish
    tree; with one, an untranslated page under /en/ is simply not found.
    Returns the titles of the pages created.
    """
    created = []
    home = site.root_page.specific
    for locale in other_locales():
        titles = STANDARD_TITLES.get(locale.language_code, {})
        pages = [home] + [
            child.specific
            for child in home.get_children().filter(slug__in=list(titles))
        ]
        for page in pages:
            if page.has_translation(locale):
                continue
            strings = {"title": titles.get(page.slug, page.title)}
            if page.pk == home.pk:
                strings["introduction"] = _home_introduction(site, locale)
            with bootstrap(reason="council_translations_ensure"):
                page_translation_save(
                    page=page, locale=locale, strings=strings, publish=True
                )
            created.append(f"{strings['title']} ({locale.language_code})")
    return created


def _home_introduction(site, locale):
    municipality = CouncilSettings.for_site(site).municipality
    with i18n.override(locale.language_code):
        return gettext("The council for socially vulnerable citizens in %(m)s.") % {
            "m": municipality
        }
