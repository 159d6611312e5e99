"""Page models as editors meet them in the admin."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from campaign_site.pages.blocks import CallToActionBlock
from campaign_site.pages.models import HomePage
from stories.models import StoriesIndexPage


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_slugs_stay_ascii_whatever_the_titles_script(section, locales):
    arabic = section.get_translation(locales["ar"])
    arabic.slug = "قصص"
    with pytest.raises(ValidationError) as error:
        arabic.full_clean()
    assert "slug" in error.value.message_dict


def test_an_editor_creates_a_section_in_the_admin(admin_client, home):
    Page.objects.get(pk=StoriesIndexPage.objects.get(locale=home.locale).pk).delete()
    response = admin_client.post(
        f"/admin/pages/add/stories/storiesindexpage/{home.pk}/",
        nested_form_data(
            {"title": "Stories", "slug": "stories", "intro": "Videos.", "action-publish": "1"}
        ),
    )
    assert response.status_code == 302, response.content[:2000]
    created = StoriesIndexPage.objects.get(locale=home.locale)
    assert created.live and created.get_parent().pk == home.pk


def test_an_editor_creates_a_home_page_with_a_body(admin_client, home):
    root = Page.get_first_root_node()
    data = nested_form_data(
        {
            "title": "Second campaign",
            "slug": "second",
            "tagline": "Another campaign",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Read",
                            "button_label": "Go",
                            "link_url": "https://example.org/",
                        },
                    )
                ]
            ),
        }
    )
    response = admin_client.post(f"/admin/pages/add/core/homepage/{root.pk}/", data)
    assert response.status_code == 302, response.content[:2000]
    created = HomePage.objects.get(slug="second")
    assert created.body[0].value["link_url"] == "https://example.org/"


@pytest.mark.parametrize(
    "links",
    [{}, {"link_url": "https://example.org/", "link_page": "PAGE"}],
    ids=["neither", "both"],
)
def test_a_call_to_action_needs_exactly_one_link(links, home):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Listen",
            "button_label": "Go",
            **{k: home.pk if v == "PAGE" else v for k, v in links.items()},
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"link_page", "link_url"}


def test_home_body_renders_every_block(client, home):
    response = client.get("/en/")
    content = response.content.decode()
    assert "Why this campaign" in content
    for block in (
        'class="feature"',
        'class="latest"',
        'class="key-fact"',
        'class="call-to-action"',
    ):
        assert block in content
    assert 'class="button" href="/en/podcasts/"' in content


def test_the_ascii_slug_error_is_translated(section, locales):
    from django.utils import translation

    arabic = section.get_translation(locales["ar"])
    arabic.slug = "قصص"
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            arabic.full_clean()
        messages = error.value.message_dict["slug"]
    assert messages == [
        "Utilisez uniquement des lettres latines, des chiffres, des tirets et des traits de "
        "soulignement, pour que l’adresse reste lisible lorsqu’elle est partagée par SMS "
        "ou WhatsApp."
    ]
