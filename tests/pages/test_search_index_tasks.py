"""Wagtail updates its search index in a background task (modelsearch's
insert_or_update_object_task, enqueued on every save of an indexed model):
on the database queue a published page is found once the worker ran."""

from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from tests.factories import ContentPageFactory, publish_fixture
from tests.task_queue import DATABASE_QUEUE, run_worker

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def found_titles(query):
    """What Wagtail's search (under the site search) finds among live pages."""
    return [page.title for page in Page.objects.live().search(query)]


def test_a_published_page_is_found_once_the_worker_updated_the_index(
    settings, monkeypatch, council_a
):
    settings.TASKS = DATABASE_QUEUE
    page = ContentPageFactory(
        parent=council_a.root_page,
        title="Natcafeens åbningstider",
        body=[("paragraph", "<p>Natcafeen holder åbent til klokken tre.</p>")],
    )
    publish_fixture(page)

    assert found_titles("natcafeen") == []
    queued = DBTaskResult.objects.filter(task_path=INDEX_TASK, status="READY")
    assert {"args": ["pages", "contentpage", str(page.pk)], "kwargs": {}} in [
        task.args_kwargs for task in queued
    ]

    run_worker(monkeypatch)

    assert found_titles("natcafeen") == ["Natcafeens åbningstider"]
    assert not DBTaskResult.objects.filter(task_path=INDEX_TASK, status="READY")
