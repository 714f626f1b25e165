from django.urls import path

from pages import calendar_views, views

# Included inside i18n_patterns, before Wagtail's catch-all page URLs.
urlpatterns = [
    path("soeg/", views.search, name="search"),
    path("kalender.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "kalender/moede-<int:page_id>.ics",
        calendar_views.meeting_ics,
        name="meeting_ics",
    ),
]
