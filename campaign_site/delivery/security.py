from django.conf import settings


def client_address(request):
    """The address that login rate limiting (django-axes) counts attempts for.

    Without a proxy it is REMOTE_ADDR, and X-Forwarded-For is ignored: anyone can write it.
    With PROXY_COUNT trusted proxies, each appends the address it received the request from, so
    the client is the PROXY_COUNT-th entry from the right; entries further left were written
    by the client. (django-ipware's strict mode, which axes uses, answers a chain the client
    has prefixed with the proxy's own address, which would lock out everybody behind it.)
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.PROXY_COUNT:
        return remote
    chain = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    if len(chain) < settings.PROXY_COUNT:
        return remote
    return chain[-settings.PROXY_COUNT]
