"""The one way out of storage. Nothing is public because its path is known: a stored file
leaves through this view (documents through Wagtail's own document view, training packages
through their module's page), which looks up the record that owns the file, decides from it
who may have it, and answers with the content type that validation established.

- media/      audio and video (main and data-saver files): used by a live page, consent valid
- renditions/ what the worker made from a video's current master (MP4s, HLS playlists and
              their segments, the audio-only version, forwardable clips): as their video
- subtitles/  subtitle tracks: as their video
- images/     image renditions: unless the image is the poster of a video whose consent lapsed
- original_images/  editors only (the public gets renditions)
- everything else (documents/, packages/, a path nobody recorded): 404

The bytes are sent by the web server (X-Accel-Redirect) or the object store (a short-lived
signed URL) where one is configured, and by Django with HTTP Range support otherwise.

The content apps sit above this room and speak through signals: ``withheld`` (stories: a
video or poster whose consent lapsed stays in), ``withdrawn`` (stories: such videos left pages
that stay live; training rebuilds their packages) and ``file_sent`` (podcasts: an episode's
audio counts as a download).
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Q
from django.dispatch import Signal
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.images import get_image_model
from wagtail.models import Page

from campaign_site.delivery.responses import harden, send_local_file
from campaign_site.media.models import CampaignMedia, SubtitleTrack, pages_using

IMAGE_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
PUBLIC_MAX_AGE = 600  # seconds: a withdrawn file leaves browsers and CDNs within ten minutes
# Renditions are named by their master's version and never change: browsers keep them a day
# (a visitor watching again pays nothing), shared caches as long as any other public file.
RENDITION_MAX_AGE = 24 * 60 * 60
SIGNED_REDIRECT_MAX_AGE = 60
RENDITION_TYPES = {
    "m3u8": "application/vnd.apple.mpegurl",
    "m4s": "video/mp4",
    "mp4": "video/mp4",
    "m4a": "audio/mp4",
}


# Sent with sender=CampaignMedia or the image model and pk=...: a receiver answering True keeps
# the file from the public (editors still get it).
withheld = Signal()
# Sent with request= and stored= after a stored file went out (200, 206 or a redirect to it).
file_sent = Signal()
# Sent with media_ids= and pages= once videos became withheld while those live pages still
# show them (stories: consent lapsed): their caches and packages must follow.
withdrawn = Signal()


def is_withheld(model, pk):
    return any(answer for _receiver, answer in withheld.send(sender=model, pk=pk))


def image_type(name):
    """The content type of an image file Wagtail stored (it names files by their format)."""
    return IMAGE_TYPES.get(PurePosixPath(name).suffix.lstrip(".").lower())


@dataclass(frozen=True)
class StoredFile:
    name: str
    content_type: str
    public: bool
    immutable: bool = False


def is_editor(request):
    return request.user.is_authenticated and request.user.has_perm("wagtailadmin.access_admin")


def used_by_a_live_page(media):
    return Page.objects.live().filter(pk__in=pages_using([media.pk])).exists()


def media_is_public(media):
    return used_by_a_live_page(media) and not is_withheld(CampaignMedia, media.pk)


def media_file(name):
    media = CampaignMedia.objects.filter(
        Q(file=name) | Q(data_saver_file=name) | Q(audio_described_file=name)
    ).first()
    if media is None:
        return None
    content_type = media.mime_type if media.file.name == name else "video/mp4"
    return StoredFile(name, content_type or "application/octet-stream", media_is_public(media))


def made_file(name):
    """renditions/<video>/<version>/<file>: of the video's current master only."""
    parts = name.split("/")
    content_type = RENDITION_TYPES.get(PurePosixPath(name).suffix.lstrip("."))
    if len(parts) != 4 or not parts[1].isdigit() or content_type is None:
        return None
    media = CampaignMedia.objects.filter(pk=parts[1], renditions_version=parts[2]).first()
    if media is None or not parts[2]:
        return None
    return StoredFile(name, content_type, media_is_public(media), immutable=True)


def subtitle_file(name):
    track = SubtitleTrack.objects.filter(file=name).select_related("media").first()
    if track is None:
        return None
    return StoredFile(name, "text/vtt; charset=utf-8", media_is_public(track.media))


def rendition_file(name):
    content_type = image_type(name)
    rendition = (
        get_image_model().get_rendition_model().objects.filter(file=name).only("image_id").first()
    )
    if rendition is None or content_type is None:
        return None
    return StoredFile(name, content_type, not is_withheld(get_image_model(), rendition.image_id))


def original_image_file(name):
    content_type = image_type(name)
    if content_type is None or not get_image_model().objects.filter(file=name).exists():
        return None
    return StoredFile(name, content_type, public=False)


RESOLVERS = {
    "media": media_file,
    "renditions": made_file,
    "subtitles": subtitle_file,
    "images": rendition_file,
    "original_images": original_image_file,
}


def resolve(name):
    resolver = RESOLVERS.get(name.split("/", 1)[0])
    return resolver(name) if resolver else None


@require_safe
def serve_stored_file(request, path):
    stored = resolve(path)
    if stored is None or not (stored.public or is_editor(request)):
        raise Http404
    response = send(request, stored)
    if response.status_code in (200, 206, 302):
        file_sent.send(sender=StoredFile, request=request, stored=stored)
    if isinstance(response, HttpResponseRedirect):
        # a signed URL: a browser may follow it again for a minute; no shared cache keeps it
        # (it would outlive the signature, and a withdrawal)
        patch_cache_control(response, private=True, max_age=SIGNED_REDIRECT_MAX_AGE)
    elif stored.public:
        lifetime = (
            {"max_age": RENDITION_MAX_AGE, "s_maxage": PUBLIC_MAX_AGE, "immutable": True}
            if stored.immutable
            else {"max_age": PUBLIC_MAX_AGE}
        )
        patch_cache_control(response, public=True, **lifetime)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    if stored.public:
        # Public files may be read by any web page: players on other sites fetch subtitles and
        # transcripts. No credentials are ever allowed with it.
        response["Access-Control-Allow-Origin"] = "*"
    return harden(response)


def send(request, stored):
    accel_prefix = settings.STORED_FILES_ACCEL_REDIRECT
    if accel_prefix:  # nginx sends the bytes, Range included (deploy/nginx.conf)
        response = HttpResponse(content_type=stored.content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + stored.name
        return response
    try:
        full_path = default_storage.path(stored.name)
    except NotImplementedError:  # object storage: a short-lived signed URL does the work
        return HttpResponseRedirect(default_storage.signed_url(stored.name, stored.content_type))
    return send_local_file(request, full_path, stored.content_type)
