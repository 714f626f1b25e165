from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, Site

from cms.references import CouncilSettingsForm
from cms.site_parts import site_setting_for_request
from cms.tenancy import register_owner
from cms.text_checks import cpr_field_errors


@register_setting(icon="group")
class CouncilSettings(ClusterableModel, BaseSiteSetting):
    """The facts about a council that its public pages and letters print.

    A council is a Wagtail Site; these settings hang on that site so that each
    council edits its own contact details without touching another's.
    """

    name = models.CharField(_("council name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    email = models.EmailField(_("secretariat e-mail"), blank=True)
    phone = models.CharField(_("secretariat phone"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    agenda_days_ahead = models.PositiveSmallIntegerField(
        _("agenda published days ahead"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "How many days before a meeting its agenda is published. The "
            "secretariat gets an e-mail when an agenda is late."
        ),
    )
    # The municipality the council advises: where its hearings come from and
    # where the responses go (by e-mail, and as the letter's address).
    hearing_email = models.EmailField(
        _("e-mail for hearing responses"),
        blank=True,
        help_text=_(
            "The municipality's address that hearing responses are sent to. "
            "A new hearing starts with it."
        ),
    )
    municipality_recipient = models.TextField(
        _("recipient"),
        blank=True,
        help_text=_(
            "The name lines of the letter's address, one a line: the "
            "municipality and, if you like, its department. Empty: the "
            "municipality's name. The hearing's committee follows below."
        ),
    )
    municipality_street = models.CharField(
        _("street and number"), max_length=150, blank=True
    )
    municipality_postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    municipality_town = models.CharField(_("town"), max_length=100, blank=True)
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("document and image collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The logo must be one of the council's own images.
    base_form_class = CouncilSettingsForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("municipality"), FieldPanel("logo")],
            heading=_("Council"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Secretariat"),
        ),
        FieldPanel("agenda_days_ahead"),
        MultiFieldPanel(
            [
                FieldPanel("hearing_email"),
                FieldPanel("municipality_recipient"),
                FieldPanel("municipality_street"),
                FieldPanel("municipality_postcode"),
                FieldPanel("municipality_town"),
            ],
            heading=_("The municipality"),
            help_text=_(
                "Where hearings come from, and the address of the letter that "
                "goes with each response."
            ),
        ),
        InlinePanel(
            "committees",
            heading=_("The municipality's committees"),
            label=_("Committee"),
            help_text=_(
                "The committees that send the council hearings. A hearing is "
                "registered as coming from one of them."
            ),
        ),
        InlinePanel(
            "meeting_places",
            heading=_("Meeting places"),
            label=_("Meeting place"),
            help_text=_(
                "Where the council meets. Each meeting is held at one of these, "
                "and its page tells the public how to get there."
            ),
        ),
    ]

    @classmethod
    def for_request(cls, request):
        """Once per council until its pages change (cms.site_parts)."""
        return site_setting_for_request(model=cls, request=request)

    class Meta:
        verbose_name = _("council settings")
        verbose_name_plural = _("council settings")

    def clean(self):
        super().clean()
        # A CPR number is the first thing to say about a field.
        errors = {
            **_postal_address_errors(self),
            **cpr_field_errors(self, _settings_cpr_message),
        }
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return self.name or str(self.site)

    def municipality_postal_address(self):
        """The letter's street and "postcode town" lines, or () while the
        municipality's postal address is not kept."""
        if not self.municipality_street:
            return ()
        town = f"{self.municipality_postcode} {self.municipality_town}"
        return (self.municipality_street, town.strip())

    def municipality_name_lines(self):
        """The letter's first lines: the recipient as typed, else the
        municipality's name."""
        lines = [line.strip() for line in self.municipality_recipient.splitlines()]
        return [line for line in lines if line] or [self.municipality]


class MunicipalCommittee(Orderable):
    """A committee of the municipality, kept as the council's own list.

    Hearings come from the municipality's committees (udvalg); one list per
    council lets a hearing name its committee without retyping it, and a
    committee that wants responses at its own address says so once.
    """

    council_settings = ParentalKey(
        CouncilSettings, on_delete=models.CASCADE, related_name="committees"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(
        _("e-mail for hearing responses"),
        blank=True,
        help_text=_(
            "Only if the committee wants responses at its own address. Empty: "
            "the municipality's address for hearing responses."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def clean(self):
        super().clean()
        _refuse_cpr_in_public_details(self)

    def __str__(self):
        return self.name


class MeetingPlace(Orderable):
    """A place where the council meets, kept as the council's own list.

    Councils meet where the people they speak for are (drop-in centres,
    shelters, organisations), often at changing places: one list per council
    lets every meeting page say the same, checked things about getting there
    and getting in, instead of an address typed anew each time.
    """

    council_settings = ParentalKey(
        CouncilSettings, on_delete=models.CASCADE, related_name="meeting_places"
    )
    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=255)
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link to the place on a map.")
    )
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("A wheelchair user can get in and to the meeting room."),
    )
    access_note = models.CharField(
        _("about getting in"),
        max_length=255,
        blank=True,
        help_text=_("For example: ramp at the back door, lift to the 1st floor."),
    )
    facilities = models.CharField(
        _("what is there"),
        max_length=255,
        blank=True,
        help_text=_("For example: coffee and food, a quiet room."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("map_url"),
        FieldPanel("step_free"),
        FieldPanel("access_note"),
        FieldPanel("facilities"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")

    def clean(self):
        super().clean()
        _refuse_cpr_in_public_details(self)

    def __str__(self):
        return self.name


def where_held(place, location):
    """Where something is held, in one line: the chosen meeting place's name
    and address, else the location typed for a place not on the list."""
    if place is not None:
        return f"{place.name}, {place.address}"
    return location


class CouncilRole(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    CHAIRS = "chairs", _("Chairs")
    MEMBERS = "members", _("Members")


class CouncilGroup(models.Model):
    """Ties a Django group to the council (site) it serves and the role it plays.

    Permissions alone cannot tell which council a user belongs to; this link
    is what lets selectors answer "whose hearings may this person see?".
    """

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="council_group"
    )
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="council_groups"
    )
    role = models.CharField(_("role"), max_length=20, choices=CouncilRole.choices)

    class Meta:
        verbose_name = _("council group")
        verbose_name_plural = _("council groups")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "role"], name="unique_council_group_role"
            )
        ]

    def __str__(self):
        return f"{self.site} – {self.get_role_display()}"


class MemberProfile(models.Model):
    """What a person has chosen about being named and being reached.

    Members are often experts by experience; whether their name appears on
    public pages (attendance, working groups, feeds) is theirs to decide,
    and a phone number is kept only while they consent to text messages.
    Everything public that names a member asks here first
    (cms.selectors.public_member_name).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    publicly_named = models.BooleanField(
        _("named on public pages"),
        default=False,
        help_text=_(
            "Only then does the person's name appear on the council's public "
            "pages, in minutes, working groups and feeds."
        ),
    )
    phone = models.CharField(_("mobile phone"), max_length=30, blank=True)
    phone_consent_at = models.DateTimeField(
        _("consent to text messages given"), null=True, blank=True
    )
    remind_by_email = models.BooleanField(_("reminders by e-mail"), default=True)
    remind_by_sms = models.BooleanField(_("reminders by text message"), default=False)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)

    def clean(self):
        super().clean()
        if self.phone and self.phone_consent_at is None:
            raise ValidationError(
                {"phone": _("A phone number is kept only with the person's consent.")}
            )
        if self.remind_by_sms and not self.phone:
            raise ValidationError(
                {"remind_by_sms": _("Text messages need a mobile phone number.")}
            )


class CouncilRootPage(Page):
    """A council's own node in the page tree, holding its home page in every
    language.

    Each language's home page of a council is a tree of its own; without a
    common parent the closest page that all of a council's staff's pages
    share would be the root of the whole installation, and the page explorer
    would open there, naming every council. Under this page, a council's
    staff explore their own council only. It is never served to the public
    (no site starts above it).
    """

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.HomePage"]

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def get_url_parts(self, request=None):
        return None


@register_owner(CouncilSettings)
def _settings_owner(settings):
    """A council's settings are that council's."""
    return frozenset({settings.site_id})


@register_owner(MemberProfile)
def _member_profile_owner(profile):
    """A person's choices belong to the councils they serve."""
    return frozenset(
        Site.objects.filter(council_groups__group__user=profile.user_id).values_list(
            "pk", flat=True
        )
    )


@register_owner(MeetingPlace)
def _meeting_place_owner(place):
    return frozenset({place.council_settings.site_id})


@register_owner(MunicipalCommittee)
def _committee_owner(committee):
    return frozenset({committee.council_settings.site_id})


def _refuse_cpr_in_public_details(instance):
    errors = cpr_field_errors(instance, _settings_cpr_message)
    if errors:
        raise ValidationError(errors)


POSTAL_ADDRESS_PARTS = (
    "municipality_street",
    "municipality_postcode",
    "municipality_town",
)


def _postal_address_errors(settings):
    """{field: message}: a postal address has its street, postcode and town,
    or none of them, and a Danish postcode has four digits."""
    values = {name: getattr(settings, name).strip() for name in POSTAL_ADDRESS_PARTS}
    errors = {}
    if any(values.values()):
        missing = gettext("The postal address needs its street, postcode and town.")
        errors = {name: missing for name, value in values.items() if not value}
    postcode = values["municipality_postcode"]
    if postcode and not (len(postcode) == 4 and postcode.isdigit()):
        errors["municipality_postcode"] = gettext("A postcode has four digits.")
    return errors


def _settings_cpr_message(field, numbers):
    return gettext(
        "%(field)s seems to contain a CPR number (%(number)s). The council's "
        "details are public: remove the number."
    ) % {"field": capfirst(field.verbose_name), "number": ", ".join(numbers)}
