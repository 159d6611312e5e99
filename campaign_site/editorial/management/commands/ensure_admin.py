import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin user if it does not exist (ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_EMAIL)."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "changeme")
        email = os.environ.get("ADMIN_EMAIL", "admin@example.org")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            user = User.objects.get(username=username)
            if user.check_password(password):
                self.stdout.write(f"Admin: {username} / {password}")
            else:  # changed since: never reset, never shown
                self.stdout.write(f"Admin: {username} (the password you set)")
            return
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Admin: {username} / {password} (created)"))
