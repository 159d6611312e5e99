"""`make bench`: podcast feed generation for a show with 500 episodes, on a fresh database.

Reports the time and query count of a cold build (cache empty) and of a cached response.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from podcasts.models import EpisodeChapter, EpisodePage, EpisodePerson, ShowPage  # noqa: E402

EPISODES = 500
RUNS = 5


def build_show():
    call_command("migrate", verbosity=0)
    call_command("load_demo_campaign", verbosity=0)
    show = ShowPage.objects.get(locale__language_code="en")
    audio = EpisodePage.objects.filter(locale=show.locale).first().audio
    for number in range(EpisodePage.objects.child_of(show).count(), EPISODES):
        episode = show.add_child(
            instance=EpisodePage(
                title=f"Episode {number}: a conversation",
                slug=f"episode-{number}",
                summary="Experts and practitioners on reintegration.",
                show_notes="<p>Notes.</p>",
                audio=audio,
                number=number,
                persons=[EpisodePerson(name="Amina Diallo", role="host")],
                chapters=[EpisodeChapter(start=0, title="Introduction", locale=show.locale)],
            )
        )
        episode.save_revision().publish()
    return show


def measure(client, url, clear_cache):
    timings, queries, size = [], None, 0
    for _ in range(RUNS):
        if clear_cache:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        queries, size = len(captured), len(response.content)
    return statistics.median(timings), min(timings), queries, size


def main():
    setup_test_environment()  # the test client's host, "testserver", is allowed
    show = build_show()
    count = EpisodePage.objects.live().child_of(show).count()
    url = show.get_url() + "feed.xml"
    client = Client()
    client.get(url)  # renditions are made once
    print(f"Feed of a show with {count} episodes: {url}")
    print(f"{'':8} {'median ms':>10} {'best ms':>9} {'queries':>8} {'bytes':>9}")
    for label, clear in (("cold", True), ("cached", False)):
        median, best, queries, size = measure(client, url, clear)
        print(f"{label:8} {median * 1000:10.1f} {best * 1000:9.1f} {queries:8} {size:9}")


if __name__ == "__main__":
    main()
