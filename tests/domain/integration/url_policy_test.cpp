// The webhook URL policy as a case table: https only unless the operator allow-lists the host;
// private, loopback, link-local, metadata and other non-public addresses refused, whether
// written as the host or resolved from a name at delivery time; credentials, fragments and
// addresses in disguise refused.
#include "domain/integration/url_policy.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::integration {
namespace {

struct UrlRow {
  const char* url;
  const char* allow;
  bool accepted;
};

class WebhookUrlPolicy : public ::testing::TestWithParam<UrlRow> {};

TEST_P(WebhookUrlPolicy, AcceptsOrRefusesOnTheUrlField) {
  const auto& row = GetParam();
  auto allow = AllowList::parse(row.allow, "webhook_allow_hosts");
  ASSERT_TRUE(allow.ok()) << row.allow;
  auto checked = check_webhook_url(row.url, *allow, "url");
  EXPECT_EQ(checked.ok(), row.accepted) << row.url << " with allow-list \"" << row.allow << "\"";
  if (!checked.ok()) {
    ASSERT_FALSE(checked.error().fields().empty());
    EXPECT_EQ(checked.error().fields().front().field, "url");
    EXPECT_FALSE(checked.error().fields().front().message.en.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, WebhookUrlPolicy,
    ::testing::Values(UrlRow{"https://hooks.simpeg.palembang.go.id/sigap", "", true},
                      UrlRow{"https://hooks.simpeg.palembang.go.id:8443/sigap?x=1", "", true},
                      UrlRow{"https://example.go.id", "", true}, UrlRow{"HTTPS://Example.GO.id/hook", "", true},
                      UrlRow{"http://hooks.simpeg.palembang.go.id/sigap", "", false},  // https required
                      UrlRow{"http://127.0.0.1:8080/hook", "", false},
                      UrlRow{"http://127.0.0.1:8080/hook", "127.0.0.1", true},  // the test/operator switch
                      UrlRow{"http://127.0.0.1:8080/hook", "10.0.0.0/8", false},
                      UrlRow{"https://127.0.0.1/hook", "", false}, UrlRow{"https://127.8.9.10/hook", "", false},
                      UrlRow{"https://169.254.169.254/latest/meta-data/", "", false},  // cloud metadata
                      UrlRow{"https://100.100.100.200/", "", false},                   // carrier-grade NAT range
                      UrlRow{"https://10.1.2.3/", "", false}, UrlRow{"https://10.20.30.40/", "10.20.0.0/16", true},
                      UrlRow{"https://172.16.0.1/", "", false}, UrlRow{"https://172.31.255.255/", "", false},
                      UrlRow{"https://172.32.0.1/", "", true}, UrlRow{"https://192.168.1.1/", "", false},
                      UrlRow{"https://0.0.0.0/", "", false}, UrlRow{"https://224.0.0.1/", "", false},
                      UrlRow{"https://8.8.8.8/", "", true}, UrlRow{"https://[::1]/", "", false},
                      UrlRow{"https://[::]/", "", false}, UrlRow{"https://[fd00::1]/", "", false},
                      UrlRow{"https://[fd00:ec2::254]/", "", false},  // AWS metadata over IPv6
                      UrlRow{"https://[fe80::1]/", "", false}, UrlRow{"https://[::ffff:127.0.0.1]/", "", false},
                      UrlRow{"https://[::ffff:8.8.8.8]/", "", true},
                      UrlRow{"https://[64:ff9b::a9fe:a9fe]/", "", false},  // NAT64 of 169.254.169.254
                      UrlRow{"https://[2001:4860:4860::8888]/", "", true}, UrlRow{"https://::1/", "", false},
                      UrlRow{"https://localhost/", "", false}, UrlRow{"https://api.localhost/", "", false},
                      UrlRow{"http://localhost:9000/", "localhost", true},
                      UrlRow{"http://simpeg.internal/hook", "simpeg.internal", true},
                      UrlRow{"https://user:secret@example.go.id/", "", false},
                      UrlRow{"https://example.go.id/#fragment", "", false}, UrlRow{"ftp://example.go.id/", "", false},
                      UrlRow{"example.go.id/hook", "", false}, UrlRow{"https:///hook", "", false},
                      UrlRow{"https://2130706433/", "", false},  // 127.0.0.1 in decimal
                      UrlRow{"https://0x7f000001/", "", false}, UrlRow{"https://127.1/", "", false},
                      UrlRow{"https://example.go.id:0/", "", false}, UrlRow{"https://example.go.id:99999/", "", false},
                      UrlRow{"https://exa mple.go.id/", "", false}, UrlRow{"https://exa_mple.go.id/", "", false},
                      UrlRow{"", "", false}));

TEST(WebhookResolvedAddresses, EveryAddressMustBePublicUnlessAllowListed) {
  auto none = AllowList::parse("", "x");
  ASSERT_TRUE(none.ok());
  auto url = check_webhook_url("https://hooks.example.go.id/x", *none, "url");
  ASSERT_TRUE(url.ok());
  auto ip = [](const char* text) { return *parse_ip(text); };
  EXPECT_TRUE(check_resolved(*url, {ip("8.8.8.8")}, *none).ok());
  EXPECT_TRUE(check_resolved(*url, {ip("8.8.8.8"), ip("2001:4860:4860::8888")}, *none).ok());
  // DNS rebinding: one public and one private answer is refused as a whole.
  auto mixed = check_resolved(*url, {ip("8.8.8.8"), ip("10.0.0.7")}, *none);
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.error().code(), ErrorCode::forbidden);
  EXPECT_NE(mixed.error().log_detail().find("10.0.0.7"), std::string::npos);
  EXPECT_FALSE(check_resolved(*url, {ip("169.254.169.254")}, *none).ok());
  EXPECT_FALSE(check_resolved(*url, {ip("::1")}, *none).ok());
  EXPECT_EQ(check_resolved(*url, {}, *none).error().code(), ErrorCode::unavailable);

  auto block = AllowList::parse("10.0.0.0/8", "x");
  ASSERT_TRUE(block.ok());
  EXPECT_TRUE(check_resolved(*url, {ip("10.0.0.7")}, *block).ok());
  EXPECT_FALSE(check_resolved(*url, {ip("192.168.0.7")}, *block).ok());

  auto name = AllowList::parse("simpeg.internal", "x");
  ASSERT_TRUE(name.ok());
  auto internal = check_webhook_url("http://simpeg.internal/x", *name, "url");
  ASSERT_TRUE(internal.ok());
  EXPECT_TRUE(check_resolved(*internal, {ip("10.9.8.7")}, *name).ok());
}

TEST(WebhookAllowList, ReadsNamesAddressesAndBlocksAndRefusesAnythingElse) {
  auto list = AllowList::parse(" 127.0.0.1, simpeg.internal fd12::/16\t192.168.10.0/24 ", "webhook_allow_hosts");
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->allows_host("127.0.0.1"));
  EXPECT_TRUE(list->allows_host("SIMPEG.internal"));
  EXPECT_TRUE(list->allows_host("fd12:3::1"));
  EXPECT_TRUE(list->allows_host("192.168.10.200"));
  EXPECT_FALSE(list->allows_host("192.168.11.1"));
  EXPECT_FALSE(list->allows_host("127.0.0.2"));
  EXPECT_FALSE(list->allows_host("other.internal"));
  for (const char* bad : {"not a host!", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "exa_mple.go.id"}) {
    auto parsed = AllowList::parse(bad, "webhook_allow_hosts");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().fields().front().field, "webhook_allow_hosts");
  }
  EXPECT_TRUE(AllowList::parse("", "x")->empty());
}

TEST(IpAddresses, RoundTripAndRefuseLooseForms) {
  for (const char* text : {"8.8.8.8", "10.0.0.1", "2001:db8::1", "::1"}) {
    auto address = parse_ip(text);
    ASSERT_TRUE(address.has_value()) << text;
    EXPECT_EQ(to_string(*address), text);
  }
  for (const char* text : {"", "127.1", "0x7f.0.0.1", "1.2.3.4.5", "[::1]", "256.0.0.1", "example.go.id"}) {
    EXPECT_FALSE(parse_ip(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace sigap::domain::integration
