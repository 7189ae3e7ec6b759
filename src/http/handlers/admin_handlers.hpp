#pragma once

#include "app/identity/user_admin.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The admin API: users (/api/v1/users...), API keys (/api/v1/api-keys...) and the audit log
/// (/api/v1/audit). The route table gates each on its permission; every change is audited by
/// the use cases under the acting admin's name.
class AdminHandlers {
 public:
  AdminHandlers(app::ports::Storage& storage, const Clock& clock)
      : storage_(storage), clock_(clock), users_(storage, clock) {}

  Response list_users(const Request& request);
  Response create_user(const Request& request);
  Response disable_user(const Request& request);
  Response enable_user(const Request& request);
  Response reset_password(const Request& request);
  Response grant(const Request& request);
  Response revoke(const Request& request);

  Response list_api_keys(const Request& request);
  Response create_api_key(const Request& request);
  Response revoke_api_key(const Request& request);

  Response list_audit(const Request& request);

 private:
  Response change_membership(const Request& request, bool add);

  app::ports::Storage& storage_;
  const Clock& clock_;
  app::identity::UserAdmin users_;
};

}  // namespace sigap::http::handlers
