#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sigap::channels::email {

/// The first public code in a mail subject ("Re: [SGP-7KX3-QM2D] Jalan berlubang", "Re: Aduan
/// SGP-7KX3-QM2D telah diterima"), in its canonical form. A candidate is "SGP", an optional
/// dash or space, four symbols, an optional dash or space, four symbols, standing as a word of
/// its own (any case). One whose check symbol disagrees is not a code and is passed over, as is
/// anything else that only looks like one. Pure; thread-safe.
std::optional<std::string> find_public_code(std::string_view subject);

}  // namespace sigap::channels::email
