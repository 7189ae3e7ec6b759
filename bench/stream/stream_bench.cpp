// The live stream under load (issue #6): SUBSCRIBERS WebSocket clients follow GET /api/v1/stream
// of a running Sigap while RATE complaints per second are filed through POST /api/v1/complaints;
// prints the delay from each case's commit to its receipt by every subscriber (p50, p99, max) and
// the events delivered per second, against the target p99 <= 200 ms. bench/stream/run starts the
// server and calls this program; see bench/README.md.
//
// The commit time is taken as the moment the intake's 201 arrived (the server answers right after
// the commit): the event's `at` has whole seconds only. The delay from sending the intake is
// printed too (an upper bound). A delivery that arrives before its 201 counts as 0 ms.
//
//   stream_bench --port P --token API_KEY [--subscribers 1000] [--rate 500] [--duration 10]
//                [--warmup 2] [--senders 16]
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Settings {
  std::uint16_t port = 0;
  std::string token;
  int subscribers = 1000;
  int rate = 500;
  double duration = 10;
  double warmup = 2;
  int senders = 16;
};

std::uint64_t code_key(std::string_view code) { return std::hash<std::string_view>{}(code); }

// "SGP-XXXX-XXXX" after `"code":"` in a JSON text, or empty.
std::string_view code_in(std::string_view text) {
  constexpr std::string_view kKey = "\"code\":\"";
  auto at = text.find(kKey);
  if (at == std::string_view::npos) return {};
  auto start = at + kKey.size();
  auto end = text.find('"', start);
  return end == std::string_view::npos ? std::string_view() : text.substr(start, end - start);
}

/// What the senders learned about each case filed in the measured window.
struct Filed {
  SteadyClock::time_point sent;
  SteadyClock::time_point answered;
};

class Ledger {
 public:
  void add(std::string_view code, Filed filed) {
    std::lock_guard lock(mutex_);
    filed_.emplace(code_key(code), filed);
  }
  std::unordered_map<std::uint64_t, Filed> take() {
    std::lock_guard lock(mutex_);
    return std::move(filed_);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, Filed> filed_;
};

struct Receipt {
  std::uint64_t key;
  SteadyClock::time_point at;
};

/// One WebSocket subscriber, on the shared io_context (one thread): connect, handshake with
/// the API key, then read every frame and note when each event arrived.
class Subscriber : public std::enable_shared_from_this<Subscriber> {
 public:
  Subscriber(net::io_context& ioc, const Settings& settings, std::atomic<int>& ready, std::atomic<int>& failed)
      : ws_(net::make_strand(ioc)), settings_(settings), ready_(ready), failed_(failed) {
    receipts_.reserve(static_cast<std::size_t>(settings.rate * (settings.duration + settings.warmup + 5)));
  }

  void start() {
    auto self = shared_from_this();
    tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), settings_.port);
    ws_.next_layer().async_connect(endpoint, [self](beast::error_code ec) {
      if (ec) return self->fail("connect", ec);
      self->ws_.set_option(websocket::stream_base::decorator([token = self->settings_.token](auto& request) {
        request.set(bhttp::field::authorization, "Bearer " + token);
      }));
      self->ws_.async_handshake("127.0.0.1", "/api/v1/stream", [self](beast::error_code ec) {
        if (ec) return self->fail("handshake", ec);
        self->read();
      });
    });
  }

  void stop() {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->ws_.next_layer().close(ignored);
    });
  }

  [[nodiscard]] const std::vector<Receipt>& receipts() const { return receipts_; }
  [[nodiscard]] bool resynced() const { return resynced_; }

 private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      const auto now = SteadyClock::now();
      auto text = std::string_view(static_cast<const char*>(self->buffer_.data().data()), self->buffer_.size());
      // A frame holds one message, or several as an array (events queued together).
      constexpr std::string_view kEvent = R"({"type":"event")";
      for (auto at = text.find(kEvent); at != std::string_view::npos; at = text.find(kEvent, at + kEvent.size())) {
        self->receipts_.push_back({code_key(code_in(text.substr(at))), now});
      }
      if (text.starts_with(R"({"type":"hello")")) {
        ++self->ready_;
      } else if (text.starts_with(R"({"type":"resync")")) {
        self->resynced_ = true;
      }
      self->buffer_.consume(self->buffer_.size());
      self->read();
    });
  }

  void fail(const char* what, const beast::error_code& ec) {
    if (failed_++ < 3) std::cerr << "subscriber: " << what << ": " << ec.message() << "\n";
  }

  websocket::stream<tcp::socket> ws_;
  beast::flat_buffer buffer_;
  const Settings& settings_;
  std::atomic<int>& ready_;
  std::atomic<int>& failed_;
  std::vector<Receipt> receipts_;
  bool resynced_ = false;
};

std::string complaint_body(long n) {
  static const char* const kTexts[] = {
      "Jalan berlubang cukup dalam di depan rumah nomor %ld, sudah lama tidak diperbaiki dan pengendara sering jatuh",
      "Sampah di TPS dekat pasar tidak diangkut sejak beberapa hari, tumpukan sampai badan jalan nomor %ld",
      "Lampu jalan di tikungan dekat masjid mati, jalan gelap sekali malam hari di depan nomor %ld",
      "Air PDAM tidak mengalir ke rumah kami sudah beberapa hari, warga RT terpaksa membeli air galon %ld"};
  static const char* const kRegions[] = {"16.71.01.1001", "16.71.02.1004", "16.71.03.1007", "16.71.05.1003",
                                         "16.71.06.1005", "16.71.07.1007", "16.71.09.1002", "16.71.10.1005"};
  char description[256];
  std::snprintf(description, sizeof description, kTexts[n % 4], n);
  char body[768];
  std::snprintf(body, sizeof body,
                R"j({"description":"%s (laporan bench %ld)","location":{"latitude":%.6f,"longitude":%.6f,)j"
                R"j("accuracy_m":12},"region_code":"%s","address":"Jl. Merdeka No. %ld",)j"
                R"j("reporter":{"name":"Siti Aminah","email":"warga%ld@example.id"}})j",
                description, n, -2.99 + static_cast<double>(n % 1000) / 20000.0,
                104.74 + static_cast<double>(n % 997) / 20000.0, kRegions[n % 8], n % 250 + 1, n);
  return body;
}

struct Sent {
  std::atomic<long> next{0};
  std::atomic<long> answered{0};
  std::atomic<long> measured{0};
  std::atomic<long> errors{0};
};

/// One keep-alive connection filing complaints on the shared schedule (case i at start + i/rate).
void send_complaints(const Settings& settings, SteadyClock::time_point start, SteadyClock::time_point measure_from,
                     SteadyClock::time_point end, Sent& sent, Ledger& ledger) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  auto connect = [&] {
    beast::error_code ec;
    stream.socket().close(ec);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), settings.port), ec);
    return !ec;
  };
  if (!connect()) {
    ++sent.errors;
    return;
  }
  const auto interval = std::chrono::duration<double>(1.0 / settings.rate);
  for (;;) {
    const long i = sent.next++;
    const auto due = start + std::chrono::duration_cast<SteadyClock::duration>(interval * static_cast<double>(i));
    if (due >= end) return;
    std::this_thread::sleep_until(due);
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/api/v1/complaints", 11};
    request.set(bhttp::field::host, "127.0.0.1");
    request.set(bhttp::field::content_type, "application/json");
    request.body() = complaint_body(i);
    request.prepare_payload();
    const auto sent_at = SteadyClock::now();
    beast::error_code ec;
    bhttp::write(stream, request, ec);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    if (!ec) bhttp::read(stream, buffer, response, ec);
    const auto answered_at = SteadyClock::now();
    if (ec || response.result_int() != 201) {
      if (sent.errors++ < 3) {
        std::cerr << "intake: " << (ec ? ec.message() : std::to_string(response.result_int()) + " " + response.body())
                  << "\n";
      }
      if (ec && !connect()) return;
      continue;
    }
    ++sent.answered;
    if (sent_at >= measure_from) {
      ++sent.measured;
      ledger.add(code_in(response.body()), {sent_at, answered_at});
    }
  }
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  return values[at];
}

bool parse(int argc, char** argv, Settings& settings) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view name = argv[i];
    std::string value = argv[i + 1];
    if (name == "--port") settings.port = static_cast<std::uint16_t>(std::stoi(value));
    else if (name == "--token") settings.token = value;
    else if (name == "--subscribers") settings.subscribers = std::stoi(value);
    else if (name == "--rate") settings.rate = std::stoi(value);
    else if (name == "--duration") settings.duration = std::stod(value);
    else if (name == "--warmup") settings.warmup = std::stod(value);
    else if (name == "--senders") settings.senders = std::stoi(value);
    else return false;
  }
  return settings.port != 0 && !settings.token.empty() && settings.subscribers > 0 && settings.rate > 0 &&
         settings.duration > 0 && settings.senders > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  if (argc % 2 == 0 || !parse(argc, argv, settings)) {
    std::cerr << "usage: stream_bench --port P --token API_KEY [--subscribers 1000] [--rate 500] [--duration 10] "
                 "[--warmup 2] [--senders 16]\n";
    return 2;
  }
  constexpr double kTargetP99Ms = 200;

  // Subscribers.
  net::io_context ioc;
  auto work = net::make_work_guard(ioc);
  std::thread io([&] { ioc.run(); });
  std::atomic<int> ready{0};
  std::atomic<int> failed{0};
  std::vector<std::shared_ptr<Subscriber>> subscribers;
  const auto connecting = SteadyClock::now();
  for (int i = 0; i < settings.subscribers; ++i) {
    subscribers.push_back(std::make_shared<Subscriber>(ioc, settings, ready, failed));
    subscribers.back()->start();
    if (i % 100 == 99) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // no SYN flood
  }
  while (ready + failed < settings.subscribers && SteadyClock::now() - connecting < std::chrono::seconds(60)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const double connect_s = std::chrono::duration<double>(SteadyClock::now() - connecting).count();
  std::printf("subscribers: %d of %d connected in %.1f s\n", ready.load(), settings.subscribers, connect_s);
  if (ready == 0) {
    std::cerr << "no subscriber connected\n";
    ioc.stop();
    io.join();
    return 1;
  }

  // Intake at the rate, warm-up first.
  Sent sent;
  Ledger ledger;
  const auto start = SteadyClock::now() + std::chrono::milliseconds(100);
  const auto measure_from = start + std::chrono::duration_cast<SteadyClock::duration>(
                                        std::chrono::duration<double>(settings.warmup));
  const auto end = measure_from + std::chrono::duration_cast<SteadyClock::duration>(
                                      std::chrono::duration<double>(settings.duration));
  std::vector<std::thread> senders;
  for (int i = 0; i < settings.senders; ++i) {
    senders.emplace_back(send_complaints, std::cref(settings), start, measure_from, end, std::ref(sent),
                         std::ref(ledger));
  }
  for (auto& sender : senders) sender.join();
  const auto sending_ended = SteadyClock::now();
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the last deliveries
  for (auto& subscriber : subscribers) subscriber->stop();
  work.reset();
  io.join();

  // Delays of the measured cases, per delivery.
  auto filed = ledger.take();
  std::vector<double> from_commit;
  std::vector<double> from_send;
  from_commit.reserve(filed.size() * subscribers.size());
  long early = 0;
  long resynced = 0;
  SteadyClock::time_point last_receipt = measure_from;
  for (const auto& subscriber : subscribers) {
    if (subscriber->resynced()) ++resynced;
    for (const auto& receipt : subscriber->receipts()) {
      auto found = filed.find(receipt.key);
      if (found == filed.end()) continue;
      const double ms = std::chrono::duration<double, std::milli>(receipt.at - found->second.answered).count();
      if (ms < 0) ++early;
      from_commit.push_back(std::max(0.0, ms));
      from_send.push_back(std::chrono::duration<double, std::milli>(receipt.at - found->second.sent).count());
      last_receipt = std::max(last_receipt, receipt.at);
    }
  }
  const double measured_s = std::chrono::duration<double>(end - measure_from).count();
  const double intake_rate = static_cast<double>(sent.measured) / measured_s;
  const auto expected = static_cast<long>(filed.size()) * ready.load();
  const auto delivered = static_cast<long>(from_commit.size());
  const double delivered_rate = static_cast<double>(delivered) / measured_s;
  const double p50 = percentile(from_commit, 0.50);
  const double p99 = percentile(from_commit, 0.99);
  const double max = from_commit.empty() ? 0 : *std::max_element(from_commit.begin(), from_commit.end());
  const double p99_send = percentile(from_send, 0.99);
  std::printf("intake: %ld cases filed in the measured %.1f s (%.0f/s, target %d/s), %ld errors\n",
              sent.measured.load(), measured_s, intake_rate, settings.rate, sent.errors.load());
  std::printf("deliveries: %ld of %ld expected (%ld missing), %ld subscribers told to resync\n", delivered, expected,
              expected - delivered, resynced);
  std::printf("delay commit -> receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%ld before the 201 arrived)\n", p50,
              p99, max, early);
  std::printf("delay intake sent -> receipt: p99 %.1f ms\n", p99_send);
  std::printf("delivered: %.0f events/s to %d subscribers (offered %.0f/s); sending ended %.1f s before the last "
              "receipt\n",
              delivered_rate, ready.load(), intake_rate * ready.load(),
              std::chrono::duration<double>(last_receipt - sending_ended).count());
  const bool met = p99 <= kTargetP99Ms && delivered == expected && expected > 0 &&
                   ready == settings.subscribers && intake_rate >= 0.95 * settings.rate;
  std::printf("target: p99 <= %.0f ms with %d subscribers at %d events/s: p99 is %.2f of the target: %s\n",
              kTargetP99Ms, settings.subscribers, settings.rate, p99 / kTargetP99Ms, met ? "met" : "not met");
  // One line for scripts (bench/stream/run, bench/run-all).
  std::printf("stream-summary\tsubscribers=%d\trate=%.0f\tdelivered_per_s=%.0f\tp50_ms=%.1f\tp99_ms=%.1f\t"
              "max_ms=%.1f\tmissing=%ld\tresyncs=%ld\ttarget_p99_ms=%.0f\tratio=%.2f\tmet=%s\n",
              ready.load(), intake_rate, delivered_rate, p50, p99, max, expected - delivered, resynced, kTargetP99Ms,
              p99 / kTargetP99Ms, met ? "yes" : "no");
  return 0;
}
