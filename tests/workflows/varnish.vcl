# Varnish in front of Talerør, as the frontend-cache test runs it (and a
# starting point for production): anonymous GETs are cached as the site's
# Cache-Control allows; a PURGE from this machine drops the address it names
# and everything below it on that host (cms.frontend_purge purges a
# council's root address when its pages change).
vcl 4.1;

# Filled in by whoever starts Varnish: where the app server listens.
backend default {
    .host = "127.0.0.1";
    .port = "BACKEND_PORT";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A ban the background lurker can apply: it reads only obj.http.
        ban("obj.http.x-host == " + req.http.host
            + " && obj.http.x-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (a session) and the admin are never served from the cache.
    if (req.url ~ "^/(admin|django-admin)/"
        || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered with the object, so that bans can match it (see above).
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-url = bereq.url;
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-url;
}
