"""A council's secretariat manages its own people in the admin ("Rådets
personer"): invite, change a role, deactivate, the person's choices —
within its own council only, without Wagtail's platform-wide Users."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from cms.models import CouncilRole, MemberProfile
from cms.selectors import council_group
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = reverse("cms_people")
INVITE = reverse("cms_people_invite")


def person_url(person):
    return reverse("cms_person", args=[person.pk])


def invite(client, *, email="ny@example.org", role="members", name="Nina Nybo"):
    return client.post(INVITE, {"name": name, "email": email, "role": role})


def link_in(message):
    return re.search(r"http://testserver(/admin/\S+)", message.body).group(1)


# The list ------------------------------------------------------------------


def test_the_secretary_sees_the_councils_people_with_role_and_state(
    client_as, secretary_a, chair_a, member_a, secretary_b
):
    member_a.is_active = False
    member_a.save()

    page = client_as(secretary_a).get(PEOPLE).content.decode()

    assert "Rådets personer" in page
    assert chair_a.email in page and "Formandskab" in page
    assert member_a.email in page and "Nej, deaktiveret" in page
    assert secretary_b.email not in page and "Prøvestrup" not in page


def test_the_menu_offers_the_people_to_the_secretariat_only(
    client_as, secretary_a, chair_a, member_a
):
    assert (
        PEOPLE
        in client_as(secretary_a).get(reverse("wagtailadmin_home")).content.decode()
    )
    for user in (chair_a, member_a):
        home = client_as(user).get(reverse("wagtailadmin_home")).content.decode()
        assert PEOPLE not in home


@pytest.mark.parametrize("role", ["chair_a", "member_a"])
def test_chairs_and_members_cannot_manage_people(request, client_as, role, secretary_a):
    client = client_as(request.getfixturevalue(role))

    assert client.get(PEOPLE).status_code == 404
    assert invite(client).status_code == 404
    assert client.get(person_url(secretary_a)).status_code == 404
    response = client.post(person_url(secretary_a), {"action": "deactivate"})
    assert response.status_code == 404
    assert not get_user_model().objects.filter(email="ny@example.org").exists()
    secretary_a.refresh_from_db()
    assert secretary_a.is_active


def test_anonymous_visitors_are_sent_to_the_login(client, secretary_a):
    for url in (PEOPLE, INVITE, person_url(secretary_a)):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def test_wagtails_own_users_and_groups_stay_closed_to_the_secretary(
    client_as, secretary_a
):
    client = client_as(secretary_a)
    home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("wagtailusers_users:index") not in home
    assert reverse("wagtailusers_groups:index") not in home
    assert client.get(reverse("wagtailusers_users:index")).status_code == 404
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 404
    assert client.get(reverse("wagtailusers_users:add")).status_code == 404


# Inviting ------------------------------------------------------------------


def test_an_invited_person_joins_the_role_and_sets_a_password_from_the_mail(
    client, client_as, secretary_a, council_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_as(secretary_a), email="Nina@Example.org")

    assert response.status_code == 302
    person = get_user_model().objects.get(email="nina@example.org")
    assert (person.first_name, person.last_name) == ("Nina", "Nybo")
    assert list(person.groups.all()) == [
        council_group(site=council_a, role=CouncilRole.MEMBERS)
    ]
    assert not person.has_usable_password()
    assert MemberProfile.objects.filter(user=person, publicly_named=False).exists()
    (message,) = mail.outbox
    assert message.to == ["nina@example.org"]
    assert "Udsatterådet i Eksempelby" in message.subject
    assert "Vælg din adgangskode her" in message.body
    assert "nina@example.org" in message.body

    client.logout()
    form_url = client.get(link_in(message), follow=True).redirect_chain[-1][0]
    new_password = "Et nyt og langt kodeord 42"
    client.post(
        form_url, {"new_password1": new_password, "new_password2": new_password}
    )

    person.refresh_from_db()
    assert person.check_password(new_password)
    assert client.login(username="nina@example.org", password=new_password)


def test_the_invitation_link_works_once(
    client, client_as, secretary_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_as(secretary_a))
    client.logout()
    link = link_in(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "Kodeord nr 1 langt", "new_password2": "Kodeord nr 1 langt"},
    )

    again = client.get(link, follow=True).content.decode()

    assert "new_password1" not in again


def test_an_invitation_is_refused_with_danish_field_errors(
    client_as, secretary_a, chair_a
):
    client = client_as(secretary_a)

    own = invite(client, email=chair_a.email).content.decode()
    bad = invite(client, email="ikke-en-adresse", name="").content.decode()

    assert "tilhører allerede en af rådets personer" in own
    assert "Indtast en gyldig e-mail-adresse" in bad
    assert get_user_model().objects.filter(email=chair_a.email).count() == 1


def test_an_address_of_another_councils_person_is_refused_without_naming_them(
    client_as, secretary_a, secretary_b
):
    page = invite(client_as(secretary_a), email=secretary_b.email).content.decode()

    assert "kan ikke inviteres" in page
    assert secretary_b.get_full_name() not in page and "Prøvestrup" not in page
    assert list(secretary_b.groups.values_list("council_group__site", flat=True)) == [
        secretary_b.groups.get().council_group.site_id
    ]


def test_an_invited_person_can_only_get_one_of_the_councils_own_roles(
    client_as, secretary_a
):
    response = invite(client_as(secretary_a), role="superuser")

    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="ny@example.org").exists()


def test_a_cpr_number_in_the_name_is_refused(client_as, secretary_a):
    page = invite(client_as(secretary_a), name="Nina 010190-1234").content.decode()

    assert "CPR-nummer" in page
    assert not get_user_model().objects.filter(email="ny@example.org").exists()


# Roles ---------------------------------------------------------------------


def test_the_secretary_changes_a_persons_role_within_the_council(
    client_as, secretary_a, member_a, council_a
):
    response = client_as(secretary_a).post(
        person_url(member_a), {"action": "role", "role": "chairs"}
    )

    assert response.status_code == 302
    assert list(member_a.groups.all()) == [
        council_group(site=council_a, role=CouncilRole.CHAIRS)
    ]


def test_the_last_secretary_cannot_leave_the_secretariat(client_as, secretary_a):
    client = client_as(secretary_a)

    page = client.post(person_url(secretary_a), {"action": "role", "role": "members"})

    assert page.status_code == 400
    assert "mindst én aktiv person i sekretariatet" in page.content.decode()
    assert secretary_a.groups.get().council_group.role == CouncilRole.SECRETARIAT


def test_a_secretary_can_hand_over_when_another_is_active(
    client_as, secretary_a, council_a
):
    other = UserFactory(
        username="sekretaer-a2", council_role=(council_a, CouncilRole.SECRETARIAT)
    )

    response = client_as(secretary_a).post(
        person_url(secretary_a), {"action": "role", "role": "members"}
    )

    assert response.status_code == 302
    assert secretary_a.groups.get().council_group.role == CouncilRole.MEMBERS
    assert other.groups.get().council_group.role == CouncilRole.SECRETARIAT


def test_a_deactivated_secretary_does_not_count_as_the_secretariat(
    client_as, secretary_a, council_a
):
    UserFactory(
        username="sekretaer-a2",
        is_active=False,
        council_role=(council_a, CouncilRole.SECRETARIAT),
    )

    response = client_as(secretary_a).post(
        person_url(secretary_a), {"action": "role", "role": "members"}
    )

    assert response.status_code == 400


# Deactivating --------------------------------------------------------------


def test_a_deactivated_person_cannot_log_in_and_their_traces_stay(
    client, client_as, secretary_a, member_a
):
    response = client_as(secretary_a).post(
        person_url(member_a), {"action": "deactivate"}
    )

    assert response.status_code == 302
    member_a.refresh_from_db()
    assert not member_a.is_active
    assert get_user_model().objects.filter(pk=member_a.pk).exists()
    client.logout()
    assert not client.login(username=member_a.username, password=TEST_PASSWORD)
    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": member_a.username, "password": TEST_PASSWORD},
    )
    assert login.status_code == 200  # the form again, not the dashboard


def test_a_deactivated_persons_open_session_ends(
    client, client_as, secretary_a, member_a
):
    member_client = client_as(member_a)
    assert member_client.get(reverse("wagtailadmin_home")).status_code == 200
    member_a.is_active = False
    member_a.save()

    assert member_client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_deactivated_person_is_reactivated(client_as, secretary_a, member_a):
    member_a.is_active = False
    member_a.save()

    client_as(secretary_a).post(person_url(member_a), {"action": "reactivate"})

    member_a.refresh_from_db()
    assert member_a.is_active


def test_the_last_secretary_cannot_be_deactivated(client_as, secretary_a, superuser):
    response = client_as(superuser).post(
        person_url(secretary_a), {"action": "deactivate"}, follow=True
    )

    secretary_a.refresh_from_db()
    assert secretary_a.is_active
    assert "mindst én aktiv person i sekretariatet" in response.content.decode()


def test_a_secretary_cannot_deactivate_themselves(client_as, council_a, secretary_a):
    UserFactory(username="sekretaer-a2", council_role=(council_a, "secretariat"))

    response = client_as(secretary_a).post(
        person_url(secretary_a), {"action": "deactivate"}, follow=True
    )

    secretary_a.refresh_from_db()
    assert secretary_a.is_active
    assert "kan ikke deaktivere dig selv" in response.content.decode()


# The person's choices and phone number ----------------------------------------


def profile_data(**changes):
    data = {
        "action": "profile",
        "publicly_named": "on",
        "phone": "12 34 56 78",
        "phone_consent": "on",
        "remind_by_email": "on",
        "remind_by_sms": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_secretary_records_a_phone_number_with_consent(
    client_as, secretary_a, member_a
):
    before = timezone.now()

    response = client_as(secretary_a).post(person_url(member_a), profile_data())

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member_a)
    assert profile.publicly_named and profile.remind_by_sms
    assert profile.phone == "12345678"
    assert profile.phone_consent_at >= before


def test_a_phone_number_without_consent_is_refused(client_as, secretary_a, member_a):
    page = client_as(secretary_a).post(
        person_url(member_a), profile_data(phone_consent=None)
    )

    assert page.status_code == 400
    assert "gemmes kun med personens samtykke" in page.content.decode()
    assert not MemberProfile.objects.filter(user=member_a).exclude(phone="").exists()


def rows_containing(text):
    """The models with a row whose text (or JSON) column holds text."""
    found = []
    for model in apps.get_models():
        query, annotations = models.Q(), {}
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                query |= models.Q(**{f"{field.name}__contains": text})
            elif isinstance(field, models.JSONField):
                alias = f"{field.name}_as_text"
                annotations[alias] = Cast(field.name, models.TextField())
                query |= models.Q(**{f"{alias}__contains": text})
        rows = model._default_manager.annotate(**annotations)
        if query and rows.filter(query).exists():
            found.append(model.__name__)
    return found


def test_deleting_the_phone_number_leaves_no_copy(client_as, secretary_a, member_a):
    client = client_as(secretary_a)
    client.post(person_url(member_a), profile_data(phone="87654321"))
    assert rows_containing("87654321") == ["MemberProfile"]

    response = client.post(person_url(member_a), {"action": "delete_phone"})

    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member_a)
    assert (profile.phone, profile.phone_consent_at, profile.remind_by_sms) == (
        "",
        None,
        False,
    )
    assert rows_containing("87654321") == []


# Isolation -----------------------------------------------------------------


def test_another_councils_person_is_not_found(
    client_as, secretary_a, secretary_b, chair_b
):
    client = client_as(secretary_a)

    for person in (secretary_b, chair_b):
        assert client.get(person_url(person)).status_code == 404
        for action in ("deactivate", "delete_phone", "resend"):
            response = client.post(person_url(person), {"action": action})
            assert response.status_code == 404
        response = client.post(
            person_url(person), {"action": "role", "role": "members"}
        )
        assert response.status_code == 404
    chair_b.refresh_from_db()
    assert chair_b.is_active
    assert chair_b.groups.get().council_group.role == CouncilRole.CHAIRS


def test_a_platform_person_is_not_found(client_as, secretary_a, superuser):
    assert client_as(secretary_a).get(person_url(superuser)).status_code == 404


# A person's own choices, from their account ------------------------------------


def account_form_data(page):
    """What the account page's form posts as it stands (every panel)."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or (kind and kind.group(1) in ("submit", "file")):
            continue
        if kind and kind.group(1) in ("checkbox", "radio") and "checked" not in tag:
            continue
        checkable = kind and kind.group(1) in ("checkbox", "radio")
        data[name.group(1)] = value.group(1) if value else ("on" if checkable else "")
    for name, body in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S
    ):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_a_member_keeps_their_own_choices_in_their_account(client_as, member_a):
    client = client_as(member_a)
    url = reverse("wagtailadmin_account")
    page = client.get(url).content.decode()
    assert "Dine valg i rådet" in page
    data = account_form_data(page)

    data.update(
        {
            "member_choices-publicly_named": "on",
            "member_choices-phone": "23456789",
            "member_choices-phone_consent": "on",
            "member_choices-remind_by_sms": "on",
        }
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    profile = MemberProfile.objects.get(user=member_a)
    assert profile.publicly_named and profile.remind_by_sms
    assert profile.phone == "23456789" and profile.phone_consent_at is not None

    data = account_form_data(client.get(url).content.decode())
    data["member_choices-phone"] = ""
    data.pop("member_choices-remind_by_sms")
    client.post(url, data)

    profile.refresh_from_db()
    assert (profile.phone, profile.phone_consent_at) == ("", None)
    assert rows_containing("23456789") == []


def test_a_member_cannot_keep_a_number_without_consent(client_as, member_a):
    client = client_as(member_a)
    url = reverse("wagtailadmin_account")
    data = account_form_data(client.get(url).content.decode())
    data["member_choices-phone"] = "23456789"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "gemmes kun med personens samtykke" in response.content.decode()
    assert not MemberProfile.objects.filter(user=member_a).exclude(phone="").exists()


def test_the_platform_administrator_has_no_council_choices(client_as, superuser):
    page = client_as(superuser).get(reverse("wagtailadmin_account")).content.decode()

    assert "Dine valg i rådet" not in page
