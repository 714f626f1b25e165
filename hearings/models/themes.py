from django.db import models
from django.utils.translation import gettext_lazy as _
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
