"""Template tags of "Skriv til rådet": the way to the form from a hearing's
page, and form fields with their hint and error tied to the input."""

from django import template

from hearings.citizen_input.selectors import STATUSES_TAKING_INPUT

register = template.Library()


@register.simple_tag(takes_context=True)
def citizen_input_url(context, index, hearing):
    """The form's address while the hearing (annotated .status) takes input,
    else "". The status is computed for the day the page is rendered; the
    form checks again when it is opened."""
    if getattr(hearing, "status", None) not in STATUSES_TAKING_INPUT:
        return ""
    return index.citizen_input_url(hearing, context.get("request")) or ""


@register.filter
def described_widget(bound_field):
    """The field's widget with the DKFDS input class, aria-describedby
    naming its hint and error, and aria-invalid while it has an error."""
    widget = bound_field.field.widget
    classes = [widget.attrs.get("class", ""), "form-input"]
    attrs = {}
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    attrs["class"] = " ".join(c for c in classes if c)
    return bound_field.as_widget(attrs=attrs)
