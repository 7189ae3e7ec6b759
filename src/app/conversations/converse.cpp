#include "app/conversations/converse.hpp"

#include <algorithm>
#include <functional>

#include <boost/json.hpp>

#include "app/complaints/track_complaint.hpp"
#include "app/conversations/conversation_record.hpp"
#include "app/notifications/send_notifications.hpp"
#include "common/logging.hpp"
#include "common/time_format.hpp"
#include "crypto/hashing.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/notifications/notice.hpp"

namespace sigap::app::conversations {

namespace dv = domain::conversations;
namespace dc = domain::complaints;
namespace json = boost::json;

namespace {

constexpr std::chrono::seconds kCatalogFreshFor{60};
constexpr std::size_t kMaxPhotoBytes = std::size_t{10} * 1024 * 1024;  // as intake (media/photo_processor)

std::string photo_id(const ports::StoredPhoto& photo) {
  json::object object{{"digest", photo.digest},
                      {"thumbnail", photo.thumbnail_digest},
                      {"width", photo.width},
                      {"height", photo.height}};
  if (photo.gps) {
    object["latitude"] = photo.gps->latitude;
    object["longitude"] = photo.gps->longitude;
  }
  return json::serialize(object);
}

std::optional<ports::StoredPhoto> photo_of(const std::string& id) {
  boost::system::error_code ec;
  auto parsed = json::parse(id, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  const auto& object = parsed.get_object();
  ports::StoredPhoto photo;
  const auto* digest = object.if_contains("digest");
  const auto* thumbnail = object.if_contains("thumbnail");
  if (!digest || !digest->is_string() || !thumbnail || !thumbnail->is_string()) return std::nullopt;
  photo.digest = std::string(digest->get_string());
  photo.thumbnail_digest = std::string(thumbnail->get_string());
  if (const auto* width = object.if_contains("width"); width && width->is_int64()) photo.width = static_cast<int>(width->get_int64());
  if (const auto* height = object.if_contains("height"); height && height->is_int64()) photo.height = static_cast<int>(height->get_int64());
  const auto* latitude = object.if_contains("latitude");
  const auto* longitude = object.if_contains("longitude");
  if (latitude && longitude && latitude->is_number() && longitude->is_number()) {
    photo.gps = domain::master_data::GeoPoint{latitude->to_number<double>(), longitude->to_number<double>()};
  }
  return photo;
}

bool has_field(const Error& error, std::string_view field) {
  return std::any_of(error.fields().begin(), error.fields().end(),
                     [&](const FieldError& f) { return f.field == field; });
}

}  // namespace

Conversations::Conversations(ports::Storage& storage, const Clock& clock, complaints::ComplaintIntake& intake,
                             ports::PhotoStore* photos, ConversationSettings settings)
    : storage_(storage), clock_(clock), intake_(intake), photos_(photos), settings_(std::move(settings)) {
  while (settings_.public_url.ends_with('/')) settings_.public_url.pop_back();
}

Result<dv::Catalog> Conversations::catalog() {
  std::lock_guard lock(catalog_mutex_);
  const auto now = clock_.now();
  if (catalog_ && now - catalog_read_at_ < kCatalogFreshFor) return *catalog_;
  auto categories = storage_.categories().list();
  if (!categories) return categories.error();
  auto villages = storage_.regions().at_level(domain::master_data::RegionLevel::village);
  if (!villages) return villages.error();
  auto districts = storage_.regions().at_level(domain::master_data::RegionLevel::district);
  if (!districts) return districts.error();
  dv::Catalog catalog;
  for (const auto& category : *categories) catalog.categories.push_back({category.code, category.name_id, category.name_en});
  // "Other" last, where people look for it.
  std::stable_partition(catalog.categories.begin(), catalog.categories.end(),
                        [](const dv::CategoryOption& c) { return c.code != "lainnya"; });
  for (const auto& village : *villages) {
    std::string district;
    for (const auto& d : *districts) {
      if (d.code == village.parent_code) district = d.name;
    }
    catalog.places.push_back({village.code, village.name, district});
  }
  catalog_ = std::make_shared<const dv::Catalog>(std::move(catalog));
  catalog_read_at_ = now;
  return *catalog_;
}

dv::Inbound Conversations::inbound_of(ports::ChannelAdapter& channel, const IncomingMessage& message) {
  dv::Inbound inbound;
  inbound.kind = message.kind;
  inbound.text = message.text;
  inbound.latitude = message.latitude;
  inbound.longitude = message.longitude;
  if (message.kind != dv::InboundKind::photo) return inbound;
  if (!photos_) {
    inbound.photo_problem = Text{"Maaf, foto belum dapat kami terima.", "Sorry, we cannot take photos yet."};
    return inbound;
  }
  auto bytes = channel.fetch_media(message.media, kMaxPhotoBytes);
  if (!bytes) {
    logging::app().warn("{}: a photo could not be fetched: {}", dc::to_string(channel.channel()),
                        bytes.error().log_detail());
    inbound.photo_problem = bytes.error().code() == ErrorCode::payload_too_large
                                ? Text{"Foto itu terlalu besar (paling besar 10 MB).", "That photo is too large (10 MB at most)."}
                                : Text{"Foto itu tidak dapat kami ambil.", "We could not get that photo."};
    return inbound;
  }
  auto stored = photos_->store(*bytes);
  if (!stored) {
    inbound.photo_problem = stored.error().code() == ErrorCode::internal
                                ? Text{"Foto itu tidak dapat kami simpan.", "We could not keep that photo."}
                                : Text{"Itu bukan foto yang dapat kami baca (JPEG, PNG atau WebP).",
                                       "That is not a photo we can read (JPEG, PNG or WebP)."};
    return inbound;
  }
  inbound.photo = photo_id(*stored);
  return inbound;
}

Result<dv::Reply> Conversations::track(Language language, const std::string& code) {
  auto tracked = complaints::track_complaint(storage_, intake_.directory(), code);
  if (!tracked) {
    if (tracked.error().code() == ErrorCode::validation) return dv::track_typo(language, code);
    if (tracked.error().code() == ErrorCode::not_found) return dv::track_not_found(language, code);
    return tracked.error();
  }
  const auto& shown = tracked->master ? *tracked->master : tracked->complaint;
  std::string time_zone = "Asia/Jakarta";
  if (auto book = intake_.directory().book(); book) {
    if (const auto* unit = (*book)->unit(shown.unit_code)) time_zone = unit->time_zone;
  }
  dv::TrackFacts facts;
  facts.code = tracked->complaint.public_code;
  facts.status = domain::notifications::status_label(shown.status);
  facts.unit = tracked->unit_name.empty() ? shown.unit_code : tracked->unit_name;
  facts.updated = notifications::format_deadline(shown.updated_at, time_zone, language);
  return dv::track_answer(language, facts);
}

Result<dv::Turn> Conversations::file_report(ports::ChannelAdapter& channel, const IncomingMessage& message,
                                            const dv::Turn& turn, std::string& code) {
  const auto& c = turn.conversation;
  const auto channel_name = std::string(dc::to_string(channel.channel()));
  complaints::SubmitRequest request;
  auto& draft = request.draft;
  draft.description = c.fields.description;
  draft.category_code = c.fields.category_code;
  draft.latitude = c.fields.latitude;
  draft.longitude = c.fields.longitude;
  draft.region_code = c.fields.place.code;
  draft.channel = channel_name;
  draft.language = c.language == Language::en ? "en" : "id";
  // The citizen's number is their contact when it is an Indonesian phone number (WhatsApp,
  // SMS). A Telegram chat id is no phone number: it is kept apart (sealed, never shown to
  // agencies) as where the status changes of the report go.
  if (channel.channel() == dc::Channel::telegram) {
    draft.reporter_chat_id = message.from;
  } else if (dc::normalize_indonesian_phone(message.from)) {
    draft.reporter_phone = message.from;
  }
  for (const auto& id : c.fields.photos) {
    if (auto photo = photo_of(id)) request.photos.push_back(*photo);
  }
  const auto conversation_id = crypto::sha256_hex(channel_name + ":" + message.from).substr(0, 24);
  request.idempotency_key = "conversation:" + channel_name + ":" + conversation_id + ":" + format_utc_millis(c.started_at);
  request.request_fingerprint =
      crypto::sha256_hex(to_record(ConversationState{c, {}, 0}, channel_name, message.from).fields);
  request.actor = "reporter";
  auto answer = intake_.submit(request, [](const complaints::SubmittedComplaint& submitted) {
    return submitted.complaint.public_code;
  });
  const auto now = clock_.now();
  if (!answer) {
    const auto& error = answer.error();
    if (error.code() != ErrorCode::validation && error.code() != ErrorCode::not_found) return error;
    return dv::submit_failed(c, error.message(), has_field(error, "description"), now);
  }
  code = answer->response;
  return dv::submitted(c, answer->response, settings_.public_url + "/lacak/" + answer->response, now);
}

Result<Handled> Conversations::receive(ports::ChannelAdapter& channel, const IncomingMessage& message) {
  const auto key = std::string(dc::to_string(channel.channel())) + ":" + message.from;
  std::lock_guard lock(stripes_[std::hash<std::string>{}(key) % stripes_.size()]);
  auto handled = receive_once(channel, message);
  if (!handled && handled.error().code() == ErrorCode::conflict) handled = receive_once(channel, message);
  return handled;
}

Result<Handled> Conversations::receive_once(ports::ChannelAdapter& channel, const IncomingMessage& message) {
  const auto channel_name = std::string(dc::to_string(channel.channel()));
  auto stored = storage_.conversations().find(channel_name, message.from);
  if (!stored) return stored.error();
  ConversationState state;
  if (*stored) {
    auto read = from_record(**stored);
    if (!read) return read.error();
    state = std::move(*read);
  }
  Handled handled;
  if (!message.message_id.empty() &&
      std::find(state.recent_message_ids.begin(), state.recent_message_ids.end(), message.message_id) !=
          state.recent_message_ids.end()) {
    handled.duplicate = true;
    handled.step = state.conversation.step;
    return handled;
  }
  auto catalog = this->catalog();
  if (!catalog) return catalog.error();
  auto inbound = inbound_of(channel, message);
  auto turn = dv::advance(state.conversation, inbound, *catalog, clock_.now());
  std::vector<dv::Reply> replies = turn.replies;
  dv::Conversation next = turn.conversation;
  if (turn.action == dv::Action::submit) {
    auto filed = file_report(channel, message, turn, handled.filed_code);
    if (!filed) return filed.error();
    replies.insert(replies.end(), filed->replies.begin(), filed->replies.end());
    next = filed->conversation;
  } else if (turn.action == dv::Action::track) {
    auto answer = track(next.language, turn.code);
    if (!answer) return answer.error();
    replies.push_back(*answer);
  }
  state.conversation = next;
  if (!message.message_id.empty()) {
    state.recent_message_ids.push_back(message.message_id);
    if (state.recent_message_ids.size() > kRecentMessages) state.recent_message_ids.erase(state.recent_message_ids.begin());
  }
  auto record = to_record(state, channel_name, message.from);
  auto saved = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto version = tx.conversations().save(record);
    if (!version) return version.error();
    return {};
  });
  if (!saved) return saved.error();
  handled.step = next.step;
  for (const auto& reply : replies) {
    auto sent = channel.send(message.from, reply);
    ++handled.replies;
    if (!sent.sent) {
      ++handled.replies_failed;
      logging::app().warn("{}: a reply was not sent: {}", channel_name, sent.error);
    }
  }
  return handled;
}

}  // namespace sigap::app::conversations
