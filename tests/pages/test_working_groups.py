"""Working groups (issue 15.6), through the real admin and public views: the
secretariat keeps its council's groups, members write notes and draft texts
nobody else reads, a draft text becomes a response's draft, the groups'
meetings are in the public calendar, and only members who chose to be named
are named."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import CouncilSettings, MeetingPlace, MemberProfile
from hearings.models import HearingResponsePage
from hearings.selectors import hearing_status
from pages.working_groups.models import (
    WorkingGroup,
    WorkingGroupMeeting,
    WorkingGroupText,
    WorkingGroupTextKind,
)
from tests.factories import HearingFactory, HearingResponsePageFactory, UserFactory
from workflows.models import ChairApprovalTask

pytestmark = pytest.mark.django_db

CPR = "010190-1234"


def _group(council, *, name="Gruppen om boliger", members=(), **fields):
    group = WorkingGroup.objects.create(
        council=council,
        name=name,
        theme=fields.pop("theme", "Boliger til alle"),
        **fields,
    )
    group.members.set(members)
    return group


def _named(user, named=True):
    MemberProfile.objects.update_or_create(
        user=user, defaults={"publicly_named": named}
    )
    return user


def _place(council, name="Varmestuen Havnely", address="Havnevej 4, 9999 Eksempelby"):
    return MeetingPlace.objects.create(
        council_settings=CouncilSettings.for_site(council), name=name, address=address
    )


def _group_form(council, members=(), meetings=(), **changes):
    data = {
        "council": council.pk,
        "name": "Gruppen om natcaféen",
        "theme": "Et sted at være om natten",
        "members": [member.pk for member in members],
        "active": "on",
        "meetings-TOTAL_FORMS": str(len(meetings)),
        "meetings-INITIAL_FORMS": "0",
        "meetings-MIN_NUM_FORMS": "0",
        "meetings-MAX_NUM_FORMS": "1000",
    }
    for number, meeting in enumerate(meetings):
        for field, value in meeting.items():
            data[f"meetings-{number}-{field}"] = value
    data.update(changes)
    return data


def _error_fields(response):
    """The form's errors by field, its inline meetings' as "meetings"."""
    form = response.context["form"]
    errors = dict(form.errors)
    formset = getattr(form, "formsets", {}).get("meetings")
    meetings = formset.errors if formset is not None else []
    if any(meetings):
        errors["meetings"] = meetings
    return errors


# The secretariat keeps the groups ---------------------------------------


def test_the_secretariat_creates_a_group_with_members_and_a_meeting(
    client_as, council_a, secretary_a, member_a
):
    place = _place(council_a)
    client = client_as(secretary_a)
    form = _group_form(
        council_a,
        members=[member_a],
        meetings=[
            {"starts_at": "2026-12-14 16:00", "place": place.pk, "about": "Plan"}
        ],
    )

    response = client.post(reverse("working_groups:add"), form)

    assert response.status_code == 302, _error_fields(response)
    group = WorkingGroup.objects.get(name="Gruppen om natcaféen")
    assert group.council == council_a
    assert list(group.members.all()) == [member_a]
    assert group.meetings.get().place == place
    listing = client.get(reverse("working_groups:index"))
    assert "Gruppen om natcaféen" in listing.content.decode()


def test_the_secretariat_edits_a_group_and_each_save_is_a_version(
    client_as, council_a, secretary_a, member_a
):
    group = _group(council_a, members=[member_a])
    client = client_as(secretary_a)

    response = client.post(
        reverse("working_groups:edit", args=[group.pk]),
        _group_form(council_a, members=[member_a], name="Boliggruppen", active=""),
    )

    assert response.status_code == 302, _error_fields(response)
    group.refresh_from_db()
    assert (group.name, group.active) == ("Boliggruppen", False)
    assert group.history.latest().name == "Boliggruppen"
    assert group.history.earliest().name == "Gruppen om boliger"


def test_another_councils_person_is_refused_on_the_members_field(
    client_as, council_a, secretary_a, member_a, secretary_b
):
    client = client_as(secretary_a)

    response = client.post(
        reverse("working_groups:add"),
        _group_form(council_a, members=[member_a, secretary_b]),
    )

    assert response.status_code == 200
    assert list(_error_fields(response)) == ["members"]
    assert "Kun rådets egne folk" in str(_error_fields(response)["members"])
    assert not WorkingGroup.objects.exists()


def test_a_cpr_number_in_the_theme_is_refused_on_its_field(
    client_as, council_a, secretary_a
):
    response = client_as(secretary_a).post(
        reverse("working_groups:add"),
        _group_form(council_a, theme=f"Sagen om {CPR}"),
    )

    assert response.status_code == 200
    errors = _error_fields(response)
    assert list(errors) == ["theme"]
    assert "CPR-nummer" in str(errors["theme"])


def test_a_meeting_place_of_another_council_is_refused(
    client_as, council_a, council_b, secretary_a
):
    other = _place(council_b, name="Prøvestrup Medborgerhus")
    response = client_as(secretary_a).post(
        reverse("working_groups:add"),
        _group_form(
            council_a, meetings=[{"starts_at": "2026-12-14 16:00", "place": other.pk}]
        ),
    )

    assert response.status_code == 200
    assert not WorkingGroup.objects.exists()
    assert "Prøvestrup Medborgerhus" not in response.content.decode()


def test_members_read_their_councils_groups_but_do_not_keep_them(
    client_as, council_a, member_a
):
    group = _group(council_a, members=[member_a])
    client = client_as(member_a)

    assert (
        "Gruppen om boliger"
        in client.get(reverse("working_groups:index")).content.decode()
    )
    inspect = client.get(reverse("working_groups:inspect", args=[group.pk]))
    assert inspect.status_code == 200
    assert "Boliger til alle" in inspect.content.decode()
    # Wagtail answers a refused view by sending the user to the dashboard.
    for view, args in (("add", []), ("edit", [group.pk])):
        refused = client.get(reverse(f"working_groups:{view}", args=args))
        assert refused.status_code == 302
        assert refused["Location"] == reverse("wagtailadmin_home")
    client.post(reverse("working_groups:add"), _group_form(council_a))
    assert WorkingGroup.objects.count() == 1


@pytest.mark.parametrize("role", ["secretary_a", "member_a"])
@pytest.mark.parametrize("view", ["edit", "inspect", "delete", "history"])
def test_another_councils_group_is_not_found(request, client_as, council_b, role, view):
    group = _group(council_b, name="Prøvestrups hemmelige gruppe")
    client = client_as(request.getfixturevalue(role))

    response = client.get(reverse(f"working_groups:{view}", args=[group.pk]))

    assert response.status_code == 404
    listing = client.get(reverse("working_groups:index")).content.decode()
    assert "Prøvestrups hemmelige gruppe" not in listing


# Notes and draft texts ----------------------------------------------------


def _text_form(group, **changes):
    return {
        "group": group.pk,
        "kind": WorkingGroupTextKind.NOTE,
        "title": "Referat af gruppemødet",
        "text": "Vi talte om, hvor man kan sove om natten.",
        "written_on": "2026-12-01",
        **changes,
    }


def test_a_member_writes_a_note_in_their_group(client_as, council_a, member_a):
    group = _group(council_a, members=[member_a])
    client = client_as(member_a)

    response = client.post(reverse("working_group_texts:add"), _text_form(group))

    assert response.status_code == 302, _error_fields(response)
    note = WorkingGroupText.objects.get()
    assert (note.group, note.author) == (group, member_a)
    assert note.history.count() == 1
    listing = client.get(reverse("working_group_texts:index")).content.decode()
    assert "Referat af gruppemødet" in listing


def test_notes_are_read_by_the_group_and_the_secretariat_only(
    client_as, council_a, secretary_a, chair_a, member_a, secretary_b
):
    group = _group(council_a, members=[member_a])
    note = WorkingGroupText.objects.create(
        group=group,
        title="Gruppens egne noter",
        text="Kun til gruppen",
        author=member_a,
    )
    edit = reverse("working_group_texts:edit", args=[note.pk])
    index = reverse("working_group_texts:index")

    assert client_as(secretary_a).get(edit).status_code == 200
    for outsider in (chair_a, secretary_b):
        client = client_as(outsider)
        assert client.get(edit).status_code in (302, 404)
        assert "Gruppens egne noter" not in client.get(index).content.decode()
    assert client_as(secretary_b).get(edit).status_code == 404


def test_a_text_cannot_be_written_into_another_councils_group(
    client_as, council_a, council_b, member_a
):
    _group(council_a, members=[member_a])
    other = _group(council_b, name="Prøvestrups gruppe")

    response = client_as(member_a).post(
        reverse("working_group_texts:add"), _text_form(other)
    )

    assert response.status_code == 200
    assert list(_error_fields(response)) == ["group"]
    assert not WorkingGroupText.objects.exists()


def test_a_cpr_number_in_a_note_is_refused_on_its_field(client_as, council_a, member_a):
    group = _group(council_a, members=[member_a])
    response = client_as(member_a).post(
        reverse("working_group_texts:add"),
        _text_form(group, text=f"Borgeren med CPR {CPR} ringede."),
    )

    assert response.status_code == 200
    assert list(_error_fields(response)) == ["text"]
    assert not WorkingGroupText.objects.exists()


# A draft text becomes a response's draft ----------------------------------


@pytest.fixture
def draft_text(council_a, member_a):
    group = _group(council_a, members=[member_a])
    return WorkingGroupText.objects.create(
        group=group,
        kind=WorkingGroupTextKind.DRAFT,
        title="Udkast om herbergspladser",
        text="Rådet ønsker flere pladser.\n\nOg pladser til par.",
        author=member_a,
    )


def test_the_secretariat_makes_a_draft_text_a_responses_draft(
    client_as, council_a, index_a, secretary_a, draft_text
):
    hearing = HearingFactory(council=council_a, title="Forslag om herberget")
    answered = HearingFactory(council=council_a, title="Allerede besvaret")
    HearingResponsePageFactory(parent=index_a, hearing=answered)
    client = client_as(secretary_a)
    editor = client.get(reverse("working_group_texts:edit", args=[draft_text.pk]))
    url = reverse("hearings_group_drafts:respond", args=[draft_text.pk])
    assert url in editor.content.decode()

    choice = client.get(url).content.decode()
    assert "Forslag om herberget" in choice
    assert "Allerede besvaret" not in choice
    response = client.post(url, {"hearing": hearing.pk})

    page = HearingResponsePage.objects.get(hearing=hearing)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    paragraphs = [block.value.source for block in page.body]
    assert paragraphs == [
        "<p>Rådet ønsker flere pladser.</p>",
        "<p>Og pladser til par.</p>",
    ]
    opened = client.get(response["Location"])
    assert opened.status_code == 200
    assert "flere pladser." in opened.content.decode()
    # Still a draft for the chairs to approve: nobody has published it,
    # and the secretariat cannot.
    assert not page.live
    assert hearing_status(hearing=hearing) == "drafting"
    assert not page.permissions_for_user(secretary_a).can_publish()
    task = page.get_workflow().tasks.get().specific
    assert isinstance(task, ChairApprovalTask)


def test_a_hearing_with_a_response_cannot_be_chosen(
    client_as, council_a, index_a, secretary_a, draft_text
):
    answered = HearingFactory(council=council_a)
    HearingResponsePageFactory(parent=index_a, hearing=answered)
    url = reverse("hearings_group_drafts:respond", args=[draft_text.pk])

    response = client_as(secretary_a).post(url, {"hearing": answered.pk})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["hearing"]


@pytest.mark.parametrize("role", ["member_a", "chair_a", "secretary_b"])
def test_only_the_councils_secretariat_makes_a_draft_text_a_response(
    request, client_as, council_a, draft_text, role
):
    hearing = HearingFactory(council=council_a)
    url = reverse("hearings_group_drafts:respond", args=[draft_text.pk])
    client = client_as(request.getfixturevalue(role))

    assert client.get(url).status_code == 404
    assert client.post(url, {"hearing": hearing.pk}).status_code == 404
    assert not HearingResponsePage.objects.filter(hearing=hearing).exists()


# The public calendar and the home page -------------------------------------


@pytest.fixture
def public_group(council_a, member_a, chair_a):
    _named(chair_a)
    _named(member_a, named=False)
    hidden = UserFactory(first_name="Ulla", last_name="Usynlig")
    hidden.groups.add(*member_a.groups.all())
    group = _group(council_a, members=[chair_a, member_a, hidden])
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    WorkingGroupMeeting.objects.create(
        group=group,
        starts_at=starts,
        place=_place(council_a),
        about="Vi planlægger vinteren",
    )
    return group


def _feed_events(client, **extra):
    feed = icalendar.Calendar.from_ical(client.get("/kalender.ics", **extra).content)
    return {str(event["SUMMARY"]): event for event in feed.walk("VEVENT")}


def test_a_group_meeting_is_in_the_councils_ical_feed(
    client, public_group, chair_a, member_a
):
    events = _feed_events(client)
    event = events.get("Arbejdsgruppe: Gruppen om boliger")
    assert event is not None, list(events)

    assert event.decoded("DTSTART") == public_group.meetings.get().starts_at
    assert str(event["LOCATION"]) == "Varmestuen Havnely, Havnevej 4, 9999 Eksempelby"
    description = str(event["DESCRIPTION"])
    assert "Vi planlægger vinteren" in description
    assert chair_a.get_full_name() in description
    assert "og 2 andre medlemmer" in description
    assert member_a.get_full_name() not in description
    assert "Usynlig" not in description


def test_another_councils_feed_has_no_group_meetings_of_this_council(
    client, public_group, council_b
):
    events = _feed_events(client, HTTP_HOST="provestrup.localhost")

    assert not [name for name in events if "Gruppen om boliger" in name]


def test_the_home_page_lists_active_groups_naming_only_those_named(
    client, public_group, council_a, chair_a, member_a
):
    _group(council_a, name="Den lukkede gruppe", active=False)

    home = client.get("/").content.decode()

    assert "Gruppen om boliger" in home
    assert "Boliger til alle" in home
    assert f"{chair_a.get_full_name()} og 2 andre medlemmer" in home
    assert member_a.get_full_name() not in home
    assert "Den lukkede gruppe" not in home


def test_a_member_who_chooses_to_be_named_is_named(client, public_group, member_a):
    _named(member_a)

    home = client.get("/").content.decode()

    assert member_a.get_full_name() in home
    assert "og 1 andet medlem" in home


# With the home page's boxes kept among the council's fragments -------------


@pytest.fixture
def fragments_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 0
    settings.COUNCIL_FRAGMENT_TIMEOUT = 300


def test_a_members_choice_to_be_named_is_shown_once_it_is_saved(
    client, fragments_on, public_group, member_a, django_capture_on_commit_callbacks
):
    assert member_a.get_full_name() not in client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        _named(member_a)

    assert member_a.get_full_name() in client.get("/").content.decode()


def test_a_new_group_member_and_a_renamed_group_are_shown_on_the_home_page(
    client, fragments_on, public_group, council_a, django_capture_on_commit_callbacks
):
    assert "og 2 andre medlemmer" in client.get("/").content.decode()
    newcomer = _named(UserFactory(first_name="Niels", last_name="Nybo"))

    with django_capture_on_commit_callbacks(execute=True):
        public_group.members.add(newcomer)
        public_group.name = "Gruppen om varme boliger"
        public_group.save()

    home = client.get("/").content.decode()
    assert "Niels Nybo" in home
    assert "Gruppen om varme boliger" in home
