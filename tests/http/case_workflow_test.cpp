// Cases in the hands of staff, over real HTTP: scope (a unit sees its own cases and its
// sub-units', nothing else exists for it), the workflow end to end, If-Match, and the reporter's
// data masked, revealed only on purpose and audited, never shown for an anonymous report.
#include <set>

#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "media/test_images.hpp"
#include "support/http_client.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

struct Staff {
  std::vector<std::string> headers;  // cookie, CSRF, JSON
};

class CaseWorkflowTest;

// Lets the free helpers below reach the suite's server.
struct CaseWorkflowTestAccess {
  static std::string base_url();
};

class CaseWorkflowTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{10000, 1000};
    server_ = new TestServer(options);
    // Road damage in these two kelurahan goes to their own offices.
    auto routed = server_->storage().write([](app::ports::Transaction& tx) -> Result<void> {
      for (const auto* kelurahan : {"16.71.01.1001", "16.71.01.1002"}) {
        auto saved = tx.complaints().save_routing_rule({"jalan-rusak", kelurahan, std::string("kelurahan-") + kelurahan});
        if (!saved) return saved;
      }
      return {};
    });
    ASSERT_TRUE(routed.ok());
    SystemClock clock;
    app::identity::UserAdmin admin(server_->storage(), clock);
    for (const auto& [email, role, unit] :
         std::vector<std::tuple<std::string, da::Role, std::string>>{
             {"lurah1001@test.id", da::Role::officer, "kelurahan-16.71.01.1001"},
             {"lurah1002@test.id", da::Role::officer, "kelurahan-16.71.01.1002"},
             {"camat@test.id", da::Role::supervisor, "kecamatan-16.71.01"},
             {"pupr@test.id", da::Role::officer, "dinas-pupr"}}) {
      ASSERT_TRUE(admin.create({email, email, std::string(kPassword), domain::identity::UserKind::staff, {{unit, role}}},
                               "test")
                      .ok());
    }
  }
  static void TearDownTestSuite() { delete server_; }

  static Staff sign_in(const std::string& email) {
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/session",
                                      R"({"email":")" + email + R"(","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(response.status, 201) << response.body;
    auto cookie = response.header("set-cookie");
    return Staff{{"Cookie: " + cookie.substr(0, cookie.find(';')),
                  "X-CSRF-Token: " + std::string(response.json().as_object().at("csrf_token").as_string()),
                  "Content-Type: application/json"}};
  }

  // Files a road-damage report in `kelurahan`; returns its id.
  static std::int64_t report(const std::string& kelurahan, bool anonymous = false) {
    HttpClient client(server_->base_url());
    auto response = client.post_json(
        "/api/v1/complaints",
        R"({"description":"Jalan berlubang besar dekat pasar, sudah dua minggu","category":"jalan-rusak","region_code":")" +
            kelurahan + R"(","anonymous":)" + (anonymous ? "true" : "false") + R"(,"reporter":{"name":")" +
            std::string(kSentinelName) + R"(","phone":")" + std::string(kSentinelPhone) + R"(","nik":")" +
            std::string(kSentinelNik) + "\"}}");
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().as_object().at("id").as_int64();
  }

  static HttpResult act(const Staff& staff, std::int64_t id, const std::string& body, std::string if_match = {}) {
    HttpClient client(server_->base_url());
    auto headers = staff.headers;
    if (!if_match.empty()) headers.push_back("If-Match: " + if_match);
    return client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions", body, headers);
  }

  // Uploads an "after" photo of the unit's work (multipart, one JPEG).
  static HttpResult after_photo(const Staff& staff, std::int64_t id) {
    constexpr std::string_view kBoundary = "sigap-after-photo";
    auto body = "--" + std::string(kBoundary) +
                "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"sesudah.jpg\"\r\n"
                "Content-Type: image/jpeg\r\n\r\n" + media::testing::noise_jpeg(160, 120) + "\r\n--" +
                std::string(kBoundary) + "--\r\n";
    auto headers = staff.headers;
    headers.back() = "Content-Type: multipart/form-data; boundary=" + std::string(kBoundary);
    HttpClient client(server_->base_url());
    return client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/photos", body, headers);
  }

  static std::string status_of(const HttpResult& result) {
    return std::string(result.json().as_object().at("status").as_string());
  }

  static inline TestServer* server_ = nullptr;
  friend struct CaseWorkflowTestAccess;
};

std::string CaseWorkflowTestAccess::base_url() { return CaseWorkflowTest::server_->base_url(); }

TEST_F(CaseWorkflowTest, AKelurahanOfficerSeesOnlyItsOwnCasesAndTheKecamatanSupervisorSeesBoth) {
  auto mine = report("16.71.01.1001");
  auto theirs = report("16.71.01.1002");
  auto officer = sign_in("lurah1001@test.id");
  auto supervisor = sign_in("camat@test.id");
  HttpClient client(server_->base_url());
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(mine), officer.headers).status, 200);
  auto hidden = client.get("/api/v1/complaints/" + std::to_string(theirs), officer.headers);
  EXPECT_EQ(hidden.status, 404) << "another unit's case does not exist for this officer";
  EXPECT_EQ(hidden.body.find("forbidden"), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(theirs) + "/events", officer.headers).status, 404);
  EXPECT_EQ(act(officer, theirs, R"({"action":"verify"})").status, 404) << "nor can they act on it";
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(mine), supervisor.headers).status, 200);
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(theirs), supervisor.headers).status, 200);
  EXPECT_EQ(act(supervisor, theirs, R"({"action":"verify"})").status, 200);
}

TEST_F(CaseWorkflowTest, TheListHoldsExactlyTheCasesInScope) {
  auto mine = report("16.71.01.1001");
  auto theirs = report("16.71.01.1002");
  auto codes_listed = [](const HttpResult& result) {
    std::set<std::int64_t> ids;
    auto body = result.json();
    for (const auto& item : body.as_object().at("items").as_array()) ids.insert(item.as_object().at("id").as_int64());
    return ids;
  };
  HttpClient client(server_->base_url());
  auto officer_list = client.get("/api/v1/complaints?limit=100", sign_in("lurah1001@test.id").headers);
  ASSERT_EQ(officer_list.status, 200) << officer_list.body;
  auto officer_ids = codes_listed(officer_list);
  EXPECT_TRUE(officer_ids.count(mine));
  EXPECT_FALSE(officer_ids.count(theirs)) << "a neighbour's case is not listed";
  auto supervisor_ids = codes_listed(client.get("/api/v1/complaints?limit=100", sign_in("camat@test.id").headers));
  EXPECT_TRUE(supervisor_ids.count(mine));
  EXPECT_TRUE(supervisor_ids.count(theirs)) << "the kecamatan supervisor lists its kelurahan's cases";
  auto pupr_ids = codes_listed(client.get("/api/v1/complaints?limit=100", sign_in("pupr@test.id").headers));
  EXPECT_FALSE(pupr_ids.count(mine));
  // Paging: one at a time, newest first, the cursor continues.
  auto supervisor = sign_in("camat@test.id");
  auto first = client.get("/api/v1/complaints?limit=1", supervisor.headers);
  auto first_body = first.json();
  auto cursor = std::string(first_body.as_object().at("next_cursor").as_string());
  auto second = client.get("/api/v1/complaints?limit=1&cursor=" + cursor, supervisor.headers);
  auto second_body = second.json();
  EXPECT_LT(second_body.as_object().at("items").as_array()[0].as_object().at("id").as_int64(), std::stoll(cursor));
  EXPECT_EQ(client.get("/api/v1/complaints?status=gossip", supervisor.headers).status, 422);
}

TEST_F(CaseWorkflowTest, ACaseGoesFromSubmittedThroughForwardingAndOnHoldToResolved) {
  auto id = report("16.71.01.1001");
  auto officer = sign_in("lurah1001@test.id");
  auto pupr = sign_in("pupr@test.id");
  HttpClient client(server_->base_url());
  auto verified = act(officer, id, R"({"action":"verify"})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(status_of(verified), "verified");
  auto etag = verified.header("etag");
  EXPECT_EQ(etag, "\"v2\"");
  // Not the kelurahan's authority: disposisi to Dinas PUPR, with a reason.
  EXPECT_EQ(act(officer, id, R"({"action":"forward","unit_code":"dinas-pupr"})").status, 422) << "a reason is needed";
  auto forwarded = act(officer, id, R"({"action":"forward","unit_code":"dinas-pupr","reason":"Jalan kota: wewenang PUPR"})",
                       etag);
  ASSERT_EQ(forwarded.status, 200) << forwarded.body;
  EXPECT_EQ(std::string(forwarded.json().as_object().at("unit").as_string()), "dinas-pupr");
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(id), officer.headers).status, 404)
      << "once forwarded it belongs to PUPR";
  EXPECT_EQ(act(pupr, id, R"({"action":"assign"})").status, 200);
  auto stale = act(pupr, id, R"({"action":"start"})", etag);
  EXPECT_EQ(stale.status, 412) << "an old ETag is a stale copy";
  auto on_hold = act(pupr, id, R"({"action":"ask_info","reason":"Mohon foto lokasi yang lebih jelas"})");
  ASSERT_EQ(on_hold.status, 200) << on_hold.body;
  EXPECT_EQ(status_of(on_hold), "need_info");
  auto illegal = act(pupr, id, R"({"action":"resolve","reason":"Sudah ditambal"})");
  EXPECT_EQ(illegal.status, 409) << "resolving a case on hold";
  EXPECT_NE(illegal.body.find("need_info"), std::string::npos) << illegal.body;
  EXPECT_NE(illegal.body.find("info_received"), std::string::npos) << "the allowed actions are named";
  EXPECT_EQ(status_of(act(pupr, id, R"({"action":"info_received"})")), "assigned");
  EXPECT_EQ(status_of(act(pupr, id, R"({"action":"start"})")), "in_progress");
  auto unproven = act(pupr, id, R"({"action":"resolve","reason":"Lubang sudah ditambal aspal"})");
  EXPECT_EQ(unproven.status, 422) << "road work is field work: an after photo first";
  EXPECT_NE(unproven.body.find("photos"), std::string::npos) << unproven.body;
  ASSERT_EQ(after_photo(pupr, id).status, 201);
  EXPECT_EQ(status_of(act(pupr, id, R"({"action":"resolve","reason":"Lubang sudah ditambal aspal"})")), "resolved");

  auto events = client.get("/api/v1/complaints/" + std::to_string(id) + "/events", pupr.headers);
  ASSERT_EQ(events.status, 200);
  auto timeline = events.json();
  std::vector<std::string> types;
  for (const auto& event : timeline.as_object().at("items").as_array()) {
    types.emplace_back(event.as_object().at("type").as_string());
  }
  EXPECT_EQ(types, (std::vector<std::string>{"submitted", "verify", "forwarded", "assign", "ask_info", "info_received",
                                             "start", "after_photo_added", "resolve"}));
  // The public tracking page follows, without personal data.
  auto code = std::string(client.get("/api/v1/complaints/" + std::to_string(id), pupr.headers)
                              .json().as_object().at("code").as_string());
  auto tracked = client.get("/api/v1/track/" + code);
  EXPECT_EQ(std::string(tracked.json().as_object().at("status").as_string()), "resolved");
  for (auto sentinel : kSentinelsInClear) EXPECT_EQ(tracked.body.find(sentinel), std::string::npos);
}

TEST_F(CaseWorkflowTest, ARejectedCaseNeedsAReasonFromTheList) {
  auto id = report("16.71.01.1001");
  auto officer = sign_in("lurah1001@test.id");
  EXPECT_EQ(act(officer, id, R"({"action":"reject","reason":"iklan"})").status, 422);
  EXPECT_EQ(act(officer, id, R"({"action":"reject","reject_reason":"gossip","reason":"iklan"})").status, 422);
  auto rejected = act(officer, id, R"({"action":"reject","reject_reason":"spam","reason":"Iklan pinjaman online"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(status_of(rejected), "rejected");
  EXPECT_EQ(act(officer, id, R"({"action":"verify"})").status, 409);
}

TEST_F(CaseWorkflowTest, StaffSeeTheContactMaskedRevealItOnPurposeAndTheRevealIsAudited) {
  auto id = report("16.71.01.1001");
  auto officer = sign_in("lurah1001@test.id");
  HttpClient client(server_->base_url());
  auto shown = client.get("/api/v1/complaints/" + std::to_string(id), officer.headers);
  ASSERT_EQ(shown.status, 200);
  for (auto sentinel : kSentinelsInClear) EXPECT_EQ(shown.body.find(sentinel), std::string::npos);
  EXPECT_EQ(std::string(shown.json().as_object().at("reporter").as_object().at("phone").as_string()), "0811****5511");
  auto before = server_->storage().audit().list({std::string("personal_data.revealed")});
  auto revealed = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/reveal", "", officer.headers);
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(std::string(revealed.json().as_object().at("nik").as_string()), kSentinelNik);
  auto after = server_->storage().audit().list({std::string("personal_data.revealed")});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(after->size(), before->size() + 1);
  EXPECT_EQ(after->back().record.target, "complaint:" + std::to_string(id));
}

TEST_F(CaseWorkflowTest, AnAnonymousReportNeverShowsItsReporterToTheHandlingOfficer) {
  auto id = report("16.71.01.1001", true);
  auto officer = sign_in("lurah1001@test.id");
  HttpClient client(server_->base_url());
  auto shown = client.get("/api/v1/complaints/" + std::to_string(id), officer.headers);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(shown.json().as_object().at("reporter").is_null());
  EXPECT_EQ(shown.body.find("0811"), std::string::npos);
  auto revealed = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/reveal", "", officer.headers);
  EXPECT_EQ(revealed.status, 403);
  for (auto sentinel : kSentinelsInClear) EXPECT_EQ(revealed.body.find(sentinel), std::string::npos);
}

struct Filed {
  std::int64_t id = 0;
  std::string code;
  std::string secret;
};

Filed file_report() {
  HttpClient client(CaseWorkflowTestAccess::base_url());
  auto response = client.post_json(
      "/api/v1/complaints",
      R"({"description":"Jalan berlubang besar dekat pasar, sudah dua minggu","category":"jalan-rusak","region_code":"16.71.01.1001"})");
  EXPECT_EQ(response.status, 201) << response.body;
  auto body = response.json().as_object();
  return {body.at("id").as_int64(), std::string(body.at("code").as_string()),
          std::string(body.at("reporter_secret").as_string())};
}

HttpResult as_reporter(const Filed& filed, const std::string& body) {
  HttpClient client(CaseWorkflowTestAccess::base_url());
  return client.post_json("/api/v1/track/" + filed.code + "/actions", body);
}

TEST_F(CaseWorkflowTest, TheReporterAnswersARequestForInformationThenConfirmsAndRatesTheFix) {
  auto filed = file_report();
  auto officer = sign_in("lurah1001@test.id");
  for (const auto* body : {R"({"action":"verify"})", R"({"action":"assign"})"}) {
    ASSERT_EQ(act(officer, filed.id, body).status, 200);
  }
  ASSERT_EQ(status_of(act(officer, filed.id, R"({"action":"ask_info","reason":"Di depan nomor berapa?"})")), "need_info");
  auto wrong = as_reporter(filed, R"({"secret":"not-the-secret","action":"reply","message":"Nomor 12"})");
  EXPECT_EQ(wrong.status, 403);
  auto replied = as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"reply","message":"Di depan nomor 12"})");
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(std::string(replied.json().as_object().at("status").as_string()), "assigned") << "the answer resumes the case";
  ASSERT_EQ(status_of(act(officer, filed.id, R"({"action":"start"})")), "in_progress");
  ASSERT_EQ(after_photo(officer, filed.id).status, 201);
  ASSERT_EQ(status_of(act(officer, filed.id, R"({"action":"resolve","reason":"Sudah ditambal"})")), "resolved");
  EXPECT_EQ(as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"confirm","rating":9})").status, 422);
  auto closed = as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"confirm","rating":5,"message":"Terima kasih"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(std::string(closed.json().as_object().at("status").as_string()), "closed");
  auto stored = server_->storage().complaints().find_by_id(filed.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->rating, 5);
  EXPECT_EQ(as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"reply","message":"Halo"})").status, 409);
}

TEST_F(CaseWorkflowTest, TheReporterDisputesTheResolutionAndTheCaseReturnsToTheSameUnit) {
  auto filed = file_report();
  auto officer = sign_in("lurah1001@test.id");
  for (const auto* body : {R"({"action":"verify"})", R"({"action":"assign"})", R"({"action":"start"})"}) {
    ASSERT_EQ(act(officer, filed.id, body).status, 200) << body;
  }
  ASSERT_EQ(after_photo(officer, filed.id).status, 201);
  ASSERT_EQ(act(officer, filed.id, R"({"action":"resolve","reason":"Sudah ditambal"})").status, 200);
  EXPECT_EQ(as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"dispute"})").status, 422)
      << "a dispute needs a reason";
  auto disputed = as_reporter(filed, R"({"secret":")" + filed.secret +
                                         R"(","action":"dispute","message":"Lubangnya masih ada, hanya ditimbun pasir"})");
  ASSERT_EQ(disputed.status, 200) << disputed.body;
  EXPECT_EQ(std::string(disputed.json().as_object().at("status").as_string()), "reopened");
  auto back = act(officer, filed.id, R"({"action":"start"})");
  ASSERT_EQ(back.status, 200) << "the same unit takes it up again: " << back.body;
  EXPECT_EQ(std::string(back.json().as_object().at("unit").as_string()), "kelurahan-16.71.01.1001");
  EXPECT_EQ(act(officer, filed.id, R"({"action":"resolve","reason":"Ditambal ulang"})").status, 422)
      << "the after photo of the disputed fix does not prove the new one";
  ASSERT_EQ(after_photo(officer, filed.id).status, 201);
  EXPECT_EQ(status_of(act(officer, filed.id, R"({"action":"resolve","reason":"Ditambal ulang dengan aspal"})")),
            "resolved");
}

// Acceptance (#4): one case from the citizen's report to its closing, every step over HTTP, the
// tracking page checked at each step for personal data.
TEST_F(CaseWorkflowTest, OneCaseWalksFromReportThroughForwardingOnHoldReplyResolveRateToClosed) {
  HttpClient client(server_->base_url());
  auto created = client.post_json(
      "/api/v1/complaints",
      R"({"description":"Jalan berlubang besar dekat pasar, sudah dua minggu","category":"jalan-rusak",)"
      R"("region_code":"16.71.01.1001","address":"Jl. Merdeka No. 9","reporter":{"name":")" +
          std::string(kSentinelName) + R"(","phone":")" + std::string(kSentinelPhone) + R"(","nik":")" +
          std::string(kSentinelNik) + "\"}}");
  ASSERT_EQ(created.status, 201) << created.body;
  Filed filed{created.json().as_object().at("id").as_int64(),
              std::string(created.json().as_object().at("code").as_string()),
              std::string(created.json().as_object().at("reporter_secret").as_string())};
  std::vector<std::string> seen;
  auto track = [&] {
    auto tracked = client.get("/api/v1/track/" + filed.code);
    EXPECT_EQ(tracked.status, 200) << tracked.body;
    for (auto sentinel : kSentinelsInClear) {
      EXPECT_EQ(tracked.body.find(sentinel), std::string::npos) << "personal data on the tracking page";
    }
    EXPECT_EQ(tracked.body.find("Merdeka"), std::string::npos) << "the home address on the tracking page";
    EXPECT_EQ(tracked.body.find("catatan internal"), std::string::npos) << "an internal note on the tracking page";
    seen.emplace_back(tracked.json().as_object().at("status").as_string());
    return tracked;
  };
  track();
  auto officer = sign_in("lurah1001@test.id");
  auto pupr = sign_in("pupr@test.id");
  ASSERT_EQ(act(officer, filed.id, R"({"action":"verify"})").status, 200);  // verified and routed
  track();
  ASSERT_EQ(act(officer, filed.id, R"({"action":"forward","unit_code":"dinas-pupr","reason":"Jalan kota"})").status,
            200);
  EXPECT_EQ(std::string(track().json().as_object().at("unit").as_object().at("code").as_string()), "dinas-pupr");
  ASSERT_EQ(act(pupr, filed.id, R"({"action":"assign"})").status, 200);
  ASSERT_EQ(act(pupr, filed.id, R"({"action":"ask_info","reason":"Di depan nomor berapa?"})").status, 200);
  track();
  auto replied = as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"reply","message":"Nomor 12"})");
  ASSERT_EQ(replied.status, 200) << replied.body;
  track();
  ASSERT_EQ(act(pupr, filed.id, R"({"action":"start"})").status, 200);
  auto message = [&](const std::string& body) {
    return client.request("POST", "/api/v1/complaints/" + std::to_string(filed.id) + "/messages", body, pupr.headers);
  };
  EXPECT_EQ(message(R"({"kind":"reply","text":"Tim kami menambal besok pagi."})").status, 201);
  EXPECT_EQ(message(R"({"kind":"note","text":"catatan internal: aspal dari gudang B"})").status, 201);
  EXPECT_EQ(message(R"({"kind":"shout","text":"x"})").status, 422);
  auto public_reply = track();
  EXPECT_NE(public_reply.body.find("Tim kami menambal besok pagi."), std::string::npos) << "the public reply shows";
  ASSERT_EQ(after_photo(pupr, filed.id).status, 201);
  ASSERT_EQ(act(pupr, filed.id, R"({"action":"resolve","reason":"Lubang sudah ditambal aspal"})").status, 200);
  track();
  auto closed = as_reporter(filed, R"({"secret":")" + filed.secret + R"(","action":"confirm","rating":4})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  track();
  EXPECT_EQ(seen, (std::vector<std::string>{"submitted", "verified", "verified", "need_info", "assigned",
                                            "in_progress", "resolved", "closed"}));
  auto stored = server_->storage().complaints().find_by_id(filed.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_TRUE((*stored)->first_response_at.has_value()) << "taking the case up was the unit's first response";
  EXPECT_TRUE((*stored)->resolved_at.has_value());
  EXPECT_TRUE((*stored)->closed_at.has_value());
  EXPECT_EQ(message(R"({"kind":"reply","text":"Halo"})").status, 409) << "no public reply on a closed case";
  EXPECT_EQ(message(R"({"kind":"note","text":"Arsip foto di folder 12"})").status, 201) << "notes are still kept";
}

TEST_F(CaseWorkflowTest, TheVerifierCorrectsAWrongCategoryAndTheCaseIsRoutedAgain) {
  auto id = report("16.71.01.1001");  // "jalan-rusak": routed to the kelurahan office
  auto officer = sign_in("lurah1001@test.id");
  EXPECT_EQ(act(officer, id, R"({"action":"verify","category_code":"no-such-thing"})").status, 422);
  auto verified = act(officer, id, R"({"action":"verify","category_code":"sampah","reason":"Ini soal sampah"})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  auto body = verified.json().as_object();
  EXPECT_EQ(std::string(body.at("category").as_string()), "sampah");
  EXPECT_EQ(std::string(body.at("unit").as_string()), "dlhk") << "routed again by the right category";
  HttpClient client(server_->base_url());
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(id), officer.headers).status, 404)
      << "the case went to the unit with authority";
}

TEST_F(CaseWorkflowTest, AMergedCaseFollowsItsMasterAndItsReporterSeesWhere) {
  auto master = file_report();
  auto repeat = file_report();
  auto officer = sign_in("lurah1001@test.id");
  ASSERT_EQ(act(officer, master.id, R"({"action":"verify"})").status, 200);
  EXPECT_EQ(act(officer, repeat.id, R"({"action":"merge","reason":"Lubang yang sama"})").status, 422)
      << "the master must be named";
  EXPECT_EQ(act(officer, repeat.id, R"({"action":"merge","merge_into":")" + repeat.code + "\"}").status, 422)
      << "not into itself";
  auto other_unit = report("16.71.01.1002");
  HttpClient client(server_->base_url());
  auto merged = act(officer, repeat.id, R"({"action":"merge","merge_into":")" + master.code + R"(","reason":"Lubang yang sama"})");
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(status_of(merged), "closed");
  auto tracked = client.get("/api/v1/track/" + repeat.code);
  ASSERT_EQ(tracked.status, 200);
  auto body = tracked.json().as_object();
  EXPECT_EQ(std::string(body.at("code").as_string()), repeat.code);
  EXPECT_EQ(std::string(body.at("merged_into").as_string()), master.code);
  EXPECT_EQ(std::string(body.at("status").as_string()), "verified") << "the merged case shows its master's status";
  ASSERT_EQ(act(officer, master.id, R"({"action":"assign"})").status, 200);
  auto later = client.get("/api/v1/track/" + repeat.code).json().as_object();
  EXPECT_EQ(std::string(later.at("status").as_string()), "assigned") << "and follows it";
  auto master_tracked = client.get("/api/v1/track/" + master.code);
  EXPECT_NE(master_tracked.body.find(repeat.code), std::string::npos) << "the master's timeline names the merged case";
  EXPECT_EQ(master_tracked.json().as_object().at("supporters").as_int64(), 1) << "its reporter counts as a supporter";
  // A master out of the officer's scope is unknown, like any case out of scope.
  auto third = file_report();
  auto stored = server_->storage().complaints().find_by_id(other_unit);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(act(officer, third.id, R"({"action":"merge","merge_into":")" + (*stored)->public_code + "\"}").status, 422);
}

}  // namespace
}  // namespace sigap::testing
