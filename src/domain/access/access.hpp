#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::access {

/// What a staff member may be on a unit. A role on a unit covers its sub-units.
enum class Role {
  officer,     // works the unit's cases
  supervisor,  // also reassigns, and is escalated to
  admin,       // configures the city: units, categories, rules, users, API keys
  leader,      // reads everything (the Command Center); changes nothing
  integrator,  // API clients of departmental apps
};

std::string_view to_string(Role role);
/// A validation error naming `field` when `text` is no role.
Result<Role> role_from_string(std::string_view text, std::string_view field);

struct Membership {
  std::string unit_code;
  Role role = Role::officer;
  bool operator==(const Membership&) const = default;
};

/// Everything the policy may ask for. Routes declare one each (src/http/routes.cpp).
enum class Action {
  public_read,       // anyone, signed in or not: health, master data, public tracking
  read_own_account,  // any signed-in person or key: who am I, log out
  manage_users,      // create, disable, grant, revoke staff accounts
  manage_api_keys,
  manage_master_data,
  read_audit,
  read_case,         // see a case of a unit in scope (issue #4)
  work_case,         // act on it: verify, reply, forward, resolve
  reassign_case,
  read_dashboard,    // the Command Center figures of a unit in scope
  manage_webhooks,   // webhook subscriptions and deliveries (an integrator: its own, for its units)
  submit_case,       // file a case for a reporter through an integration (Open311 POST requests)
  record_presence,   // check oneself in and out at a unit office (e-presensi)
  read_presence,     // who is checked in, hours staffed, per unit in scope
  view_camera,       // a unit's cameras, their state and latest image (each view audited)
  manage_cameras,    // the camera registry
  read_alerts,       // alerts about units in scope (an admin: every alert, the city's too)
  acknowledge_alert, // record having seen an alert (closes alerts about events)
};

std::string_view to_string(Action action);
Result<Action> action_from_string(std::string_view text, std::string_view field);
/// Whether the action changes something (leaders never may).
bool is_write(Action action);

enum class ActorKind { anonymous, staff, citizen, api_client };

/// Who is asking: resolved by the HTTP layer from a session cookie or an API key.
struct Actor {
  ActorKind kind = ActorKind::anonymous;
  std::int64_t id = 0;  // user id, or API key id
  std::string name;
  std::vector<Membership> memberships;  // staff, and API keys (integrator on a unit)
  std::vector<Action> scopes;           // API keys: what the key was granted

  [[nodiscard]] bool signed_in() const { return kind != ActorKind::anonymous; }
  [[nodiscard]] bool has_role(Role role) const;
};

/// What the action is about. `unit_path` runs from the root unit down to the unit that owns the
/// object ("pemkot-palembang", "kecamatan-16.71.01", "kelurahan-16.71.01.1001"); empty when the
/// action is not about one unit's object (listing users, reading the audit log).
struct Resource {
  std::vector<std::string> unit_path;
};

enum class Decision {
  allow,
  unauthenticated,  // sign in first (401)
  forbidden,        // signed in, not allowed (403)
};

/// Where an actor may do `action`: everywhere (a leader reading), or within the subtrees of
/// `roots` (the units of the memberships whose role grants it); nowhere when both are empty.
struct Scope {
  bool everywhere = false;
  std::vector<std::string> roots;
};
Scope scope_of(const Actor& actor, Action action);

/// The one place that decides who may do what. Pure: the same inputs, the same answer.
/// With an empty resource it answers "may the actor do this anywhere at all" (the route gate);
/// with a unit path it answers for that unit (a role on an ancestor covers it).
Decision can(const Actor& actor, Action action, const Resource& resource = {});

}  // namespace sigap::domain::access
