"""`make bench`: the renditions of a 1080p master of about 500 MB (BENCH_MASTER_MB, over
BENCH_MASTER_SECONDS), made by the task exactly as the worker runs it; prints the encode time
per minute of master, the worker's own peak memory and ffmpeg's beside it, and the sizes made.
Then the bytes a visitor fetches before the first frame at 400 kbit/s (the browser test that
measures it, on the demo site; BENCH_BROWSER=off leaves it out).

On its own database and media folder under build/, so the other benchmarks are not changed.
"""

import os
import re
import shutil
import subprocess
import sys

from bench.pages import BUILD, ROOT, environment, manage

MASTER_MB = int(os.environ.get("BENCH_MASTER_MB", 500))
MASTER_SECONDS = int(os.environ.get("BENCH_MASTER_SECONDS", 100))
DATABASE = BUILD / "bench-renditions.sqlite3"
MEDIA = BUILD / "bench-renditions-media"
# The task in a process of its own, as a worker runs it: its peak memory is the worker's;
# ffmpeg's (its children's) is reported beside it.
WORKER = (
    "import resource, sys, time, django\n"
    "django.setup()\n"
    "from campaign_site.media import tasks\n"
    "from campaign_site.media.models import CampaignMedia\n"
    "started = time.monotonic()\n"
    "tasks.make_renditions.call(int(sys.argv[1]), 'bench')\n"
    "took = time.monotonic() - started\n"
    "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
    "children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
    "video = CampaignMedia.objects.get(pk=int(sys.argv[1]))\n"
    "made = ', '.join(f'{r.height}p {r.file_size / 1e6:.1f} MB' for r in video.ladder_renditions)\n"
    "print(video.renditions_state, video.renditions_error)\n"
    "print(f'{took:.1f} {own} {children}')\n"
    "print(made, f'audio {video.audio_only_file_size / 1e6:.1f} MB')\n"
)


def make_master(path):
    kbits = MASTER_MB * 8 * 1000 // MASTER_SECONDS
    subprocess.run(  # noqa: S603
        [
            *("ffmpeg", "-loglevel", "error", "-y"),  # noqa: S607
            *("-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=30:duration={MASTER_SECONDS}"),
            *("-f", "lavfi", "-i", f"sine=frequency=300:duration={MASTER_SECONDS}"),
            *("-c:v", "libx264", "-preset", "ultrafast", "-b:v", f"{kbits}k"),
            *("-maxrate", f"{kbits}k", "-bufsize", f"{kbits}k", "-pix_fmt", "yuv420p"),
            *("-c:a", "aac", "-shortest", str(path)),
        ],
        check=True,
    )


def add_video(env, name):
    os.environ.update(env)
    import django

    django.setup()
    from campaign_site.media.models import CampaignMedia

    video = CampaignMedia(title="Bench master", type="video", renditions_version="bench")
    video.file.name = name  # stored as is: the upload checks are not what this measures
    video.renditions_state = CampaignMedia.Renditions.QUEUED
    CampaignMedia.objects.bulk_create([video])
    return CampaignMedia.objects.get(file=name).pk


def bytes_before_first_frame():
    result = subprocess.run(  # noqa: S603
        [
            *(sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:randomly"),
            "tests/browser/test_video_in_the_browser.py::test_on_a_slow_link_the_story_starts_at_the_lowest_height",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    found = re.search(r"fetched before the first frame at 400 kbit/s: .*", result.stdout)
    return found.group(0) if found else "not measured: " + result.stdout[-500:]


def main():
    for path in (DATABASE, MEDIA):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    env = {**environment(cache_on=True), "DATABASE_URL": f"sqlite:///{DATABASE}"}
    env["MEDIA_ROOT"] = str(MEDIA)
    manage("migrate", "--no-input", "-v0", env=env)
    name = "media/bench-master.mp4"
    (MEDIA / "media").mkdir(parents=True, exist_ok=True)
    make_master(MEDIA / name)
    size = (MEDIA / name).stat().st_size
    video_id = add_video(env, name)
    state, timing, made = (
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", WORKER, str(video_id)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-3:]
    )
    took, own, children = timing.split()
    print(
        f"## Renditions of a {MASTER_SECONDS} s 1080p master of {size / 1e6:.0f} MB (task worker)"
    )
    print(f"state: {state}")
    print(f"encode: {float(took):.0f} s, {float(took) / (MASTER_SECONDS / 60):.0f} s per minute")
    print(f"peak memory: worker {own} MB, ffmpeg {children} MB; made: {made}")
    if os.environ.get("BENCH_BROWSER") != "off":
        print(bytes_before_first_frame())
    shutil.rmtree(MEDIA, ignore_errors=True)
    for path in BUILD.glob(DATABASE.name + "*"):
        path.unlink()


if __name__ == "__main__":
    main()
