"""The page editor's form, with the checks that run when a page moves on.

Saving a draft is always allowed. Submitting it to the chairs, approving it
from the editor or publishing it is refused, with the field named, while the
text seems to hold a CPR number; and a chair who has just changed the page
cannot approve it in the same step (four eyes).
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm

from cms.references import CouncilReferencesMixin, owner_of
from workflows.checks import cpr_findings
from workflows.content import page_segments
from workflows.selectors import cpr_finding_message

# The buttons of the page editor after which the page is on its way out.
GUARDED_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


class GuardedPageForm(CouncilReferencesMixin, WagtailAdminPageForm):
    """Base form of every Talerør page type (BasePage.base_form_class).
    Every save, drafts too, is refused while the page points at another
    council's documents, images or pages (CouncilReferencesMixin)."""

    def reference_owner(self):
        """A page belongs to the council whose tree it is in: its parent's."""
        return owner_of(self.parent_page)

    def is_valid(self):
        valid = super().is_valid()
        if not valid or not self._is_moving_on():
            return valid
        if self._is_approving() and self.has_changed():
            self.add_error(
                None,
                _(
                    "You have changed the page, and nobody approves their own "
                    "changes. Save the changes as a draft: another chair must "
                    "then approve the page."
                ),
            )
        for finding in cpr_findings(
            page_segments(self.instance, children=self._rows())
        ):
            self._add_cpr_error(finding)
        return not self.errors

    def _is_approving(self):
        return (
            bool(self.data.get("action-workflow-action"))
            and self.data.get("workflow-action-name") == "approve"
        )

    def _is_moving_on(self):
        return self._is_approving() or any(self.data.get(a) for a in GUARDED_ACTIONS)

    def _rows(self):
        """The inline panels' rows as they are being submitted."""
        rows = {}
        for name, formset in self.formsets.items():
            kept = [
                form for form in formset.forms if form.has_changed() or form.instance.pk
            ]
            rows[name] = [
                form.instance
                for form in kept
                if not (formset.can_delete and formset._should_delete_form(form))
            ]
        return rows

    def _add_cpr_error(self, finding):
        message = cpr_finding_message(finding)
        field = finding.field if finding.field in self.fields else None
        self.add_error(field, forms.ValidationError(message, code="cpr_number"))


class RequestChangesForm(TaskStateCommentForm):
    """Sending a page back needs a comment: the secretary has to know what
    to change, and the comment goes into the page's history and the mail."""

    comment = forms.CharField(
        label=gettext_lazy("What should be changed?"),
        widget=forms.Textarea({"rows": 4}),
    )
