"""Writes about a council's people, for its own secretariat: inviting a
person, changing their role within the council, deactivating them, and
keeping their choices (cms.MemberProfile).

Wagtail's Users and Groups screens are platform-wide (add_user and
change_user reach every council's people), so the secretariat works
through these functions instead, each bound to one council: a role is one
of that council's own groups, never a platform group or another council's.
A council always keeps one active person in its secretariat, or nobody
could manage it any more.

The invited person sets their own password from a link in their mail
(Django's password-reset token: it stops working once used, when the
password changes, and after PASSWORD_RESET_TIMEOUT).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from cms.background_tasks import enqueue_on_commit
from cms.models import CouncilGroup, CouncilRole, CouncilSettings, MemberProfile
from cms.selectors import active_secretaries, council_group, person_roles
from cms.tenancy import user_council_ids
from cms.text_checks import cpr_numbers_in

INVITATION_MAIL = "cms/mail/invitation"


def person_invite(*, council, name, email, role):
    """A new person in one of the council's roles, without a password; a
    mail with a link to set one goes out once the transaction commits."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    _refuse_taken_address(council=council, email=email)
    first_name, last_name = _name_parts(name)
    with transaction.atomic():
        person = get_user_model()(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        person.set_unusable_password()
        person.full_clean()
        person.save()
        person.groups.add(council_group(site=council, role=role))
        MemberProfile.objects.create(user=person)
    enqueue_on_commit(person_invitation_task, person.pk, council.pk)
    return person


def person_invitation_resend(*, council, person):
    """The invitation again, for a person who has not set a password yet."""
    if person.has_usable_password() or not person.is_active:
        raise ValidationError(_("This person has already chosen a password."))
    enqueue_on_commit(person_invitation_task, person.pk, council.pk)


def _refuse_taken_address(*, council, email):
    """One account per address. Whose it is, if not this council's, is not
    told: that would reveal another council's person."""
    taken = get_user_model().objects.filter(
        Q(username__iexact=email) | Q(email__iexact=email)
    )
    owner = next(iter(taken), None)
    if owner is None:
        return
    if council.pk in user_council_ids(owner):
        raise ValidationError(
            {"email": _("This address already belongs to one of the council's people.")}
        )
    raise ValidationError(
        {
            "email": _(
                "This address cannot be invited. Ask the platform administrator "
                "for help."
            )
        }
    )


def _name_parts(name):
    """(first name, last name): the last word is the last name."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Write the person's name.")})
    if cpr_numbers_in(name):
        raise ValidationError({"name": _("A name cannot contain a CPR number.")})
    first, _space, last = name.rpartition(" ")
    return (first, last) if first else (last, "")


@task()
def person_invitation_task(person_id, council_id):
    """Mail the invitation (background; cms.background_tasks)."""
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    council = Site.objects.filter(pk=council_id).first()
    if person is None or council is None or person.has_usable_password():
        return False
    person_invitation_send(person=person, council=council)
    return True


def person_invitation_send(*, person, council):
    """The invitation mail, in Danish, with a link to set a password."""
    details = CouncilSettings.for_site(council)
    token = default_token_generator.make_token(person)
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": token,
        },
    )
    context = {
        "person": person,
        "council_name": details.name,
        "link": link,
        "username": person.get_username(),
        "days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        "roles": [
            CouncilRole(r).label for r in person_roles(council=council, person=person)
        ],
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{INVITATION_MAIL}_subject.txt", context)
        body = render_to_string(f"{INVITATION_MAIL}.txt", context)
    reply_to = [details.email] if details.email else None
    EmailMessage(
        " ".join(subject.split()), body, to=[person.email], reply_to=reply_to
    ).send()


def person_role_set(*, council, person, role):
    """The person holds this one role in the council (and no other of its)."""
    links = CouncilGroup.objects.filter(site=council).select_related("group")
    with transaction.atomic():
        if role != CouncilRole.SECRETARIAT:
            _refuse_last_secretary(council=council, person=person, field="role")
        person.groups.remove(*[link.group for link in links])
        person.groups.add(council_group(site=council, role=role))


def person_active_set(*, council, person, active, by):
    """Deactivate (no login, nothing deleted) or reactivate a person."""
    if not active:
        if person.pk == by.pk:
            raise ValidationError(_("You cannot deactivate yourself."))
        if user_council_ids(person) - {council.pk}:
            raise ValidationError(
                _(
                    "This person also serves another council. Ask the platform "
                    "administrator."
                )
            )
    with transaction.atomic():
        if not active:
            _refuse_last_secretary(council=council, person=person, field=None)
        person.is_active = active
        person.save(update_fields=["is_active"])


def _refuse_last_secretary(*, council, person, field):
    """Inside a transaction: the council's secretariat group row is locked,
    so two secretaries removing each other at once cannot both succeed."""
    CouncilGroup.objects.select_for_update().filter(
        site=council, role=CouncilRole.SECRETARIAT
    ).first()
    secretaries = active_secretaries(council=council)
    if not secretaries.filter(pk=person.pk).exists():
        return
    if not secretaries.exclude(pk=person.pk).exists():
        message = _(
            "The council must keep at least one active person in its secretariat. "
            "Give someone else that role first."
        )
        raise ValidationError({field: message} if field else message)


def phone_consent_time(*, saved_phone, saved_consent_at, phone, consent):
    """When the consent to this number was given: kept for the same number,
    now for a new number or new consent, none without number or consent."""
    if not phone or not consent:
        return None
    if phone == saved_phone and saved_consent_at is not None:
        return saved_consent_at
    return timezone.now()


def member_profile_save(*, person, choices, phone_consent):
    """Save a person's choices; a phone number only with consent recorded."""
    profile, _created = MemberProfile.objects.get_or_create(user=person)
    saved_phone, saved_consent_at = profile.phone, profile.phone_consent_at
    for name, value in choices.items():
        setattr(profile, name, value)
    profile.phone_consent_at = phone_consent_time(
        saved_phone=saved_phone,
        saved_consent_at=saved_consent_at,
        phone=profile.phone,
        consent=phone_consent,
    )
    profile.full_clean()
    profile.save()
    return profile


def member_phone_delete(*, person):
    """Remove the phone number and its consent. MemberProfile keeps no
    history, and an update writes no log entry: no copy remains."""
    MemberProfile.objects.filter(user=person).update(
        phone="", phone_consent_at=None, remind_by_sms=False
    )
