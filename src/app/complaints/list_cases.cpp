#include "app/complaints/list_cases.hpp"

namespace sigap::app::complaints {

namespace {

ports::CaseListQuery scoped(const domain::access::Actor& actor, domain::complaints::CaseFilter filter, TimePoint now) {
  auto scope = domain::access::scope_of(actor, domain::access::Action::read_case);
  ports::CaseListQuery query;
  query.everywhere = scope.everywhere;
  query.unit_roots = std::move(scope.roots);
  query.filter = std::move(filter);
  query.now = now;
  return query;
}

}  // namespace

Result<CasePage> list_cases(ports::Storage& storage, const domain::access::Actor& actor,
                            domain::complaints::CaseFilter filter, TimePoint now) {
  auto query = scoped(actor, std::move(filter), now);
  auto cases = storage.complaints().list_cases(query);
  if (!cases) return cases.error();
  CasePage page;
  if (cases->size() == static_cast<std::size_t>(query.filter.limit)) {
    page.next_cursor = domain::complaints::format_case_cursor(query.filter.sort, cases->back());
  }
  page.items = std::move(*cases);
  return page;
}

Result<std::vector<ports::StatusCount>> count_cases(ports::Storage& storage, const domain::access::Actor& actor,
                                                    domain::complaints::CaseFilter filter, TimePoint now) {
  return storage.complaints().count_by_status(scoped(actor, std::move(filter), now));
}

}  // namespace sigap::app::complaints
