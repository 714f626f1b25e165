"""Fictitious demo councils, people and content for trying Talerør locally.

Everything is idempotent: a second run finds what the first created and adds
nothing. All names, places and texts are invented for this project.
"""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from cms.demo_content import demo_content_seed
from cms.models import CouncilRole, CouncilSettings, MunicipalCommittee
from cms.selectors import council_group
from cms.services import council_create

DEMO_COUNCILS = [
    {
        "key": "eksempelby",
        "name": "Udsatterådet i Eksempelby",
        "municipality": "Eksempelby Kommune",
        "hostname": "eksempelby.localhost",
        "is_default": True,
        "email": "udsatteraad@eksempelby.example",
        "phone": "70 10 20 30",
        "address": "Udsatterådets sekretariat\nRådhuspladsen 1\n9999 Eksempelby",
        "hearing_email": "hoering@eksempelby.example",
        "municipality_recipient": "Eksempelby Kommune\nSocialforvaltningen",
        "municipality_street": "Rådhuspladsen 1",
        "municipality_postcode": "9999",
        "municipality_town": "Eksempelby",
        "committees": [
            ("Økonomiudvalget", ""),
            ("Socialudvalget", "socialudvalget@eksempelby.example"),
            ("Sundheds- og Ældreudvalget", ""),
            ("Beskæftigelsesudvalget", ""),
            ("Teknik- og Miljøudvalget", ""),
        ],
    },
    {
        "key": "provestrup",
        "name": "Udsatterådet i Prøvestrup",
        "municipality": "Prøvestrup Kommune",
        "hostname": "provestrup.localhost",
        "is_default": False,
        "email": "raadet@provestrup.example",
        "phone": "70 40 50 60",
        "address": "Socialforvaltningen\nTorvet 7\n9998 Prøvestrup",
        "hearing_email": "hoeringssvar@provestrup.example",
        "municipality_recipient": "Prøvestrup Kommune\nBorgernes Hus",
        "municipality_street": "Stationsvej 12",
        "municipality_postcode": "9998",
        "municipality_town": "Prøvestrup",
        "committees": [
            ("Økonomiudvalget", ""),
            ("Udvalget for Social og Omsorg", "omsorg@provestrup.example"),
            ("Arbejdsmarkedsudvalget", ""),
            ("Plan-, Bolig- og Miljøudvalget", ""),
        ],
    },
]

DEMO_USERS = [
    ("sekretaer-eksempelby", "eksempelby", CouncilRole.SECRETARIAT, "Sara", "Holm"),
    ("formand-eksempelby", "eksempelby", CouncilRole.CHAIRS, "Jens", "Bak"),
    ("naestformand-eksempelby", "eksempelby", CouncilRole.CHAIRS, "Aisha", "Nour"),
    ("medlem-eksempelby", "eksempelby", CouncilRole.MEMBERS, "Palle", "Vind"),
    ("sekretaer-provestrup", "provestrup", CouncilRole.SECRETARIAT, "Mette", "Lund"),
    ("formand-provestrup", "provestrup", CouncilRole.CHAIRS, "Ole", "Krog"),
]


@dataclass
class DemoResult:
    sites: dict = field(default_factory=dict)
    created_users: list[str] = field(default_factory=list)
    password: str | None = None
    password_generated: bool = False


def demo_seed(*, password=None, port=8000) -> DemoResult:
    """Create the demo councils, users and content; return what was made."""
    result = DemoResult()
    with transaction.atomic():
        for spec in DEMO_COUNCILS:
            result.sites[spec["key"]] = _demo_council_ensure(spec, port=port)
        _demo_users_ensure(result, password=password)
        for site in result.sites.values():
            _demo_content_ensure(site)
    return result


def _demo_council_ensure(spec, *, port):
    site = council_create(
        name=spec["name"],
        municipality=spec["municipality"],
        hostname=spec["hostname"],
        port=port,
        is_default=spec["is_default"],
    ).site
    settings = CouncilSettings.for_site(site)
    for attribute in DEMO_SETTINGS:
        if not getattr(settings, attribute):
            setattr(settings, attribute, spec[attribute])
    settings.full_clean()
    settings.save()
    if not settings.committees.exists():
        for order, (name, email) in enumerate(spec["committees"]):
            MunicipalCommittee.objects.create(
                council_settings=settings, name=name, email=email, sort_order=order
            )
    return site


# The settings a demo council is given where they are still empty.
DEMO_SETTINGS = (
    "email",
    "phone",
    "address",
    "hearing_email",
    "municipality_recipient",
    "municipality_street",
    "municipality_postcode",
    "municipality_town",
)


def _demo_users_ensure(result, *, password):
    User = get_user_model()
    missing = not User.objects.filter(username="admin").exists() or any(
        not User.objects.filter(username=u[0]).exists() for u in DEMO_USERS
    )
    if password is None and missing:
        password = secrets.token_urlsafe(12)
        result.password_generated = True
    result.password = password
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"email": "admin@talerør.example", "is_staff": True},
    )
    admin.is_superuser = admin.is_staff = True
    _password_apply(admin, created, password, result)
    for username, key, role, first, last in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@{key}.example",
            },
        )
        user.groups.add(council_group(site=result.sites[key], role=role))
        _password_apply(user, created, password, result)


def _password_apply(user, created, password, result):
    """New users get the password; existing ones only when it was given."""
    if created:
        result.created_users.append(user.username)
    if password and (created or not result.password_generated):
        user.set_password(password)
    user.save()


def _demo_content_ensure(site):
    """Hook for the content of every app; each seeds idempotently."""
    demo_content_seed(site=site)
