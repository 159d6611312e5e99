"""A learning platform on one machine, to try the site's LTI 1.3 tool without a Moodle or Canvas:
`manage.py lti_test_platform` serves it, and the tests drive the same one (tests/test_lti.py
over HTTP, tests/browser/test_lti_in_the_browser.py in Chromium).

It does what an LMS does for the tool, for real: a course page that frames the tool; OIDC login
and an id_token signed with the platform's own RSA key (deep linking for a trainer, a resource
link launch for a learner); a token endpoint that checks the tool's signed client assertion
against the tool's published key set; a line item that records the grades the tool sends; and
the deep-linking return, whose signed answer adds the chosen module to the course.
"""

import http.server
import json
import time
import urllib.request
from html import escape
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

CLIENT_ID = "moodle-client-1"
DEPLOYMENT = "deployment-1"
KEY_ID = "platform-key"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
AUTO_POST = """<!DOCTYPE html><html><body>
<form method="post" action="{action}">{fields}</form>
<script>document.forms[0].submit();</script></body></html>"""


def pem_pair():
    """A new RSA key pair, as PEM: the private half and the public half."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public


def key_set(public_pem):
    jwk = JWK.from_pem(public_pem).export_public(as_dict=True)
    return {"keys": [jwk | {"kid": KEY_ID, "alg": "RS256", "use": "sig"}]}


def registration(issuer, public_pem):
    """The fields of the tool's LtiTool row for this platform (Settings > LTI platforms)."""
    return {
        "title": "Test platform",
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "auth_login_url": f"{issuer}/auth",
        "auth_token_url": f"{issuer}/token",
        "key_set": json.dumps(key_set(public_pem)),
        "deployment_ids": json.dumps([DEPLOYMENT]),
    }


class Platform(http.server.BaseHTTPRequestHandler):
    """The platform's pages and services. Its state is kept on the class (one platform a
    process): the site it serves, its key, the course's links, the grades received."""

    site = None  # the tool's address, e.g. http://127.0.0.1:8000
    issuer = None
    private_key = None
    tool_keys = None  # the tool's published key set, read when first needed
    message = None  # tests: the claims of the next launch, instead of the course's
    links = []  # content items the trainer added by deep linking
    returned = []  # the deep-linking answers (signed JWTs) as received
    scores = []  # the grades received, as the tool sent them

    @classmethod
    def start(cls, site, issuer, private_key):
        cls.site, cls.issuer, cls.private_key = site, issuer, private_key
        cls.tool_keys, cls.message = None, None
        cls.links, cls.returned, cls.scores = [], [], []

    def log_message(self, format, *args):
        pass

    # the course a trainer and a learner see

    def do_GET(self):
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/":
            self.page(self.course_page())
        elif url.path == "/course":
            self.page(self.framed_tool(query.get("link", "deep-link"), query.get("as")))
        elif url.path == "/auth":
            self.authorize(query)
        else:
            self.send_error(404)

    def course_page(self):
        items = "".join(
            f'<li>{escape(link["title"])}: <a href="/course?link={number}">open as a learner</a>'
            "</li>"
            for number, link in enumerate(self.links)
        )
        grades = "".join(
            f"<tr><td>{escape(score['userId'])}</td><td>{score['scoreGiven']}</td>"
            f"<td>{escape(score['activityProgress'])}</td></tr>"
            for score in self.scores
        )
        return (
            "<h1>Course: sustainable reintegration</h1>"
            '<p><a href="/course?link=deep-link">Add a module (as a trainer)</a></p>'
            f"<ul>{items or '<li>No module added yet.</li>'}</ul>"
            "<h2>Grades received</h2><table><tr><th>Learner</th><th>Score</th>"
            f"<th>Progress</th></tr>{grades}</table>"
        )

    def framed_tool(self, link, user=None):
        login = urlencode(
            {
                "iss": self.issuer,
                "client_id": CLIENT_ID,
                "login_hint": user or ("trainer-1" if link == "deep-link" else "learner-7"),
                "target_link_uri": self.site + "/lti/launch/",
                "lti_message_hint": link,
            }
        )
        return (
            '<p><a href="/">Back to the course</a></p>'
            f'<iframe src="{self.site}/lti/login/?{login}" width="900" height="700"></iframe>'
        )

    def launch_claims(self, hint):
        if self.message is not None:
            return self.message
        if hint == "deep-link":
            return {
                LTI + "message_type": "LtiDeepLinkingRequest",
                LTI + "roles": [INSTRUCTOR],
                DL + "deep_linking_settings": {
                    "deep_link_return_url": f"{self.issuer}/deep-link-return",
                    "accept_types": ["ltiResourceLink"],
                    "accept_presentation_document_targets": ["iframe", "window"],
                },
            }
        number = int(hint)
        return {
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "resource_link": {"id": f"link-{number}"},
            LTI + "custom": self.links[number].get("custom", {}),
            AGS: {"scope": [SCORE_SCOPE], "lineitem": f"{self.issuer}/lineitems/{number}"},
        }

    def authorize(self, query):
        """OIDC: the id_token, signed with the platform's key, posted back to the tool."""
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": query.get("login_hint", "learner-7"),
            "iat": now,
            "exp": now + 300,
            "nonce": query["nonce"],
            LTI + "version": "1.3.0",
            LTI + "deployment_id": DEPLOYMENT,
            LTI + "target_link_uri": query["redirect_uri"],
            LTI + "roles": [LEARNER],
            **self.launch_claims(query.get("lti_message_hint", "deep-link")),
        }
        token = jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": KEY_ID})
        fields = {"id_token": token, "state": query["state"]}
        inputs = "".join(
            f'<input type="hidden" name="{name}" value="{escape(value)}">'
            for name, value in fields.items()
        )
        self.page(AUTO_POST.format(action=escape(query["redirect_uri"]), fields=inputs))

    # the services the tool calls

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/token":
            self.token(body)
        elif self.path.startswith("/lineitems/") and self.path.endswith("/scores"):
            if self.headers["Authorization"] != "Bearer platform-token":
                return self.send_error(401)
            if self.headers["Content-Type"] != "application/vnd.ims.lis.v1.score+json":
                return self.send_error(415)
            Platform.scores.append(json.loads(body))
            self.answer({})
        elif self.path == "/deep-link-return":
            answer = parse_qs(body.decode())["JWT"][0]
            Platform.returned.append(answer)
            message = self.verified(answer, audience=self.issuer)
            Platform.links.extend(message[DL + "content_items"])
            self.page('<h1>Added to the course</h1><p><a href="/" target="_top">Course</a></p>')
        else:
            self.send_error(404)

    def token(self, body):
        """Client credentials: the tool's assertion, signed with its key, for a bearer token."""
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        try:
            claims = self.verified(form["client_assertion"], audience=f"{self.issuer}/token")
        except (KeyError, jwt.InvalidTokenError):
            return self.send_error(401)
        if claims["iss"] != CLIENT_ID or claims["sub"] != CLIENT_ID:
            return self.send_error(401)
        if form.get("grant_type") != "client_credentials" or SCORE_SCOPE not in form["scope"]:
            return self.send_error(400)
        self.answer({"access_token": "platform-token", "token_type": "Bearer"})

    def verified(self, token, audience):
        """A JWT signed by the tool, checked against the tool's published key set."""
        if Platform.tool_keys is None:
            with urllib.request.urlopen(self.site + "/lti/jwks/", timeout=10) as response:  # noqa: S310
                Platform.tool_keys = json.loads(response.read())
        kid = jwt.get_unverified_header(token)["kid"]
        key = jwt.PyJWK(next(k for k in Platform.tool_keys["keys"] if k["kid"] == kid))
        return jwt.decode(token, key.key, algorithms=["RS256"], audience=audience)

    def answer(self, data):
        self.respond(json.dumps(data).encode(), "application/json")

    def page(self, html):
        self.respond(html.encode(), "text/html; charset=utf-8")

    def respond(self, payload, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
