#include "http/json_body.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

namespace sigap::http {

Result<boost::json::object> parse_json_object(const Request& request) { return parse_json_text(request.body); }

Result<boost::json::object> parse_json_text(std::string_view text) {
  if (text.empty()) {
    return Error(ErrorCode::invalid_input, Text{"Isi permintaan kosong; kirim objek JSON.",
                                                "The request body is empty; send a JSON object."});
  }
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec) {
    return Error(ErrorCode::invalid_input,
                 Text{fmt::format("Isi permintaan bukan JSON yang sah: {}.", ec.message()),
                      fmt::format("The request body is not valid JSON: {}.", ec.message())});
  }
  if (!value.is_object()) {
    return Error(ErrorCode::invalid_input, Text{"Isi permintaan harus berupa objek JSON ({...}).",
                                                "The request body must be a JSON object ({...})."});
  }
  return std::move(value.as_object());
}

JsonFields::JsonFields(const boost::json::object& object, std::initializer_list<std::string_view> known,
                       std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {
  for (const auto& member : object) {
    if (std::find(known.begin(), known.end(), std::string_view(member.key())) == known.end()) {
      add_problem(std::string(member.key()), Text{"Kolom ini tidak dikenal.", "Unknown field."});
    }
  }
}

std::optional<double> JsonFields::number(std::string_view name, bool required) {
  const auto* value = field(name, required);
  if (!value) return std::nullopt;
  if (value->is_double()) return value->as_double();
  if (value->is_int64()) return static_cast<double>(value->as_int64());
  if (value->is_uint64()) return static_cast<double>(value->as_uint64());
  add_problem(std::string(name), Text{"Harus berupa angka.", "Must be a number."});
  return std::nullopt;
}

std::optional<bool> JsonFields::boolean(std::string_view name, bool required) {
  const auto* value = field(name, required);
  if (!value) return std::nullopt;
  if (value->is_bool()) return value->as_bool();
  add_problem(std::string(name), Text{"Harus true atau false.", "Must be true or false."});
  return std::nullopt;
}

const boost::json::object* JsonFields::object(std::string_view name) {
  const auto* value = field(name, false);
  if (!value) return nullptr;
  if (value->is_object()) return &value->as_object();
  add_problem(std::string(name), Text{"Harus berupa objek.", "Must be an object."});
  return nullptr;
}

const boost::json::value* JsonFields::field(std::string_view name, bool required) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) {
    if (required) add_problem(std::string(name), Text{"Wajib diisi.", "Required."});
    return nullptr;
  }
  return value;
}

std::optional<std::string> JsonFields::string(std::string_view name, bool required) {
  const auto* value = field(name, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    add_problem(std::string(name), Text{"Harus berupa teks.", "Must be a string."});
    return std::nullopt;
  }
  return std::string(value->as_string());
}

std::optional<std::int64_t> JsonFields::integer(std::string_view name, bool required) {
  const auto* value = field(name, required);
  if (!value) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  add_problem(std::string(name), Text{"Harus berupa bilangan bulat.", "Must be an integer."});
  return std::nullopt;
}

std::optional<Error> JsonFields::error() const {
  if (problems_.empty()) return std::nullopt;
  return Error(ErrorCode::validation, Text{"Data yang dikirim tidak valid.", "The data sent is invalid."}, problems_);
}

}  // namespace sigap::http
