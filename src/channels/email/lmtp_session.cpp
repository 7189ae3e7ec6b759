#include "channels/email/lmtp_session.hpp"

#include <charconv>

#include <fmt/format.h>

namespace sigap::channels::email {

namespace {

// A DATA line longer than this without an end is taken in parts, so memory stays bounded.
constexpr std::size_t kDataChunk = 64 * 1024;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "<addr> PARAMS" after "FROM:" / "TO:": the path inside the brackets and the rest.
bool read_path(std::string_view text, std::string& path, std::string_view& params) {
  text = trim(text);
  if (text.empty() || text.front() != '<') return false;
  auto close = text.find('>');
  if (close == std::string_view::npos) return false;
  path = std::string(text.substr(1, close - 1));
  if (path.find_first_of("<> \t\"") != std::string::npos) return false;
  // A source route "@a,@b:user@host" is obsolete; its last part is the mailbox.
  if (!path.empty() && path.front() == '@') {
    auto colon = path.find(':');
    if (colon == std::string::npos) return false;
    path = path.substr(colon + 1);
  }
  params = trim(text.substr(close + 1));
  return true;
}

std::string ascii_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7F) ? c : (u >= 0x80 ? '?' : ' ');
  }
  return out.substr(0, 400);
}

}  // namespace

Result<RecipientPolicy> RecipientPolicy::parse(std::string_view list, std::string_view field) {
  RecipientPolicy policy;
  std::string entry;
  auto take = [&]() -> bool {
    if (entry.empty()) return true;
    auto at = entry.find('@');
    if (at == std::string::npos || entry.find('@', at + 1) != std::string::npos || at + 1 == entry.size()) return false;
    (at == 0 ? policy.domains_ : policy.addresses_).push_back(lower(entry));
    entry.clear();
    return true;
  };
  auto bad = [&] {
    return Error(ErrorCode::validation, Text{"Konfigurasi tidak valid.", "Invalid configuration."},
                 {FieldError{std::string(field),
                             Text{"List the addresses (aduan@kota.go.id) or domains (@kota.go.id) mail is taken for",
                                  "List the addresses (aduan@kota.go.id) or domains (@kota.go.id) mail is taken for"}}});
  };
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t' || c == ';') {
      if (!take()) return bad();
    } else {
      entry += c;
    }
  }
  if (!take()) return bad();
  if (policy.addresses_.empty() && policy.domains_.empty()) return bad();
  return policy;
}

bool RecipientPolicy::accepts(std::string_view address) const {
  auto lowered = lower(address);
  for (const auto& known : addresses_) {
    if (lowered == known) return true;
  }
  auto at = lowered.find('@');
  if (at == std::string::npos || at == 0) return false;
  auto domain = lowered.substr(at);
  for (const auto& known : domains_) {
    if (domain == known) return true;
  }
  return false;
}

LmtpSession::LmtpSession(std::string host_name, LmtpLimits limits, const RecipientPolicy& recipients,
                         DeliverMessage deliver)
    : host_name_(std::move(host_name)), limits_(limits), recipients_(recipients), deliver_(std::move(deliver)) {}

std::string LmtpSession::greeting() const { return fmt::format("220 {} LMTP Sigap ready\r\n", host_name_); }

std::string LmtpSession::timed_out() {
  closed_ = true;
  return fmt::format("421 4.4.2 {} Timeout, closing connection\r\n", host_name_);
}

void LmtpSession::reset_transaction() {
  has_sender_ = false;
  sender_.clear();
  accepted_ = 0;
  rcpt_commands_ = 0;
  message_.clear();
  message_.shrink_to_fit();
  too_large_ = false;
  mid_line_ = false;
}

void LmtpSession::error(std::string_view reply, std::string& out) {
  out += reply;
  if (++errors_ >= limits_.max_errors) {
    out += fmt::format("421 4.7.0 {} Too many errors, closing connection\r\n", host_name_);
    closed_ = true;
  }
}

std::string LmtpSession::feed(std::string_view bytes) {
  std::string out;
  if (closed_) return out;
  pending_.append(bytes);
  std::size_t start = 0;
  while (!closed_) {
    auto newline = pending_.find('\n', start);
    if (newline == std::string::npos) break;
    std::string_view line(pending_.data() + start, newline - start);
    start = newline + 1;
    if (state_ == State::data) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      on_data_line(line, true, out);
      continue;
    }
    if (skipping_line_) {
      skipping_line_ = false;
      continue;
    }
    if (line.size() > limits_.max_command_line) {
      error("500 5.5.2 Line too long\r\n", out);
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    on_command(line, out);
  }
  pending_.erase(0, start);
  if (closed_) {
    pending_.clear();
    return out;
  }
  // An unfinished line: DATA takes a long one in parts; a command line past its limit is refused
  // now and the rest of it dropped when its end comes.
  if (state_ == State::data && pending_.size() > kDataChunk) {
    std::string part;
    part.swap(pending_);
    if (part.back() == '\r') {  // keep a CR that may start the CRLF
      pending_.push_back('\r');  // empty after the swap (not `= "\r"`: a false -Wrestrict in GCC 12 -O3)
      part.pop_back();
    }
    on_data_line(part, false, out);
  } else if (state_ == State::command && pending_.size() > limits_.max_command_line) {
    pending_.clear();
    if (!skipping_line_) {
      skipping_line_ = true;
      error("500 5.5.2 Line too long\r\n", out);
    }
  }
  return out;
}

void LmtpSession::on_data_line(std::string_view line, bool complete, std::string& out) {
  if (!mid_line_ && complete && line == ".") {
    finish_data(out);
    return;
  }
  if (!mid_line_ && !line.empty() && line.front() == '.') line.remove_prefix(1);  // dot-unstuffing
  if (!too_large_) {
    if (message_.size() + line.size() + 2 > limits_.max_message_bytes) {
      too_large_ = true;
      message_.clear();
      message_.shrink_to_fit();
    } else {
      message_.append(line);
      if (complete) message_ += "\r\n";
    }
  }
  mid_line_ = !complete;
}

void LmtpSession::finish_data(std::string& out) {
  state_ = State::command;
  LmtpReply reply;
  if (too_large_) {
    reply = {552, "5.3.4", fmt::format("Message too big (at most {} bytes)", limits_.max_message_bytes)};
  } else {
    reply = deliver_(message_, sender_);
  }
  auto line = fmt::format("{} {} {}\r\n", reply.code, reply.enhanced, ascii_line(reply.text));
  for (std::size_t i = 0; i < accepted_; ++i) out += line;
  reset_transaction();
}

void LmtpSession::on_command(std::string_view line, std::string& out) {
  auto space = line.find(' ');
  auto verb = lower(line.substr(0, space));
  auto argument = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  if (verb == "lhlo") {
    if (trim(argument).empty()) return error("501 5.5.4 LHLO needs a host name\r\n", out);
    greeted_ = true;
    reset_transaction();
    out += fmt::format("250-{}\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SIZE {}\r\n",
                       host_name_, limits_.max_message_bytes);
  } else if (verb == "helo" || verb == "ehlo") {
    error("500 5.5.1 This is LMTP: say LHLO\r\n", out);
  } else if (verb == "mail") {
    if (!greeted_) return error("503 5.5.1 Say LHLO first\r\n", out);
    if (has_sender_) return error("503 5.5.1 Sender already given\r\n", out);
    auto lowered = lower(argument.substr(0, 5));
    std::string path;
    std::string_view params;
    if (lowered != "from:" || !read_path(argument.substr(5), path, params)) {
      return error("501 5.5.4 Syntax: MAIL FROM:<address>\r\n", out);
    }
    // SIZE=n announced beyond the limit is refused before any byte is sent.
    auto lowered_params = lower(params);
    if (auto size = lowered_params.find("size="); size != std::string::npos) {
      std::size_t announced = 0;
      auto digits = std::string_view(lowered_params).substr(size + 5);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), announced);
      if (ec == std::errc() && announced > limits_.max_message_bytes) {
        out += fmt::format("552 5.3.4 Message too big (at most {} bytes)\r\n", limits_.max_message_bytes);
        return;
      }
    }
    has_sender_ = true;
    sender_ = path;
    out += "250 2.1.0 Sender OK\r\n";
  } else if (verb == "rcpt") {
    if (!has_sender_) return error("503 5.5.1 Need MAIL first\r\n", out);
    auto lowered = lower(argument.substr(0, 3));
    std::string path;
    std::string_view params;
    if (lowered != "to:" || !read_path(argument.substr(3), path, params) || path.empty()) {
      return error("501 5.5.4 Syntax: RCPT TO:<address>\r\n", out);
    }
    if (++rcpt_commands_ > limits_.max_recipients) {
      out += "452 4.5.3 Too many recipients\r\n";
      return;
    }
    if (!recipients_.accepts(path)) {
      out += "550 5.1.1 No such mailbox here\r\n";
      return;
    }
    ++accepted_;
    out += "250 2.1.5 Recipient OK\r\n";
  } else if (verb == "data") {
    if (!has_sender_) return error("503 5.5.1 Need MAIL first\r\n", out);
    if (accepted_ == 0) return error("503 5.5.1 No valid recipients\r\n", out);
    state_ = State::data;
    message_.clear();
    too_large_ = false;
    mid_line_ = false;
    out += "354 Start mail input; end with <CRLF>.<CRLF>\r\n";
  } else if (verb == "rset") {
    reset_transaction();
    out += "250 2.0.0 OK\r\n";
  } else if (verb == "noop") {
    out += "250 2.0.0 OK\r\n";
  } else if (verb == "quit") {
    out += fmt::format("221 2.0.0 {} Bye\r\n", host_name_);
    closed_ = true;
  } else if (verb == "vrfy") {
    out += "252 2.5.2 Cannot verify, send some mail\r\n";
  } else if (verb == "bdat" || verb == "starttls" || verb == "auth" || verb == "expn" || verb == "turn" ||
             verb == "etrn") {
    error("502 5.5.1 Not implemented\r\n", out);
  } else {
    error("500 5.5.2 Unknown command\r\n", out);
  }
}

}  // namespace sigap::channels::email
