#pragma once

#include <string_view>

#include "http/message.hpp"

namespace sigap::http {

/// The Content-Security-Policy of HTML responses (the web app). Everything comes from our own
/// origin: scripts and styles from the built bundle (no inline code, no eval), fetch and
/// WebSocket calls to our own API, the service worker and the manifest from our origin. Images
/// may also be data: and blob: URLs (photo previews before upload) and any https: origin,
/// because map tiles come from a tile server chosen in configuration. Plugins (object-src),
/// <base> rewriting, form posts elsewhere and being framed are all refused.
inline constexpr std::string_view kHtmlContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

/// The Content-Security-Policy of JavaScript. A script a page loads runs under the page's policy
/// and ignores this one; a script that runs as a worker (the service worker, web/public/sw.js)
/// runs under this one, and it must fetch the shell from our own origin to keep it offline.
inline constexpr std::string_view kScriptContentSecurityPolicy =
    "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/// The Content-Security-Policy of every other response (JSON, problem+json, images, CSV):
/// should a browser ever render one as a document, it may load nothing and run nothing.
inline constexpr std::string_view kDefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/// Adds the browser-hardening headers to `response`. A header the handler already set (name
/// compared case-insensitively) is left as it is, so a handler can opt out deliberately.
///
/// - X-Content-Type-Options: nosniff — the browser trusts our Content-Type and never sniffs an
///   uploaded photo or a JSON body into HTML or script.
/// - Referrer-Policy: strict-origin-when-cross-origin — links to other sites (map tiles,
///   external references) learn only our origin, never a path such as a complaint's public
///   code or a search query; nothing at all is sent when leaving HTTPS for HTTP.
/// - X-Frame-Options: DENY — no site may frame our pages (click-jacking of the officers'
///   console); the older twin of CSP frame-ancestors 'none', for browsers that lack it.
/// - Cross-Origin-Opener-Policy: same-origin — a page opened from another site (or that we
///   open) gets no window handle to ours, cutting cross-window attacks and XS-leaks.
/// - Permissions-Policy: geolocation=(self), camera=(self), microphone=() — the complaint form
///   may locate the citizen and take a photo; nothing ever needs the microphone, and no
///   embedded third-party frame gets any of the three.
/// - Content-Security-Policy — kHtmlContentSecurityPolicy when the Content-Type is text/html,
///   kScriptContentSecurityPolicy for JavaScript, kDefaultContentSecurityPolicy otherwise. A
///   304 gets none: browsers copy a 304's headers onto the cached response, and the page's
///   stored policy must not be replaced by the restrictive default a body-less 304 (no
///   Content-Type) would otherwise get.
///
/// Call it once on the finished response. Thread-safe (touches only `response`).
void add_security_headers(Response& response);

}  // namespace sigap::http
