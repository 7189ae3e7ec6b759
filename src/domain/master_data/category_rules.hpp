#pragma once

#include <vector>

#include "common/error.hpp"
#include "domain/master_data/category.hpp"

namespace sigap::domain::master_data {

inline constexpr std::size_t kMinCategoryName = 2;  // characters (code points)
inline constexpr std::size_t kMaxCategoryName = 100;
inline constexpr std::size_t kMaxCategoryDescription = 1000;
inline constexpr std::size_t kMaxKeywords = 50;
inline constexpr std::size_t kMaxKeyword = 60;

/// The rules a category keeps on its own, before storage is asked about its default unit: a
/// code slug, names in Bahasa Indonesia and English, a short description, a default unit, and
/// keywords that intake can match (domain/complaints/category_suggestion).
/// Normalises in place: names and description trimmed; each keyword trimmed, lower-cased (A-Z),
/// its inner spaces collapsed; empty and repeated keywords dropped. Returns every problem at
/// once, named by API field ("code", "name", "name_en", "description", "default_unit_code",
/// "keywords", "keywords[3]"); empty when the category is well-formed.
std::vector<FieldError> check_category(Category& category);

}  // namespace sigap::domain::master_data
