#pragma once

#include <string_view>

namespace sigap::channels::whatsapp {

/// Whether `header` (X-Hub-Signature-256) is "sha256=" + the hex HMAC-SHA256 of the raw `body`
/// under the app secret, compared in constant time. A missing or malformed header is false, as
/// is an empty secret.
bool signature_matches(std::string_view app_secret, std::string_view body, std::string_view header);

}  // namespace sigap::channels::whatsapp
