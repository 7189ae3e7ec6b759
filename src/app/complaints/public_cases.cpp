#include "app/complaints/public_cases.hpp"

namespace sigap::app::complaints {

const std::vector<std::string_view>& public_list_parameters() {
  static const std::vector<std::string_view> names{"status", "category", "region", "cursor", "limit"};
  return names;
}

Result<CasePage> list_public_cases(ports::Storage& storage, domain::complaints::CaseFilter filter) {
  ports::CaseListQuery query;
  query.everywhere = true;
  query.public_only = true;
  filter.sort = domain::complaints::CaseSort::newest;
  query.filter = std::move(filter);
  auto cases = storage.complaints().list_cases(query);
  if (!cases) return cases.error();
  CasePage page;
  if (cases->size() == static_cast<std::size_t>(query.filter.limit)) {
    page.next_cursor = domain::complaints::format_case_cursor(query.filter.sort, cases->back());
  }
  page.items = std::move(*cases);
  return page;
}

}  // namespace sigap::app::complaints
