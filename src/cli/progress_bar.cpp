#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

namespace sigap::cli {

namespace {

constexpr int kWidth = 30;

}  // namespace

ProgressBar::ProgressBar(std::FILE* out, std::int64_t total, std::string label)
    : out_(out), total_(std::max<std::int64_t>(total, 1)), label_(std::move(label)),
      terminal_(isatty(fileno(out)) != 0), started_(std::chrono::steady_clock::now()) {}

std::string ProgressBar::grouped(std::int64_t number) {
  auto digits = std::to_string(number < 0 ? -number : number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return number < 0 ? "-" + out : out;
}

std::string ProgressBar::clock_text(std::chrono::seconds duration) {
  auto total = std::max<std::int64_t>(duration.count(), 0);
  auto hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
  return hours > 0 ? fmt::format("{}:{:02}:{:02}", hours, minutes, seconds) : fmt::format("{}:{:02}", minutes, seconds);
}

void ProgressBar::update(std::int64_t done) {
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - started_).count();
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  double share = static_cast<double>(done) / static_cast<double>(total_);
  auto eta = rate > 0 ? std::chrono::seconds(static_cast<std::int64_t>(static_cast<double>(total_ - done) / rate))
                      : std::chrono::seconds(0);
  auto figures = fmt::format("{:5.1f} %  {} / {}  {}/s  ETA {}", share * 100, grouped(done), grouped(total_),
                             grouped(static_cast<std::int64_t>(rate)), clock_text(eta));
  if (terminal_) {
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    int filled = static_cast<int>(share * kWidth);
    std::fprintf(out_, "\r%s [%s%s] %s\x1b[K", label_.c_str(), std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), figures.c_str());
  } else {
    int tenth = static_cast<int>(share * 10);
    if (tenth <= last_tenth_ && done < total_) return;
    last_tenth_ = tenth;
    std::fprintf(out_, "%s: %s\n", label_.c_str(), figures.c_str());
  }
  std::fflush(out_);
}

void ProgressBar::finish(std::int64_t done) {
  auto elapsed = std::chrono::steady_clock::now() - started_;
  double seconds = std::chrono::duration<double>(elapsed).count();
  if (terminal_) std::fputc('\n', out_);
  std::fprintf(out_, "%s: %s written in %s (%s/s)\n", label_.c_str(), grouped(done).c_str(),
               clock_text(std::chrono::duration_cast<std::chrono::seconds>(elapsed)).c_str(),
               grouped(seconds > 0 ? static_cast<std::int64_t>(static_cast<double>(done) / seconds) : done).c_str());
  std::fflush(out_);
}

}  // namespace sigap::cli
