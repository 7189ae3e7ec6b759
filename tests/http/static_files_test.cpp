// Serving the built web app from a real directory: types, caching, precompressed twins, client
// routes, and never anything outside the root.
#include "http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace sigap::http {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& file, std::string_view content) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << content;
  ASSERT_TRUE(out.good()) << file;
}

Request get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request request;
  request.method = "GET";
  request.target = path;
  request.path = std::move(path);
  request.headers = std::move(headers);
  return request;
}

std::string header_of(const Response& response, std::string_view name) {
  return std::string(response.header(name).value_or("<absent>"));
}

// The status of a response, 0 when nothing was served.
int status_of(const std::optional<Response>& response) { return response ? response->status : 0; }

constexpr std::string_view kIndex = "<!doctype html><title>Sigap</title>";
constexpr std::string_view kScript = "console.log('sigap');";

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(root_ / "index.html", kIndex);
    write_file(root_ / "assets" / "app-1a2b3c.js", kScript);
    write_file(root_ / "assets" / "app-1a2b3c.js.br", "BROTLI-BYTES");
    write_file(root_ / "assets" / "app-1a2b3c.js.gz", "GZIP-BYTES");
    write_file(root_ / "assets" / "style.css", "body{}");
    write_file(root_ / "assets" / "style.css.gz", "GZIP-CSS");
    write_file(root_ / "logo.svg", "<svg/>");
    write_file(root_ / "manifest.webmanifest", "{}");
    write_file(root_ / ".env", "SIGAP_DB=postgres://secret");
    write_file(dir_.path() / "secret.txt", "outside the root");
  }

  testing::TempDir dir_;
  fs::path root_ = dir_.path() / "dist";
  StaticFiles files_{root_};
};

TEST_F(StaticFilesTest, ServesAFileWithItsContentType) {
  auto response = files_.serve(get("/logo.svg"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "<svg/>");
  EXPECT_EQ(header_of(*response, "Content-Type"), "image/svg+xml");
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "<absent>");
}

TEST_F(StaticFilesTest, ContentTypesByExtension) {
  EXPECT_EQ(StaticFiles::content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for("assets/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for("assets/app.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for("assets/style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for("manifest.webmanifest"), "application/manifest+json");
  EXPECT_EQ(StaticFiles::content_type_for("foto.jpeg"), "image/jpeg");
  EXPECT_EQ(StaticFiles::content_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::content_type_for("openapi.yaml"), "application/yaml");
  EXPECT_EQ(StaticFiles::content_type_for("data.bin"), "application/octet-stream");
  EXPECT_EQ(StaticFiles::content_type_for("LICENSE"), "application/octet-stream");
}

TEST_F(StaticFilesTest, RootServesIndexHtml) {
  auto response = files_.serve(get("/"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, kIndex);
  EXPECT_EQ(header_of(*response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(header_of(*response, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ClientRouteWithoutExtensionFallsBackToIndexHtml) {
  for (std::string path : {"/laporan", "/laporan/SGP-2024-000123", "/peta/kecamatan/"}) {
    auto response = files_.serve(get(path));
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_EQ(response->body, kIndex) << path;
    EXPECT_EQ(header_of(*response, "Content-Type"), "text/html; charset=utf-8") << path;
  }
}

TEST_F(StaticFilesTest, MissingAssetWithExtensionIsNotServed) {
  EXPECT_FALSE(files_.serve(get("/assets/app-000000.js")));
  EXPECT_FALSE(files_.serve(get("/favicon.ico")));
}

TEST_F(StaticFilesTest, WithoutIndexHtmlClientRoutesAreNotServed) {
  fs::remove(root_ / "index.html");
  EXPECT_FALSE(files_.serve(get("/")));
  EXPECT_FALSE(files_.serve(get("/laporan")));
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForeverOtherFilesRevalidate) {
  auto asset = files_.serve(get("/assets/style.css"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(header_of(*asset, "Cache-Control"), "public, max-age=31536000, immutable");
  auto logo = files_.serve(get("/logo.svg"));
  ASSERT_TRUE(logo);
  EXPECT_EQ(header_of(*logo, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchIsAnswered304WithoutBody) {
  auto first = files_.serve(get("/logo.svg"));
  ASSERT_TRUE(first);
  auto etag = header_of(*first, "ETag");
  ASSERT_NE(etag, "<absent>");
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');

  auto again = files_.serve(get("/logo.svg", {{"if-none-match", etag}}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(header_of(*again, "ETag"), etag);
}

TEST_F(StaticFilesTest, ListOrWildcardIfNoneMatchIsAnswered304) {
  auto first = files_.serve(get("/logo.svg"));
  ASSERT_TRUE(first);
  auto etag = header_of(*first, "ETag");
  EXPECT_EQ(status_of(files_.serve(get("/logo.svg", {{"if-none-match", "\"old\", " + etag}}))), 304);
  EXPECT_EQ(status_of(files_.serve(get("/logo.svg", {{"if-none-match", "*"}}))), 304);
}

TEST_F(StaticFilesTest, StaleOrForeignETagGetsTheFile) {
  auto first = files_.serve(get("/logo.svg"));
  ASSERT_TRUE(first);
  auto old_etag = header_of(*first, "ETag");
  EXPECT_EQ(status_of(files_.serve(get("/logo.svg", {{"if-none-match", "\"something-else\""}}))), 200);

  write_file(root_ / "logo.svg", "<svg width=\"16\"/>");
  auto changed = files_.serve(get("/logo.svg", {{"if-none-match", old_etag}}));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, "<svg width=\"16\"/>");
  EXPECT_NE(header_of(*changed, "ETag"), old_etag);
}

TEST_F(StaticFilesTest, BrotliTwinIsPreferredWhenAccepted) {
  auto response = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "gzip, deflate, br, zstd"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "BROTLI-BYTES");
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "br");
  EXPECT_EQ(header_of(*response, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(header_of(*response, "Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, GzipTwinWhenOnlyGzipIsAccepted) {
  auto response = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "gzip"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "GZIP-BYTES");
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "gzip");
  EXPECT_EQ(header_of(*response, "Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, GzipTwinWhenBrotliIsRefusedWithQZero) {
  auto response = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "br;q=0, gzip;q=0.8"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "gzip");
}

TEST_F(StaticFilesTest, GzipTwinWhenNoBrotliTwinExists) {
  auto response = files_.serve(get("/assets/style.css", {{"accept-encoding", "br, gzip"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "GZIP-CSS");
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "gzip");
  EXPECT_EQ(header_of(*response, "Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, PlainFileWhenNoEncodingIsAccepted) {
  for (auto headers : {std::vector<std::pair<std::string, std::string>>{},
                       std::vector<std::pair<std::string, std::string>>{{"accept-encoding", "identity"}},
                       std::vector<std::pair<std::string, std::string>>{{"accept-encoding", "br;q=0, gzip;q=0"}}}) {
    auto response = files_.serve(get("/assets/app-1a2b3c.js", headers));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, kScript);
    EXPECT_EQ(header_of(*response, "Content-Encoding"), "<absent>");
    EXPECT_EQ(header_of(*response, "Vary"), "Accept-Encoding");
  }
}

TEST_F(StaticFilesTest, EachEncodingHasItsOwnETag) {
  auto plain = files_.serve(get("/assets/app-1a2b3c.js"));
  auto brotli = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "br"}}));
  ASSERT_TRUE(plain && brotli);
  EXPECT_NE(header_of(*plain, "ETag"), header_of(*brotli, "ETag"));
  // The plain ETag must not revalidate the compressed body, nor the other way round.
  auto plain_etag = header_of(*plain, "ETag");
  auto brotli_etag = header_of(*brotli, "ETag");
  EXPECT_EQ(
      status_of(files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "br"}, {"if-none-match", plain_etag}}))),
      200);
  EXPECT_EQ(status_of(files_.serve(get("/assets/app-1a2b3c.js", {{"if-none-match", brotli_etag}}))), 200);
}

TEST_F(StaticFilesTest, NeverServesOutsideTheRoot) {
  for (std::string path : {"/../etc/passwd", "/../secret.txt", "/assets/../../secret.txt", "/..", "/../dist/logo.svg",
                           "/..\\secret.txt", "/assets\\..\\..\\secret.txt"}) {
    EXPECT_FALSE(files_.serve(get(path))) << path;
  }
}

TEST_F(StaticFilesTest, NeverServesHiddenFiles) {
  for (std::string path : {"/.env", "//.env", "/assets/.env", "/.git/config"}) {
    auto response = files_.serve(get(path));
    EXPECT_FALSE(response) << path << " served: " << (response ? response->body : "");
  }
}

TEST_F(StaticFilesTest, AnEncodingRefusedWithAZeroWeightIsNotUsed) {
  auto response = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "br;q=0.0, gzip;q=0.000"}}));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, kScript);
  EXPECT_EQ(header_of(*response, "Content-Encoding"), "<absent>");
  auto weighted = files_.serve(get("/assets/app-1a2b3c.js", {{"accept-encoding", "br;q=0.5"}}));
  ASSERT_TRUE(weighted);
  EXPECT_EQ(header_of(*weighted, "Content-Encoding"), "br");
}

TEST_F(StaticFilesTest, TheAppServedForAMissingExtensionlessAssetPathIsNeverCachedForGood) {
  auto response = files_.serve(get("/assets/settings"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, kIndex);
  EXPECT_EQ(header_of(*response, "Cache-Control"), "no-cache");
}

}  // namespace
}  // namespace sigap::http
