from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm


class CampaignMediaForm(BaseMediaForm):
    class Meta(BaseMediaForm.Meta):
        widgets = {**BaseMediaForm.Meta.widgets, "poster": AdminImageChooser}
