"""Compression (zstd, Brotli, gzip: django-compression-middleware) of text responses that carry
no secret: anonymous requests only, no cookie set (BREACH), never media or partial content."""

from compression_middleware.middleware import CompressionMiddleware, compressor

COMPRESSIBLE = {
    "application/json",
    "application/rss+xml",
    "application/xml",
    "text/html",
    "text/plain",
    "text/vtt",
    "text/xml",
}


def chosen_encoding(request):
    """The encoding this request's response gets (part of the page cache key)."""
    return compressor(request.META.get("HTTP_ACCEPT_ENCODING", ""))[0] or "identity"


class AnonymousCompressionMiddleware(CompressionMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        user = getattr(request, "user", None)
        if (
            response.streaming
            or response.status_code != 200
            or content_type not in COMPRESSIBLE
            or response.cookies
            or (user is not None and user.is_authenticated)
        ):
            return response
        return super().process_response(request, response)
