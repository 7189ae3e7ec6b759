#pragma once

#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::identity {

struct TotpEnrolment {
  std::string secret;  // base32, for typing by hand
  std::string uri;     // otpauth://..., for a QR code
};

/// Two-step verification by TOTP (RFC 6238), required for admin and leader roles.
/// Each function takes the session token of the signed-in browser.

/// Gives the signed-in user a new TOTP secret (not yet active). Refused (`conflict`) when TOTP is
/// already on; turning it off is an admin's reset.
Result<TotpEnrolment> start_totp_enrolment(ports::Storage& storage, const Clock& clock, const std::string& token);

/// Activates the secret once the user proves it with a current code; the session counts as
/// verified; returns ten one-time recovery codes (shown once, stored hashed). Audited.
Result<std::vector<std::string>> confirm_totp_enrolment(ports::Storage& storage, const Clock& clock,
                                                        const std::string& token, const std::string& code);

/// Completes sign-in with a current TOTP code or an unused recovery code (which is then used
/// up). A wrong code is a `validation` error on field "code". Audited either way.
Result<void> verify_second_factor(ports::Storage& storage, const Clock& clock, const std::string& token,
                                  const std::string& code, const std::string& ip);

}  // namespace sigap::app::identity
