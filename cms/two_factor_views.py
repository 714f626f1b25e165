"""The second-factor pages of the admin (policy and checks: cms.two_factor).

Enrolment and the code check look like Wagtail's login page (no menu: the
session may not open anything else yet); the recovery codes and the
platform administrator's reset live inside the admin.
"""

import base64
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from cms import two_factor
from cms.two_factor import Outcome
from cms.two_factor_forms import TwoFactorCodeForm

_NEW_CODES = "two_factor_new_recovery_codes"


def _next_url(request):
    """Where the person was going, if it is this site's; else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _to(url_name, query):
    """A redirect to one of these pages, keeping where the person was going."""
    return HttpResponseRedirect(f"{reverse(url_name)}?{urlencode(query)}")


class _CodeView(FormView):
    form_class = TwoFactorCodeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_next_url(self.request), **kwargs)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.outcome is Outcome.LOCKED:
            response.status_code = 429
        return response


class TwoFactorEnrolView(_CodeView):
    """Set up an authenticator app: QR code (and the secret as text), then
    its first code confirms it."""

    template_name = "cms/two_factor/enrol.html"

    def dispatch(self, request, *args, **kwargs):
        if two_factor.app_device(request.user):
            return _to(two_factor.VERIFY_URL, request.GET)
        self.device = two_factor.enrolment_device(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        secret = base64.b32encode(self.device.bin_key).decode()
        qr_code = segno.make(self.device.config_url, error="m")
        return super().get_context_data(
            qr_svg=qr_code.svg_inline(scale=5, border=4, light="#fff", omitsize=False),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            **kwargs,
        )

    def form_valid(self, form):
        codes = two_factor.recovery_codes_create(user=self.request.user)
        self.request.session[_NEW_CODES] = codes
        return _to(two_factor.RECOVERY_CODES_URL, {"next": _next_url(self.request)})


class TwoFactorVerifyView(_CodeView):
    """The code check after the password: app code or a recovery code."""

    template_name = "cms/two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not two_factor.app_device(request.user):
            return _to(two_factor.ENROL_URL, request.GET)
        if request.user.is_verified():
            return HttpResponseRedirect(_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        return HttpResponseRedirect(_next_url(self.request))


class RecoveryCodesView(TemplateView):
    """New recovery codes are shown once, right after they are made; a
    verified person can make new ones (the old ones then stop working)."""

    template_name = "cms/two_factor/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect(two_factor.VERIFY_URL)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        codes = self.request.session.pop(_NEW_CODES, None)
        return super().get_context_data(
            codes=codes, next=_next_url(self.request), **kwargs
        )

    def post(self, request, *args, **kwargs):
        request.session[_NEW_CODES] = two_factor.recovery_codes_create(
            user=request.user
        )
        return redirect(two_factor.RECOVERY_CODES_URL)


class TwoFactorResetView(TemplateView):
    """The platform administrator removes a person's app and recovery codes
    (a lost phone); the person sets up a new app at their next login."""

    template_name = "cms/two_factor/reset.html"
    # The person whose devices go (the admin door policy reads the model).
    model = get_user_model()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise Http404
        self.person = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person, has_app=bool(two_factor.app_device(self.person))
        )

    def post(self, request, *args, **kwargs):
        two_factor.two_factor_reset(user=self.person, by=request.user)
        messages.success(
            request,
            _("The second factor of %(name)s is reset.")
            % {"name": self.person.get_full_name() or self.person.get_username()},
        )
        return redirect("wagtailusers_users:edit", self.person.pk)


def admin_urlpatterns():
    """Mounted under the admin by register_admin_urls (cms.wagtail_hooks)."""
    return [
        path(
            "two-factor/setup/",
            TwoFactorEnrolView.as_view(),
            name=two_factor.ENROL_URL,
        ),
        path(
            "two-factor/verify/",
            TwoFactorVerifyView.as_view(),
            name=two_factor.VERIFY_URL,
        ),
        path(
            "two-factor/recovery-codes/",
            RecoveryCodesView.as_view(),
            name=two_factor.RECOVERY_CODES_URL,
        ),
        path(
            "two-factor/reset/<int:pk>/",
            TwoFactorResetView.as_view(),
            name=two_factor.RESET_URL,
        ),
    ]
