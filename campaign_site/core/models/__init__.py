from ..translations import public
from .media import CampaignMedia, SubtitleTrack
from .pages import HomePage, SectionIndexPage
from .taxonomy import Country, Theme

__all__ = [
    "CampaignMedia",
    "Country",
    "HomePage",
    "SectionIndexPage",
    "SubtitleTrack",
    "Theme",
    "public",
]
