// An Open311 GeoReport v2 `POST requests` as a client sends it (http/form_body,
// channels/open311/service_request_form, domain/complaints/attribute_answers): the
// Content-Type header, the application/x-www-form-urlencoded body, the arguments read from it
// and the attribute answers checked against a category's definitions.
// Input: the Content-Type value, a line feed, then the body.
// Invariants: a refused form names its field by position (the value is never echoed); a read
// form has a service code, both or neither of lat and long, a location, a description of at
// most 4,000 characters and an http(s) media_url or none; answers taken are defined ones.
#include <algorithm>
#include <cmath>
#include <vector>

#include "channels/open311/service_request_form.hpp"
#include "domain/complaints/attribute_answers.hpp"
#include "domain/complaints/intake.hpp"
#include "fuzz/fuzz_check.hpp"
#include "http/form_body.hpp"

namespace o311 = sigap::channels::open311;
namespace dc = sigap::domain::complaints;
namespace md = sigap::domain::master_data;

namespace {

// One attribute of each datatype, as a flooding category might ask them.
const std::vector<md::CategoryAttribute>& definitions() {
  static const std::vector<md::CategoryAttribute> attributes = [] {
    std::vector<md::CategoryAttribute> list;
    auto add = [&](std::string code, md::AttributeDatatype type, bool required, std::vector<md::AttributeOption> values) {
      md::CategoryAttribute attribute;
      attribute.category_code = "banjir";
      attribute.code = std::move(code);
      attribute.datatype = type;
      attribute.required = required;
      attribute.order = static_cast<int>(list.size()) + 1;
      attribute.description = "Pertanyaan";
      attribute.values = std::move(values);
      list.push_back(std::move(attribute));
    };
    add("kedalaman_cm", md::AttributeDatatype::number, true, {});
    add("jalan", md::AttributeDatatype::string, false, {});
    add("catatan", md::AttributeDatatype::text, false, {});
    add("sejak", md::AttributeDatatype::datetime, false, {});
    add("arus", md::AttributeDatatype::singlevaluelist, false, {{"tenang", "Tenang"}, {"deras", "Deras"}});
    add("dampak", md::AttributeDatatype::multivaluelist, false,
        {{"rumah", "Rumah"}, {"jalan", "Jalan"}, {"sekolah", "Sekolah"}});
    md::CategoryAttribute note;
    note.category_code = "banjir";
    note.code = "info";
    note.variable = false;
    note.order = static_cast<int>(list.size()) + 1;
    note.description = "Hubungi 112 bila ada korban.";
    list.push_back(std::move(note));
    return list;
  }();
  return attributes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = sigap::fuzz::as_text(data, size);
  auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  if (!sigap::http::is_form_media_type(input.substr(0, newline))) return 0;

  auto pairs = sigap::http::parse_form_body(input.substr(newline + 1));
  if (!pairs) {
    for (const auto& field : pairs.error().fields()) FUZZ_CHECK(field.field.starts_with("form field "));
    return 0;
  }
  FUZZ_CHECK(pairs->size() <= sigap::http::kMaxFormFields);

  auto form = o311::read_service_request_form(*pairs);
  if (!form) {
    FUZZ_CHECK(!form.error().fields().empty());
    return 0;
  }
  FUZZ_CHECK(!form->service_code.empty());
  FUZZ_CHECK(form->lat.has_value() == form->lon.has_value());
  if (form->lat) FUZZ_CHECK(std::isfinite(*form->lat) && std::isfinite(*form->lon));
  FUZZ_CHECK(form->lat || !form->address_string.empty() || !form->address_id.empty());
  if (auto length = dc::utf8_length(form->description)) FUZZ_CHECK(*length <= o311::kMaxDescription);
  FUZZ_CHECK(form->media_url.empty() || form->media_url.starts_with("http"));

  auto answers = dc::check_attribute_answers(definitions(), form->attributes);
  if (answers) {
    for (const auto& answer : *answers) {
      auto defined = std::find_if(definitions().begin(), definitions().end(),
                                  [&](const md::CategoryAttribute& a) { return a.code == answer.code; });
      FUZZ_CHECK(defined != definitions().end() && defined->variable);
      FUZZ_CHECK(defined->datatype == md::AttributeDatatype::multivaluelist || answer.values.size() == 1);
    }
  }
  return 0;
}
