#pragma once

#include <string>
#include <string_view>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::complaints {

/// The answer to a "+1": the case supported (the master when the code named a merged case),
/// how many now support it, and whether this supporter was counted now or before.
struct Support {
  std::string public_code;
  int supporters = 0;
  bool counted_now = false;
};

/// A citizen says "this happens to me too" instead of filing again. `supporter` names them once
/// per case ("user:12" for a signed-in citizen, "device:<sha256>" for a phone's own random id):
/// supporting twice counts once. Only open public cases take support: a confidential one is
/// `not_found` (the public does not know it), one that is over is a `conflict`.
Result<Support> support_case(ports::Storage& storage, const Clock& clock, std::string_view typed_code,
                             const std::string& supporter);

}  // namespace sigap::app::complaints
