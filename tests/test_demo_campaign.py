"""`manage.py load_demo_campaign`: complete, idempotent, and careful with other content."""

from collections import Counter

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision, Site

from campaign_site.languages import CAMPAIGN_LANGUAGES
from campaign_site.pages.models import HomePage


def tree_snapshot():
    return sorted(
        Page.objects.values_list("locale__language_code", "url_path", "live", "latest_revision_id")
    )


def test_demo_has_a_translated_home_and_three_sections_per_language(home):
    for code in CAMPAIGN_LANGUAGES:
        localized_home = HomePage.objects.get(locale__language_code=code)
        assert localized_home.live
        assert localized_home.translation_key == home.translation_key
        assert [page.slug for page in localized_home.get_children().live()] == [
            "stories",
            "podcasts",
            "training",
        ]
    titles = set(HomePage.objects.values_list("title", flat=True))
    assert len(titles) == len(CAMPAIGN_LANGUAGES)  # really translated, no English fallbacks
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_a_second_run_changes_nothing(home, capsys):
    before, revisions = tree_snapshot(), Revision.objects.count()
    call_command("load_demo_campaign")
    assert "nothing changed" in capsys.readouterr().out
    assert tree_snapshot() == before
    assert Revision.objects.count() == revisions


def test_the_summary_says_what_is_live_in_each_language(home, capsys):
    from podcasts.models import EpisodePage
    from stories.models import StoryPage
    from training.models import ModulePage

    call_command("load_demo_campaign")
    lines = capsys.readouterr().out.splitlines()
    live = [
        Counter(model.objects.live().values_list("locale__language_code", flat=True))
        for model in (StoryPage, EpisodePage, ModulePage)
    ]
    for code in CAMPAIGN_LANGUAGES:
        line = next(line for line in lines if line.split()[:1] == [code])
        expected = "stories {}, episodes {}, modules {}".format(*(kind[code] for kind in live))
        assert line.endswith(expected), line
    assert any(line.endswith("English: stories 6, episodes 6, modules 3") for line in lines)


def test_a_missing_translation_is_filled_in(home, locales, django_capture_on_commit_callbacks):
    Page.objects.get(locale=locales["ka"], slug="training").delete()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_campaign")
    restored = Page.objects.get(locale=locales["ka"], slug="training")
    assert restored.live
    assert restored.title == "ტრენინგი"


@pytest.mark.slow  # a whole demo load into a fresh database
def test_refuses_a_database_with_other_content_unless_forced(
    home, django_capture_on_commit_callbacks
):
    home.get_translations(inclusive=True).delete()
    root = Page.get_first_root_node()
    other = root.add_child(instance=Page(title="A partner's own site", slug="partner"))

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_campaign")
    assert not HomePage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_campaign", "--force")
    assert HomePage.objects.count() == len(CAMPAIGN_LANGUAGES)
    assert Page.objects.filter(pk=other.pk).exists()  # left alone


@pytest.mark.slow  # a whole demo load into a fresh database
def test_replaces_wagtails_welcome_page_on_a_fresh_database(
    home, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    site.root_page = welcome
    site.save()
    home.get_translations(inclusive=True).delete()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_campaign")
    site.refresh_from_db()
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(pk=welcome.pk).exists()


def test_the_demo_sites_address_follows_where_it_is_served(client, home, settings):
    """`make run HOST=... PORT=...` sets WAGTAILADMIN_BASE_URL: a second load moves the demo
    site there, so absolute links in feeds, embed codes and oEmbed answers work."""
    settings.WAGTAILADMIN_BASE_URL = "http://192.0.2.10:8765"
    call_command("load_demo_campaign")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("192.0.2.10", 8765, home.pk)

    feed = client.get("/en/podcasts/return-conversations/feed.xml").content.decode()
    assert "http://192.0.2.10:8765/en/podcasts/return-conversations/" in feed
    assert "127.0.0.1:8000" not in feed and "testserver" not in feed


def test_inline_items_keep_the_order_they_are_given_in_on_every_database(home):
    """Videos, chapters and people are saved with their position, as the editor's form does:
    an unset one sorts last on PostgreSQL and first on SQLite."""
    from campaign_site.demo.podcasts_text import CHAPTER_TITLES
    from podcasts.models import EpisodeChapter, EpisodePage, EpisodePerson
    from training.models import ModulePage, ModuleVideo

    for model in (EpisodeChapter, EpisodePerson, ModuleVideo):
        assert not model.objects.filter(sort_order__isnull=True).exists(), model
    episode = EpisodePage.objects.get(locale__language_code="fr", slug="what-reintegration-means")
    assert [chapter.title for chapter in episode.chapters.all()] == CHAPTER_TITLES["fr"]
    module = ModulePage.objects.get(
        locale__language_code="am", slug="understanding-sustainable-reintegration"
    )
    assert [video.title for video in module.video_list] == [
        "Story video: Fishing again in Saint-Louis",
        "Story video: A tailoring shop in Sylhet",
    ]
