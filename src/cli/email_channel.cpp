#include "cli/email_channel.hpp"

#include <unistd.h>

namespace sigap::cli {

channels::email::LmtpServerOptions lmtp_options(const Config& config) {
  channels::email::LmtpServerOptions options;
  options.host = config.lmtp_host;
  options.port = config.lmtp_port;
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) == 0 && name[0]) options.host_name = name;
  options.limits.max_message_bytes = static_cast<std::size_t>(config.lmtp_max_message_bytes);
  options.idle_timeout = std::chrono::seconds(config.lmtp_timeout_seconds);
  // validate() checked the list.
  if (auto recipients = channels::email::RecipientPolicy::parse(config.lmtp_recipients, "lmtp_recipients")) {
    options.recipients = std::move(*recipients);
  }
  return options;
}

EmailChannel::EmailChannel(app::ports::Storage& storage, const Clock& clock, http::HttpService& service,
                           const Config& config)
    : door_(storage, clock, service.intake(), service.sla_rules(), service.photo_store()),
      listener_(lmtp_options(config), door_) {}

Result<void> EmailChannel::start() {
  if (auto listening = listener_.listen(); !listening) return listening;
  listener_.start();
  return {};
}

void EmailChannel::stop() { listener_.stop(); }

}  // namespace sigap::cli
