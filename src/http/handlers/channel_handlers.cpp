#include "http/handlers/channel_handlers.hpp"

#include "channels/sms/sms_gateway.hpp"
#include "channels/sms/sms_inbound.hpp"
#include "channels/sms/sms_secret.hpp"
#include "channels/telegram/telegram_bot.hpp"
#include "channels/telegram/telegram_secret.hpp"
#include "channels/telegram/telegram_update.hpp"
#include "channels/whatsapp/whatsapp_cloud.hpp"
#include "channels/whatsapp/whatsapp_signature.hpp"
#include "channels/whatsapp/whatsapp_webhook.hpp"
#include "common/logging.hpp"
#include "crypto/hashing.hpp"
#include "http/form_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace conv = app::conversations;

namespace {

Response closed(const Request& request) {
  return problem_response(404, Text{"Kanal ini tidak diaktifkan di server ini.", "This channel is not enabled on this server."},
                          request);
}

Response accepted() {
  Response response = json_response(R"({"status":"accepted"})");
  response.set_header("Cache-Control", "no-store");
  return response;
}

// Hands each message to the engine; the first storage failure is answered 503 (the provider
// delivers again; the messages already handled are recognised by their ids).
std::optional<Response> converse(conv::Conversations& conversations, app::ports::ChannelAdapter& channel,
                                 const std::vector<conv::IncomingMessage>& messages, const Request& request) {
  for (const auto& message : messages) {
    auto handled = conversations.receive(channel, message);
    if (!handled) {
      logging::app().error("{}: a message could not be handled: {}", domain::complaints::to_string(channel.channel()),
                           handled.error().log_detail());
      return problem_response(handled.error().code() == ErrorCode::internal ? 500 : 503,
                              Text{"Pesan belum dapat diproses; kirim ulang nanti.",
                                   "The message could not be handled yet; deliver it again later."},
                              request);
    }
  }
  return std::nullopt;
}

}  // namespace

ChannelHandlers::ChannelHandlers(app::ports::Storage& storage, const Clock& clock,
                                 app::complaints::ComplaintIntake& intake, app::ports::PhotoStore* photos,
                                 channels::ChannelOptions options)
    : options_(std::move(options)), conversations_(storage, clock, intake, photos, {options_.public_url}) {
  if (options_.client && options_.whatsapp.enabled()) {
    whatsapp_ = std::make_unique<channels::whatsapp::WhatsAppCloud>(options_.whatsapp, *options_.client);
  }
  if (options_.client && options_.telegram.enabled()) {
    telegram_ = std::make_unique<channels::telegram::TelegramBot>(options_.telegram, *options_.client);
  }
  if (options_.client && options_.sms.enabled()) {
    sms_ = std::make_unique<channels::sms::SmsGateway>(options_.sms, *options_.client);
  }
}

ChannelHandlers::~ChannelHandlers() = default;

Response ChannelHandlers::whatsapp_verify(const Request& request) {
  if (!whatsapp_ || options_.whatsapp.verify_token.empty()) return closed(request);
  auto mode = request.query_param("hub.mode").value_or("");
  auto token = request.query_param("hub.verify_token").value_or("");
  auto challenge = request.query_param("hub.challenge").value_or("");
  if (mode != "subscribe" || !crypto::constant_time_equal(token, options_.whatsapp.verify_token)) {
    logging::app().warn("whatsapp: refused a webhook verification from {}", request.remote_address);
    return problem_response(403, Text{"Token verifikasi salah.", "Wrong verify token."}, request);
  }
  if (challenge.empty() || challenge.size() > 256) {
    return problem_response(400, Text{"hub.challenge tidak ada.", "hub.challenge is missing."}, request);
  }
  Response response;
  response.body = std::string(challenge);
  response.set_header("Content-Type", "text/plain; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response ChannelHandlers::whatsapp_notify(const Request& request) {
  if (!whatsapp_) return closed(request);
  auto signature = request.header("x-hub-signature-256");
  if (!signature || !channels::whatsapp::signature_matches(options_.whatsapp.app_secret, request.body, *signature)) {
    logging::app().warn("whatsapp: refused a notification from {}: {} signature", request.remote_address,
                        signature ? "bad" : "no");
    return problem_response(401, Text{"Tanda tangan X-Hub-Signature-256 tidak ada atau salah.",
                                      "The X-Hub-Signature-256 signature is missing or wrong."},
                            request);
  }
  auto notification = channels::whatsapp::read_notification(request.body);
  if (!notification) return problem_response(notification.error(), request);
  if (auto failed = converse(conversations_, *whatsapp_, notification->messages, request)) return std::move(*failed);
  return accepted();
}

Response ChannelHandlers::telegram_update(const Request& request) {
  if (!telegram_) return closed(request);
  auto token = request.header("x-telegram-bot-api-secret-token");
  if (!channels::telegram::secret_token_matches(options_.telegram, token)) {
    logging::app().warn("telegram: refused an update from {}: {} secret token", request.remote_address,
                        token ? "wrong" : "no");
    return problem_response(401, Text{"Token rahasia X-Telegram-Bot-Api-Secret-Token tidak ada atau salah.",
                                      "The X-Telegram-Bot-Api-Secret-Token is missing or wrong."},
                            request);
  }
  auto update = channels::telegram::read_update(request.body);
  if (!update) return problem_response(update.error(), request);
  if (*update) {
    if (auto failed = converse(conversations_, *telegram_, {**update}, request)) return std::move(*failed);
  }
  return accepted();
}

Response ChannelHandlers::sms_inbound(const Request& request) {
  if (!sms_) return closed(request);
  auto header = request.header("x-sigap-secret");
  if (header && !crypto::constant_time_equal(*header, options_.sms.secret)) {
    logging::app().warn("sms: refused an inbound message from {}: wrong secret", request.remote_address);
    return problem_response(403, Text{"Rahasia gateway salah.", "Wrong gateway secret."}, request);
  }
  if (!is_form_media_type(request.header("content-type").value_or(""))) {
    return problem_response(415, Text{"Kirim sebagai application/x-www-form-urlencoded.",
                                      "Send it as application/x-www-form-urlencoded."},
                            request);
  }
  auto form = parse_form_body(request.body, 64);
  if (!form) return problem_response(form.error(), request);
  if (!channels::sms::secret_matches(options_.sms, header, *form)) {
    logging::app().warn("sms: refused an inbound message from {}: {} secret", request.remote_address,
                        header ? "wrong" : "missing or wrong");
    return problem_response(401, Text{"Rahasia gateway tidak ada atau salah.", "The gateway secret is missing or wrong."},
                            request);
  }
  auto message = channels::sms::read_inbound(options_.sms, *form);
  if (!message) return problem_response(message.error(), request);
  if (auto failed = converse(conversations_, *sms_, {*message}, request)) return std::move(*failed);
  return accepted();
}

}  // namespace sigap::http::handlers
