"""A publish racing a consent withdrawal, N times, on PostgreSQL (run by test_consent.py).

Makes its own database from DATABASE_URL's server, loads the demo campaign into it, then in each
trial starts a publish of the story and a withdrawal of its consent in two threads (each with its
own connection) at the same instant. Prints how many trials ended with the story live while its
consent is withdrawn; drops the database.
"""

import os
import random
import sys
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SERVER = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
NAME = f"campaign_race_{os.getpid()}"


def main(trials):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import pre_save
    from django.utils import timezone

    from campaign_site.demo.loader import load_demo_campaign
    from stories.consent import ConsentLapsed
    from stories.models import ConsentRecord, StoryPage

    def slow_publish(sender, instance, update_fields=None, **kwargs):
        """A publish that takes a moment after its consent check (a loaded server), so that
        the two transactions really overlap."""
        if isinstance(instance, StoryPage) and instance.live and update_fields is None:
            time.sleep(0.05)

    pre_save.connect(slow_publish, weak=False)
    call_command("migrate", verbosity=0)
    load_demo_campaign()
    story = StoryPage.objects.get(locale__language_code="en", slug="fishing-again-in-saint-louis")
    record = ConsentRecord.objects.get(story=story)
    violations = 0
    for _trial in range(trials):
        ConsentRecord.objects.filter(pk=record.pk).update(withdrawn_on=None)
        page = StoryPage.objects.get(pk=story.pk)
        if page.live:
            page.unpublish()
        revision = page.save_revision()
        start = threading.Barrier(2)

        def publish(revision=revision, start=start):
            start.wait()
            try:
                revision.publish()
            except ConsentLapsed:
                pass
            finally:
                connection.close()

        def withdraw(start=start):
            start.wait()
            time.sleep(random.uniform(0, 0.08))  # noqa: S311 - lands before, in or after the publish
            withdrawn = ConsentRecord.objects.get(pk=record.pk)
            withdrawn.withdrawn_on = timezone.localdate()
            withdrawn.save()
            connection.close()

        threads = [threading.Thread(target=publish), threading.Thread(target=withdraw)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        live = StoryPage.objects.get(pk=story.pk).live
        withdrawn = ConsentRecord.objects.get(pk=record.pk).withdrawn_on is not None
        violations += live and withdrawn
    print(f"violations: {violations} of {trials}")
    connection.close()


if __name__ == "__main__":
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{NAME}"')
    os.environ["DATABASE_URL"] = f"{SERVER}/{NAME}"
    try:
        main(int(sys.argv[1]))
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
