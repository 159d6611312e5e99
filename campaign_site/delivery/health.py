"""Health checks for load balancers, Varnish's probe and deploy scripts; never cached, never
counted, answered over plain HTTP (production exempts them from the HTTPS redirect).

- /healthz/        this host can serve pages: the process answers and its database does.
                   Varnish probes it; a host that fails it gets no traffic.
- /healthz/ready/  every dependency, named: database, cache, storage. 503 when any fails, with
                   which one; the site still serves pages without the cache (its pages then
                   come from the database), so this is for monitoring, not for routing.
"""

from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PROBE_NAME = "healthz/probe"  # never stored: asking whether it exists reaches the store


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache():
    shared = caches["default"]
    shared.set("healthz", 1, 10)
    if shared.get("healthz") != 1:
        raise RuntimeError("the cache keeps nothing")


def storage():
    default_storage.exists(PROBE_NAME)


CHECKS = {"database": database, "cache": cache, "storage": storage}


def run(names):
    failed = {}
    for name in names:
        try:
            CHECKS[name]()
        except Exception as error:  # noqa: BLE001 (any failure is the answer)
            failed[name] = f"{type(error).__name__}: {error}"[:300]
    checks = {name: failed.get(name, "ok") for name in names}
    return JsonResponse(
        {"status": "failing" if failed else "ok", "checks": checks},
        status=503 if failed else 200,
    )


@never_cache
@require_safe
def live(request):
    return run(["database"])


@never_cache
@require_safe
def ready(request):
    return run(list(CHECKS))
