#include "domain/conversations/conversation.hpp"

#include <array>
#include <utility>

namespace sigap::domain::conversations {

namespace {

constexpr std::array<std::pair<Step, std::string_view>, 7> kSteps{{
    {Step::start, "start"},
    {Step::category, "category"},
    {Step::description, "description"},
    {Step::location, "location"},
    {Step::location_choice, "location_choice"},
    {Step::photos, "photos"},
    {Step::confirm, "confirm"},
}};

}  // namespace

std::string_view to_string(Step step) {
  for (const auto& [value, name] : kSteps) {
    if (value == step) return name;
  }
  return "start";
}

std::optional<Step> step_from_string(std::string_view text) {
  for (const auto& [value, name] : kSteps) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace sigap::domain::conversations
