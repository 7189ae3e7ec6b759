#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/storage.hpp"

namespace sigap::app::audit {

struct ChainReport {
  std::int64_t entries = 0;                  // entries read
  std::optional<std::int64_t> first_broken;  // the first entry that was altered, removed or inserted
  std::string problem;                       // what is wrong there (English, for operators)

  [[nodiscard]] bool intact() const { return !first_broken; }
};

/// Walks the whole chain in order and checks each entry: numbered without gaps from 1, its
/// prev_hash equal to the hash before it, its hash equal to the hash of its fields; and the
/// head equal to the last entry. Reads in pages (memory stays flat on a long chain).
Result<ChainReport> verify_audit_chain(ports::Storage& storage);

}  // namespace sigap::app::audit
