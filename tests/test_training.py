"""Training modules as trainers use them: pages, embed, oEmbed, SCORM and the training pack."""

import base64
import io
import json
import re
import zipfile
from unittest import mock
from xml.etree import ElementTree

import pytest

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from wagtail.embeds.finders.oembed import OEmbedFinder

from training.models import ModulePage

from .conftest import NO_TASKS, csp_directive, html

pytestmark = pytest.mark.django_db
MODULE = "training/case-management-for-returnees/"
URL = f"http://testserver/ar/{MODULE}"


@pytest.fixture
def module(db):
    return ModulePage.objects.get(locale__language_code="ar", slug="case-management-for-returnees")


def test_the_module_page_shows_everything_a_trainer_needs(client, module):
    page = html(client.get(f"/ar/{MODULE}"))
    assert page.find("html")["dir"] == "rtl"
    assert page.find("video")["preload"] == "none"
    assert [li.get_text() for li in page.select("#objectives-heading + ul li")] == [
        "إجراء تقييم للاحتياجات مع العائد.",
        "إعداد خطة لإعادة الإدماج ومتابعتها.",
    ]
    documents = page.select(".documents li")
    with translation.override("ar"):
        sizes = [filesizeformat(module.facilitator_guide.get_file_size())]
        sizes += [
            filesizeformat(handout.document.get_file_size()) for handout in module.handouts.all()
        ]
    assert [re.search(r"PDF, (.+)\)", li.get_text())[1] for li in documents] == sizes
    embed_code = page.select_one(".embed-box textarea").get_text()
    assert f'src="{URL}embed/"' in embed_code and 'title="إدارة الحالات للعائدين"' in embed_code
    downloads = {a["href"]: a.parent.get_text() for a in page.select(".embed-box .downloads a")}
    assert set(downloads) == {f"/ar/{MODULE}scorm.zip", f"/ar/{MODULE}pack.zip"}
    for href, text in downloads.items():
        with translation.override("ar"):
            size = filesizeformat(len(b"".join(client.get(href).streaming_content)))
        assert f"({size})" in text


def test_modules_carry_oembed_discovery_links(client, module):
    page = html(client.get(f"/ar/{MODULE}"))
    links = {
        link["type"]: link["href"]
        for link in page.find_all("link", rel="alternate", type=re.compile("oembed"))
    }
    assert set(links) == {"application/json+oembed", "text/xml+oembed"}
    assert (
        client.get(links["application/json+oembed"].removeprefix("http://testserver")).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"audience": "case-managers"}, ["Case management for returnees"]),
        ({"level": "advanced"}, ["Local government and reintegration"]),
        (
            {"dimension": "social"},
            ["Local government and reintegration", "Understanding sustainable reintegration"],
        ),
        (
            {},
            [
                "Case management for returnees",
                "Local government and reintegration",
                "Understanding sustainable reintegration",
            ],
        ),
    ],
)
def test_the_index_filters_by_audience_dimension_and_level(client, params, expected):
    page = html(client.get("/en/training/", params))
    assert sorted(card.find("h3").get_text() for card in page.select(".module-card")) == expected


def test_only_embed_views_may_be_framed(client, module):
    embed = client.get(f"/ar/{MODULE}embed/")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert csp_directive(embed, "frame-ancestors") == "*"
    page = html(embed)
    assert page.find("html")["lang"] == "ar" and page.find("nav") is None and page.find("video")
    for path in [
        f"/ar/{MODULE}",
        "/en/",
        "/en/stories/",
        "/fr/podcasts/return-conversations/",
        "/en/training/",
    ]:
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert csp_directive(response, "frame-ancestors") == "'none'", path


def test_a_module_can_restrict_who_embeds_it(client, module):
    module.embed_allowed_origins = "https://lms.example.org\nhttps://moodle.example.net"
    module.save_revision().publish()
    assert (
        csp_directive(client.get(f"/ar/{MODULE}embed/"), "frame-ancestors")
        == "https://lms.example.org https://moodle.example.net"
    )
    module.embed_allowed_origins = "not an origin"
    with pytest.raises(ValidationError):
        module.full_clean()


def oembed(client, **params):
    return client.get("/oembed/", {"url": URL, **params})


def test_oembed_json_follows_the_spec(client, module):
    response = oembed(client)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["type"] == "video" and data["version"] == "1.0"
    assert data["title"] == module.title
    assert data["provider_name"] and data["provider_url"] == "http://testserver/"
    assert (data["width"], data["height"]) == (640, 408)
    assert f'src="{URL}embed/"' in data["html"] and 'width="640"' in data["html"]
    assert data["thumbnail_url"].startswith("http://testserver/media/images/")
    assert data["thumbnail_width"] <= 640 and data["thumbnail_height"] <= 408


def test_oembed_xml_follows_the_spec(client, module):
    response = oembed(client, format="xml")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    assert root.tag == "oembed"
    assert root.findtext("type") == "video" and root.findtext("version") == "1.0"
    assert root.findtext("html").startswith("<iframe")


@pytest.mark.parametrize(
    ("maxwidth", "maxheight"), [(400, None), (None, 200), (300, 150), (1000, 1000)]
)
def test_oembed_honours_maxwidth_and_maxheight(client, module, maxwidth, maxheight):
    params = {
        key: value for key, value in {"maxwidth": maxwidth, "maxheight": maxheight}.items() if value
    }
    data = oembed(client, **params).json()
    assert data["width"] <= (maxwidth or 10_000) and data["height"] <= (maxheight or 10_000)
    assert data["thumbnail_width"] <= data["width"] and data["thumbnail_height"] <= data["height"]


def test_oembed_status_codes(client, module):
    assert oembed(client, format="yaml").status_code == 501
    assert client.get("/oembed/").status_code == 400
    assert (
        client.get("/oembed/", {"url": "http://testserver/ar/training/no-such-module/"}).status_code
        == 404
    )
    assert (
        client.get("/oembed/", {"url": "http://testserver/en/"}).status_code == 404
    )  # not embeddable
    assert (
        client.get("/oembed/", {"url": "https://elsewhere.example/ar/" + MODULE}).status_code == 404
    )
    module.unpublish()
    assert oembed(client).status_code == 404


def test_stories_are_offered_by_oembed_too(client):
    data = client.get(
        "/oembed/", {"url": "http://testserver/fr/stories/senegal/fishing-again-in-saint-louis/"}
    ).json()
    assert (
        'src="http://testserver/fr/stories/senegal/fishing-again-in-saint-louis/embed/"'
        in data["html"]
    )


def test_wagtails_own_embed_finder_embeds_a_module(client, module):
    """Wagtail's oEmbed finder, pointed at our provider, fetches and understands it."""

    class Answer:  # what requests.get returns, from our real provider through the test client
        def __init__(self, response):
            self.response = response

        def raise_for_status(self):
            assert self.response.status_code == 200

        def json(self):
            return self.response.json()

    def get(endpoint, params, **kwargs):
        return Answer(client.get(endpoint.removeprefix("http://testserver"), params))

    finder = OEmbedFinder(
        providers=[{"endpoint": "http://testserver/oembed/", "urls": [r"^http://testserver/.+$"]}]
    )
    assert finder.accept(URL)
    with mock.patch("wagtail.embeds.finders.oembed.requests.get", get):
        embed = finder.find_embed(URL, max_width=480)
    assert embed["type"] == "video"
    assert embed["title"] == module.title
    assert embed["width"] == 480
    assert f'src="{URL}embed/"' in embed["html"]


def scorm(client):
    response = client.get(f"/ar/{MODULE}scorm.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_scorm_package_has_a_scorm_1_2_manifest(client, module):
    package = scorm(client)
    raw = package.read("imsmanifest.xml").decode()
    assert 'adlcp:scormtype="sco"' in raw  # the literal attribute Moodle looks for
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
    manifest = ElementTree.fromstring(raw)
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    (resource,) = manifest.findall("cp:resources/cp:resource", ns)
    item = manifest.find("cp:organizations/cp:organization/cp:item", ns)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get("href") == "index.html"
    listed = {file.get("href") for file in resource.findall("cp:file", ns)}
    assert listed == set(package.namelist()) - {"imsmanifest.xml"}
    assert "scorm_launch.js" in listed and any(name.startswith("media/") for name in listed)


def data_url_text(url):
    header, _, data = url.partition(",")
    assert header == "data:text/vtt;charset=utf-8;base64"
    return base64.b64decode(data).decode()


def assert_tracks_inline(video_element, media):
    """Every track of the video is in the page as a data: URL holding the track's file: from
    disk (a unique origin) Chromium loads no track file."""
    tracks = video_element.find_all("track")
    assert len(tracks) == media.subtitle_tracks.count() > 1
    for element in tracks:
        track = media.subtitle_tracks.get(language=element["srclang"], kind=element["kind"])
        assert data_url_text(element["src"]) == track.file.open("rb").read().decode()


def test_the_scorm_launch_page_plays_the_bundled_video_with_every_track(client, module):
    package = scorm(client)
    page = html_of(package.read("index.html"))
    video = page.find("video")
    assert video["src"] in package.namelist()
    assert float(video["data-duration"]) == pytest.approx(module.video_list[0].duration)
    assert_tracks_inline(video, module.video_list[0])
    assert [script["src"] for script in page.find_all("script")] == [
        "progress.js",
        "scorm_launch.js",
    ]
    # Objectives, questions and transcripts travel with the package, in the module's language.
    objectives = [li.get_text() for li in page.select(".objectives li")]
    assert objectives == [block.value for block in module.learning_objectives]
    questions = [li.get_text() for li in page.select(".questions li")]
    assert questions and questions == [block.value for block in module.discussion_questions]
    transcripts = [a["href"] for a in page.select(".transcripts a")]
    assert len(transcripts) == len(video.find_all("track"))
    assert all(package.read(name).decode().startswith("[0:00] ") for name in transcripts)


def test_the_manifest_is_xml_within_the_schema(client, module):
    """An apostrophe reaches the LMS as an apostrophe (Moodle does not decode &#x27;), a title
    stays within the schema's 200 characters, and the mastery score is the completion rule."""
    module.title = "Returnees' rights: " + "a very long title " * 12  # 235 characters
    module.save_revision().publish()
    raw = scorm(client).read("imsmanifest.xml").decode()
    assert "&#x27;" not in raw and "&#39;" not in raw
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
    manifest = ElementTree.fromstring(raw)
    titles = [element.text for element in manifest.iter(f"{{{ns['cp']}}}title")]
    assert len(titles) == 2
    assert all(
        title.startswith("Returnees' rights: a very") and len(title) == 200 for title in titles
    )
    item = manifest.find("cp:organizations/cp:organization/cp:item", ns)
    assert item.findtext("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore") == "90"
    identifier = manifest.get("identifier")
    assert re.fullmatch(r"[A-Za-z_][\w.-]*", identifier)  # an xsd:ID


def html_of(data):
    from bs4 import BeautifulSoup

    return BeautifulSoup(data, "html.parser")


def pack(client, path=f"/ar/{MODULE}"):
    response = client.get(f"{path}pack.zip")
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_training_pack_has_everything_and_an_offline_index(client, module, tmp_path):
    package = pack(client)
    package.extractall(tmp_path)
    index = html_of((tmp_path / "index.html").read_bytes())
    assert index.find("html")["dir"] == "rtl"
    links = [a["href"] for a in index.find_all("a")] + [
        video["src"] for video in index.find_all("video")
    ]
    assert links and all((tmp_path / link).is_file() for link in links), links
    media = module.video_list[0]
    assert_tracks_inline(index.find("video"), media)
    # Every track also as a file, and as a transcript.
    for track in media.subtitle_tracks.all():
        (vtt,) = [
            n for n in package.namelist() if n.endswith(f".{track.language}.{track.kind}.vtt")
        ]
        assert package.read(vtt) == track.file.open("rb").read()
        (text,) = [
            n for n in package.namelist() if n.endswith(f".{track.language}.{track.kind}.txt")
        ]
        assert package.read(text).decode().startswith("[0:00] ")
    # Labels in the pack's own language, the facilitator guide included.
    with translation.override("ar"):
        guide = translation.gettext("Facilitator guide")
    documents = [a.get_text() for a in index.select(".documents a")]
    assert documents == [guide] + [handout.title for handout in module.handouts.all()]
    assert guide != "Facilitator guide"


def test_pack_file_names_stay_visible_and_unique_in_every_script(client, module):
    """Arabic, Amharic, Georgian and Serbian titles slugify to nothing: names are transliterated
    and numbered, never hidden dot files, never shared by two files."""
    second = (
        module.video_list[0]
        .__class__.objects.exclude(pk=module.video_list[0].pk)
        .filter(type="video", subtitle_tracks__isnull=False)
        .distinct()
        .first()
    )
    module.videos.create(video=second, sort_order=1)  # after the module's own video
    module.video_list[0].title = "قصة العودة"
    module.video_list[0].save()
    second.title = "ქართული ამბავი"
    second.save()
    handout = module.handouts.first()
    handout.title = "ሰነድ"
    handout.save()
    module.save_revision().publish()
    names = [name for name in pack(client).namelist() if name != "index.html"]
    assert len(names) == len(set(names))
    for name in names:
        base = name.rsplit("/", 1)[-1]
        assert base.isascii() and not base.startswith(".") and re.match(r"\d\d", base), name
    tracks = sum(video.subtitle_tracks.count() for video in (module.video_list[0], second))
    assert sum(name.startswith("subtitles/") for name in names) == tracks
    assert sum(name.startswith("transcripts/") for name in names) == tracks
    assert sum(name.startswith("media/") for name in names) == 2
    assert any(name.startswith("media/01-qs") for name in names)  # transliterated
    assert any(name.startswith("media/02-kartuli") for name in names)


def test_packages_are_rebuilt_when_the_module_is_republished(client, module):
    first = scorm(client).read("index.html")
    module.title = "عنوان جديد"
    module.save_revision().publish()
    assert "عنوان جديد" in scorm(client).read("index.html").decode()
    assert first != scorm(client).read("index.html")


def test_learning_material_in_the_api(client, module):
    data = json.loads(client.get(f"/api/v2/pages/{module.pk}/").content)
    assert data["title"] == module.title


def test_packages_are_built_by_a_task_never_by_a_request(client, module, settings):
    """With the task worker away, a published module offers its packages as being prepared;
    the worker builds them and only then are they offered."""
    from django_tasks import default_task_backend

    from training.models import ModulePackage
    from training.tasks import build_module_packages

    settings.TASKS = NO_TASKS
    module.title = "وحدة محدثة"
    module.save_revision().publish()
    module.refresh_from_db()
    assert not ModulePackage.objects.filter(page=module, built_for=module.last_published_at)
    page = html(client.get(module.url))
    assert not page.select(f'a[href="{module.url}scorm.zip"]')
    response = client.get(f"/ar/{MODULE}scorm.zip")
    assert response.status_code == 503 and response["Retry-After"] == "60"
    queued = [result.task for result in default_task_backend.results]
    assert build_module_packages in queued

    build_module_packages.call(module.pk)  # what the worker does
    page = html(client.get(module.url))
    assert page.select(f'a[href="{module.url}scorm.zip"]')
    assert "وحدة محدثة" in scorm(client).read("index.html").decode()


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("en", 1, "1 minute"),
        ("en", 90, "90 minutes"),
        ("fr", 1, "1 minute"),
        ("ar", 1, "دقيقة واحدة"),
        ("ar", 2, "دقيقتان"),
        ("ar", 5, "5 دقائق"),
        ("ar", 11, "11 دقيقة"),
    ],
)
def test_durations_use_the_languages_plural_forms(client, language, minutes, expected):
    """Arabic has six plural forms; "1 minutes" is wrong in every language."""
    module = ModulePage.objects.get(
        locale__language_code=language, slug="case-management-for-returnees"
    )
    module.duration_minutes = minutes
    module.save_revision().publish()
    meta = html(client.get(f"/{language}/{MODULE}")).select_one(".meta").get_text()
    assert expected in meta.split(" · ")
