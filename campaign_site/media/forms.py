from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.images.widgets import AdminImageChooser
from wagtailmedia.forms import BaseMediaForm

from campaign_site.media.inspection import DOCUMENT_TYPES, NotADocument, inspect_document
from campaign_site.media.uploads import check_no_markup, check_size, stored_name


class CampaignMediaForm(BaseMediaForm):
    class Meta(BaseMediaForm.Meta):
        widgets = {**BaseMediaForm.Meta.widgets, "poster": AdminImageChooser}


class CampaignImageForm(BaseImageForm):
    """Wagtail checks that an image is one of the allowed formats and not a pixel bomb; a
    JPEG or PNG that is also an HTML page is refused here."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_no_markup(upload)
        return upload


class CampaignDocumentForm(BaseDocumentForm):
    """Documents from an allow-list (WAGTAILDOCS_EXTENSIONS), each proved by its content."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        check_size(upload, "document")
        extension = PurePath(upload.name).suffix.lstrip(".").lower()
        try:
            inspect_document(upload, extension)
        except NotADocument:
            raise ValidationError(
                _(
                    "This file is not a valid %(format)s document. Allowed: %(allowed)s, "
                    "each checked by its content."
                ),
                params={
                    "format": extension.upper() or "?",
                    "allowed": ", ".join(name.upper() for name in DOCUMENT_TYPES),
                },
                code="not_a_document",
            ) from None
        if extension == "txt":  # text is served as text, but an HTML page is no handout
            check_no_markup(upload)
        upload.name = stored_name(upload.name, extension, "document", allow_unicode=True)
        return upload
