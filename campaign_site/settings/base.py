"""Settings shared by every environment. Anything that differs between machines comes from
environment variables, so moving from one machine to several needs no code change."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

from campaign_site.languages import (
    CAMPAIGN_LANGUAGES,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    is_rtl,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # the shared rooms, each on those before it (docs/architecture.md), then the content apps
    "campaign_site.delivery",
    "campaign_site.editorial",
    "campaign_site.translation",
    "campaign_site.media",
    "campaign_site.pages",
    "campaign_site.reach",
    "stories",
    "podcasts",
    "training",
    "campaign_site.backups",
    "campaign_site.demo",  # the demo campaign (`make run`); nothing depends on it
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtailmedia",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "training.apps.LtiToolConfig",  # PyLTI1p3: LTI platforms and the tool's keys
]
# JSON for manage.py backup (campaign_site.backups.serializer)
SERIALIZATION_MODULES = {"backup": "campaign_site.backups.serializer"}

MIDDLEWARE = [
    # first: a page from the cache counts too, and the player's beacons are answered at once
    "campaign_site.reach.middleware.ReachMiddleware",
    "campaign_site.delivery.page_cache.PageCacheMiddleware",  # a hit skips everything after it
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "campaign_site.delivery.compression.AnonymousCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "campaign_site.delivery.middleware.CampaignLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "campaign_site.editorial.publishing.PublishingRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it answers locked-out logins
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "campaign_site.urls"
WSGI_APPLICATION = "campaign_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "campaign_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: an SQLite file by default, anything dj-database-url understands from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets readers work while an editor writes; IMMEDIATE takes the write lock at the start
    # of a transaction, so two editors queue behind the busy timeout instead of failing with
    # "database is locked" when a read lock is upgraded.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared by every process (web workers, the task worker, cron): Redis when REDIS_URL is
# set, else files on this machine. Never one process's memory: a purge made by cron must reach
# the web workers.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # with Redis away the site serves from the database (campaign_site.delivery.cache)
            "BACKEND": "campaign_site.delivery.cache.ForgivingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # an unreachable Redis costs a request a fraction of a second, not a timeout
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
            # several sites (or a staging copy) may share one Redis
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "campaign"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "build" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Background work (training packages, Wagtail's reference index) runs in the task worker:
# `manage.py db_worker` (django-tasks with its database backend), never in a request. Video
# encoding has a queue of its own, worked by `db_worker --backend media --queue-name media`:
# how many of those run is how many videos encode at once.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "media": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["media"]},
}
# ffmpeg's threads per encode (campaign_site.media.ffmpeg): leave the host room for the rest.
VIDEO_ENCODE_THREADS = int(os.environ.get("VIDEO_ENCODE_THREADS", 2))
# The forwardable clip with subtitles in the picture: WhatsApp's limit for a video.
FORWARD_CLIP_MAX_BYTES = 16 * 1000 * 1000

# Anonymous pages, feeds, the sitemap and oEmbed (campaign_site.delivery.page_cache): purged exactly
# on every change, so they can be kept for a day; 0 turns the page cache off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 24 * 60 * 60))
# Browsers are not purged: they keep a page a minute, then revalidate it (a 304 costs a few bytes).
PAGE_BROWSER_SECONDS = 60
# The same purges reach the caches in front through Wagtail's frontend cache, sent by the task
# worker: VARNISH_URLS, every Varnish's own address, comma-separated (deploy/varnish; add
# Cloudflare or CloudFront the same way). The purge list already holds every translation.
WAGTAILFRONTENDCACHE = {
    f"varnish-{number}": {
        "BACKEND": "campaign_site.delivery.front_caches.VarnishBackend",
        "LOCATION": location.strip(),
    }
    for number, location in enumerate(
        filter(None, os.environ.get("VARNISH_URLS", os.environ.get("VARNISH_URL", "")).split(","))
    )
}
WAGTAILFRONTENDCACHE_LANGUAGES = []
# WebSub (https://www.w3.org/TR/websub/): podcast feeds name this hub, and the task worker tells it
# of every publish, so apps learn of a new episode at once. Unset: no hub, nothing is sent.
WEBSUB_HUB_URL = os.environ.get("WEBSUB_HUB_URL", "")

# Reach (campaign_site.reach): daily totals only, never an address, user agent or cookie.
# Counters live in Redis when it is there (flushed into the database by `manage.py flush_reach`
# from cron), else each event is added to its daily row at once.
REACH_REDIS_URL = os.environ.get("REACH_REDIS_URL", os.environ.get("REDIS_URL", ""))
REACH_REDIS_PREFIX = os.environ.get("REACH_REDIS_PREFIX", "campaign:")
REACH_BEACON_PATH = "/reach/beacon/"
# Each process writes its counts at most this often (seconds): a counted page then costs no
# round trip. 0 writes every event at once.
REACH_BUFFER_SECONDS = float(os.environ.get("REACH_BUFFER_SECONDS", 1))
# How long the daily totals are kept (days).
REACH_RETENTION_DAYS = int(os.environ.get("REACH_RETENTION_DAYS", 2 * 365))
# A country code header set by a trusted proxy or CDN (CF-IPCountry, CloudFront-Viewer-Country);
# unset: no country is recorded. Never set it without such a proxy: anyone can send the header.
REACH_COUNTRY_HEADER = os.environ.get("REACH_COUNTRY_HEADER", "")
# Gaps report: a live translation with fewer page views than this over the period is "not reached".
REACH_LOW_VIEWS = int(os.environ.get("REACH_LOW_VIEWS", 10))

# Admin logins are rate limited (django-axes): after 5 failures for a username from one
# address, that pair is locked out for 30 minutes. Nothing is logged but the attempt count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address is REMOTE_ADDR, or with PROXY_COUNT proxies in front, the one the outermost proxy
# saw (campaign_site.delivery.security.client_address): a forged X-Forwarded-For changes nothing.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "campaign_site.delivery.security.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one list in campaign_site/languages.py, facts from Babel.
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = LANGUAGES
LANGUAGES_BIDI = [code for code in CAMPAIGN_LANGUAGES if is_rtl(code)]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# Slugs stay ASCII whatever the title's script: readable when a link is shared by SMS.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# wagtail-localize: a requested translation starts as a draft (by default it would copy the
# source's live state and publish English text under /fr/ at once); it goes live when it is
# translated and approved. Slugs are synchronised from the source (TranslatedPageMixin).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Publishing a source offers to sync its translations; "true" syncs them at once (drafts only).
# What the translation coverage report (admin Reports) counts.
TRANSLATION_COVERAGE_MODELS = ["stories.StoryPage", "podcasts.EpisodePage", "training.ModulePage"]
SYNC_TRANSLATIONS_ON_PUBLISH = os.environ.get("SYNC_TRANSLATIONS_ON_PUBLISH", "").lower() == "true"
# Machine translation of first drafts, off by default (no network is assumed): a self-hosted
# LibreTranslate (LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY) or DeepL (DEEPL_AUTH_KEY).
if os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"],
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
elif os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
elif os.environ.get("PSEUDO_TRANSLATION", "").lower() == "true":
    # development and demos only: marked, accented text (campaign_site.translation.pseudo)
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "campaign_site.translation.pseudo.PseudoTranslator"
    }

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "campaign_site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Stored files leave only through campaign_site.media.serving (see its docstring). With nginx in
# front, name the internal location that maps to MEDIA_ROOT (deploy/nginx.conf): nginx then
# sends the bytes.
STORED_FILES_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible media storage when a bucket is named (docs/deploy.md); needs the "s3" extra.
# `manage.py move_files` moves an existing site's files between MEDIA_ROOT and the bucket.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    S3_STORAGE_OPTIONS = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),
        "default_acl": "private",
        "querystring_auth": True,
        # how long a handed-out file stays reachable after a withdrawal (docs/deploy.md)
        "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", 300)),
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    # private objects; the site hands out short-lived signed URLs after its checks
    STORAGES["default"] = {
        "BACKEND": "campaign_site.media.storage.PrivateS3Storage",
        "OPTIONS": S3_STORAGE_OPTIONS,
    }

WAGTAIL_SITE_NAME = "Campaign Site"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
# Photographs at phone sizes look the same at these qualities and weigh a third less than at
# Wagtail's defaults (61 and 80): a story page stays under 60 KB before play on a phone.
WAGTAILIMAGES_AVIF_QUALITY = 50
WAGTAILIMAGES_WEBP_QUALITY = 70
# No SVG: it is a document that can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "campaign_site.media.forms.CampaignImageForm"
# Documents: an allow-list, checked by content (campaign_site.media.forms); always through
# Wagtail's view, which keeps collection privacy; only PDF opens in the browser.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "campaign_site.media.forms.CampaignDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# The admin loads nothing from third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAILMEDIA = {
    "MEDIA_MODEL": "media.CampaignMedia",
    "MEDIA_FORM_BASE": "campaign_site.media.forms.CampaignMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a"],
    # a video master; what it really is, its content decides (campaign_site.media.inspection)
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "mov", "webm"],
}
# Upload limits in bytes, checked with a clear message before anything is saved.
CAMPAIGN_UPLOAD_LIMITS = {
    "video": int(os.environ.get("MAX_VIDEO_BYTES", 500 * 1024 * 1024)),
    "audio": int(os.environ.get("MAX_AUDIO_BYTES", 200 * 1024 * 1024)),
    "subtitles": 2 * 1024 * 1024,
    "document": int(os.environ.get("MAX_DOCUMENT_BYTES", 50 * 1024 * 1024)),
}

# E-mail (consent expiry notices to moderators): the console unless EMAIL_URL is set, e.g.
# submission://user:password@smtp.example.org:587 (STARTTLS) or smtps://... (dj-email-url)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if os.environ.get("EMAIL_URL"):
    globals().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "campaign@localhost")

# Subscribe links on episode pages: (app name, URL pattern with {feed} (no scheme) or {feed_url}).
PODCAST_APP_LINKS = [
    ("AntennaPod", "antennapod-subscribe://{feed}"),
    ("Podcast Addict", "podcastaddict://{feed}"),
    ("Apple Podcasts", "podcast://{feed}"),
]

# Content Security Policy on every public page (django-csp). Only embed views relax
# frame-ancestors (campaign_site.delivery.framing). The Wagtail admin relies on inline code.
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")  # e.g. a CDN serving uploads
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        # blob: the MediaSource through which hls.js feeds the video element
        "media-src": ["'self'", "blob:", *MEDIA_ORIGINS],
        # the privacy-enhanced players loaded by the click-to-load facade
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
