"""Factories for the test suite: real rows, built the way the product builds them."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.selectors import council_group
from pages.models import ContentPage, MeetingPage

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


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Side {n}")
    introduction = "En kort indledning."


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Rådsmøde {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(7))
    location = "Rådhuset, mødelokale 2"
