def allow_framing(response):
    """Embed views are the only pages other sites may frame (everything else: DENY)."""
    response.xframe_options_exempt = True
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response
