#pragma once

#include <string>
#include <string_view>

namespace sigap::domain::master_data {

/// Folds a place name for matching: lower case ASCII, punctuation and runs of spaces become one
/// space, and spelled-out Palembang numerals stay as they are ("Tiga-puluh-lima Ilir" ->
/// "tiga puluh lima ilir"). Digits stay, so "35 Ilir" and "Tiga-puluh-lima Ilir" differ.
std::string fold_name(std::string_view name);

/// How well a typed query names a place, 0 (not at all) to 100 (exactly), tolerant of typos:
/// a folded exact match is 100, a prefix or whole-word match ranks above a near miss, and a
/// near miss scores by edit distance against the name and each of its words.
int name_match_score(std::string_view query, std::string_view name);

}  // namespace sigap::domain::master_data
