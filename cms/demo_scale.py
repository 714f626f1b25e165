"""A national-scale fictitious data set: many councils, each with many
hearings and a published response to every one (seed_scale, make bench).

Councils are made by council_create, like every other council. Their
responses would take minutes through Page.add_child, save_revision and
publish one by one (each walks the tree, writes a revision, a log entry, a
search entry and a reference entry). They are therefore written in batches
with the same outcome: tree rows numbered the way treebeard numbers them
(Page.alphabet, Page.steplen), one live revision each, the log entries of a
creation and a publication, the search index and the search's suggestion
words, the reference index, and the council's page cache emptied after
commit. The pages then behave like any other published page (URLs, search,
the cache); tests/cms/test_seed_scale.py compares them with a response
published the normal way.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from cms.demo_texts import DanishTexts, town_names
from cms.models import CouncilRole
from cms.page_cache import page_cache_invalidate
from cms.selectors import council_group
from cms.services import council_create
from cms.slugs import ascii_slug
from hearings.models import Hearing, HearingResponsePage, PointsUsed, Theme
from hearings.selectors import hearing_index_for
from pages.services import search_words_add

SIZES = {
    # name: (councils, hearings per council)
    "demo": (2, 10),
    "national": (45, 200),
    "country": (350, 30),
}
BATCH = 500
HOSTNAME = "raad-{number:03d}.bench.localhost"


@dataclass
class ScaleResult:
    councils: int = 0
    hearings: int = 0
    responses: int = 0


def scale_seed(*, councils, hearings, port=80, seed=14, out=None):
    """Create councils 1..councils (those missing) with `hearings` hearings
    each, every one answered by a published response."""
    texts = DanishTexts(seed)
    result = ScaleResult()
    names = town_names()
    for number in range(1, councils + 1):
        town = next(names)
        with transaction.atomic():
            site = _council_ensure(town, number, port)
            made = _hearings_ensure(site=site, count=hearings, texts=texts)
            result.councils += 1
            result.hearings += len(made)
            result.responses += _responses_publish(site=site, hearings=made)
            page_cache_invalidate(site_ids=[site.pk])
        if out is not None:
            out(f"{number}/{councils} {town}")
    _statistics_refresh()
    return result


def _statistics_refresh():
    """Let PostgreSQL's planner see the rows just loaded (autovacuum would,
    minutes later): until then it plans for empty tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _council_ensure(town, number, port):
    site = council_create(
        name=f"Udsatterådet i {town}",
        municipality=f"{town} Kommune",
        hostname=HOSTNAME.format(number=number),
        port=port,
    ).site
    _people_ensure(site, number)
    return site


def _people_ensure(site, number):
    """A secretary and a chair (no password: the bench logs them in)."""
    User = get_user_model()
    for role, word in (
        (CouncilRole.SECRETARIAT, "sekretaer"),
        (CouncilRole.CHAIRS, "formand"),
    ):
        user, created = User.objects.get_or_create(
            username=f"{word}-{number:03d}",
            defaults={"email": f"{word}-{number:03d}@bench.example"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(council_group(site=site, role=role))


def _hearings_ensure(*, site, count, texts):
    """The council's scale hearings beyond those it has: count in all."""
    have = Hearing.objects.filter(council=site, case_number__startswith="SKALA-")
    start = have.count()
    today = timezone.localdate()
    made = [_hearing(site, n, texts, today) for n in range(start, count)]
    made = bulk_create_with_history(made, Hearing, batch_size=BATCH)
    made = list(
        Hearing.objects.filter(
            council=site, case_number__in=[h.case_number for h in made]
        )
    )
    themes = list(Theme.objects.filter(locale=Locale.get_default()))
    links = [
        Hearing.themes.through(hearing_id=hearing.pk, theme_id=theme.pk)
        for index, hearing in enumerate(made)
        for theme in (
            themes[index % len(themes)],
            themes[(index * 7 + 3) % len(themes)],
        )
    ]
    Hearing.themes.through.objects.bulk_create(links, ignore_conflicts=True)
    return made


def _hearing(site, number, texts, today):
    """One hearing, the older the higher its number (about ten years)."""
    received = today - datetime.timedelta(days=40 + number * 3650 // 300 % 3650)
    deadline = received + datetime.timedelta(days=28)
    decided = number % 3 == 0
    return Hearing(
        council=site,
        case_number=f"SKALA-{site.pk}-{number:05d}",
        title=texts.hearing_title(),
        summary=texts.paragraph(2),
        committee=texts.committee(),
        contact_email=f"hoering{site.pk}@bench.example",
        received_on=received,
        deadline=deadline,
        decided_on=deadline + datetime.timedelta(days=30) if decided else None,
        decision_summary=texts.paragraph(1) if decided else "",
        points_used=PointsUsed.PARTLY if decided else PointsUsed.UNKNOWN,
    )


def _responses_publish(*, site, hearings):
    index = hearing_index_for(council=site).specific
    chair = council_group(site=site, role=CouncilRole.CHAIRS).user_set.first()
    texts = DanishTexts(site.pk)
    done = 0
    for start in range(0, len(hearings), BATCH):
        batch = hearings[start : start + BATCH]
        pages = _pages_create(index, batch, chair, texts, first_child=index.numchild)
        index.numchild += len(pages)
        done += len(pages)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + done)
    return done


def _path(parent_path, position):
    """The treebeard path of the parent's child number `position` (1-based)."""
    alphabet, steplen = Page.alphabet, Page.steplen
    digits = ""
    while position:
        position, rest = divmod(position, len(alphabet))
        digits = alphabet[rest] + digits
    return parent_path + digits.rjust(steplen, alphabet[0])


def _pages_create(index, hearings, chair, texts, *, first_child):
    content_type = ContentType.objects.get_for_model(HearingResponsePage)
    pages = [
        _page(index, hearing, chair, texts, first_child + offset + 1, content_type)
        for offset, hearing in enumerate(hearings)
    ]
    base = Page.objects.bulk_create([_base_page(page) for page in pages])
    for page, row in zip(pages, base, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
        # The specific row only; the Page row above holds the rest.
        page.save_base(raw=True, force_insert=True)
    _revisions_create(pages, chair)
    _logs_create(pages, chair, content_type)
    _indexes_update(pages)
    return pages


def _page(index, hearing, chair, texts, position, content_type):
    with translation.override(index.locale.language_code):
        title = _("Response: %(title)s") % {"title": hearing.title}
    slug = f"{ascii_slug(hearing.title)[:50].strip('-')}-{hearing.pk}"
    published = timezone.make_aware(
        datetime.datetime.combine(
            hearing.deadline - datetime.timedelta(days=2), datetime.time(10)
        )
    )
    return HearingResponsePage(
        title=title[:255],
        draft_title=title[:255],
        slug=slug,
        path=_path(index.path, position),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        content_type=content_type,
        locale_id=index.locale_id,
        translation_key=uuid.uuid4(),
        owner=chair,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        latest_revision_created_at=published,
        hearing=hearing,
        signed_on=published.date(),
        **_response_content(texts),
    )


def _response_content(texts):
    return {
        "introduction": texts.council_view(),
        "easy_read_summary": texts.easy_read(),
        "body": [
            ("paragraph", RichText(f"<p>{texts.paragraph(3)}</p>")),
            ("heading", {"text": "Det vil rådet gerne fremhæve", "level": "h2"}),
            ("paragraph", RichText(f"<p>{texts.paragraph(2)}</p>")),
            ("quote", {"text": texts.quote(), "source": "Rådsmedlem"}),
            (
                "recommendations",
                {"heading": "Rådet anbefaler", "items": texts.wishes()},
            ),
        ],
        "signed_by": "Formandskabet",
        "signer_role": "På vegne af rådet",
    }


def _base_page(page):
    """The Page row of a specific page: its Page fields, nothing else."""
    return Page(
        **{
            field.attname: getattr(page, field.attname)
            for field in Page._meta.concrete_fields
            if not field.primary_key
        }
    )


def _revisions_create(pages, chair):
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                user=chair,
                created_at=page.first_published_at,
                content=page.serializable_data(),
                object_str=page.title,
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])


def _logs_create(pages, chair, content_type):
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=content_type,
            page_id=page.pk,
            label=page.title,
            action=action,
            timestamp=page.first_published_at,
            user=chair,
            revision_id=page.latest_revision_id,
            content_changed=True,
            data={},
        )
        for page in pages
        for action in ("wagtail.create", "wagtail.publish")
    )


def _indexes_update(pages):
    for backend in get_search_backends():
        backend.add_bulk(HearingResponsePage, pages)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    search_words_add(pages=pages)
