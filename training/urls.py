from django.urls import path

from . import lti

# LTI 1.3: the addresses a platform's administrator enters when registering the tool.
urlpatterns = [
    path("login/", lti.login, name="lti_login"),
    path("launch/", lti.launch, name="lti_launch"),
    path("deep-link/", lti.deep_link, name="lti_deep_link"),
    path("score/", lti.score, name="lti_score"),
    path("jwks/", lti.jwks, name="lti_jwks"),
]
