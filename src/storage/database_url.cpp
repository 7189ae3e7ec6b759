#include "storage/database_url.hpp"

#include <fmt/format.h>

#ifdef SIGAP_WITH_POSTGRES
#include <libpq-fe.h>
#endif

namespace sigap::storage {

namespace {

Error bad_url(std::string_view field, const std::string& why_id, const std::string& why_en) {
  return Error(ErrorCode::validation, Text{"Alamat basis data tidak valid.", "Invalid database URL."},
               {FieldError{std::string(field), Text{why_id, why_en}}});
}

}  // namespace

Result<DatabaseUrl> parse_database_url(std::string_view url, std::string_view field) {
  if (url.starts_with("sqlite:")) {
    auto path = url.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) {
      return bad_url(field, "sqlite: butuh path berkas, misalnya sqlite:data/sigap.db",
                     "sqlite: needs a file path, e.g. sqlite:data/sigap.db");
    }
    return DatabaseUrl{DatabaseUrl::Kind::sqlite, std::string(path)};
  }
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
#ifdef SIGAP_WITH_POSTGRES
    std::string text(url);
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(text.c_str(), &message);
    if (!options) {
      std::string why = message ? message : "unparseable";
      if (message) PQfreemem(message);
      while (!why.empty() && why.back() == '\n') why.pop_back();
      return bad_url(field, fmt::format("URI PostgreSQL tidak dapat dibaca: {}", why),
                     fmt::format("unparseable PostgreSQL URI: {}", why));
    }
    PQconninfoFree(options);
    return DatabaseUrl{DatabaseUrl::Kind::postgres, text};
#else
    return bad_url(field, "sigap ini dibangun tanpa PostgreSQL.", "this sigap was built without PostgreSQL.");
#endif
  }
  return bad_url(field, fmt::format("\"{}\" bukan sqlite:PATH atau postgres://...", url),
                 fmt::format("\"{}\" is neither sqlite:PATH nor postgres://...", url));
}

}  // namespace sigap::storage
