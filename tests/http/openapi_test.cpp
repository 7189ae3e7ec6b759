// api/openapi.yaml and the route table agree: every route the server has is documented, and
// every documented operation is a route. The route table is the one a running HttpService
// built (TestServer), so a route added in routes.cpp without a line in the document fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace sigap::http {
namespace {

const char* const kDocumentPath = SIGAP_SOURCE_DIR "/api/openapi.yaml";

/// One operation: upper-case method and path pattern as written ("GET", "/api/v1/units/{id}").
using Operation = std::pair<std::string, std::string>;

struct Document {
  std::set<std::string> paths;
  std::set<Operation> operations;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// "  '/a/{b}': # note" -> "/a/{b}"; the key of a mapping line, unquoted, or "" for other lines.
std::string key_of(std::string_view line) {
  line.remove_prefix(indent_of(line));
  if (line.empty() || line.front() == '#' || line.front() == '-') return {};
  std::string_view key;
  if (line.front() == '\'' || line.front() == '"') {
    auto close = line.find(line.front(), 1);
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != ':') return {};
    key = line.substr(1, close - 1);
  } else {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return {};
    // "key:" at the end of the line or followed by a space; not a colon inside a value.
    if (colon + 1 < line.size() && line[colon + 1] != ' ') return {};
    key = line.substr(0, colon);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  }
  return std::string(key);
}

bool is_http_method(std::string_view key) {
  static const std::set<std::string_view> methods{"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  return methods.contains(key);
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

/// Just enough YAML for the `paths:` section: the top-level `paths:` key, the path keys one
/// level in ("  /api/v1/units/{id}:"), and the HTTP-method keys one level below each path
/// ("    get:"). Everything deeper, and every other section, is skipped.
Document parse_paths(std::string_view yaml) {
  Document document;
  bool in_paths = false;
  std::size_t path_indent = 0;      // 0 until the first path line fixes it
  std::size_t operation_indent = 0;  // 0 until the first line under a path fixes it
  std::string current_path;
  while (!yaml.empty()) {
    auto newline = yaml.find('\n');
    std::string_view line = yaml.substr(0, newline);
    yaml = newline == std::string_view::npos ? std::string_view() : yaml.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto indent = indent_of(line);
    if (indent == line.size() || line[indent] == '#') continue;  // blank or comment

    if (indent == 0) {
      in_paths = key_of(line) == "paths";
      current_path.clear();
      continue;
    }
    if (!in_paths) continue;
    if (path_indent == 0) path_indent = indent;
    if (indent < path_indent) continue;  // malformed; nothing sensible to take from it
    if (indent == path_indent) {
      current_path = key_of(line);
      operation_indent = 0;
      if (current_path.starts_with('/')) {
        document.paths.insert(current_path);
      } else {
        current_path.clear();  // a `$ref`-ish or extension key (x-...) at path level
      }
      continue;
    }
    if (current_path.empty()) continue;
    if (operation_indent == 0) operation_indent = indent;
    if (indent != operation_indent) continue;
    auto key = key_of(line);
    if (is_http_method(key)) document.operations.emplace(upper(key), current_path);
  }
  return document;
}

std::string describe(const Operation& operation) { return operation.first + " " + operation.second; }

// -- the parser itself, on a document small enough to read -------------------------------

TEST(OpenApiParserTest, ReadsPathsAndMethodsOnly) {
  const char* yaml =
      "openapi: 3.1.0\n"
      "info:\n"
      "  title: x\n"
      "  /not-a-path-outside-paths:\n"
      "    get: {}\n"
      "paths:\n"
      "  # a comment\n"
      "  /a:\n"
      "    summary: get: is not a key here\n"
      "    parameters:\n"
      "      - name: get\n"
      "    get:\n"
      "      responses:\n"
      "        post:\n"
      "          description: nested deeper, not an operation\n"
      "\n"
      "    post:\n"
      "      operationId: p\n"
      "  '/b/{id}':\r\n"
      "    delete:\r\n"
      "  x-extension:\n"
      "    put:\n"
      "components:\n"
      "  schemas:\n"
      "    get:\n";
  auto document = parse_paths(yaml);
  EXPECT_EQ(document.paths, (std::set<std::string>{"/a", "/b/{id}"}));
  EXPECT_EQ(document.operations,
            (std::set<Operation>{{"GET", "/a"}, {"POST", "/a"}, {"DELETE", "/b/{id}"}}));
}

// -- the real document against the real route table --------------------------------------

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto text = read_file(kDocumentPath);
    ASSERT_FALSE(text.empty()) << "cannot read " << kDocumentPath;
    ASSERT_TRUE(text.starts_with("openapi: 3.1")) << kDocumentPath << " must start with `openapi: 3.1.x`";
    document_ = parse_paths(text);
    ASSERT_FALSE(document_.operations.empty()) << "no operations found under `paths:` in " << kDocumentPath;

    for (const auto& route : server_.service().router().routes()) {
      routes_.emplace(route.method, route.pattern);
      route_paths_.insert(route.pattern);
    }
    ASSERT_FALSE(routes_.empty());
  }

  sigap::testing::TestServer server_{sigap::testing::TestServerOptions{.demo_data = false}};
  Document document_;
  std::set<Operation> routes_;
  std::set<std::string> route_paths_;
};

TEST_F(OpenApiTest, EveryRouteIsDocumented) {
  std::vector<std::string> missing;
  for (const auto& route : routes_) {
    if (!document_.operations.contains(route)) {
      ADD_FAILURE() << "route " << describe(route) << " is not documented in api/openapi.yaml";
      missing.push_back(describe(route));
    }
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " of " << routes_.size() << " routes undocumented";
}

TEST_F(OpenApiTest, EveryDocumentedPathIsARoute) {
  for (const auto& path : document_.paths) {
    EXPECT_TRUE(route_paths_.contains(path))
        << "api/openapi.yaml documents path " << path << ", which is not in the route table (src/http/routes.cpp)";
  }
}

TEST_F(OpenApiTest, EveryDocumentedOperationIsServed) {
  for (const auto& operation : document_.operations) {
    if (!route_paths_.contains(operation.second)) continue;  // reported by EveryDocumentedPathIsARoute
    bool served = routes_.contains(operation);
    // The server answers HEAD wherever it answers GET.
    if (!served && operation.first == "HEAD") served = routes_.contains({"GET", operation.second});
    EXPECT_TRUE(served) << "api/openapi.yaml documents " << describe(operation)
                        << ", but the route table has no such method for that path";
  }
}

// The property names of the schema `name` under components/schemas, by indentation alone.
std::set<std::string> schema_properties(std::string_view yaml, std::string_view name) {
  std::set<std::string> properties;
  bool in_schemas = false, in_schema = false, in_properties = false;
  std::size_t schema_indent = 0, properties_indent = 0, property_indent = 0;
  while (!yaml.empty()) {
    auto newline = yaml.find('\n');
    std::string_view line = yaml.substr(0, newline);
    yaml = newline == std::string_view::npos ? std::string_view() : yaml.substr(newline + 1);
    auto indent = indent_of(line);
    if (indent == line.size() || line[indent] == '#') continue;
    auto key = key_of(line);
    if (in_schema && indent <= schema_indent) break;
    if (!in_schema) {
      if (key == "schemas") in_schemas = true;
      if (in_schemas && key == name) {
        in_schema = true;
        schema_indent = indent;
      }
      continue;
    }
    if (in_properties && indent <= properties_indent) in_properties = false;
    if (!in_properties) {
      if (key == "properties" && indent == schema_indent + 2) {
        in_properties = true;
        properties_indent = indent;
        property_indent = 0;
      }
      continue;
    }
    if (property_indent == 0) property_indent = indent;
    if (indent == property_indent && !key.empty()) properties.insert(key);
  }
  return properties;
}

TEST_F(OpenApiTest, ProblemSchemaHasTheRfc9457Fields) {
  auto text = read_file(kDocumentPath);
  EXPECT_NE(text.find("application/problem+json"), std::string::npos);
  EXPECT_EQ(schema_properties(text, "Problem"),
            (std::set<std::string>{"type", "title", "status", "detail", "instance", "request_id", "errors"}));
  EXPECT_EQ(schema_properties(text, "FieldProblem"), (std::set<std::string>{"field", "message"}));
}

TEST(OpenApiServed, TheRunningServerServesTheDocumentOfItsBuild) {
  sigap::testing::TestServer server{sigap::testing::TestServerOptions{.demo_data = false}};
  sigap::testing::HttpClient client(server.base_url());
  auto served = client.get("/api/v1/openapi.yaml");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.header("content-type").rfind("application/yaml", 0), 0U);
  EXPECT_EQ(served.body, read_file(kDocumentPath));
}

}  // namespace
}  // namespace sigap::http

