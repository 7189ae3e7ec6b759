#include "crypto/keyring.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace sigap::crypto {
namespace {

namespace fs = std::filesystem;

// Bytes 0xe0..0xff: their base64 has '+' and '/' (URL-safe: '-' and '_'), so the flavours differ.
constexpr std::string_view kKeyStandard = "4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8=";
constexpr std::string_view kKeyUrlSafe = "4OHi4-Tl5ufo6err7O3u7_Dx8vP09fb3-Pn6-_z9_v8";

Keyring::KeyBytes expected_key() {
  Keyring::KeyBytes bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(0xe0 + i);
  return bytes;
}

std::vector<std::string> field_names(const Error& error) {
  std::vector<std::string> names;
  for (const auto& field : error.fields()) names.push_back(field.field);
  return names;
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

fs::perms permission_bits(const fs::path& path) { return fs::status(path).permissions() & fs::perms::mask; }

TEST(Keyring, SerializeThenParseGivesTheSameKeys) {
  const Keyring original = Keyring::generate().rotated().rotated();
  const std::string text = original.serialize();

  auto parsed = Keyring::parse(text);
  ASSERT_TRUE(parsed) << parsed.error().fields().front().message.en;
  EXPECT_EQ(parsed->ids(), (std::vector<Keyring::KeyId>{1, 2, 3}));
  EXPECT_EQ(parsed->current_id(), 3U);
  for (Keyring::KeyId id : original.ids()) {
    ASSERT_NE(parsed->find(id), nullptr) << id;
    EXPECT_EQ(*parsed->find(id), *original.find(id)) << id;
  }
  EXPECT_EQ(parsed->serialize(), text);
  EXPECT_EQ(text.front(), '#');  // starts with a comment that says what the file is
}

TEST(Keyring, ParseSkipsCommentsAndBlankLinesAndAcceptsEveryBase64Flavour) {
  const std::string text = "# data keys\r\n\n   \n  # indented comment\n3 " + std::string(kKeyStandard) + "\r\n\t7\t" +
                           std::string(kKeyUrlSafe) + "  \n12 " + std::string(kKeyUrlSafe) + "=";
  auto parsed = Keyring::parse(text);
  ASSERT_TRUE(parsed) << parsed.error().fields().front().field;
  EXPECT_EQ(parsed->ids(), (std::vector<Keyring::KeyId>{3, 7, 12}));
  EXPECT_EQ(parsed->current_id(), 12U);
  EXPECT_EQ(parsed->current(), expected_key());
  EXPECT_EQ(*parsed->find(3), expected_key());
  EXPECT_EQ(parsed->find(4), nullptr);
}

TEST(Keyring, ParseNamesEveryBadLineWithoutRepeatingIt) {
  const std::string key(kKeyStandard);
  const std::vector<std::string> lines = {
      "# keys",                                          // 1
      "1 " + key,                                        // 2: good
      "2",                                               // 3: no key
      "3 " + key + " extra",                             // 4: too many fields
      "0 " + key,                                        // 5: id out of range
      "1 " + key,                                        // 6: not ascending
      "x9 " + key,                                       // 7: not a number
      "1000000000 " + key,                               // 8: above kMaxKeyId
      "8 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",  // 9: 31 bytes
      "9 not*base64",                                    // 10
      "10 " + key + key,                                 // 11: 64 bytes
  };
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  auto parsed = Keyring::parse(text);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code(), ErrorCode::validation);
  EXPECT_EQ(field_names(parsed.error()), (std::vector<std::string>{"line 3", "line 4", "line 5", "line 6", "line 7",
                                                                   "line 8", "line 9", "line 10", "line 11"}));
  for (const auto& field : parsed.error().fields()) {
    EXPECT_FALSE(field.message.id.empty());
    EXPECT_EQ(field.message.en.find(key), std::string::npos);
    EXPECT_EQ(field.message.id.find(key), std::string::npos);
  }
}

TEST(Keyring, ParseNamesTheSourceWhenGiven) {
  auto parsed = Keyring::parse("1 " + std::string(kKeyStandard) + "\n1 " + std::string(kKeyStandard), "data.keys");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(field_names(parsed.error()), (std::vector<std::string>{"data.keys:2"}));
}

TEST(Keyring, ParseRefusesATextWithoutKeys) {
  for (std::string_view text : {"", "\n\n", "# only a comment\n"}) {
    auto parsed = Keyring::parse(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().code(), ErrorCode::validation);
    EXPECT_EQ(field_names(parsed.error()), (std::vector<std::string>{"keys"}));
  }
}

TEST(Keyring, GenerateGivesOneFreshKeyNumberedOne) {
  const Keyring first = Keyring::generate();
  const Keyring second = Keyring::generate();
  EXPECT_EQ(first.ids(), (std::vector<Keyring::KeyId>{1}));
  EXPECT_EQ(first.current_id(), 1U);
  EXPECT_NE(first.current(), second.current());
  EXPECT_NE(first.current(), Keyring::KeyBytes{});
}

TEST(Keyring, RotationAddsANewCurrentKeyAndKeepsTheOldOnes) {
  const Keyring before = Keyring::generate();
  const Keyring after = before.rotated();
  EXPECT_EQ(before.ids(), (std::vector<Keyring::KeyId>{1}));  // the original is untouched
  EXPECT_EQ(after.ids(), (std::vector<Keyring::KeyId>{1, 2}));
  EXPECT_EQ(after.current_id(), 2U);
  ASSERT_NE(after.find(1), nullptr);
  EXPECT_EQ(*after.find(1), before.current());
  EXPECT_NE(after.current(), before.current());
  EXPECT_EQ(after.rotated().ids(), (std::vector<Keyring::KeyId>{1, 2, 3}));
}

TEST(Keyring, RotationFollowsTheHighestIdEvenWithGaps) {
  auto parsed = Keyring::parse("5 " + std::string(kKeyStandard) + "\n9 " + std::string(kKeyUrlSafe));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->rotated().ids(), (std::vector<Keyring::KeyId>{5, 9, 10}));
}

TEST(LoadKeyring, CreatesAMissingFileReadableByTheOwnerOnly) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "keys" / "data.keys";

  auto created = load_keyring(file, nullptr);
  ASSERT_TRUE(created) << created.error().message().en;
  EXPECT_EQ(created->ids(), (std::vector<Keyring::KeyId>{1}));
  ASSERT_TRUE(fs::is_regular_file(file));
  EXPECT_EQ(permission_bits(file), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(permission_bits(file.parent_path()), fs::perms::owner_all);

  auto loaded = load_keyring(file, nullptr);  // the second start reads what the first wrote
  ASSERT_TRUE(loaded) << loaded.error().message().en;
  EXPECT_EQ(loaded->current(), created->current());
  EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator{}), 1);
}

TEST(LoadKeyring, ProcessesStartingTogetherEndUpWithTheSameKey) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  std::vector<Keyring::KeyBytes> keys(8);
  std::vector<std::thread> starts;
  for (auto& key : keys) {
    starts.emplace_back([&file, &key] {
      auto loaded = load_keyring(file, nullptr);
      if (loaded) key = loaded->current();
    });
  }
  for (auto& start : starts) start.join();
  for (const auto& key : keys) EXPECT_EQ(key, keys.front());
  EXPECT_NE(keys.front(), Keyring::KeyBytes{});
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

TEST(LoadKeyring, RefusesAFileOthersCanRead) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  ASSERT_TRUE(save_keyring(file, Keyring::generate()));
  fs::permissions(file,
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);

  auto loaded = load_keyring(file, nullptr);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code(), ErrorCode::validation);
  EXPECT_NE(loaded.error().message().en.find("chmod 600 " + file.string()), std::string::npos)
      << loaded.error().message().en;
  EXPECT_NE(loaded.error().message().id.find("chmod 600 " + file.string()), std::string::npos);
  EXPECT_NE(loaded.error().message().en.find("0644"), std::string::npos);

  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_write);
  EXPECT_FALSE(load_keyring(file, nullptr));  // writable by the group is refused too

  fs::permissions(file, fs::perms::owner_read);
  EXPECT_TRUE(load_keyring(file, nullptr));  // after the chmod (or stricter) it loads
}

TEST(LoadKeyring, NamesTheFileAndTheBadLine) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  write_file(file, "# keys\n1 " + std::string(kKeyStandard) + "\n2 short\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);

  auto loaded = load_keyring(file, nullptr);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code(), ErrorCode::validation);
  EXPECT_NE(loaded.error().message().en.find(file.string()), std::string::npos);
  EXPECT_EQ(field_names(loaded.error()), (std::vector<std::string>{file.string() + ":3"}));
}

TEST(LoadKeyring, TheEnvironmentWinsOverTheFile) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  ASSERT_TRUE(save_keyring(file, Keyring::generate()));

  const std::string single = std::string(kKeyStandard) + "\n";  // as `export X=$(cat key)` may leave it
  auto from_single = load_keyring(file, single.c_str());
  ASSERT_TRUE(from_single) << from_single.error().message().en;
  EXPECT_EQ(from_single->ids(), (std::vector<Keyring::KeyId>{1}));
  EXPECT_EQ(from_single->current(), expected_key());

  const Keyring two = Keyring::generate().rotated();
  const std::string text = two.serialize();
  auto from_text = load_keyring(file, text.c_str());
  ASSERT_TRUE(from_text);
  EXPECT_EQ(from_text->ids(), (std::vector<Keyring::KeyId>{1, 2}));
  EXPECT_EQ(from_text->current(), two.current());

  auto from_file = load_keyring(file, "  ");  // blank counts as unset
  ASSERT_TRUE(from_file);
  EXPECT_NE(from_file->current(), expected_key());
  auto unset = load_keyring(file, nullptr);
  ASSERT_TRUE(unset);
  EXPECT_EQ(unset->current(), from_file->current());
}

TEST(LoadKeyring, TheEnvironmentNeitherCreatesNorReadsTheFile) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  ASSERT_TRUE(load_keyring(file, std::string(kKeyUrlSafe).c_str()));
  EXPECT_FALSE(fs::exists(file));
}

TEST(LoadKeyring, RefusesABadEnvironmentValue) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  for (const char* value : {"not-a-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="}) {
    auto loaded = load_keyring(file, value);
    ASSERT_FALSE(loaded) << value;
    EXPECT_EQ(loaded.error().code(), ErrorCode::validation);
    EXPECT_EQ(field_names(loaded.error()), (std::vector<std::string>{"SIGAP_DATA_KEY"}));
  }
  auto text_form = load_keyring(file, ("1 " + std::string(kKeyStandard) + "\n2 nope\n").c_str());
  ASSERT_FALSE(text_form);
  EXPECT_EQ(field_names(text_form.error()), (std::vector<std::string>{"SIGAP_DATA_KEY:2"}));
  EXPECT_FALSE(fs::exists(file));
}

TEST(SaveKeyring, ReplacesTheFileWithMode0600AndLeavesNoTemporary) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "data.keys";
  auto first = load_keyring(file, nullptr);
  ASSERT_TRUE(first);
  const Keyring rotated = first->rotated();

  ASSERT_TRUE(save_keyring(file, rotated));
  EXPECT_EQ(permission_bits(file), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
  auto loaded = load_keyring(file, nullptr);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->serialize(), rotated.serialize());
}

TEST(SaveKeyring, FailsAsUnavailableWhenTheDirectoryIsMissing) {
  testing::TempDir dir;
  auto saved = save_keyring(dir.path() / "missing" / "data.keys", Keyring::generate());
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code(), ErrorCode::unavailable);
  EXPECT_FALSE(saved.error().log_detail().empty());
}

}  // namespace
}  // namespace sigap::crypto
