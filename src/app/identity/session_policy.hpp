#pragma once

#include <chrono>

namespace sigap::app::identity {

/// How long a signed-in browser stays signed in.
struct SessionPolicy {
  std::chrono::minutes idle{30};            // no request for this long ends the session
  std::chrono::hours absolute{12};          // a working day, then sign in again
  std::chrono::seconds touch_every{60};     // last_seen is written at most this often
};

}  // namespace sigap::app::identity
