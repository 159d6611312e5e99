"""Admin logins are rate limited per username and client address (django-axes). The address is
the real client's: REMOTE_ADDR without a proxy, the proxy's view of it with PROXY_COUNT set, and
never what a client writes into X-Forwarded-For itself."""

import pytest

from django.test import override_settings

pytestmark = pytest.mark.django_db
LOCKED = 429


def attempt(client, remote_addr, forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/admin/login/", {"username": "admin", "password": "wrong"}, **headers)


def test_without_a_proxy_a_forged_forwarded_for_changes_nothing(client):
    for number in range(4):
        assert attempt(client, "203.0.113.9", f"198.51.100.{number}").status_code == 200
    assert attempt(client, "203.0.113.9", "192.0.2.77").status_code == LOCKED  # the fifth
    assert attempt(client, "203.0.113.9").status_code == LOCKED
    assert attempt(client, "203.0.113.10").status_code == 200  # someone else


@override_settings(PROXY_COUNT=1)
def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client):
    proxy = "10.0.0.2"
    for number in range(4):
        # the client forges an entry; the proxy appends the address it really saw
        assert attempt(client, proxy, f"198.51.100.{number}, 203.0.113.9").status_code == 200
    assert attempt(client, proxy, "203.0.113.9").status_code == LOCKED  # the fifth
    assert attempt(client, proxy, "192.0.2.1, 203.0.113.9").status_code == LOCKED
    # other visitors behind the same proxy can still log in
    assert attempt(client, proxy, "203.0.113.10").status_code == 200
    assert attempt(client, proxy, "203.0.113.9, 203.0.113.10").status_code == 200
