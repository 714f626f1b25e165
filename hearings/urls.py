"""Public views of hearings that are not routes of the hearing index
(included inside i18n_patterns, before Wagtail's page URLs)."""

from django.urls import path

from hearings import alert_views, calendar_views

urlpatterns = [
    path(
        "kalender/hoering-<int:hearing_id>.ics",
        calendar_views.hearing_deadline_ics,
        name="hearing_deadline_ics",
    ),
    path(
        "abonnement/afmeld/<str:token>/",
        alert_views.alert_unsubscribe,
        name="alert_unsubscribe",
    ),
]
