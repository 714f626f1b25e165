"""Staff who switch a notification off in their account get no such mail.

Wagtail's account settings have "submitted", "approved" and "rejected"
switches; the council's own mails honour them like Wagtail's would.
"""

from wagtail.users.models import UserProfile

from tests.workflows.conftest import recipients


def fresh_live(page):
    page.refresh_from_db()
    return page.live


def switch_off(user, notification):
    profile = UserProfile.get_for_user(user)
    setattr(profile, f"{notification}_notifications", False)
    profile.save()


def test_a_chair_who_switched_off_submissions_is_not_mailed(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    switch_off(vice_chair_a, "submitted")

    admin.submit(secretary_a, response_a)

    assert recipients() == [chair_a.email]


def test_a_secretary_who_switched_off_approvals_is_not_told(
    admin, response_a, secretary_a, chair_a
):
    switch_off(secretary_a, "approved")
    admin.submit(secretary_a, response_a)

    admin.approve(chair_a, response_a)

    assert fresh_live(response_a)
    assert secretary_a.email not in recipients()


def test_a_secretary_who_switched_off_rejections_is_not_told(
    admin, response_a, secretary_a, chair_a
):
    switch_off(secretary_a, "rejected")
    admin.submit(secretary_a, response_a)

    admin.reject(chair_a, response_a, comment="Gør det kortere.")

    assert secretary_a.email not in recipients()


def test_the_control_everyone_is_mailed_by_default(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    admin.reject(chair_a, response_a, comment="Gør det kortere.")

    assert chair_a.email in recipients() and vice_chair_a.email in recipients()
    assert secretary_a.email in recipients()
