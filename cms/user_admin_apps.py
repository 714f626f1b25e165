"""The wagtail.users app, with the user admin of cms.user_admin (Wagtail's
documented customisation: an app config naming the user viewset). Listed
in INSTALLED_APPS in place of "wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class CouncilUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "cms.user_admin.CouncilUserViewSet"
