from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Theme(TranslatableMixin, models.Model):
    """A word from the shared vocabulary of what hearings are about.

    A fixed vocabulary (not free tags) lets a council's readers filter by
    theme, and later lets the national network compare councils by theme.
    Translatable, so the English site names the same themes in English.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in addresses, e.g. when a reader filters by theme."),
    )

    # The name is translated; the slug is the same in every language, so a
    # theme filter link works on the Danish and the English site alike.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_theme_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


def themes_for_display(*, locale=None):
    """Themes with ``display_name``: their name in the active (or given) locale.

    Hearings point at the Danish themes; the English site shows the English
    translation of each where one exists, in the same single query.
    """
    if locale is None:
        # The active language's locale joined in the one query, not looked
        # up first (a query of its own on every page that shows themes). A
        # language without a locale finds no name and keeps the Danish one,
        # as Locale.get_active() falling back to the default would.
        in_locale = {"locale__language_code": _active_content_language()}
    else:
        in_locale = {"locale": locale}
    translated = Theme.objects.filter(
        translation_key=OuterRef("translation_key"), **in_locale
    ).values("name")[:1]
    return Theme.objects.annotate(
        display_name=Coalesce(Subquery(translated), F("name"))
    ).order_by("display_name")


def _active_content_language():
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE
