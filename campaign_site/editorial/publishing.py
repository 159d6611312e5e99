"""Publishing can be refused by a rule of the campaign (consent, for one) from inside the
transaction that would make a page live, whichever way it was published: the admin's edit
view, a workflow approval, a bulk action or a schedule. In the admin the refusal is a message
on the page the editor came from; the draft they saved is kept."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


class PublishingRefused(Exception):
    """Raised with a message for the editor; the transaction is rolled back."""

    def __init__(self, message, page=None):
        super().__init__(message)
        self.page = page


class PublishingRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingRefused):
            return None
        messages.error(request, str(exception))
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = request.path
        return redirect(back)
