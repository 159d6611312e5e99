from .base import *

SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# one folder per pytest-xdist worker: tests in parallel never share stored files
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / "build" / "test-media")) / (
    os.environ.get("PYTEST_XDIST_WORKER", "main")
)
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is tested where it is the subject (tests/test_page_cache.py); elsewhere tests
# change the database directly and read the result at once.
PAGE_CACHE_SECONDS = 0
# Background tasks run at once, in the test's process and transaction; video encodes are
# queued but not run (tests/test_renditions.py runs them, the demo site's worker too).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "media": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["media"]},
}
# Reach counts are written at once, so a test reads them after its request
# (tests/test_reach.py tests the buffer on its own).
REACH_BUFFER_SECONDS = 0
