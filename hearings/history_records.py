"""django-simple-history for the children of a ClusterableModel."""

from django.db import models
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords


class ChildHistoricalRecords(HistoricalRecords):
    """HistoricalRecords for an inline child (a model with a ParentalKey).

    The historical copy of a ParentalKey would itself be a ParentalKey with
    related_name "+", which modelcluster forbids; the history only needs a
    plain reference to the parent, so it gets an ordinary ForeignKey.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, ParentalKey):
                field.swappable = False  # deconstruct() before apps are ready
                _name, _path, args, kwargs = field.deconstruct()
                fields[name] = models.ForeignKey(*args, **kwargs)
        return fields
