#include "media/vips_runtime.hpp"

#include <optional>
#include <string>

#include <vips/vips.h>

#include "common/logging.hpp"

namespace sigap::media {

namespace {

void log_vips_message(const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer /*unused*/) {
  const bool serious = (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0;
  logging::app().log(serious ? spdlog::level::err : spdlog::level::debug, "{}: {}", domain ? domain : "libvips",
                     message ? message : "");
}

// The reason libvips could not start, or nullopt once it has.
std::optional<std::string> start_vips() {
  if (VIPS_INIT("sigap") != 0) {
    char* detail = vips_error_buffer_copy();
    std::string reason = std::string("libvips did not start: ") + (detail ? detail : "");
    g_free(detail);
    return reason;
  }
  const auto levels = static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
                                                  G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG);
  g_log_set_handler("VIPS", levels, log_vips_message, nullptr);
  vips_cache_set_max(0);
  vips_block_untrusted_set(TRUE);
  vips_operation_block_set("VipsForeignLoad", TRUE);
  vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
  vips_operation_block_set("VipsForeignLoadPng", FALSE);
  vips_operation_block_set("VipsForeignLoadWebp", FALSE);
  return std::nullopt;
}

}  // namespace

Result<void> ensure_vips() {
  static const std::optional<std::string> failure = start_vips();
  if (failure) return Error::internal(*failure);
  return {};
}

}  // namespace sigap::media
