"""Public views of the workflow app (included inside i18n_patterns, before
Wagtail's page URLs): the page a member's personal link opens."""

from django.urls import path

from workflows import personal_link_public

urlpatterns = [
    path(
        "deltag/<str:token>/",
        personal_link_public.personal_link_page,
        name="workflows_personal_link",
    ),
    path(
        "deltag/<str:token>/udkast/",
        personal_link_public.personal_link_preview,
        name="workflows_personal_link_preview",
    ),
]
