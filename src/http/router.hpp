#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/access.hpp"
#include "http/message.hpp"
#include "http/rate_limiter.hpp"

namespace sigap::http {

using Handler = std::function<Response(const Request&)>;

/// What a route takes as its body. `form` is application/x-www-form-urlencoded, which the
/// handler checks and parses itself (http/form_body.hpp) so that it can answer a wrong body in
/// its protocol's own error format (Open311).
enum class BodyKind { none, json, json_or_multipart, form };

/// One row of the route table (routes.cpp). `pattern` segments in braces are path parameters:
/// "/api/v1/units/{id}"; a parameter may be followed by a literal suffix in its segment,
/// "/open311/v2/requests/{id}.json" (the parameter is what precedes ".json").
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  BodyKind body = BodyKind::none;
  std::size_t max_body = 0;  // 0: the server's JSON body limit
  /// What the caller must be allowed to do (domain/access: can(actor, permission)). Every route
  /// declares one; the dispatcher refuses to run a route without (a test walks the table).
  std::optional<domain::access::Action> permission;
  /// A budget of its own, taken per client address before the handler runs (sign-in, public
  /// intake). Routes without one spend the signed-in caller's `api` budget; anonymous reads of
  /// public data are not limited here (many citizens share one carrier NAT address).
  std::optional<RateBudget> budget;
  /// The handler never waits for an anonymous caller's JSON body: it works from memory and
  /// queues its write (PendingResponse, message.hpp). The server then runs it on the
  /// connection's own thread instead of a pool's, two thread hand-offs fewer per request
  /// (POST /api/v1/complaints on SQLite, docs/storage.md). A request with a session or key (a
  /// database read, at times a write) or another body (photos to re-encode) still goes to the
  /// pool.
  bool answers_inline = false;
};

/// Matches a method and a decoded path against the table. Literal segments win over
/// parameters at the same position. Thread-safe after construction (read-only).
class Router {
 public:
  explicit Router(std::vector<Route> routes);

  struct Match {
    const Route* route = nullptr;                     // null: no route for this method
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::string> allowed_methods;         // when the path exists with other methods
  };

  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

  /// One segment of a pattern, parsed once: a literal, or a parameter with its literal suffix.
  struct Segment {
    bool parameter = false;
    std::string text;    // the literal, or the parameter's name
    std::string suffix;  // parameters only: ".json" in "{id}.json"
  };

 private:
  std::vector<Route> routes_;
  // Per route (same order as routes_): its segments and which of them are literals, so a
  // request compares against the table without splitting every pattern again.
  std::vector<std::vector<Segment>> segments_;
  std::vector<std::vector<bool>> literal_masks_;
};

}  // namespace sigap::http
