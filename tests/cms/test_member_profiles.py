"""A member's name reaches public pages only by their own choice, and a
phone number is kept only with consent."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import MemberProfile
from cms.selectors import public_member_name


@pytest.mark.django_db
def test_a_member_is_not_named_publicly_until_they_choose_to_be(member_a):
    member_a.first_name, member_a.last_name = "Rikke", "Holm"
    member_a.save()

    assert public_member_name(member_a) == ""

    MemberProfile.objects.create(user=member_a, publicly_named=True)

    assert public_member_name(member_a) == "Rikke Holm"


@pytest.mark.django_db
def test_a_phone_number_needs_consent(member_a):
    profile = MemberProfile(user=member_a, phone="+45 20 30 40 50")

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    assert "phone" in refused.value.message_dict
    profile.phone_consent_at = timezone.now()
    profile.full_clean()


@pytest.mark.django_db
def test_text_message_reminders_need_a_phone_number(member_a):
    profile = MemberProfile(user=member_a, remind_by_sms=True)

    with pytest.raises(ValidationError) as refused:
        profile.full_clean()

    assert "remind_by_sms" in refused.value.message_dict
