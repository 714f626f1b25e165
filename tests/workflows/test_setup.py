"""Every council gets its own chair-approval workflow from council_create."""

from wagtail.models import Locale, Task, Workflow, WorkflowPage

from cms.models import CouncilRole
from cms.selectors import council_group
from cms.services import council_create
from hearings.selectors import hearing_index_for
from workflows.models import ChairApprovalTask, CouncilWorkflow
from workflows.selectors import council_workflow


def test_council_create_gives_the_council_its_chair_workflow(council_a):
    workflow = council_workflow(site=council_a)
    task = workflow.tasks.get().specific

    assert workflow.name == "Godkendelse af rådets sider"
    assert isinstance(task, ChairApprovalTask)
    assert task.name == "Formandens godkendelse"
    assert list(task.groups.all()) == [
        council_group(site=council_a, role=CouncilRole.CHAIRS)
    ]
    index = hearing_index_for(council=council_a)
    assert WorkflowPage.objects.get(page=index).workflow == workflow


def test_every_response_under_the_index_needs_the_chairs(response_a, council_a):
    assert response_a.get_workflow() == council_workflow(site=council_a)


def test_councils_do_not_share_workflows_or_approvers(council_a, council_b):
    task_a = council_workflow(site=council_a).tasks.get().specific
    task_b = council_workflow(site=council_b).tasks.get().specific

    assert task_a != task_b
    assert list(task_b.groups.all()) == [
        council_group(site=council_b, role=CouncilRole.CHAIRS)
    ]


def test_creating_the_council_again_changes_nothing(council_a):
    counts = (Workflow.objects.count(), Task.objects.count())

    result = council_create(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
    )

    assert not result.changed
    assert (Workflow.objects.count(), Task.objects.count()) == counts
    assert CouncilWorkflow.objects.filter(site=council_a).count() == 1


def test_creating_the_council_again_repairs_its_workflow(council_a):
    index = hearing_index_for(council=council_a)
    task = council_workflow(site=council_a).tasks.get().specific
    WorkflowPage.objects.filter(page=index).delete()
    task.groups.set([council_group(site=council_a, role=CouncilRole.SECRETARIAT)])

    result = council_create(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
    )

    assert result.changed
    assert WorkflowPage.objects.get(page=index).workflow == council_workflow(
        site=council_a
    )
    assert list(task.groups.all()) == [
        council_group(site=council_a, role=CouncilRole.CHAIRS)
    ]


def test_nobody_in_the_council_can_publish_around_the_chairs(
    response_a, secretary_a, chair_a, member_a
):
    for user in (secretary_a, chair_a, member_a):
        assert not response_a.permissions_for_user(user).can_publish()
    assert response_a.permissions_for_user(secretary_a).can_submit_for_moderation()


def english_index(council):
    """The English translation of the council's index, made if missing."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = hearing_index_for(council=council)
    existing = index.get_translations().filter(locale=english).first()
    return existing or index.copy_for_translation(english, copy_parents=True)


def test_a_new_translation_of_the_index_gets_the_same_workflow(council_a):
    english_index(council_a).delete()

    translation = english_index(council_a)

    assert WorkflowPage.objects.get(page=translation).workflow == council_workflow(
        site=council_a
    )


def test_creating_the_council_again_assigns_translations_too(council_a):
    translation = english_index(council_a)
    WorkflowPage.objects.filter(page=translation).delete()

    council_create(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
    )

    assert WorkflowPage.objects.get(page=translation).workflow == council_workflow(
        site=council_a
    )


def test_every_page_of_the_council_goes_through_its_chairs(council_a, council_b):
    about = council_a.root_page.get_children().get(slug="om-raadet")
    meetings_en = (
        council_a.root_page.get_children()
        .get(slug="moeder")
        .get_translation(Locale.objects.get(language_code="en"))
    )

    for page in (about, meetings_en):
        workflow = page.get_workflow()
        assert workflow == council_workflow(site=council_a)
        assert workflow != council_workflow(site=council_b)
