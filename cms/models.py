from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="group")
class CouncilSettings(BaseSiteSetting):
    """The facts about a council that its public pages and letters print.

    A council is a Wagtail Site; these settings hang on that site so that each
    council edits its own contact details without touching another's.
    """

    name = models.CharField(_("council name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100)
    email = models.EmailField(_("secretariat e-mail"), blank=True)
    phone = models.CharField(_("secretariat phone"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("municipality"), FieldPanel("logo")],
            heading=_("Council"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Secretariat"),
        ),
    ]

    class Meta:
        verbose_name = _("council settings")
        verbose_name_plural = _("council settings")

    def __str__(self):
        return self.name or str(self.site)


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
