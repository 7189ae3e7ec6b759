#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sigap::domain::master_data {

/// A kind of complaint a resident can pick ("Jalan rusak"), with the unit that handles it by
/// default and the keywords that suggest it when the reporter picks none.
struct Category {
  std::int64_t id = 0;
  std::string code;           // stable slug: "jalan-rusak"
  std::string name_id;        // Bahasa Indonesia
  std::string name_en;
  std::string description_id;
  std::string default_unit_code;
  std::vector<std::string> keywords;  // lower case, Bahasa Indonesia
  bool field_work = false;  // roads, drainage, street lights, rubbish: resolving needs an "after" photo

  bool operator==(const Category&) const = default;
};

}  // namespace sigap::domain::master_data
