#include "app/complaints/case_access.hpp"

namespace sigap::app::complaints {

namespace da = domain::access;

namespace {

Error no_such_case() {
  return Error(ErrorCode::not_found, Text{"Aduan tidak ditemukan.", "No such complaint."});
}

}  // namespace

Result<da::Resource> case_resource(ports::Storage& storage, const std::string& unit_code) {
  auto path = storage.units().path_to(unit_code);
  if (!path) return path.error();
  return da::Resource{std::move(*path)};
}

Result<domain::complaints::Complaint> load_case(ports::Storage& storage, const da::Actor& actor, std::int64_t id,
                                                da::Action action) {
  auto found = storage.complaints().find_by_id(id);
  if (!found) return found.error();
  if (!found->has_value()) return no_such_case();
  auto resource = case_resource(storage, (*found)->unit_code);
  if (!resource) return resource.error();
  if (da::can(actor, da::Action::read_case, *resource) != da::Decision::allow) return no_such_case();
  if (action != da::Action::read_case && da::can(actor, action, *resource) != da::Decision::allow) {
    return Error(ErrorCode::forbidden, Text{"Anda tidak berwenang melakukan ini pada aduan ini.",
                                            "You are not allowed to do this on this case."});
  }
  return std::move(**found);
}

}  // namespace sigap::app::complaints
