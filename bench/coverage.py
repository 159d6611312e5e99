"""`make bench`: the translation coverage report (admin > Reports) at 1,000 stories in each of the
campaign's ten languages, on a fresh database: queries and time of the report page, its
spreadsheet export and the dashboard, at 100 and at 1,000 stories (the query counts must not
move).

The stories are written straight into each language's tree (as translations share a
translation key), a tenth of them as drafts and a tenth missing, so every state but
"awaiting moderation" appears; wagtail-localize is not asked to translate 10,000 pages.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from wagtail.models import Locale  # noqa: E402

from campaign_site.demo.loader import load_demo_campaign  # noqa: E402
from campaign_site.languages import CAMPAIGN_LANGUAGES  # noqa: E402
from stories.models import CountryPage, StoryPage  # noqa: E402

SIZES = (100, 1000)
RUNS = 3
URLS = {
    "report": "/admin/reports/translation-coverage/",
    "CSV export": "/admin/reports/translation-coverage/?export=csv",
    "dashboard": "/admin/",
}


def country_in_every_language():
    source = CountryPage.objects.get(locale__language_code="en", slug="senegal")
    found = {
        page.locale.language_code: page
        for page in CountryPage.objects.filter(translation_key=source.translation_key)
    }
    for code in CAMPAIGN_LANGUAGES:
        if code not in found:
            copy = source.copy_for_translation(Locale.objects.get(language_code=code), True)
            copy.save_revision().publish()
            found[code] = copy
    return found


def add_stories(countries, first, last):
    video = StoryPage.objects.filter(locale__language_code="en").first().video
    now = timezone.now()
    for number in range(first, last):
        source = None
        for code in CAMPAIGN_LANGUAGES:
            if code != "en" and number % 10 == 0:
                continue  # missing in every other language
            page = StoryPage(
                title=f"Story {number} ({code})",
                slug=f"bench-story-{number}",
                summary="A story.",
                video=video,
                voices=["returnee"],
                live=not (code != "en" and number % 10 == 1),  # a draft translation
                first_published_at=now,
                last_published_at=now,
                locale=countries[code].locale,
            )
            if source is not None:
                page.translation_key = source.translation_key
            countries[code].add_child(instance=page)
            source = source or page


def measure(client, url):
    timings, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(timings), queries


def main():
    setup_test_environment()  # the test client's host, "testserver", is allowed
    call_command("migrate", "--no-input", verbosity=0)
    load_demo_campaign()
    countries = country_in_every_language()
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client()
    client.force_login(user)
    print("| stories per language | pages | view | median ms | queries |")
    print("| ---: | ---: | --- | ---: | ---: |")
    added = 0
    for size in SIZES:
        add_stories(countries, added, size)
        added = size
        pages = StoryPage.objects.count()
        for name, url in URLS.items():
            client.get(url)  # warm Wagtail's own caches
            median, queries = measure(client, url)
            print(f"| {size} | {pages} | {name} | {median * 1000:.0f} | {queries} |")


if __name__ == "__main__":
    main()
