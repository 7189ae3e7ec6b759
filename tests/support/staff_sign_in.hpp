#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::testing {

/// The TOTP secret test accounts get (base32).
inline constexpr std::string_view kTestTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// Turns TOTP on for `user_id` with kTestTotpSecret, as an enrolled admin or leader has it.
void enrol_test_totp(app::ports::Storage& storage, std::int64_t user_id);

/// Signs a staff member in over HTTP as a browser would, answering the second factor with the
/// code of kTestTotpSecret at `now` when the account asks for one. Returns the headers of the
/// session: cookie, X-CSRF-Token and a JSON Content-Type. Fails the calling test on any error.
std::vector<std::string> sign_in_staff(const std::string& base_url, std::string_view email, std::string_view password,
                                       TimePoint now);

}  // namespace sigap::testing
