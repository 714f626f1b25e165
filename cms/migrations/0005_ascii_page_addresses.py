"""Existing pages get plain ASCII addresses; their old addresses redirect.

Pages made before the ASCII rule (cms.slugs) could have slugs such as
"nye-åbningstider". Each such slug is spelled out the Danish way, free among
its siblings; the url_path of the page and of every page below it follows.
Every live page whose address changed (its own slug or an ancestor's) gets a
permanent redirect from its old path on each council site that shows it, in
each language's prefix, so printed posters, letters, mails and feeds keep
working. Revisions keep the new slug, so editors see it in the editor.

Forward only: going back leaves the ASCII addresses and the redirects.
"""

from django.conf import settings
from django.db import migrations

from cms.slugs import ascii_slug, free_slug

# Wagtail's page tree is a treebeard materialised path, four characters a level.
STEPLEN = 4


def pages_rewrite(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    old_urls = {
        page.pk: page.url_path
        for page in Page.objects.only("pk", "url_path")
        if not page.url_path.isascii()
    }
    if not old_urls:
        return
    own = [page.pk for page in Page.objects.order_by("path") if not page.slug.isascii()]
    for pk in own:
        page_slug_rewrite(apps, Page.objects.get(pk=pk))
    redirects_create(apps, old_urls)


def page_slug_rewrite(apps, page):
    """ASCII slug for ``page``; its url_path and its descendants' follow."""
    Page = apps.get_model("wagtailcore", "Page")
    siblings = Page.objects.filter(
        path__startswith=page.path[:-STEPLEN], depth=page.depth
    ).exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug = free_slug(ascii_slug(page.slug) or "side", taken)
    old_url = page.url_path
    new_url = old_url[: -len(page.slug) - 1] + slug + "/"
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=new_url)
    below = Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)
    for descendant in below.only("pk", "url_path"):
        Page.objects.filter(pk=descendant.pk).update(
            url_path=new_url + descendant.url_path[len(old_url) :]
        )
    revisions_slug_rewrite(apps, page.pk, old=page.slug, new=slug)


def revisions_slug_rewrite(apps, pk, *, old, new):
    Revision = apps.get_model("wagtailcore", "Revision")
    revisions = Revision.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=str(pk),
    )
    for revision in revisions.only("pk", "content"):
        if revision.content.get("slug") == old:
            revision.content["slug"] = new
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def redirects_create(apps, old_urls):
    """A permanent redirect per site from each live page's old path."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    live = Page.objects.filter(pk__in=old_urls, live=True).select_related("locale")
    sites = list(Site.objects.select_related("root_page"))
    for page in live:
        for site, old_path in old_paths(apps, page, old_urls, sites):
            Redirect.objects.update_or_create(
                site=site,
                old_path=old_path,
                defaults={"redirect_page": page, "is_permanent": True},
            )


def old_paths(apps, page, old_urls, sites):
    """(site, old path) for each site whose tree, in the page's language,
    holds the page; paths as Wagtail's redirects store them (no trailing
    slash), with the language prefix of i18n_patterns."""
    Page = apps.get_model("wagtailcore", "Page")
    language = page.locale.language_code
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    for site in sites:
        root = Page.objects.filter(
            translation_key=site.root_page.translation_key, locale_id=page.locale_id
        ).first()
        if root is None or not page.path.startswith(root.path):
            continue
        root_url = old_urls.get(root.pk, root.url_path)
        relative = old_urls[page.pk][len(root_url) - 1 :].rstrip("/")
        yield site, prefix + relative or "/"


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_remove_platform_wide_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(pages_rewrite, migrations.RunPython.noop, elidable=False),
    ]
