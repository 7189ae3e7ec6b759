#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/fake_provider.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {

/// The real `sigap serve` of this build on a data directory prepared for the channel tests
/// (the Palembang demo data and a city-wide supervisor with TOTP), configured through SIGAP_*
/// variables to talk to fake providers on loopback. stop() and start() again keep the data:
/// a restart in the middle of a conversation.
class ChannelServer {
 public:
  static constexpr std::string_view kStaffEmail = "supervisor@test.id";
  static constexpr std::string_view kPassword = "Sungai-Musi-2026!";
  static constexpr std::string_view kPublicUrl = "https://sigap.test";

  explicit ChannelServer(std::vector<std::string> environment);
  ~ChannelServer();

  /// Starts the server (fails the test when it does not come up); its base URL.
  std::string start();
  /// SIGTERM, and waits for a clean exit.
  void stop();
  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] std::string output() const;
  /// The supervisor's session headers (cookie, CSRF, JSON).
  std::vector<std::string> staff();

 private:
  TempDir dir_;
  std::filesystem::path data_;
  std::vector<std::string> environment_;
  std::unique_ptr<Process> process_;
  std::string url_;
  std::string earlier_output_;
  std::vector<std::string> staff_;  // the supervisor's session, once signed in
};

/// The public codes ("SGP-XXXX-XXXX") in `text`, each once, in order.
std::vector<std::string> codes_in(const std::string& text);

/// The number a reply's numbered list gives `label` ("12. Jalan rusak" -> "12"), or "".
std::string number_of(const std::string& list, const std::string& label);

}  // namespace sigap::testing
