#include "common/error.hpp"

namespace sigap {

Error Error::internal(std::string what_for_the_log) {
  Error error(ErrorCode::internal,
              Text{"Terjadi kesalahan pada server. Silakan coba lagi.",
                   "Something went wrong on the server. Please try again."});
  error.with_log_detail(std::move(what_for_the_log));
  return error;
}

}  // namespace sigap
