def allow_framing(response, origins=None):
    """Embed views are the only pages other sites may frame: every other page answers
    X-Frame-Options: DENY and CSP frame-ancestors 'none'. ``origins`` narrows who may."""
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": list(origins) if origins else ["*"]}
    return response


def allow_framing_by_the_admin(response):
    """A preview: the admin's live preview and checks panels frame it, from the site's own
    origin. Wagtail renders it through the whole middleware chain as a request for the page's
    public address, so it would otherwise carry the public pages' frame-ancestors 'none'."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response
