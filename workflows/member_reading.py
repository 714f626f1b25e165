"""Reads for the council's members: which drafts they read, which version
of each, and what in it they can comment on.

Members do not edit, so they never see the editor; they read a draft as it
will look when published (the version the chairs are asked to approve, once
it awaits them) and leave comments that the editor shows in its comment
panel (wagtail.models.Comment). Which page types members read is told by
the apps that own them, through the MEMBER_READABLE_PAGE_TYPES hook: the
workflow knows no page types of its own.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail import blocks, hooks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Comment, Page, TaskState, WorkflowState

from cms.models import CouncilRole
from cms.tenancy import pages_of_councils, user_may_know

# fn() -> page models whose drafts the council's members read and comment on.
MEMBER_READABLE_PAGE_TYPES = "member_readable_page_types"

# A comment on the whole text is attached to the title: every page type has
# one, it heads the editor, and Wagtail's editor shows comments on it.
WHOLE_TEXT_PATH = "title"

SNIPPET_WORDS = 8


def member_readable_models():
    return [
        model for fn in hooks.get_hooks(MEMBER_READABLE_PAGE_TYPES) for model in fn()
    ]


def is_member_readable(page):
    return issubclass(page.specific_class, tuple(member_readable_models()))


def member_council_ids(*, user):
    """The councils whose members' group the user is in."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        user.groups.filter(council_group__role=CouncilRole.MEMBERS).values_list(
            "council_group__site_id", flat=True
        )
    )


@dataclass(frozen=True)
class MemberDraft:
    page: Page
    awaiting_chairs: bool


def member_drafts(*, user):
    """The drafts of the user's councils that members read: pages of a
    member-readable type with unpublished changes, whether still being
    written or awaiting the chairs. Newest change first."""
    councils = member_council_ids(user=user)
    if not councils:
        return []
    types = ContentType.objects.get_for_models(*member_readable_models()).values()
    pages = pages_of_councils(
        Page.objects.filter(has_unpublished_changes=True, content_type__in=types),
        councils,
    ).order_by("-latest_revision_created_at", "-pk")
    pages = list(pages)
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            object_id__in=[str(page.pk) for page in pages],
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
    )
    return [MemberDraft(page, str(page.pk) in in_review) for page in pages]


def member_may_read(*, user, page):
    """Council staff (members above all) read their own council's drafts of
    member-readable types; nobody reads another council's."""
    if not user.is_authenticated or page.depth <= 1:
        return False
    return is_member_readable(page) and user_may_know(user, page)


def reading_revision(*, page):
    """The version a member reads: the one awaiting the chairs if there is
    one (the chairs' own preview shows that), else the latest draft."""
    state = (
        TaskState.objects.filter(
            workflow_state__object_id=str(page.pk),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("revision")
        .first()
    )
    if state is not None:
        return state.revision
    return page.get_latest_revision()


def reading_version(*, page):
    """The page as it stands in the version a member reads."""
    revision = reading_revision(page=page)
    return revision.as_object() if revision else page.specific


@dataclass(frozen=True)
class CommentTarget:
    contentpath: str
    label: str


def comment_targets(*, version):
    """What a member can comment on: the whole text, each text field of the
    page's content and each part of its streams, with the content paths
    Wagtail's editor gives them (so the comment shows beside that field)."""
    targets = [CommentTarget(WHOLE_TEXT_PATH, _("The whole text"))]
    for name in _content_field_names(type(version).content_panels):
        if name == WHOLE_TEXT_PATH:
            continue
        field = version._meta.get_field(name)
        if isinstance(field, StreamField):
            targets += _stream_targets(name, field, getattr(version, name))
        elif _is_free_text(field):
            targets.append(CommentTarget(name, str(field.verbose_name).capitalize()))
    return targets


def _is_free_text(field):
    text = isinstance(field, models.CharField | models.TextField | RichTextField)
    return text and not field.choices


def _content_field_names(panels):
    for panel in panels:
        children = getattr(panel, "children", None)
        if children:
            yield from _content_field_names(children)
        elif getattr(panel, "field_name", None):
            yield panel.field_name


def _stream_targets(name, field, stream):
    heading = str(field.verbose_name).capitalize()
    targets = []
    for number, child in enumerate(stream, start=1):
        path = _block_path(name, child)
        if path is None:
            continue
        words = " ".join(child.block.get_searchable_content(child.value))
        snippet = Truncator(words).words(SNIPPET_WORDS)
        label = _("%(field)s, part %(number)s (%(kind)s)") % {
            "field": heading,
            "number": number,
            "kind": child.block.label,
        }
        targets.append(CommentTarget(path, f"{label}: {snippet}" if snippet else label))
    return targets


def _block_path(name, child):
    """The content path of a stream's part: the part itself when it is one
    field, else its first field (a structure's parts each take comments)."""
    if isinstance(child.block, blocks.FieldBlock):
        return f"{name}.{child.id}"
    if isinstance(child.block, blocks.StructBlock):
        for sub_name, sub_block in child.block.child_blocks.items():
            if isinstance(sub_block, blocks.FieldBlock):
                return f"{name}.{child.id}.{sub_name}"
    return None


def target_label(*, targets, contentpath):
    for target in targets:
        if target.contentpath == contentpath:
            return target.label
    return contentpath


def page_comments(*, page):
    """The page's open comments with their replies, oldest first."""
    return (
        Comment.objects.filter(page=page, resolved_at__isnull=True)
        .select_related("user")
        .prefetch_related("replies__user")
        .order_by("created_at", "pk")
    )
