"""Whose hearings are whose, told to the base layer's tenancy rules.

Loaded from HearingsConfig.ready(): cms.tenancy answers "which council owns
this?" for every object, and the admin guard opens the hearing views to
council staff; both learn about hearings from here.
"""

from cms.admin_guard import allow_staff_urls, register_parameter_model
from cms.tenancy import SHARED, register_owner
from hearings.models import CitizenInput, Hearing, HearingDocument, Theme


@register_owner(Hearing)
def hearing_owner(hearing):
    return frozenset({hearing.council_id})


@register_owner(Hearing.history.model)
def hearing_record_owner(record):
    return frozenset({record.council_id})


@register_owner(HearingDocument)
def hearing_document_owner(row):
    return frozenset({row.hearing.council_id})


@register_owner(CitizenInput)
def citizen_input_owner(citizen_input):
    return frozenset({citizen_input.hearing.council_id})


@register_owner(Theme)
def theme_owner(theme):
    return SHARED  # one vocabulary for every council


def register():
    namespaces = (
        "hearings_hearing",
        "wagtailsnippetchoosers_hearings_hearing",
        "wagtailsnippets_hearings_hearing",  # the editor's name for wagtail-localize
    )
    allow_staff_urls(namespaces=namespaces)
    for namespace in namespaces:
        register_parameter_model(f"{namespace}:*", "pk", Hearing)
        register_parameter_model(f"{namespace}:*", "id", Hearing)
    register_parameter_model(
        "hearings_hearing:restore", "history_id", Hearing.history.model
    )
    register_parameter_model(
        "hearings_hearing:citizen_input_delete", "input_id", CitizenInput
    )
