"""Story pages as the public sees them: player, transcript, listing, sharing, consent, media."""

import datetime
import json
import re
from pathlib import Path

import extruct
import pytest
import webvtt

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

from stories.models import ConsentRecord, CountryPage, StoriesIndexPage, StoryPage
from training.models import ModulePage

from .conftest import csp_directive, html, log_in_as

pytestmark = pytest.mark.django_db
STORY = "stories/senegal/fishing-again-in-saint-louis/"


@pytest.mark.parametrize("code", ["en", "fr", "es", "ar"])
def test_the_player_offers_every_track_and_defaults_to_the_page_language(client, code, story):
    page = html(client.get(f"/{code}/{STORY}"))
    video = page.find("video")
    assert video["preload"] == "none"
    # the poster: a picture sized for the screen, AVIF or WebP, JPEG for older browsers
    poster = page.select_one(".player-frame picture")
    sources = {source["type"]: source for source in poster.find_all("source")}
    assert list(sources) == ["image/avif", "image/webp"]
    assert [entry.split()[1] for entry in sources["image/avif"]["srcset"].split(", ")] == [
        "480w",
        "800w",
        "1280w",
    ]
    assert sources["image/avif"]["sizes"] == "(min-width: 64rem) 56rem, 100vw"
    fallback = poster.find("img")
    assert fallback["src"].endswith(".jpg") and fallback["alt"] == ""
    assert (fallback["width"], fallback["height"]) == ("480", "270")
    tracks = video.find_all("track")
    assert [track["srclang"] for track in tracks if track.has_attr("default")] == [code]
    labels = {track["srclang"]: track["label"] for track in tracks}
    assert labels == {
        "en": "English",
        "fr": "Français",
        "es": "Español",
        "pt": "Português",
        "ar": "العربية",
        "ka": "ქართული",
        "sr": "Српски",
        "fil": "Filipino",
    }


def test_tracks_in_languages_without_a_page_are_offered_too(client):
    page = html(client.get("/en/stories/bangladesh/a-tailoring-shop-in-sylhet/"))
    assert ("bn", "বাংলা") in {(t["srclang"], t["label"]) for t in page.find_all("track")}


def test_the_transcript_is_the_page_languages_track(client, story):
    page = html(client.get(f"/ar/{STORY}"))
    track_url = page.find("track", attrs={"srclang": "ar"})["src"]
    vtt = client.get(track_url)
    assert vtt.status_code == 200
    captions = webvtt.from_string(vtt.content.decode())
    items = page.select(".transcript li")
    assert [item.find("span").get_text() for item in items] == [
        caption.text for caption in captions
    ]
    assert [float(item.find("a")["data-seek"]) for item in items] == [
        caption.start_in_seconds + caption.start_time.milliseconds / 1000 for caption in captions
    ]


def test_the_download_links_show_file_sizes(client, story):
    page = html(client.get(f"/en/{STORY}"))
    downloads = [a.get_text() for a in page.select(".player-downloads a")]
    assert re.fullmatch(r"Download video \(\d+(\.\d)?\xa0KB\)", downloads[0])
    assert re.fullmatch(r"Download the data-saver version \(\d+(\.\d)?\xa0KB\)", downloads[1])


def test_save_data_visitors_get_the_data_saver_version(client, story):
    page = html(client.get(f"/en/{STORY}", HTTP_SAVE_DATA="on"))
    assert page.select_one("video source")["src"] == story.video.data_saver_file.url
    # and the smallest poster, whatever the screen's density
    avif = page.select_one(".player-frame source[type='image/avif']")["srcset"]
    assert avif.endswith("fill-480x270.avif") and "," not in avif
    page = html(client.get(f"/en/{STORY}"))
    assert page.select_one("video source")["src"] == story.video.url


def test_no_third_party_url_in_a_story_page_before_a_click(client):
    content = client.get("/en/stories/bangladesh/a-tailoring-shop-in-sylhet/").content.decode()
    page = html(client.get("/en/stories/bangladesh/a-tailoring-shop-in-sylhet/"))
    facade = page.find("a", attrs={"data-mirror-provider": "youtube"})
    assert facade["data-mirror-id"] == "M7lc1UVf-VE"
    assert facade["href"] == "https://www.youtube.com/watch?v=M7lc1UVf-VE"  # without JavaScript
    # A link is followed only when clicked; everything else (src, poster, stylesheets, scripts,
    # JSON-LD) must name no other host.
    for link in page.find_all("a", href=True):
        content = content.replace(f'href="{link["href"]}"', "")
    hosts = {match.group(1) for match in re.finditer(r"(?:https?:)?//([^/\"'\s<>?]+)", content)}
    # schema.org is JSON-LD's vocabulary identifier: never fetched
    assert hosts <= {"testserver", "schema.org"}, hosts
    assert page.find("iframe") is None


def test_open_graph_and_video_object_parse_with_the_required_fields(client, story):
    response = client.get(f"/fr/{STORY}")
    data = extruct.extract(
        response.content.decode(),
        base_url=f"http://testserver/fr/{STORY}",
        syntaxes=["json-ld", "opengraph"],
    )
    (video,) = data["json-ld"]
    assert video["@type"] == "VideoObject"
    assert video["name"] == "Reprendre la pêche à Saint-Louis"
    assert video["description"].startswith("Le fils d’Awa")
    assert video["duration"] == "PT6S"
    assert datetime.datetime.fromisoformat(video["uploadDate"])
    assert video["contentUrl"] == "http://testserver" + story.video.url
    assert video["embedUrl"] == f"http://testserver/fr/{STORY}embed/"
    assert video["thumbnailUrl"].startswith("http://testserver/media/images/")
    og = dict(data["opengraph"][0]["properties"])
    assert og["og:type"] == "video.other"
    assert og["og:title"] == video["name"]
    assert og["og:url"] == f"http://testserver/fr/{STORY}"
    assert og["og:locale"] == "fr_FR"
    assert og["og:image"] == video["thumbnailUrl"]
    assert og["og:video"] == video["contentUrl"]


def test_the_embed_view_is_chromeless_and_may_be_framed(client, story):
    response = client.get(f"/ar/{STORY}embed/")
    assert "X-Frame-Options" not in response
    assert csp_directive(response, "frame-ancestors") == "*"
    page = html(response)
    assert page.find("html")["dir"] == "rtl"
    assert page.find("nav") is None and page.find("video") is not None
    assert client.get(f"/ar/{STORY}")["X-Frame-Options"] == "DENY"


def test_share_links_go_through_the_site_and_redirect_on_click(client, story):
    page = html(client.get(f"/en/{STORY}"))
    whatsapp = page.find("a", string="WhatsApp")["href"]
    assert whatsapp.startswith("/share/whatsapp/")
    response = client.get(whatsapp)
    assert response.status_code == 302
    assert response["Location"].startswith("https://wa.me/?text=")
    assert "testserver%2Fen%2Fstories" in response["Location"]


def test_addresses_to_copy_stay_left_to_right_on_arabic_pages(client, story):
    page = html(client.get(f"/ar/{STORY}"))
    assert page.find("html")["dir"] == "rtl"
    link = page.select_one(".share input[data-copy]")
    assert link["dir"] == "ltr" and link["value"] == f"http://testserver/ar/{STORY}"


def test_the_share_view_refuses_other_sites(client, story):
    response = client.get("/share/facebook/", {"url": "https://evil.example/"})
    assert response.status_code == 400
    assert (
        client.get("/share/myspace/", {"url": f"http://testserver/en/{STORY}"}).status_code == 400
    )


def listing(client, path="/en/stories/", **params):
    page = html(client.get(path, params))
    return sorted(card.find("h3").get_text() for card in page.select(".story-card"))


def test_the_index_lists_every_story_of_its_language(client):
    assert len(listing(client)) == 6
    assert len(listing(client, "/ar/stories/")) == 6
    # Bengali has the Bangladeshi story only; the others follow apart, as not yet translated
    assert listing(client, "/bn/stories/") == ["সিলেটে একটি দর্জির দোকান"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "sn"}, ["Fishing again in Saint-Louis"]),
        (
            {"dimension": "psychosocial"},
            ["A mentor in San Miguel", "A mother’s welcome in Douala", "Coffee and a second start"],
        ),
        ({"theme": "wellbeing"}, ["A mentor in San Miguel", "A mother’s welcome in Douala"]),
        ({"voice": "family"}, ["A mother’s welcome in Douala", "Fishing again in Saint-Louis"]),
        (
            {"dimension": "economic", "voice": "returnee"},
            [
                "A tailoring shop in Sylhet",
                "Coffee and a second start",
                "Fishing again in Saint-Louis",
            ],
        ),
    ],
)
def test_the_index_filters(client, params, expected):
    assert listing(client, **params) == expected


def test_an_unknown_filter_value_is_explained_not_a_crash(client):
    page = html(client.get("/en/stories/", {"dimension": "astrology"}))
    assert "Select a valid choice" in page.select_one(".filters .error").get_text()


def test_country_pages_list_their_stories(client):
    assert listing(client, "/fr/stories/senegal/") == ["Reprendre la pêche à Saint-Louis"]


def add_stories(country_page, count):
    for number in range(count):
        template = StoryPage.objects.filter(locale=country_page.locale).first()
        story = country_page.add_child(
            instance=StoryPage(
                title=f"Extra story {number}",
                slug=f"extra-{number}",
                summary="More.",
                video=template.video,
                voices=["returnee"],
            )
        )
        story.save_revision().publish()


def test_listing_query_count_does_not_grow_with_stories(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/stories/")  # renditions are made once, on the first view
    with CaptureQueriesContext(connection) as few:
        client.get("/en/stories/", {"voice": "returnee"})
    add_stories(CountryPage.objects.get(locale__language_code="en", slug="senegal"), 20)
    client.get("/en/stories/", {"voice": "returnee"})
    with CaptureQueriesContext(connection) as many:
        assert len(listing(client, voice="returnee")) == 12  # a full page
    assert len(many) == len(few)
    second_page = html(client.get("/en/stories/", {"voice": "returnee", "page": 2}))
    assert second_page.select_one(".pagination a[rel=prev]")["href"] == "?voice=returnee&page=1"


def test_withdrawing_consent_unpublishes_every_translation_and_keeps_them(
    client, story, django_user_model
):
    moderator = django_user_model.objects.create_user("mod", "m@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    record = ConsentRecord.objects.get(story=story)
    translations = list(Page.objects.filter(translation_key=story.translation_key))
    assert len(translations) == 8 and all(page.live for page in translations)

    response = client.post(
        reverse("wagtailsnippets_stories_consentrecord:edit", args=[record.pk]),
        {
            "story": story.pk,
            "person": record.person,
            "scope": record.scope,
            "given_on": record.given_on.isoformat(),
            "expires_on": record.expires_on.isoformat(),
            "withdrawn_on": datetime.date.today().isoformat(),
            "notes": "Asked by phone.",
        },
    )
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=story.translation_key, live=True).exists()
    assert (
        Page.objects.filter(translation_key=story.translation_key).count() == len(translations) == 8
    )  # nothing deleted
    client.logout()
    for page in translations:
        assert client.get(page.url).status_code == 404


def test_a_story_without_valid_consent_cannot_be_published_again(story):
    from stories.consent import ConsentLapsed

    ConsentRecord.objects.filter(story=story).update(withdrawn_on=datetime.date(2026, 1, 1))
    story.unpublish()
    story.refresh_from_db()
    revision = story.save_revision()
    with pytest.raises(ConsentLapsed):
        revision.publish()
    story.refresh_from_db()
    assert not story.live
    assert story.latest_revision == revision  # the editor's work is kept


def test_enforce_consent_takes_the_story_with_expired_consent_offline(capsys, story):
    other = StoryPage.objects.get(locale=story.locale, slug="a-mentor-in-san-miguel")
    module = ModulePage.objects.filter(videos__video=story.video).first()
    ConsentRecord.objects.filter(story=story).update(expires_on=datetime.date(2026, 2, 1))
    call_command("enforce_consent")
    # the story in 8 languages; the training module reusing its video stays, without it
    assert "8 page(s) unpublished" in capsys.readouterr().out
    assert not Page.objects.filter(translation_key=story.translation_key, live=True).exists()
    assert Page.objects.get(pk=other.pk).live and Page.objects.get(pk=module.pk).live
    call_command("enforce_consent")
    assert "0 page(s) unpublished" in capsys.readouterr().out


def test_editors_cannot_see_consent_records(client, django_user_model):
    editor = django_user_model.objects.create_user("ed", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_stories_consentrecord:list"))
    assert response.status_code in (302, 403)
    assert "Storyteller" not in response.content.decode()


def test_consent_is_not_in_the_public_api(client, story):
    response = client.get(f"/api/v2/pages/{story.pk}/")
    assert "Storyteller" not in response.content.decode()
    assert "consent" not in json.dumps(response.json()).lower()


class TestRange:
    def url(self, story):
        return story.video.url

    def test_a_range_request_gets_206_with_exactly_those_bytes(self, client, story):
        whole = story.video.file.open("rb").read()
        response = client.get(self.url(story), HTTP_RANGE="bytes=100-199")
        assert response.status_code == 206
        assert response["Content-Range"] == f"bytes 100-199/{len(whole)}"
        assert response["Content-Length"] == "100"
        assert response["Accept-Ranges"] == "bytes"
        assert b"".join(response.streaming_content) == whole[100:200]

    def test_open_ended_and_suffix_ranges(self, client, story):
        whole = story.video.file.open("rb").read()
        tail = client.get(self.url(story), HTTP_RANGE="bytes=-50")
        assert b"".join(tail.streaming_content) == whole[-50:]
        rest = client.get(self.url(story), HTTP_RANGE=f"bytes={len(whole) - 10}-")
        assert rest["Content-Range"] == f"bytes {len(whole) - 10}-{len(whole) - 1}/{len(whole)}"

    def test_a_plain_request_gets_the_whole_file(self, client, story):
        response = client.get(self.url(story))
        assert response.status_code == 200
        assert response["Accept-Ranges"] == "bytes"
        assert int(response["Content-Length"]) == story.video.file_size
        assert response["Content-Type"] == "video/mp4"

    def test_an_unsatisfiable_range_is_416(self, client, story):
        response = client.get(self.url(story), HTTP_RANGE="bytes=99999999-")
        assert response.status_code == 416
        assert response["Content-Range"] == f"bytes */{story.video.file_size}"

    def test_head_and_missing_files(self, client, story):
        assert client.head(self.url(story)).status_code == 200
        assert client.get("/media/media/nothing-here.mp4").status_code == 404
        assert client.get("/media/../settings.py").status_code in (400, 404)


def test_editors_create_a_story_in_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    country = CountryPage.objects.get(locale__language_code="en", slug="ethiopia")
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "A new start",
            "slug": "a-new-start",
            "summary": "A short summary.",
            "mirror_url": "https://vimeo.com/76979871",
            "body": streamfield([]),
            "story_themes": inline_formset([]),
            "related_stories": streamfield([]),
            "action-publish": "1",
        }
    )
    data["dimensions"] = ["social", "economic"]
    response = client.post(f"/admin/pages/add/stories/storypage/{country.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = StoryPage.objects.get(slug="a-new-start")
    assert created.dimensions == ["social", "economic"] and created.mirror.provider == "vimeo"


def test_a_mirror_must_be_youtube_or_vimeo(story):
    from django.core.exceptions import ValidationError

    story.mirror_url = "https://example.com/video"
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "YouTube or Vimeo" in error.value.message_dict["mirror_url"][0]


def test_stories_index_is_the_only_parent_of_country_pages():
    assert StoriesIndexPage.allowed_subpage_models() == [CountryPage]


@pytest.fixture
def senegal_officer(client, django_user_model):
    return log_in_as(client, django_user_model, "awa", "Country team: Senegal")


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_a_country_team_edits_its_own_countrys_stories_in_every_language(
    client, senegal_officer, code
):
    own = StoryPage.objects.get(locale__language_code=code, slug="fishing-again-in-saint-louis")
    other = StoryPage.objects.get(locale__language_code=code, slug="a-tailoring-shop-in-sylhet")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)


def test_a_country_team_submits_for_moderation_instead_of_publishing(client, senegal_officer):
    story = StoryPage.objects.get(locale__language_code="en", slug="fishing-again-in-saint-louis")
    page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert 'name="action-submit"' in page
    assert 'name="action-publish"' not in page


def test_new_translations_of_a_country_page_belong_to_the_team(locales):
    senegal = CountryPage.objects.get(locale__language_code="en", slug="senegal")
    team = Group.objects.get(name="Country team: Senegal")
    bengali = senegal.get_translation(locales["bn"])
    bengali.delete()
    copy = senegal.copy_for_translation(locales["bn"])
    assert team.page_permissions.filter(page=copy).count() == 2


def test_the_create_country_team_command(capsys):
    Group.objects.filter(name="Country team: Morocco").delete()
    call_command("create_country_team", "ma")
    assert (
        "Country team: Morocco: may add and edit stories on 10 country page(s)"
        in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ar/",
        "/en/stories/senegal/fishing-again-in-saint-louis/",
        "/fr/podcasts/return-conversations/",
        "/ar/training/case-management-for-returnees/",
    ],
)
def test_every_page_has_a_description_and_an_icon_for_search_and_sharing(client, path):
    page = html(client.get(path))
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert 20 < len(description) <= 160
    icon = page.find("link", rel="icon")["href"]
    assert icon.startswith(settings.STATIC_URL)
    assert finders.find(icon.removeprefix(settings.STATIC_URL))
    manifest = finders.find(
        page.find("link", rel="manifest")["href"].removeprefix(settings.STATIC_URL)
    )
    icons = json.loads(Path(manifest).read_text())["icons"]
    assert all(finders.find(icon["src"]) for icon in icons)


@pytest.mark.parametrize(
    ("path", "own_image"),
    [
        ("/en/", False),
        ("/ar/stories/", False),
        ("/en/stories/senegal/", False),
        ("/fr/stories/senegal/fishing-again-in-saint-louis/", True),
        ("/en/podcasts/return-conversations/", True),
        ("/en/podcasts/return-conversations/what-reintegration-means/", False),
        ("/ar/training/case-management-for-returnees/", True),
        ("/en/site-map/", False),
    ],
)
def test_every_page_type_has_a_link_preview_with_an_image(client, path, own_image):
    page = html(client.get(path))
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    twitter = {m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": True})}
    assert og["og:title"] and og["og:url"].startswith("http://testserver/")
    assert og["og:locale"] and og["og:site_name"]
    assert twitter["twitter:card"] == "summary_large_image"
    image = og["og:image"].removeprefix("http://testserver")
    assert client.get(image).status_code == 200 or finders.find(
        image.removeprefix(settings.STATIC_URL)
    )
    assert ("/static/" not in image) is own_image  # else the campaign's own image
    if path != "/en/site-map/":
        assert og["og:description"] == twitter["twitter:description"]


def test_a_storys_description_is_its_summary(client, story):
    page = html(client.get(story.url))
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert story.summary.startswith(description.rstrip("…"))


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "Economic and Social"), ("fr", "Économique et Sociale"), ("ar", "اقتصادي واجتماعي")],
)
def test_lists_are_joined_as_each_language_joins_them(client, code, expected):
    """Not ", " everywhere: Arabic joins with "و" and no comma (CLDR list patterns)."""
    page = html(client.get(f"/{code}/{STORY}"))
    terms = [dt.find_next_sibling("dd").get_text() for dt in page.select(".classification dt")]
    assert expected in terms, terms
