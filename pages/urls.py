from django.urls import path

from pages import views

# Included inside i18n_patterns, before Wagtail's catch-all page URLs.
urlpatterns = [
    path("soeg/", views.search, name="search"),
    path("kalender.ics", views.calendar_feed, name="calendar_feed"),
]
