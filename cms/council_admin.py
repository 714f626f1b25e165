"""The platform administrator's councils in the admin: which exist, who
their secretariat is, and creating a new one with the same service as the
create_council command (cms.services.council_create).

These views build on the whole project (creating a council builds its
hearing index and workflow), so cms.urls mounts them under /admin/ in
front of Wagtail's admin rather than the base layer's hooks. They are for
the platform administrator only: the admin door (cms.admin_guard) answers
404 to council staff, and the views check again.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.models import CouncilSettings
from cms.selectors import active_secretaries, user_display_name
from cms.services import CouncilError, council_create

INDEX_URL = "cms_councils"
CREATE_URL = "cms_council_create"
# A host name: dot-separated labels of letters, digits and inner hyphens.
HOSTNAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")


class CouncilCreateForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the council"),
        max_length=200,
        help_text=gettext_lazy("For example: Udsatterådet i Nordkyst"),
    )
    municipality = forms.CharField(
        label=gettext_lazy("Municipality"),
        max_length=100,
        help_text=gettext_lazy("For example: Nordkyst Kommune"),
    )
    hostname = forms.CharField(
        label=gettext_lazy("Host name"),
        max_length=255,
        help_text=gettext_lazy(
            "The address of the council's public site, without https://, "
            "for example udsatteraad.nordkyst.dk"
        ),
    )
    port = forms.IntegerField(
        label=gettext_lazy("Port"), min_value=1, max_value=65535, initial=80
    )

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower().rstrip(".")
        if not HOSTNAME.match(hostname):
            raise ValidationError(
                _(
                    "Write a host name such as udsatteraad.nordkyst.dk "
                    "(no https://, no /)."
                )
            )
        if Site.objects.filter(hostname=hostname).exists():
            raise ValidationError(_("This host name is already used by another site."))
        return hostname

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if CouncilSettings.objects.filter(name__iexact=name).exists():
            raise ValidationError(_("A council with this name already exists."))
        return name


class SuperuserOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CouncilsView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every council, its address and its active secretariat."""

    template_name = "cms/councils/index.html"
    page_title = gettext_lazy("Councils")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        councils = [
            {
                "settings": settings,
                "site": settings.site,
                "secretaries": [
                    user_display_name(user)
                    for user in active_secretaries(council=settings.site).distinct()
                ],
            }
            for settings in CouncilSettings.objects.select_related("site").order_by(
                "name"
            )
        ]
        return super().get_context_data(councils=councils, **kwargs)


class CouncilCreateView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A new council: its site, home page, standard pages, groups, workflow."""

    template_name = "cms/councils/create.html"
    page_title = gettext_lazy("Create a council")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse(INDEX_URL), "label": _("Councils")},
            {"url": "", "label": self.page_title},
        ]

    def post(self, request, *args, **kwargs):
        form = CouncilCreateForm(request.POST)
        if form.is_valid():
            try:
                result = council_create(**form.cleaned_data)
            except CouncilError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("%(name)s is created. Invite its secretariat now.")
                    % {"name": CouncilSettings.for_site(result.site).name},
                )
                return redirect(INDEX_URL)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CouncilCreateForm())
        return super().get_context_data(**kwargs)


urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("", CouncilsView.as_view(), name=INDEX_URL),
            path("opret/", CouncilCreateView.as_view(), name=CREATE_URL),
        ],
        require_admin_access,
    ),
    never_cache,
)
