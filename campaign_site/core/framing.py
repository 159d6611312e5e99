def allow_framing(response, origins=None):
    """Embed views are the only pages other sites may frame: every other page answers
    X-Frame-Options: DENY and CSP frame-ancestors 'none'. ``origins`` narrows who may."""
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": list(origins) if origins else ["*"]}
    return response
