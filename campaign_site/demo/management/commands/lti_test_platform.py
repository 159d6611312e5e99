import http.server

from pylti1p3.contrib.django.lti1p3_tool_config.models import LtiTool, LtiToolKey

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from campaign_site.demo.lti_platform import CLIENT_ID, Platform, pem_pair, registration


class Command(BaseCommand):
    help = (
        "Serve a learning platform on this machine and register it with the site, to try the "
        "LTI 1.3 tool (deep linking, launch, grades) without an LMS. The site must be running."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8602)
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host, port, **options):
        site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        issuer = f"http://{host}:{port}"
        private, public = pem_pair()  # a new platform key each start; the registration follows
        if not LtiToolKey.objects.exists():
            call_command("create_lti_key", stdout=self.stdout)
        fields = registration(issuer, public)
        LtiTool.objects.update_or_create(
            issuer=issuer,
            client_id=CLIENT_ID,
            defaults={**fields, "tool_key": LtiToolKey.objects.get()},
        )
        Platform.start(site, issuer, private)
        server = http.server.ThreadingHTTPServer((host, port), Platform)
        self.stdout.write(
            f"Test platform registered with {site} (Settings > LTI platforms).\n"
            f"Course page: {issuer}/ : add a module as a trainer, open it as a learner, "
            "and see the grades the task worker sends. Ctrl-C stops it."
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
