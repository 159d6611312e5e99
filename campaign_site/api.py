"""Read-only Wagtail API v2 for partner sites and apps: live, public content only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Documents of private collections are not listed: their titles are private too."""

    def get_queryset(self):
        restricted = Collection.objects.none()
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            restricted |= restriction.collection.get_descendants(inclusive=True)
        return super().get_queryset().exclude(collection__in=restricted)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
