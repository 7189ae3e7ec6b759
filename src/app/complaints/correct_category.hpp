#pragma once

#include <string>

#include "app/ports/storage.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::app::complaints {

/// The verifier's correction of a report's category (the reporter's choice, or the keyword
/// suggestion, was wrong): sets the category and routes the case again by it, as intake would
/// (the most specific routing rule, else the category's default unit). The caller records the
/// change of unit, if any, on the timeline. An unknown category is a validation error on
/// "category_code".
Result<void> correct_category(ports::Storage& storage, domain::complaints::Complaint& complaint,
                              const std::string& category_code);

}  // namespace sigap::app::complaints
