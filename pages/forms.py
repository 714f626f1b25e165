"""Editor forms of the page types whose choices belong to one council."""

from cms.models import MeetingPlace
from cms.references import owner_of
from workflows.forms import GuardedPageForm


class MeetingPageForm(GuardedPageForm):
    """Offers only the meeting places of the council the meeting is under,
    so an editor neither sees another council's places nor can post one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "place" in self.fields:
            # A council's page has its site's id as owner; anything else
            # (the shared tree root) owns no places.
            site_ids = [i for i in owner_of(self.parent_page) if isinstance(i, int)]
            self.fields["place"].queryset = MeetingPlace.objects.filter(
                council_settings__site_id__in=site_ids
            )
