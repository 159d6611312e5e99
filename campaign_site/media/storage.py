from storages.backends.s3 import S3Storage

from django.conf import settings


class PrivateS3Storage(S3Storage):
    """Private objects in an S3-compatible bucket. Pages link to the site's stored-file view
    (MEDIA_URL), never to the bucket; after its checks the view redirects to a short-lived
    signed URL that also fixes the content type the browser gets."""

    def url(self, name, *args, **kwargs):
        return settings.MEDIA_URL + name

    def signed_url(self, name, content_type):
        return super().url(
            name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, max-age=300",
            },
        )
