#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace sigap::app::complaints {

/// A title and a description in Bahasa Indonesia, written the way citizens of Palembang write
/// to LAPOR!: an opening, the problem (its words depend on the category), where, since when,
/// what they ask. Many phrasings per part, so a text search over a million of them finds some
/// cases and not others, as it would in real data.
struct GeneratedText {
  std::string title;
  std::string description;
};

/// The text of a made-up complaint of `category_code` (falling back on `category_name` and its
/// `keywords` for categories without phrases of their own) near `place_name` (a kelurahan).
GeneratedText generated_text(std::mt19937_64& random, std::string_view category_code, std::string_view category_name,
                             const std::vector<std::string>& keywords, std::string_view place_name);

/// A made-up Indonesian full name.
std::string generated_name(std::mt19937_64& random);

/// A made-up street address in Palembang.
std::string generated_address(std::mt19937_64& random);

}  // namespace sigap::app::complaints
