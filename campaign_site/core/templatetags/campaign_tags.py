from babel.dates import format_date

from django import template
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site

from campaign_site.languages import babel_locale

register = template.Library()


@register.filter
def local_date(value, format="long"):
    """A date in the active language's CLDR format, also for languages Django lacks."""
    if not value:
        return ""
    return format_date(value, format=format, locale=babel_locale(get_language()))


@register.simple_tag(takes_context=True)
def campaign_home(context):
    """The active language's home page (cached on the request: header and title share it)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_campaign_home"):
        site = Site.find_for_request(request)
        request._campaign_home = (
            Page.objects.live()
            .filter(
                translation_key=site.root_page.translation_key,
                locale=Locale.get_active(),
            )
            .first()
            if site
            else None
        )
    return request._campaign_home


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    home = campaign_home(context)
    current = context.get("page")
    sections = [
        (section, bool(current and current.path.startswith(section.path)))
        for section in (home.get_children().live().in_menu() if home else [])
    ]
    return {"home": home, "sections": sections}
