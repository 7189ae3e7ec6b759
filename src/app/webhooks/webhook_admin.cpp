#include "app/webhooks/webhook_admin.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "crypto/random.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/integration/event_types.hpp"

namespace sigap::app::webhooks {

namespace da = domain::access;
namespace di = domain::integration;

namespace {

constexpr std::size_t kMaxName = 100;

Error not_found() {
  return Error(ErrorCode::not_found, Text{"Langganan webhook tidak ditemukan.", "Webhook subscription not found."});
}

bool sees_everything(const da::Actor& actor) { return da::scope_of(actor, da::Action::manage_webhooks).everywhere; }

std::string host_of(const std::string& url) {
  auto start = url.find("://");
  if (start == std::string::npos) return {};
  start += 3;
  auto end = url.find_first_of("/?", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out;
}

}  // namespace

Result<std::vector<ports::WebhookSubscription>> WebhookAdmin::list(const da::Actor& actor) {
  return storage_.webhooks().subscriptions(sees_everything(actor) ? std::string() : audit::audit_name(actor));
}

Result<ports::WebhookSubscription> WebhookAdmin::visible(const da::Actor& actor, std::int64_t id) {
  auto found = storage_.webhooks().find_subscription(id);
  if (!found) return found.error();
  if (!*found) return not_found();
  if (!sees_everything(actor) && (*found)->owner != audit::audit_name(actor)) return not_found();
  return std::move(**found);
}

Result<ports::WebhookSubscription> WebhookAdmin::get(const da::Actor& actor, std::int64_t id) {
  return visible(actor, id);
}

Result<void> WebhookAdmin::apply(const da::Actor& actor, const SubscriptionDraft& draft, bool creating,
                                 ports::WebhookSubscription& subscription, std::optional<std::string>& secret) {
  std::vector<FieldError> problems;
  auto required = [&](const char* field) { problems.push_back({field, Text{"Wajib diisi.", "Required."}}); };
  if (draft.name) {
    auto length = domain::complaints::utf8_length(*draft.name);
    if (!length || *length == 0 || *length > kMaxName) {
      problems.push_back({"name", Text{"Isi 1 sampai 100 karakter.", "Write 1 to 100 characters."}});
    } else {
      subscription.name = *draft.name;
    }
  } else if (creating) {
    required("name");
  }
  if (draft.url) {
    auto checked = di::check_webhook_url(*draft.url, settings_.allow, "url");
    if (!checked) {
      for (const auto& field : checked.error().fields()) problems.push_back(field);
    } else {
      subscription.url = checked->text;
      if (transport_) {
        auto reachable = transport_->check_destination(checked->text);
        if (!reachable && reachable.error().code() != ErrorCode::unavailable) {
          problems.push_back({"url", reachable.error().code() == ErrorCode::forbidden
                                         ? Text{"Host ini mengarah ke alamat yang tidak boleh dituju (jaringan privat, "
                                                "loopback, atau metadata cloud).",
                                                "This host resolves to an address that may not be reached (private "
                                                "network, loopback or cloud metadata)."}
                                         : reachable.error().message()});
        }
      }
    }
  } else if (creating) {
    required("url");
  }
  if (draft.event_types) {
    auto filter = di::parse_event_filter(*draft.event_types, "event_types");
    if (!filter) {
      for (const auto& field : filter.error().fields()) problems.push_back(field);
    } else {
      subscription.event_types = std::move(*filter);
    }
  } else if (creating) {
    required("event_types");
  }
  // An integrator's subscription carries only its unit's cases: its unit unless it names one
  // below it.
  auto scope = da::scope_of(actor, da::Action::manage_webhooks);
  if (creating && !scope.everywhere && !draft.unit_code && !scope.roots.empty()) {
    subscription.unit_code = scope.roots.front();
  }
  if (draft.unit_code) {
    if (draft.unit_code->empty() && !scope.everywhere) {
      problems.push_back({"unit_code", Text{"Kunci API hanya menerima aduan unitnya; isi kode unit.",
                                            "An API key receives only its unit's cases; give a unit code."}});
    } else if (!draft.unit_code->empty()) {
      auto path = storage_.units().path_to(*draft.unit_code);
      if (!path) return path.error();
      if (path->empty()) {
        problems.push_back({"unit_code", Text{"Unit tidak dikenal.", "Unknown unit."}});
      } else if (!scope.everywhere && std::none_of(scope.roots.begin(), scope.roots.end(), [&](const auto& root) {
                   return std::find(path->begin(), path->end(), root) != path->end();
                 })) {
        problems.push_back({"unit_code", Text{"Unit di luar cakupan kunci API ini.",
                                              "The unit is outside this API "
                                              "key's scope."}});
      } else {
        subscription.unit_code = *draft.unit_code;
      }
    } else {
      subscription.unit_code.clear();
    }
  }
  if (draft.active) subscription.active = *draft.active;
  if (draft.secret) {
    const auto& text = *draft.secret;
    const bool printable = std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (text.size() < 16 || text.size() > 256 || !printable) {
      problems.push_back({"secret", Text{"Rahasia 16 sampai 256 karakter ASCII tanpa spasi.",
                                         "A secret is 16 to 256 ASCII characters without spaces."}});
    } else {
      secret = text;
    }
  }
  if (!problems.empty()) {
    return Error(ErrorCode::validation, Text{"Langganan webhook tidak valid.", "Invalid webhook subscription."},
                 std::move(problems));
  }
  return {};
}

Result<CreatedSubscription> WebhookAdmin::create(const da::Actor& actor, const SubscriptionDraft& draft) {
  CreatedSubscription created;
  auto& subscription = created.subscription;
  std::optional<std::string> secret;
  if (auto applied = apply(actor, draft, true, subscription, secret); !applied) return applied.error();
  created.secret = secret.value_or("whsec_" + crypto::random_token(32));
  subscription.owner = audit::audit_name(actor);
  subscription.created_at = subscription.updated_at = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.webhooks().insert_subscription(subscription, created.secret);
    if (!id) return id.error();
    subscription.id = *id;
    auto audited = audit::record_audit(
        tx, {subscription.created_at, subscription.owner, "webhook.created", fmt::format("webhook:{}", *id),
             fmt::format("host {}; events {}", host_of(subscription.url), join(subscription.event_types)), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return created;
}

Result<ports::WebhookSubscription> WebhookAdmin::update(const da::Actor& actor, std::int64_t id,
                                                        const SubscriptionDraft& draft) {
  auto subscription = visible(actor, id);
  if (!subscription) return subscription.error();
  std::optional<std::string> secret;
  if (auto applied = apply(actor, draft, false, *subscription, secret); !applied) return applied.error();
  subscription->updated_at = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto updated = tx.webhooks().update_subscription(*subscription, secret);
    if (!updated) return updated.error();
    if (!*updated) return not_found();
    auto audited = audit::record_audit(
        tx, {subscription->updated_at, audit::audit_name(actor), "webhook.updated", fmt::format("webhook:{}", id),
             fmt::format("host {}; events {}; {}{}", host_of(subscription->url), join(subscription->event_types),
                         subscription->active ? "active" : "paused", secret ? "; new secret" : ""),
             ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return std::move(*subscription);
}

Result<void> WebhookAdmin::remove(const da::Actor& actor, std::int64_t id) {
  auto subscription = visible(actor, id);
  if (!subscription) return subscription.error();
  return storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto removed = tx.webhooks().delete_subscription(id);
    if (!removed) return removed.error();
    if (!*removed) return not_found();
    auto audited = audit::record_audit(tx, {clock_.now(), audit::audit_name(actor), "webhook.deleted",
                                            fmt::format("webhook:{}", id), "host " + host_of(subscription->url), ""});
    if (!audited) return audited.error();
    return {};
  });
}

Result<std::vector<ports::WebhookDelivery>> WebhookAdmin::deliveries(const da::Actor& actor,
                                                                     ports::DeliveryQuery query) {
  query.owner = sees_everything(actor) ? std::string() : audit::audit_name(actor);
  return storage_.webhooks().deliveries(query);
}

Result<ports::WebhookDelivery> WebhookAdmin::delivery(const da::Actor& actor, std::int64_t id) {
  auto found = storage_.webhooks().find_delivery(id);
  if (!found) return found.error();
  auto missing = Error(ErrorCode::not_found, Text{"Pengiriman tidak ditemukan.", "Delivery not found."});
  if (!*found) return missing;
  if (auto subscription = visible(actor, (*found)->subscription_id); !subscription) return missing;
  return std::move(**found);
}

Result<ports::WebhookDelivery> WebhookAdmin::redeliver(const da::Actor& actor, std::int64_t id) {
  auto found = delivery(actor, id);
  if (!found) return found.error();
  auto now = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto requeued = tx.webhooks().redeliver(id, now);
    if (!requeued) return requeued.error();
    if (!*requeued) {
      return Error(ErrorCode::conflict,
                   Text{"Hanya pengiriman yang gagal total (dead letter) yang dapat dikirim ulang.",
                        "Only a dead-lettered delivery can be redelivered."});
    }
    auto audited = audit::record_audit(
        tx, {now, audit::audit_name(actor), "webhook.redelivered", fmt::format("webhook_delivery:{}", id),
             fmt::format("webhook:{}; event {}", found->subscription_id, found->event_type), ""});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return delivery(actor, id);
}

}  // namespace sigap::app::webhooks
