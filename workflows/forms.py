"""The page editor's form, with the checks that run when a page moves on.

Saving a draft is allowed unless the form was opened on an older version
than the page's latest: then every save and every step is refused, so that
nobody's text is silently replaced (workflows.edit_conflicts). Submitting it
to the chairs, approving it from the editor or publishing it is refused, with
the field named, while the text seems to hold a CPR number; and a chair who
has just changed the page cannot approve it in the same step (four eyes).
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm

from cms.references import CouncilReferencesMixin, kept_row_forms, owner_of
from cms.slugs import ascii_slug, free_slug, slug_in_ascii
from cms.text_checks import cpr_findings, cpr_numbers_in
from workflows.edit_conflicts import newer_revision, stale_page_message
from workflows.messages import comment_cpr_reason, cpr_finding_message
from workflows.page_text import page_segments, row_relations

# The buttons of the page editor after which the page is on its way out.
GUARDED_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


class GuardedPageForm(CouncilReferencesMixin, WagtailAdminPageForm):
    """Base form of every Talerør page type (BasePage.base_form_class).
    Every save, drafts too, is refused while the page points at another
    council's documents, images or pages (CouncilReferencesMixin), and
    while it was opened on an older version than the page's latest."""

    def reference_owner(self):
        """A page belongs to the council whose tree it is in: its parent's."""
        return owner_of(self.parent_page)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Left empty (no script in the browser), clean_slug derives it.
            self.fields["slug"].required = False

    def clean_slug(self):
        """The address in plain ASCII (cms.slugs), whatever was typed; left
        empty, it comes from the title, free among the page's siblings."""
        slug = slug_in_ascii(self.cleaned_data.get("slug") or "")
        title = self.cleaned_data.get("title")
        if slug or not title:
            return slug
        siblings = self.parent_page.get_children().exclude(pk=self.instance.pk)
        taken = set(siblings.values_list("slug", flat=True))
        return free_slug(ascii_slug(title), taken)

    def clean(self):
        cleaned_data = super().clean()
        latest = newer_revision(self.instance, self.data)
        if latest is not None:
            self.add_error(None, stale_page_message(latest))
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid() and self._comments_hold_no_cpr()
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
        for finding in cpr_findings(page_segments(self.instance, self._rows())):
            self._add_cpr_error(finding)
        return not self.errors

    def _rows(self):
        """{relation: the rows submitted} of the page's inline panels."""
        return {
            name: [row.instance for row in kept_row_forms(self.formsets[name])]
            for name in row_relations(self.instance)
            if name in self.formsets
        }

    def _is_approving(self):
        return (
            bool(self.data.get("action-workflow-action"))
            and self.data.get("workflow-action-name") == "approve"
        )

    def _is_moving_on(self):
        return self._is_approving() or any(self.data.get(a) for a in GUARDED_ACTIONS)

    def _comments_hold_no_cpr(self):
        """Comments and replies are saved with every draft and mailed to the
        page's commenters, so one that seems to hold a CPR number is refused
        at once, whatever the button (the page's own text only when it moves
        on)."""
        for text in _changed_comment_texts(self.formsets.get("comments")):
            numbers = cpr_numbers_in(text)
            if numbers:
                self.add_error(None, _comment_cpr_message(numbers))
        return not self.errors

    def _add_cpr_error(self, finding):
        message = cpr_finding_message(finding)
        field = finding.field if finding.field in self.fields else None
        self.add_error(field, forms.ValidationError(message, code="cpr_number"))


def _changed_comment_texts(formset):
    """The texts of the comments and replies being added or changed."""
    for form in formset.forms if formset is not None else ():
        replies = form.formsets["replies"].forms if "replies" in form.formsets else ()
        for changed in (form, *replies):
            data = changed.cleaned_data if changed.has_changed() else {}
            if data.get("text") and not data.get("DELETE"):
                yield data["text"]


def _comment_cpr_message(numbers):
    return forms.ValidationError(comment_cpr_reason(numbers), code="cpr_number")


class RequestChangesForm(TaskStateCommentForm):
    """Sending a page back needs a comment: the secretary has to know what
    to change, and the comment goes into the page's history and the mail."""

    comment = forms.CharField(
        label=gettext_lazy("What should be changed?"),
        widget=forms.Textarea({"rows": 4}),
    )
