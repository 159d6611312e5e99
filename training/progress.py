"""The completion rule of a module, wherever it is played: the share of its video time really
played, from 0 to 100; 90 completes it. The SCORM manifest's mastery score and the grade sent to
an LTI platform both say the same. In the browser progress.js computes it (a SCORM package has
no server); for an LTI grade the server computes it here from the played ranges the player
reports, capped by the time since the launch, so a learner cannot claim more than they could
have watched."""

import math

MASTERY_SCORE = 90
# A report may run slightly ahead of the server's clock (the launch is stamped when its page is
# rendered, the player's clock starts when it is shown): one second is allowed for that.
CLOCK_SLACK_SECONDS = 1.0
MAX_RANGES = 1000  # per report: far more than a learner's seeks, bounded for the parser


def played_seconds(report, durations):
    """Seconds of video really played, from the player's report of its played ranges
    ("0:0-12.5,30-41|1:0-8", a video's index then its ranges, as ModuleProgress.serialize
    writes it): ranges are clipped to each video's length and overlaps counted once. Raises
    ValueError on a malformed report."""
    ranges = {index: [] for index in range(len(durations))}
    parts = [part for part in report.split("|") if part]
    if sum(part.count(",") + 1 for part in parts) > MAX_RANGES:
        raise ValueError("too many ranges")
    for part in parts:
        index, _colon, spans = part.partition(":")
        index = int(index)
        if index not in ranges:
            raise ValueError(f"no video {index}")
        for span in filter(None, spans.split(",")):
            start, end = (float(end) for end in span.split("-"))
            if not (math.isfinite(start) and math.isfinite(end)) or end < start:
                raise ValueError(f"bad range {span}")
            start, end = max(0.0, start), min(durations[index], end)
            if end > start:
                ranges[index].append((start, end))
    return sum(covered(spans) for spans in ranges.values())


def covered(spans):
    total, reached = 0.0, 0.0
    for start, end in sorted(spans):
        start = max(start, reached)
        if end > start:
            total += end - start
            reached = end
    return total


def score(seconds, total):
    """The share of ``total`` seconds that ``seconds`` is, from 0 to 100."""
    return min(100, math.floor(100 * seconds / total)) if total > 0 else 0
