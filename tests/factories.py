"""Factories for the test suite: real rows, built the way the product builds them."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.models import CouncilSettings
from cms.selectors import council_group
from hearings.models import Hearing, HearingResponsePage, Theme
from pages.models import ContentPage, MeetingMinutesPage, MeetingPage
from workflows.publish_guard import bootstrap

TEST_PASSWORD = "en-lang-test-adgangskode"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def council_role(self, create, extracted, **kwargs):
        """council_role=(site, role) puts the user in that council group."""
        if create and extracted:
            site, role = extracted
            self.groups.add(council_group(site=site, role=role))
        if create:
            self.save()


def publish_fixture(page, user=None):
    """Publish the page's current state to set the scene of a test. Pages go
    live only by the chairs' approval (workflows.publish_guard); a fixture
    is laid out like the platform's own skeleton pages instead."""
    with bootstrap(reason="test fixture"):
        page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


class FixturePageFactory(wagtail_factories.PageFactory):
    """Pages made live by a factory are fixtures (see publish_fixture)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with bootstrap(reason="test fixture"):
            return super()._create(model_class, *args, **kwargs)


class ContentPageFactory(FixturePageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Side {n}")
    introduction = "En kort indledning."


class MeetingPageFactory(FixturePageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Rådsmøde {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(7))
    location = "Rådhuset, mødelokale 2"


class MeetingMinutesPageFactory(FixturePageFactory):
    """The minutes page of a meeting; pass parent=<MeetingPage>."""

    class Meta:
        model = MeetingMinutesPage

    title = "Referat"
    slug = "referat"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda t: slugify(t.name, allow_unicode=True))
    locale = factory.LazyFunction(Locale.get_default)


class HearingFactory(factory.django.DjangoModelFactory):
    """A hearing; pass council=<site>. Deadline four weeks after receipt."""

    class Meta:
        model = Hearing
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Høring om forslag nr. {n}")
    committee = "Socialudvalget"
    case_number = factory.Sequence(lambda n: f"27.00.00-P20-{n}-25")
    contact_email = "hoering@eksempelby.dk"
    received_on = factory.LazyFunction(
        lambda: timezone.localdate() - timezone.timedelta(days=7)
    )
    deadline = factory.LazyAttribute(
        lambda h: h.received_on + timezone.timedelta(days=28)
    )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class HearingResponsePageFactory(FixturePageFactory):
    """A draft response; pass parent=<index page> and hearing=<hearing>.
    published=True publishes it as a fixture (see publish_fixture)."""

    class Meta:
        model = HearingResponsePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Høringssvar {n}")
    live = False
    easy_read_summary = "Rådet siger ja. Men der skal være plads til alle."
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Rådet har læst forslaget.</p>"))]
    )
    signed_by = "Formanden"
    signer_role = "Formand for rådet"

    @factory.post_generation
    def published(self, create, extracted, **kwargs):
        if create and extracted:
            publish_fixture(self)


def council_settings_form(site, *places, committees=(), **changes):
    """What the council settings editor posts: the council's current details
    (with changes), the given meeting places and the municipality's given
    committees as new inline forms."""
    council = CouncilSettings.for_site(site)
    return {
        "name": council.name,
        "municipality": council.municipality,
        "logo": council.logo_id or "",
        "email": council.email,
        "phone": council.phone,
        "address": council.address,
        "agenda_days_ahead": council.agenda_days_ahead,
        "hearing_email": council.hearing_email,
        "municipality_recipient": council.municipality_recipient,
        "municipality_street": council.municipality_street,
        "municipality_postcode": council.municipality_postcode,
        "municipality_town": council.municipality_town,
        **_inline_rows("meeting_places", places),
        **_inline_rows("committees", committees),
        **changes,
    }


def _inline_rows(relation, rows):
    """An inline panel's management form and its rows, all new."""
    data = {
        f"{relation}-TOTAL_FORMS": str(len(rows)),
        f"{relation}-INITIAL_FORMS": "0",
        f"{relation}-MIN_NUM_FORMS": "0",
        f"{relation}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        for field, value in row.items():
            data[f"{relation}-{number}-{field}"] = value
        data[f"{relation}-{number}-ORDER"] = str(number + 1)
    return data
