#pragma once

#include "app/complaints/list_cases.hpp"
#include "app/ports/storage.hpp"
#include "domain/complaints/case_filter.hpp"

namespace sigap::app::complaints {

/// The public list (transparency): non-confidential cases that were not merged into another,
/// newest first, narrowed by `filter` (region, category, status). The cases come back without
/// any personal data: reporter, address and account are never read from storage. The caller
/// still decides what of the rest it shows (coordinates rounded, none for anonymous reports).
Result<CasePage> list_public_cases(ports::Storage& storage, domain::complaints::CaseFilter filter);

/// The parameters the public list takes.
const std::vector<std::string_view>& public_list_parameters();

}  // namespace sigap::app::complaints
