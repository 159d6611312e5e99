"""`make bench`: the task worker packages a module whose video is 500 MB (BENCH_VIDEO_MB), and
this prints the worker's peak memory (its maximum resident set size) and the packages' sizes.

Runs on a copy of the campaign `make bench` generated (build/bench.sqlite3), so the page
benchmarks are not changed. The video is a sparse file of the given size: the packages copy its
bytes as they are, so what is inside does not matter.
"""

import os
import shutil
import subprocess
import sys

from bench.pages import BUILD, DATABASE, ROOT, environment

VIDEO_MB = int(os.environ.get("BENCH_VIDEO_MB", 500))
SLUG = "case-management-for-returnees"
# The worker runs as the only child of a small parent that reports the child's peak memory.
MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
)


def add_big_video(env):
    """Publish the English module with a VIDEO_MB video added (which queues its packages)."""
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings

    from campaign_site.media.models import CampaignMedia
    from training.models import ModulePage, ModuleVideo

    name = "media/bench-big-video.mp4"
    path = os.path.join(settings.MEDIA_ROOT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(VIDEO_MB * 1024 * 1024)
    video = CampaignMedia.objects.filter(file=name).first()
    if video is None:  # stored as is: the upload checks are not what this measures
        video = CampaignMedia(title="Big video", type="video", duration=3600, mime_type="video/mp4")
        video.file.name = name
        video.file_size = VIDEO_MB * 1024 * 1024
        CampaignMedia.objects.bulk_create([video])
        video = CampaignMedia.objects.get(file=name)
    module = ModulePage.objects.get(locale__language_code="en", slug=SLUG)
    module.videos.add(ModuleVideo(video=video))
    module.save_revision().publish()
    return module.pk


def main():
    if not DATABASE.exists():
        sys.exit("Run `make bench` first: it generates the campaign this uses.")
    copy = BUILD / "bench-packaging.sqlite3"
    shutil.copyfile(DATABASE, copy)
    env = {**environment(cache_on=True), "DATABASE_URL": f"sqlite:///{copy}"}
    module_id = add_big_video(env)
    peak = subprocess.run(  # noqa: S603
        [sys.executable, "-c", MEASURE, sys.executable, "manage.py", "db_worker", "--batch",
         "--no-startup-delay"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    from training.models import ModulePackage

    packages = ModulePackage.objects.filter(page_id=module_id)
    sizes = ", ".join(f"{p.kind} {p.size / 1024 / 1024:.0f} MB" for p in packages)
    print(f"## Packaging a module with a {VIDEO_MB} MB video (task worker)")
    print(f"peak memory of the worker: {peak} MB; packages: {sizes}")
    from django.core.files.storage import default_storage

    for package in packages:
        default_storage.delete(package.file)
    (BUILD / "bench-media" / "media" / "bench-big-video.mp4").unlink(missing_ok=True)
    for path in BUILD.glob(copy.name + "*"):  # with SQLite's -wal and -shm files
        path.unlink()


if __name__ == "__main__":
    main()
