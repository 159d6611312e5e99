"""Generate stories for `make bench`: copies of the demo's Senegal story under each language's
Senegal page, until each language has the number of stories asked for."""

import sys

import django

django.setup()

from stories.models import CountryPage, StoryPage  # noqa: E402


def generate(per_language):
    for country in CountryPage.objects.filter(slug="senegal"):
        model = StoryPage.objects.child_of(country).live().first()
        if model is None:
            continue
        existing = StoryPage.objects.filter(locale=country.locale).count()
        for number in range(existing, per_language):
            country.add_child(
                instance=StoryPage(
                    title=f"{model.title} ({number})",
                    slug=f"{model.slug}-{number}",
                    locale=country.locale,
                    summary=model.summary,
                    video=model.video,
                    body=model.body.raw_data,
                    dimensions=model.dimensions,
                    levels=model.levels,
                    voices=model.voices,
                    live=True,
                )
            )
        print(f"{country.locale.language_code}: {per_language} stories")


if __name__ == "__main__":
    generate(int(sys.argv[1]))
