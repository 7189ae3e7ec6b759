#include "cli/channel_wiring.hpp"

#include "channels/sms/sms_gateway.hpp"
#include "channels/telegram/telegram_bot.hpp"
#include "channels/whatsapp/whatsapp_cloud.hpp"
#include "common/logging.hpp"

namespace sigap::cli {

namespace {

// "https://host:port/path" -> "host" (brackets of an IPv6 literal removed); "" when not a URL.
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  if (start == std::string::npos) return {};
  start += 3;
  auto end = url.find_first_of("/?#", start);
  auto authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    return close == std::string::npos ? std::string() : authority.substr(1, close - 1);
  }
  return authority.substr(0, authority.find(':'));
}

}  // namespace

std::unique_ptr<notify::CurlProviderClient> provider_client(const Config& config) {
  std::string hosts = config.webhook_allow_hosts;
  // Appended piece by piece: `hosts += " " + host` gets a false -Wrestrict from GCC 12 at -O3.
  auto add = [&hosts](std::string_view host) { hosts.append(" ").append(host); };
  if (!config.whatsapp_access_token.empty()) add(host_of(config.whatsapp_graph_url));
  if (!config.telegram_bot_token.empty()) add(host_of(config.telegram_api_url));
  if (!config.sms_gateway_url.empty()) add(host_of(config.sms_gateway_url));
  notify::ProviderClientOptions options;
  auto allow = domain::integration::AllowList::parse(hosts, "channels");
  if (allow) {
    options.allow = std::move(*allow);
  } else {
    logging::app().warn("channels: a provider host is not a host name or address; only public https is reached");
    options.allow = config.webhook_allow;
  }
  return std::make_unique<notify::CurlProviderClient>(std::move(options));
}

channels::ChannelOptions channel_options(const Config& config, std::string public_url,
                                         app::ports::ProviderClient* client) {
  channels::ChannelOptions options;
  options.whatsapp = {config.whatsapp_graph_url, config.whatsapp_access_token, config.whatsapp_app_secret,
                      config.whatsapp_verify_token, config.whatsapp_phone_number_id};
  options.telegram = {config.telegram_api_url, config.telegram_bot_token, config.telegram_secret_token};
  options.sms.secret = config.sms_secret;
  options.sms.from_field = config.sms_from_field;
  options.sms.text_field = config.sms_text_field;
  options.sms.secret_field = config.sms_secret_field;
  options.sms.gateway_url = config.sms_gateway_url;
  options.sms.gateway_format = config.sms_gateway_format;
  options.sms.gateway_to_field = config.sms_gateway_to_field;
  options.sms.gateway_text_field = config.sms_gateway_text_field;
  options.sms.gateway_token = config.sms_gateway_token;
  options.public_url = std::move(public_url);
  options.client = client;
  return options;
}

ChannelSenders::ChannelSenders(const Config& config, app::ports::ProviderClient& client) {
  auto options = channel_options(config, "", &client);
  if (options.whatsapp.enabled()) {
    adapters_.push_back(std::make_unique<channels::whatsapp::WhatsAppCloud>(options.whatsapp, client));
  }
  if (options.telegram.enabled()) {
    adapters_.push_back(std::make_unique<channels::telegram::TelegramBot>(options.telegram, client));
  }
  if (options.sms.enabled()) adapters_.push_back(std::make_unique<channels::sms::SmsGateway>(options.sms, client));
  for (const auto& adapter : adapters_) {
    senders_.push_back(std::make_unique<app::conversations::ChannelNotificationSender>(*adapter));
  }
}

std::vector<app::ports::NotificationSender*> ChannelSenders::senders() const {
  std::vector<app::ports::NotificationSender*> list;
  for (const auto& sender : senders_) list.push_back(sender.get());
  return list;
}

}  // namespace sigap::cli
