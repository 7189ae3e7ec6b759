#include "domain/access/access.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sigap::domain::access {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::officer, "officer"},
    {Role::supervisor, "supervisor"},
    {Role::admin, "admin"},
    {Role::leader, "leader"},
    {Role::integrator, "integrator"},
}};

constexpr std::array<std::pair<Action, std::string_view>, 18> kActions{{
    {Action::public_read, "public_read"},
    {Action::read_own_account, "read_own_account"},
    {Action::manage_users, "manage_users"},
    {Action::manage_api_keys, "manage_api_keys"},
    {Action::manage_master_data, "manage_master_data"},
    {Action::read_audit, "read_audit"},
    {Action::read_case, "read_case"},
    {Action::work_case, "work_case"},
    {Action::reassign_case, "reassign_case"},
    {Action::read_dashboard, "read_dashboard"},
    {Action::manage_webhooks, "manage_webhooks"},
    {Action::submit_case, "submit_case"},
    {Action::record_presence, "record_presence"},
    {Action::read_presence, "read_presence"},
    {Action::view_camera, "view_camera"},
    {Action::manage_cameras, "manage_cameras"},
    {Action::read_alerts, "read_alerts"},
    {Action::acknowledge_alert, "acknowledge_alert"},
}};

/// How far a grant reaches: the units under the membership, or the whole city.
enum class Reach { in_scope, everywhere };

struct Grant {
  Role role;
  Action action;
  Reach reach;
};

// The rules, as a table: a new rule is a new row. Actions not listed here for a role are denied.
constexpr std::array<Grant, 32> kGrants{{
    {Role::officer, Action::read_case, Reach::in_scope},
    {Role::officer, Action::work_case, Reach::in_scope},
    {Role::supervisor, Action::read_case, Reach::in_scope},
    {Role::supervisor, Action::work_case, Reach::in_scope},
    {Role::supervisor, Action::reassign_case, Reach::in_scope},
    {Role::officer, Action::read_dashboard, Reach::in_scope},
    {Role::supervisor, Action::read_dashboard, Reach::in_scope},
    {Role::admin, Action::manage_users, Reach::everywhere},
    {Role::admin, Action::manage_api_keys, Reach::everywhere},
    {Role::admin, Action::manage_master_data, Reach::everywhere},
    {Role::admin, Action::read_audit, Reach::everywhere},
    {Role::admin, Action::manage_webhooks, Reach::everywhere},
    {Role::leader, Action::read_case, Reach::everywhere},
    {Role::leader, Action::read_dashboard, Reach::everywhere},
    {Role::admin, Action::read_dashboard, Reach::everywhere},
    {Role::integrator, Action::read_case, Reach::in_scope},
    {Role::integrator, Action::manage_webhooks, Reach::in_scope},  // its own subscriptions, for its units
    // A case filed for a reporter goes wherever routing sends it, so the key's unit does not bound it.
    {Role::integrator, Action::submit_case, Reach::everywhere},
    // The Command Center (docs/command-center.md): staff check in at their own offices;
    // supervisors see presence, cameras and alerts of their units; a kelurahan officer sees its
    // own cameras; leaders see everything; admins keep the cameras and see every alert.
    {Role::officer, Action::record_presence, Reach::in_scope},
    {Role::supervisor, Action::record_presence, Reach::in_scope},
    {Role::supervisor, Action::read_presence, Reach::in_scope},
    {Role::leader, Action::read_presence, Reach::everywhere},
    {Role::officer, Action::view_camera, Reach::in_scope},
    {Role::supervisor, Action::view_camera, Reach::in_scope},
    {Role::leader, Action::view_camera, Reach::everywhere},
    {Role::admin, Action::view_camera, Reach::everywhere},
    {Role::admin, Action::manage_cameras, Reach::everywhere},
    {Role::supervisor, Action::read_alerts, Reach::in_scope},
    {Role::leader, Action::read_alerts, Reach::everywhere},
    {Role::admin, Action::read_alerts, Reach::everywhere},
    {Role::supervisor, Action::acknowledge_alert, Reach::in_scope},
    {Role::admin, Action::acknowledge_alert, Reach::everywhere},
}};

template <typename Enum, std::size_t N>
Result<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text,
                   std::string_view field, const Text& what) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  std::string known;
  for (const auto& [value, name] : names) {
    if (!known.empty()) known += ", ";
    known += name;
  }
  return Error(ErrorCode::validation, what,
               {FieldError{std::string(field), Text{"Pilih salah satu: " + known + ".", "Use one of: " + known + "."}}});
}

bool covers(const Membership& membership, const Resource& resource) {
  if (resource.unit_path.empty()) return true;
  return std::find(resource.unit_path.begin(), resource.unit_path.end(), membership.unit_code) !=
         resource.unit_path.end();
}

}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [value, name] : kRoles) {
    if (value == role) return name;
  }
  return "officer";
}

Result<Role> role_from_string(std::string_view text, std::string_view field) {
  return parse(kRoles, text, field, Text{"Peran tidak dikenal.", "Unknown role."});
}

std::string_view to_string(Action action) {
  for (const auto& [value, name] : kActions) {
    if (value == action) return name;
  }
  return "public_read";
}

Result<Action> action_from_string(std::string_view text, std::string_view field) {
  return parse(kActions, text, field, Text{"Izin tidak dikenal.", "Unknown permission."});
}

bool is_write(Action action) {
  switch (action) {
    case Action::public_read:
    case Action::read_own_account:
    case Action::read_audit:
    case Action::read_case:
    case Action::read_dashboard:
    case Action::read_presence:
    case Action::view_camera:
    case Action::read_alerts:
      return false;
    default:
      return true;
  }
}

bool Actor::has_role(Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) { return m.role == role; });
}

Scope scope_of(const Actor& actor, Action action) {
  Scope scope;
  if (!actor.signed_in()) return scope;
  if (actor.kind == ActorKind::api_client &&
      std::find(actor.scopes.begin(), actor.scopes.end(), action) == actor.scopes.end()) {
    return scope;
  }
  for (const auto& grant : kGrants) {
    if (grant.action != action) continue;
    for (const auto& membership : actor.memberships) {
      if (membership.role != grant.role) continue;
      if (grant.reach == Reach::everywhere) {
        scope.everywhere = true;
      } else if (std::find(scope.roots.begin(), scope.roots.end(), membership.unit_code) == scope.roots.end()) {
        scope.roots.push_back(membership.unit_code);
      }
    }
  }
  return scope;
}

Decision can(const Actor& actor, Action action, const Resource& resource) {
  if (action == Action::public_read) return Decision::allow;
  if (!actor.signed_in()) return Decision::unauthenticated;
  if (action == Action::read_own_account) return Decision::allow;
  // An API key does only what it was granted, and never more than its memberships allow.
  if (actor.kind == ActorKind::api_client &&
      std::find(actor.scopes.begin(), actor.scopes.end(), action) == actor.scopes.end()) {
    return Decision::forbidden;
  }
  for (const auto& grant : kGrants) {
    if (grant.action != action) continue;
    for (const auto& membership : actor.memberships) {
      if (membership.role != grant.role) continue;
      if (grant.reach == Reach::everywhere || covers(membership, resource)) return Decision::allow;
    }
  }
  return Decision::forbidden;
}

}  // namespace sigap::domain::access
