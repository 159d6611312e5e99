"""Make the demo's spoken media once, for the files that are missing:
`python -m campaign_site.demo.make_media` (needs espeak-ng and ffmpeg; nothing at run time does).

Episodes: each episode's lines, spoken, into files/podcasts/.
Each line is spoken by espeak-ng, lines are 0.6 s apart, the episode is a 32 kb/s mono MP3,
and timings.json records where each line starts and ends (the transcripts' and chapters' cues).
espeak-ng has no Filipino voice: Filipino is read with its Indonesian one, the closest it has.

Story masters: 1280x720 (so the renditions pipeline makes the whole ladder from them), a
slow gradient with the country's code and the time in the picture, over the story's sound
(files/stories/story-<code>.mp4; an older, smaller master is replaced, its sound kept).

Audio-described versions: a story video whose opening frame is held while a voice says what the
picture shows, then the video as it is (files/stories/story-<code>-described.mp4).
"""

import json
import subprocess
import tempfile
import wave
from pathlib import Path

from .podcasts_text import EPISODES
from .stories_text import STORIES

FILES = Path(__file__).parent / "files" / "podcasts"
STORY_FILES = Path(__file__).parent / "files" / "stories"
VOICES = {"en": "en-gb", "pt": "pt-br", "fil": "id"}
GAP = 0.6
MP3 = ["-ac", "1", "-ar", "22050", "-b:a", "32k"]
MP4 = [
    *["-map", "[v]", "-map", "[a]", "-movflags", "+faststart"],
    *["-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-b:v", "60k"],
    *["-c:a", "aac", "-ac", "1", "-ar", "22050", "-b:a", "24k"],
]


def run(*command):
    subprocess.run(command, check=True)  # noqa: S603 (fixed programs, the demo's own texts)


def spoken(line, language, path):
    run("espeak-ng", "-v", VOICES.get(language, language), "-s", "150", "-w", str(path), line)
    with wave.open(str(path)) as recording:
        return recording.getnframes() / recording.getframerate()


def ffmpeg(*arguments):
    run("ffmpeg", "-loglevel", "error", "-y", *arguments)


def make_episode(spec, language, timings):
    name = f"episode-{spec['number']}-{language}.mp3"
    with tempfile.TemporaryDirectory() as work:
        inputs, cues, start = [], [], 0.0
        for index, line in enumerate(spec[language]["lines"]):
            path = Path(work) / f"{index}.wav"
            length = spoken(line, language, path)
            inputs += ["-i", str(path)]
            cues.append([round(start, 2), round(start + length, 2)])
            start += length + GAP
        delays = "".join(
            f"[{index}]adelay={int(cue[0] * 1000)}:all=1[d{index}];"
            for index, cue in enumerate(cues)
        )
        mix = "".join(f"[d{index}]" for index in range(len(cues)))
        mixed = f"{delays}{mix}amix=inputs={len(cues)}:normalize=0"
        ffmpeg(*inputs, "-filter_complex", mixed, *MP3, str(FILES / name))
    timings[name] = cues


HD = (1280, 720)
FONTS = Path("/usr/share/fonts/truetype/noto")
GRADIENT = "gradients=s=1280x720:d=6:speed=0.015:c0=0x0b3d5c:c1=0x1f7a5a:c2=0xc8892b:r=25"


def size_of(path):
    found = subprocess.run(  # noqa: S603
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries"]  # noqa: S607
        + ["stream=width,height", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return tuple(int(side) for side in found.strip().split(","))


def make_hd_master(spec):
    code = spec["country"].lower()
    path = STORY_FILES / f"story-{code}.mp4"
    with tempfile.TemporaryDirectory() as work:
        made = Path(work) / path.name
        picture = (
            f"[0:v]drawtext=fontfile={FONTS / 'NotoSans-Bold.ttf'}:text='{spec['country']}'"
            ":fontsize=220:fontcolor=white:x=(w-tw)/2:y=(h-th)/2-40,"
            f"drawtext=fontfile={FONTS / 'NotoSans-Regular.ttf'}:text='%{{pts\\:hms}}'"
            ":fontsize=48:fontcolor=white@0.8:x=(w-tw)/2:y=h-140,format=yuv420p[v]"
        )
        ffmpeg(
            *("-f", "lavfi", "-i", GRADIENT, "-i", str(path), "-filter_complex", picture),
            *("-map", "[v]", "-map", "1:a", "-c:v", "libx264", "-preset", "slow", "-crf", "30"),
            *("-c:a", "copy", "-t", "6", "-movflags", "+faststart", str(made)),
        )
        made.replace(path)


def make_described_video(spec):
    code = spec["country"].lower()
    with tempfile.TemporaryDirectory() as work:
        narration = Path(work) / "description.wav"
        hold = spoken(" ".join(spec["descriptions"]["en"]), "en", narration) + 0.5
        held = (
            f"[0:v]tpad=start_duration={hold:.2f}:start_mode=clone[v];"
            f"[0:a]adelay={int(hold * 1000)}:all=1[late];"
            "[1:a][late]amix=inputs=2:normalize=0:duration=longest[a]"
        )
        original = str(STORY_FILES / f"story-{code}.mp4")
        described = str(STORY_FILES / f"story-{code}-described.mp4")
        ffmpeg("-i", original, "-i", str(narration), "-filter_complex", held, *MP4, described)


def main():
    timings_file = FILES / "timings.json"
    timings = json.loads(timings_file.read_text())
    for spec in EPISODES:
        for language in spec:
            if (
                isinstance(spec[language], dict)
                and not (FILES / f"episode-{spec['number']}-{language}.mp3").exists()
            ):
                make_episode(spec, language, timings)
                print("spoken:", spec["number"], language)
    timings_file.write_text(json.dumps(timings, indent=1, ensure_ascii=False) + "\n")
    for spec in STORIES:
        if size_of(STORY_FILES / f"story-{spec['country'].lower()}.mp4") < HD:
            make_hd_master(spec)
            print("HD master:", spec["country"])
        described = STORY_FILES / f"story-{spec['country'].lower()}-described.mp4"
        if "descriptions" in spec and not described.exists():
            make_described_video(spec)
            print("described:", spec["country"])


if __name__ == "__main__":
    main()
