"""The tool's signing key for LTI 1.3: a new RSA key pair, kept in the database (the private
half never leaves it; the public half is served at /lti/jwks/)."""

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pylti1p3.contrib.django.lti1p3_tool_config.models import LtiToolKey

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the tool's RSA key for LTI 1.3 (idempotent: an existing key is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--name", default="campaign-site")

    def handle(self, *args, name, **options):
        if LtiToolKey.objects.filter(name=name).exists():
            self.stdout.write(f"The key {name!r} exists; kept.")
            return
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        LtiToolKey.objects.create(
            name=name,
            private_key=private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ).decode(),
            public_key=private.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode(),
        )
        self.stdout.write(f"Created the key {name!r}: its public half is at /lti/jwks/.")
