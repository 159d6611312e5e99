# Varnish 7 in front of the app hosts (docs/deploy.md). It keeps what the site says may be
# shared, for as long as the site says (Cache-Control s-maxage / max-age, Vary), and drops it
# when the site says it changed (PURGE of a path, BAN of the whole site, from the app hosts and
# task workers only). Anyone with a session, the admin, previews, LTI launches and beacons go
# to the app hosts untouched. With every app host down, it keeps serving what it has (grace).
#
# The hosts are the deployment's own: hosts.vcl (beside this file, or on vcl_path) defines the
# backends with the health probe, adds them to the `app` director and names the `purgers` ACL.
# See hosts.vcl.example.
vcl 4.1;

import directors;
import std;

sub vcl_init {
    new app = directors.round_robin();
}

include "hosts.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "BAN") {
            # everything under this path; "/" is the whole site (a change in the main menu)
            ban("obj.http.x-path ~ ^" + regsub(req.url, "\?.*$", ""));
        } else {
            # every variant of this path: query strings, encodings, Save-Data
            ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # "/" redirects by Accept-Language; the rest never leaves the site's own hands
    if (req.url ~ "^/(\?.*)?$"
        || req.url ~ "^/(admin|django-admin|lti|reach|healthz)(/|\?|$)"
        || req.http.Cookie ~ "(^|;\s*)sessionid="
        || req.http.Authorization) {
        set req.http.x-cache = "pass";
        return (pass);
    }
    # An anonymous visitor: no cookie reaches the site (its pages set none for them).
    unset req.http.Cookie;

    # The encodings the site chooses among, one variant each (the site varies by Accept-Encoding;
    # varnishd runs with http_gzip_support=off, so that this reaches the site as it is here).
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    if (req.http.Save-Data !~ "(?i)^on$") {
        unset req.http.Save-Data;
    }

    # Healthy app hosts refresh a stale page first; sick ones leave it served for a day.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hit {
    set req.http.x-cache = "hit";
    if (obj.ttl <= 0s) {
        set req.http.x-cache = "hit-stale";
    }
}

sub vcl_miss {
    set req.http.x-cache = "miss";
}

sub vcl_pass {
    if (!req.http.x-cache) {
        set req.http.x-cache = "pass";
    }
}

sub vcl_backend_response {
    # What a PURGE or BAN matches on (ban lurker friendly: only obj.* is read).
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");

    # Only what the site itself calls shared: no Cache-Control means "do not keep" here,
    # not Varnish's default two minutes.
    if (beresp.http.Cache-Control !~ "\bpublic\b"
        || beresp.http.Cache-Control ~ "\b(private|no-store|no-cache)\b"
        || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Masters and other large files go straight through (Range included), not into memory.
    if (std.integer(beresp.http.Content-Length, 0) > 50000000) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-path;
    set resp.http.X-Varnish-Cache = req.http.x-cache;
}
