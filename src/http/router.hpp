#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace sigap::http {

using Handler = std::function<Response(const Request&)>;

/// What a route takes as its body.
enum class BodyKind { none, json };

/// One row of the route table (routes.cpp). `pattern` segments in braces are path parameters:
/// "/api/v1/units/{id}". `name` labels the route in metrics and logs (defaults to the pattern).
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  BodyKind body = BodyKind::none;
  std::size_t max_body = 0;  // 0: the server's JSON body limit
  /// Who may call it. "public" for now; the policy module of issue #3 checks the rest.
  std::string permission = "public";
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

 private:
  std::vector<Route> routes_;
};

}  // namespace sigap::http
