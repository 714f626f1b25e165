"""Background work: enqueueing Django tasks once the transaction commits.

Every feature that sends mail or does other slow work off the request path
writes it as a ``django_tasks`` ``@task`` taking only JSON values (ids, not
objects) and enqueues it with ``enqueue_on_commit``: a rolled-back request
then enqueues nothing, and the worker (or the immediate backend in dev and
tests) only ever sees committed rows. Which backend runs the tasks is the
``TASKS`` setting (``TASKS_BACKEND`` in the environment).
"""

import json
import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, **kwargs):
    """Enqueue ``task(*args, **kwargs)`` when the current transaction
    commits (at once outside a transaction).

    The arguments are checked to be JSON here, at the caller, so a model
    instance passed by mistake fails in the test that passes it, not later
    in a worker.
    """
    json.dumps([args, kwargs])
    transaction.on_commit(partial(_enqueue, task, args, kwargs))


def _enqueue(task, args, kwargs):
    """The committed work is recorded already; a queue that cannot take the
    task is logged rather than turning the finished request into an error."""
    try:
        task.enqueue(*args, **kwargs)
    except Exception:
        logger.exception("Could not enqueue %s", task.module_path)
