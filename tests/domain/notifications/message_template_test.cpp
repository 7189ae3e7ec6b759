// Templates admins write: only the known placeholders, rendered in place.
#include "domain/notifications/message_template.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::notifications {
namespace {

TEST(MessageTemplate, RendersEveryPlaceholderAndKeepsOtherText) {
  std::map<std::string, std::string, std::less<>> values{{"code", "SGP-7KX3-QM2D"},
                                                         {"status", "Diterima"},
                                                         {"unit", "Dinas PUPR"},
                                                         {"deadline", "7 Oktober 2026 pukul 16.00 WIB"},
                                                         {"tracking_url", "https://sigap.test/lacak/SGP-7KX3-QM2D"}};
  EXPECT_EQ(render_template("{code} ({status}) di {unit}, batas {deadline}: {tracking_url} {x} {", values),
            "SGP-7KX3-QM2D (Diterima) di Dinas PUPR, batas 7 Oktober 2026 pukul 16.00 WIB: "
            "https://sigap.test/lacak/SGP-7KX3-QM2D {x} {");
  EXPECT_EQ(render_template("{code}{code}", values), "SGP-7KX3-QM2DSGP-7KX3-QM2D");
}

TEST(MessageTemplate, RefusesUnknownPlaceholdersControlCharactersAndLength) {
  EXPECT_TRUE(check_template("Aduan {code}: {status}\nLacak {tracking_url}", "body", 4000, false).ok());
  auto unknown = check_template("Halo {name}, aduan {code}", "body", 4000, false);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields().front().field, "body");
  EXPECT_NE(unknown.error().fields().front().message.en.find("{name}"), std::string::npos);
  EXPECT_FALSE(check_template("Aduan {code", "subject", 200, true).ok());
  EXPECT_FALSE(check_template("Dua\nbaris", "subject", 200, true).ok());
  EXPECT_FALSE(check_template("", "subject", 200, true).ok());
  EXPECT_FALSE(check_template(std::string(201, 'a'), "subject", 200, true).ok());
  EXPECT_FALSE(check_template("bel \a", "body", 4000, false).ok());
  EXPECT_FALSE(check_template("\xff\xfe", "body", 4000, false).ok());
}

}  // namespace
}  // namespace sigap::domain::notifications
