#include "app/audit/verify_audit_chain.hpp"

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"

namespace sigap::app::audit {

namespace {

constexpr int kPage = 1000;

}  // namespace

Result<ChainReport> verify_audit_chain(ports::Storage& storage) {
  ChainReport report;
  std::int64_t expected_seq = 1;
  std::string prev_hash;
  for (;;) {
    auto page = storage.audit().chain(expected_seq - 1, kPage);
    if (!page) return page.error();
    for (const auto& entry : *page) {
      ++report.entries;
      auto broken = [&](std::int64_t seq, std::string problem) {
        report.first_broken = seq;
        report.problem = std::move(problem);
        return report;
      };
      if (entry.seq != expected_seq) {
        return broken(expected_seq, fmt::format("entry {} is missing (the next stored is {})", expected_seq, entry.seq));
      }
      if (entry.prev_hash != prev_hash) {
        return broken(entry.seq, fmt::format("entry {} does not follow the hash of entry {}", entry.seq, entry.seq - 1));
      }
      if (chain_hash(entry.prev_hash, entry.seq, entry.record) != entry.hash) {
        return broken(entry.seq, fmt::format("entry {} was altered: its fields do not match its hash", entry.seq));
      }
      prev_hash = entry.hash;
      ++expected_seq;
    }
    if (page->size() < static_cast<std::size_t>(kPage)) break;
  }
  auto head = storage.audit().head();
  if (!head) return head.error();
  if (head->seq != expected_seq - 1) {
    report.first_broken = expected_seq;
    report.problem = fmt::format("the chain ends at entry {} but {} were written: the last entries were removed",
                                 expected_seq - 1, head->seq);
  } else if (head->prev_hash != prev_hash) {
    report.first_broken = expected_seq - 1;
    report.problem = fmt::format("entry {} does not carry the hash recorded at the head", expected_seq - 1);
  }
  return report;
}

}  // namespace sigap::app::audit
