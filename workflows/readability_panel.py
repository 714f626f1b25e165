"""The editor's LIX of a long field as last saved (the live meter under
easy-read fields is static/workflows/js/readability.js)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.text_checks import lix
from workflows.readability import LIX_METER_MAX, field_plain_text


class LixPanel(Panel):
    """Shows how easy a field is to read, in colour and words, under it.

    A StreamField has no single text box to measure while typing, so the
    panel measures the version the editor opened; saving updates it.
    """

    def __init__(self, field_name, **kwargs):
        self.field_name = field_name
        kwargs.setdefault("heading", _("How easy it is to read"))
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "field_name": self.field_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflows/admin/lix_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            name = self.panel.field_name
            field = self.instance._meta.get_field(name)
            context.update(
                result=lix(field_plain_text(self.instance, name)),
                field_label=field.verbose_name,
                meter_max=LIX_METER_MAX,
            )
            return context
