"""Country teams: a group per campaign country whose communications officers add and edit the
stories of their own country, in every language, and submit them for moderation. They do not
publish: the moderation workflow (Wagtail's "Moderators approval") does. Their videos, posters
and documents go into their country's collection, where they upload, edit and choose."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from campaign_site.languages import babel_locale

from .models import CountryPage

TEAM_PAGE_PERMISSIONS = ("add", "change")
TEAM_NAME = "Country team: {name}"
# (app label, model, actions) on the country's collection. Deleting stays with editors: a file
# may be used by another country's pages.
TEAM_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "change", "choose")),
    ("wagtaildocs", "document", ("add", "change", "choose")),
    # wagtailmedia checks its own model's permissions whatever the media model
    ("wagtailmedia", "media", ("add", "change")),
)


def country_name(iso_code):
    return babel_locale("en").territories.get(iso_code, iso_code)


def team_name(iso_code):
    return TEAM_NAME.format(name=country_name(iso_code))


def country_collection(iso_code):
    """The country's collection (media, images, documents), at the top level."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=country_name(iso_code)).first() or root.add_child(
        name=country_name(iso_code)
    )


def country_team(iso_code):
    """The country's team group, with page permissions on its country page in every language."""
    group, _created = Group.objects.get_or_create(name=team_name(iso_code))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        # requests and syncs translations of the pages it may edit (translation.team_admin)
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    for page in CountryPage.objects.filter(country__iso_code=iso_code):
        grant(group, page)
    collection = country_collection(iso_code)
    for app_label, model, actions in TEAM_COLLECTION_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )
    return group


def grant(group, page):
    for permission_type in TEAM_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_to_existing_team(country_page):
    """A new translation of a country page belongs to the country's team too."""
    group = Group.objects.filter(name=team_name(country_page.country.iso_code)).first()
    if group:
        grant(group, country_page)
