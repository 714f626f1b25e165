"""Page addresses in plain ASCII, spelled the Danish way.

A council's addresses are printed on posters and letters and typed by hand
from them: "/hoeringssvar/nye-aabningstider/" can be typed on any phone,
"/hoeringssvar/nye-%C3%A5bningstider/" cannot. Danish has its own
transliteration (æ → ae, ø → oe, å → aa); other accented letters lose their
accent (é → e). The same rule serves the server (every page's clean), the
editor's slug field (Wagtail's slug widget, through its formatters) and the
data migration that rewrote the addresses of existing pages.
"""

from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
SLUG_MAX_LENGTH = 255


def ascii_slug(text):
    """``text`` as a lower-case ASCII slug, Danish letters spelled out."""
    for letter, spelled in DANISH_LETTERS.items():
        text = text.replace(letter, spelled)
    return slugify(text)[:SLUG_MAX_LENGTH].strip("-")


def slug_in_ascii(slug):
    """``slug`` itself if it is ASCII already (a page's address does not
    change for nothing), else spelled out by ascii_slug."""
    return slug if slug.isascii() else ascii_slug(slug)


def free_slug(base, taken):
    """``base``, or ``base-2``, ``base-3``… whichever no sibling has."""
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def ascii_slug_input():
    """The editor's slug field: Wagtail's slug widget spells Danish letters
    out before its own ASCII transliteration (which would drop æ and ø and
    turn å into a)."""
    return SlugInput(
        formatters=list(DANISH_LETTERS.items()),
        attrs={"data-w-slug-allow-unicode-value": "false"},
    )


class AsciiSlugMixin:
    """Every path that saves a page (the editor, services, demo seeding,
    translations, reverting to an old revision) cleans it: Wagtail's
    ``full_clean`` for live pages, ``minimal_clean`` for drafts. Both turn
    the slug into ASCII first, and a page without a slug gets one from its
    title, free among its siblings, before Wagtail would derive its own."""

    def full_clean(self, *args, **kwargs):
        self.ascii_slug_set()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.ascii_slug_set()
        super().minimal_clean()

    def ascii_slug_set(self):
        if self.slug:
            self.slug = slug_in_ascii(self.slug)
        elif self.title and self.path:
            siblings = self.get_parent().get_children().exclude(pk=self.pk)
            taken = set(siblings.values_list("slug", flat=True))
            self.slug = free_slug(ascii_slug(self.title), taken)
