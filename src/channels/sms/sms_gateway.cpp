#include "channels/sms/sms_gateway.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/conversations/sms_segments.hpp"

namespace sigap::channels::sms {

namespace ports = app::ports;

namespace {

std::string form_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

}  // namespace

ports::SendOutcome SmsGateway::send(const std::string& to, const domain::conversations::Reply& reply) {
  auto split = domain::conversations::split_sms(reply.text);
  ports::SendOutcome outcome;
  for (const auto& part : split.parts) {
    ports::ProviderRequest request;
    request.method = "POST";
    request.url = settings_.gateway_url;
    if (!settings_.gateway_token.empty()) request.headers.emplace_back("Authorization", "Bearer " + settings_.gateway_token);
    if (settings_.gateway_format == "json") {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = boost::json::serialize(
          boost::json::object{{settings_.gateway_to_field, to}, {settings_.gateway_text_field, part}});
    } else {
      request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
      request.body = form_encode(settings_.gateway_to_field) + "=" + form_encode(to) + "&" +
                     form_encode(settings_.gateway_text_field) + "=" + form_encode(part);
    }
    auto response = client_.send(request);
    if (response.status < 200 || response.status >= 300) {
      outcome.permanent = response.status >= 400 && response.status < 500 && response.status != 429;
      outcome.error = response.status ? fmt::format("the SMS gateway answered {}", response.status) : response.error;
      return outcome;
    }
  }
  outcome.sent = true;
  return outcome;
}

Result<std::string> SmsGateway::fetch_media(const std::string&, std::size_t) {
  return Error(ErrorCode::unavailable, Text{"SMS tidak membawa media.", "SMS carries no media."});
}

}  // namespace sigap::channels::sms
