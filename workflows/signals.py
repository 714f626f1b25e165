"""What the approval workflow announces, for the apps built on it.

``page_published_on_approval`` is sent inside the approval's transaction,
right after the chairs' approved revision went live. Receivers get
``sender`` (the page's specific class), ``page`` (the specific page),
``revision`` (the approved revision) and ``user`` (the approving chair).
A receiver that raises undoes the approval and the publishing with it; work
that must not (mail) belongs in ``transaction.on_commit``.
"""

from django.dispatch import Signal

page_published_on_approval = Signal()
