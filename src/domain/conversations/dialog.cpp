#include "domain/conversations/dialog.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "domain/complaints/contact.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/conversations/language_guess.hpp"
#include "domain/conversations/place_match.hpp"

namespace sigap::domain::conversations {

namespace dc = domain::complaints;

namespace {

// ---- reading what was typed ------------------------------------------------------------------

std::string trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The first word in upper case, and the rest trimmed ("cek  sgp-1" -> {"CEK", "sgp-1"}).
std::pair<std::string, std::string> command_of(std::string_view text) {
  auto trimmed = trim(text);
  auto space = trimmed.find_first_of(" \t\r\n");
  if (space == std::string::npos) return {upper_ascii(trimmed), {}};
  return {upper_ascii(trimmed.substr(0, space)), trim(std::string_view(trimmed).substr(space))};
}

bool one_of(const std::string& word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The whole message is one of these words (case, surrounding blanks and a final '.'/'!' aside).
bool says(std::string_view text, std::initializer_list<std::string_view> words) {
  auto word = upper_ascii(trim(text));
  while (!word.empty() && (word.back() == '.' || word.back() == '!')) word.pop_back();
  return one_of(word, words);
}

// A leading number ("3", "3. Sampah", "3)"): the choice pressed or typed.
std::optional<std::size_t> leading_number(std::string_view text) {
  auto trimmed = trim(text);
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (ec != std::errc() || end == trimmed.data()) return std::nullopt;
  auto rest = std::string_view(end, static_cast<std::size_t>(trimmed.data() + trimmed.size() - end));
  if (!rest.empty() && rest.front() != '.' && rest.front() != ')' && rest.front() != ' ') return std::nullopt;
  return value;
}

const std::string& in(Language language, const std::string& id, const std::string& en) {
  return language == Language::en ? en : id;
}

std::string category_name(const Catalog& catalog, const std::string& code, Language language) {
  for (const auto& category : catalog.categories) {
    if (category.code == code) return in(language, category.name_id, category.name_en);
  }
  return code.empty() ? std::string(language == Language::en ? "(suggested from your text)" : "(dipilih dari uraian)")
                      : code;
}

std::string place_label(const Place& place, Language language) {
  if (place.district.empty()) return place.name;
  if (language == Language::en) return fmt::format("{} ({} district)", place.name, place.district);
  return fmt::format("{} (Kec. {})", place.name, place.district);
}

std::string shortened(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole code points
  return text.substr(0, cut) + "…";
}

// ---- the questions of each step ----------------------------------------------------------------

Reply category_list(const Catalog& catalog, Language language, std::string lead) {
  Reply reply;
  reply.text = std::move(lead);
  for (std::size_t i = 0; i < catalog.categories.size(); ++i) {
    const auto& category = catalog.categories[i];
    auto line = fmt::format("{}. {}", i + 1, in(language, category.name_id, category.name_en));
    reply.text += "\n" + line;
    reply.choices.push_back(line);
  }
  return reply;
}

Reply greeting(const Catalog& catalog, Language language) {
  auto lead = language == Language::en
                  ? std::string("Hello! This is Sigap, the city's complaint service. Which kind of problem do you "
                                "want to report? Reply with its number:")
                  : std::string("Halo! Ini Sigap, layanan pengaduan Pemerintah Kota. Apa yang ingin Anda laporkan? "
                                "Balas dengan nomornya:");
  auto reply = category_list(catalog, language, lead);
  reply.text += language == Language::en
                    ? "\n\nType CANCEL at any time to stop, CHECK <code> to see a report's status. "
                      "Ketik INDONESIA untuk Bahasa Indonesia."
                    : "\n\nKetik BATAL kapan saja untuk berhenti, CEK <kode> untuk melihat status aduan. "
                      "Reply ENGLISH for English.";
  return reply;
}

Reply ask_description(const Catalog& catalog, const Conversation& c) {
  auto name = category_name(catalog, c.fields.category_code, c.language);
  return {c.language == Language::en
              ? fmt::format("Category: {}. Now tell us what happened, and since when (at least 10 characters).", name)
              : fmt::format("Kategori: {}. Ceritakan apa yang terjadi dan sejak kapan (paling sedikit 10 huruf).",
                            name),
          {}};
}

Reply ask_location(const Conversation& c) {
  if (c.fields.quick) {
    return {c.language == Language::en ? "Noted. In which kelurahan is it? Reply with the kelurahan's name."
                                       : "Dicatat. Di kelurahan mana? Balas dengan nama kelurahannya.",
            {}};
  }
  return {c.language == Language::en
              ? "Where is it? Share the location (attach > Location), or type the name of the kelurahan."
              : "Di mana lokasinya? Kirim lokasi (lampiran > Lokasi), atau ketik nama kelurahannya.",
          {}};
}

Reply offer_places(const Conversation& c) {
  Reply reply;
  reply.text = c.language == Language::en ? "Did you mean:" : "Maksud Anda:";
  for (std::size_t i = 0; i < c.fields.offered_places.size(); ++i) {
    auto line = fmt::format("{}. {}", i + 1, place_label(c.fields.offered_places[i], c.language));
    reply.text += "\n" + line;
    reply.choices.push_back(line);
  }
  reply.text += c.language == Language::en ? "\nReply with the number, or type the name again."
                                           : "\nBalas dengan nomornya, atau ketik lagi namanya.";
  return reply;
}

std::string location_label(const Conversation& c) {
  if (!c.fields.place.code.empty()) return "Kelurahan " + place_label(c.fields.place, c.language);
  if (c.fields.latitude && c.fields.longitude) {
    return fmt::format("{:.5f}, {:.5f}", *c.fields.latitude, *c.fields.longitude);
  }
  return c.language == Language::en ? "-" : "-";
}

Reply ask_photos(const Conversation& c) {
  const bool en = c.language == Language::en;
  return {fmt::format(fmt::runtime(en ? "Location: {}. Send photos of it if you have any (at most {}), or type DONE."
                         : "Lokasi: {}. Kirim fotonya bila ada (paling banyak {}), atau ketik SELESAI."),
                      location_label(c), kMaxPhotos),
          {en ? "DONE" : "SELESAI"}};
}

Reply summary(const Catalog& catalog, const Conversation& c) {
  const bool en = c.language == Language::en;
  return {fmt::format(fmt::runtime(en ? "Please check your report:\nCategory: {}\nWhat happened: {}\nLocation: {}\nPhotos: {}\n"
                           "Reply YES to send it, or CANCEL."
                         : "Periksa aduan Anda:\nKategori: {}\nUraian: {}\nLokasi: {}\nFoto: {}\n"
                           "Balas YA untuk mengirim, atau BATAL."),
                      category_name(catalog, c.fields.category_code, c.language), shortened(c.fields.description, 300),
                      location_label(c), c.fields.photos.size()),
          {en ? "YES" : "YA", en ? "CANCEL" : "BATAL"}};
}

/// The question of the step `c` stands at.
Reply prompt(const Conversation& c, const Catalog& catalog) {
  switch (c.step) {
    case Step::start:
      return greeting(catalog, c.language);
    case Step::category:
      return category_list(catalog, c.language,
                           c.language == Language::en ? "Reply with the number of a category:"
                                                      : "Balas dengan nomor kategori:");
    case Step::description:
      return ask_description(catalog, c);
    case Step::location:
      return ask_location(c);
    case Step::location_choice:
      return offer_places(c);
    case Step::photos:
      return {c.language == Language::en ? "Send a photo, or type DONE to go on."
                                         : "Kirim foto, atau ketik SELESAI untuk lanjut.",
              {c.language == Language::en ? "DONE" : "SELESAI"}};
    case Step::confirm:
      return summary(catalog, c);
  }
  return greeting(catalog, c.language);
}

Conversation fresh(Language language, TimePoint now) {
  Conversation c;
  c.language = language;
  c.started_at = now;
  c.updated_at = now;
  return c;
}

// ---- the steps -------------------------------------------------------------------------------

struct Dialog {
  Turn turn;
  const Catalog& catalog;

  Conversation& c() { return turn.conversation; }
  Language lang() { return turn.conversation.language; }
  void say(Reply reply) { turn.replies.push_back(std::move(reply)); }
  void say(std::string text) { turn.replies.push_back({std::move(text), {}}); }
  void ask() { say(prompt(c(), catalog)); }

  // What comes once the location is known: the photos, or (quick report) filing at once.
  void after_location() {
    c().fields.offered_places.clear();
    if (c().fields.quick) {
      c().step = Step::confirm;
      turn.action = Action::submit;
      return;
    }
    c().step = Step::photos;
    say(ask_photos(c()));
  }

  void set_place(const Place& place) {
    c().fields.place = place;
    after_location();
  }

  void typed_place(const std::string& text) {
    auto match = match_place(text, catalog.places);
    if (match.certain) return set_place(match.candidates.front());
    if (!match.candidates.empty()) {
      c().fields.offered_places = match.candidates;
      c().step = Step::location_choice;
      return say(offer_places(c()));
    }
    c().step = Step::location;
    say(lang() == Language::en
            ? fmt::format("We found no kelurahan called \"{}\". Type its name again, or share the location.",
                          shortened(text, 60))
            : fmt::format("Kelurahan \"{}\" tidak ditemukan. Ketik lagi namanya, atau kirim lokasi.",
                          shortened(text, 60)));
  }

  // A description as intake takes it: 10 to 5,000 characters. False (and the citizen told) when not.
  bool take_description(const std::string& text) {
    auto length = dc::utf8_length(text).value_or(0);
    if (length < dc::kMinDescription) {
      say(lang() == Language::en ? "That is a little short: tell us a bit more (at least 10 characters)."
                                 : "Terlalu singkat: ceritakan sedikit lebih lengkap (paling sedikit 10 huruf).");
      return false;
    }
    if (length > dc::kMaxDescription) {
      say(lang() == Language::en ? "That is too long: at most 5,000 characters, please."
                                 : "Terlalu panjang: paling banyak 5.000 huruf.");
      return false;
    }
    c().fields.description = text;
    return true;
  }

  void quick_report(const std::string& text) {
    auto language = c().step == Step::start ? guess_language(text) : lang();
    auto photos = std::move(c().fields.photos);
    auto started = fresh(language, c().updated_at);
    started.fields.photos = std::move(photos);
    started.fields.quick = true;
    c() = std::move(started);
    if (!take_description(text)) {
      c().step = Step::description;
      return;
    }
    if (auto place = find_place_in_text(text, catalog.places)) return set_place(*place);
    c().step = Step::location;
    say(ask_location(c()));
  }

  void photo(const Inbound& message) {
    if (message.photo.empty()) {
      say(fmt::format("{} {}", message.photo_problem.in(lang()),
                      lang() == Language::en ? "Send another photo, or type DONE." : "Kirim foto lain, atau ketik SELESAI."));
      return;
    }
    if (c().fields.photos.size() >= kMaxPhotos) {
      say(lang() == Language::en ? fmt::format("You have sent {} photos already, the most we take.", kMaxPhotos)
                                 : fmt::format("Anda sudah mengirim {} foto, batas yang kami terima.", kMaxPhotos));
      if (c().step != Step::start) ask();
      return;
    }
    c().fields.photos.push_back(message.photo);
    const auto count = c().fields.photos.size();
    if (c().step == Step::photos) {
      if (count == kMaxPhotos) {
        c().step = Step::confirm;
        return say(summary(catalog, c()));
      }
      return say({lang() == Language::en
                      ? fmt::format("Photo {} received. Send another, or type DONE.", count)
                      : fmt::format("Foto ke-{} diterima. Kirim foto lain, atau ketik SELESAI.", count),
                  {lang() == Language::en ? "DONE" : "SELESAI"}});
    }
    // A photo before its step: kept, and the question of this step stands.
    say(lang() == Language::en ? fmt::format("Photo {} kept.", count) : fmt::format("Foto ke-{} disimpan.", count));
    if (c().step == Step::start) {
      c().step = Step::category;
      return say(greeting(catalog, lang()));
    }
    ask();
  }

  void text(const std::string& text) {
    switch (c().step) {
      case Step::start:
        c().language = guess_language(text);
        c().step = Step::category;
        return say(greeting(catalog, lang()));
      case Step::category: {
        auto number = leading_number(text);
        const CategoryOption* chosen = nullptr;
        if (number && *number >= 1 && *number <= catalog.categories.size()) chosen = &catalog.categories[*number - 1];
        if (!number) {
          auto typed = upper_ascii(trim(text));
          for (const auto& category : catalog.categories) {
            if (typed == upper_ascii(category.name_id) || typed == upper_ascii(category.name_en)) chosen = &category;
          }
        }
        if (!chosen) {
          return say(category_list(catalog, lang(),
                                   lang() == Language::en
                                       ? fmt::format("Please reply with a number from 1 to {}:", catalog.categories.size())
                                       : fmt::format("Balas dengan nomor 1 sampai {}:", catalog.categories.size())));
        }
        c().fields.category_code = chosen->code;
        c().step = Step::description;
        return say(ask_description(catalog, c()));
      }
      case Step::description:
        if (!take_description(text)) return;
        if (c().fields.quick) {
          if (auto place = find_place_in_text(text, catalog.places)) return set_place(*place);
        }
        c().step = Step::location;
        return say(ask_location(c()));
      case Step::location:
        return typed_place(text);
      case Step::location_choice: {
        auto number = leading_number(text);
        if (number && *number >= 1 && *number <= c().fields.offered_places.size()) {
          return set_place(c().fields.offered_places[*number - 1]);
        }
        if (c().fields.offered_places.size() == 1 && says(text, {"YA", "YES", "Y", "BETUL", "BENAR", "OK"})) {
          return set_place(c().fields.offered_places.front());
        }
        return typed_place(text);
      }
      case Step::photos:
        if (says(text, {"SELESAI", "DONE", "LANJUT", "SKIP", "LEWATI", "TIDAK", "NO", "TIDAK ADA", "NEXT"})) {
          c().step = Step::confirm;
          return say(summary(catalog, c()));
        }
        return ask();
      case Step::confirm:
        if (says(text, {"YA", "YES", "Y", "KIRIM", "SEND", "OK"})) {
          turn.action = Action::submit;
          return;
        }
        return say(summary(catalog, c()));
    }
  }

  void location(const Inbound& message) {
    if (c().step != Step::location && c().step != Step::location_choice) {
      say(lang() == Language::en ? "Thank you, but we did not ask for a location yet."
                                 : "Terima kasih, tetapi lokasi belum kami tanyakan.");
      if (c().step == Step::start) {
        c().step = Step::category;
        return say(greeting(catalog, lang()));
      }
      return ask();
    }
    if (!dc::check_location(message.latitude, message.longitude, std::nullopt)) {
      return say(lang() == Language::en
                     ? "That location is outside Indonesia. Share the place of the problem, or type the kelurahan."
                     : "Lokasi itu di luar Indonesia. Kirim lokasi masalahnya, atau ketik nama kelurahannya.");
    }
    c().fields.latitude = message.latitude;
    c().fields.longitude = message.longitude;
    after_location();
  }
};

}  // namespace

Turn advance(Conversation conversation, const Inbound& message, const Catalog& catalog, TimePoint now) {
  Dialog dialog{{}, catalog};
  auto& turn = dialog.turn;
  if (conversation.step != Step::start && now - conversation.updated_at >= kIdleLimit) {
    conversation = fresh(conversation.language, now);
    dialog.say(conversation.language == Language::en
                   ? "Your earlier report was not finished within 24 hours, so it was dropped. Let us start again."
                   : "Laporan Anda sebelumnya tidak diselesaikan dalam 24 jam, jadi dibatalkan. Kita mulai lagi.");
  }
  if (conversation.step == Step::start) conversation = fresh(conversation.language, now);
  conversation.updated_at = now;
  turn.conversation = std::move(conversation);

  switch (message.kind) {
    case InboundKind::photo:
      dialog.photo(message);
      return turn;
    case InboundKind::location:
      dialog.location(message);
      return turn;
    case InboundKind::unsupported:
      if (turn.conversation.step == Step::start) turn.conversation.step = Step::category;
      turn.replies.push_back(not_understood(turn.conversation, catalog));
      return turn;
    case InboundKind::text:
      break;
  }

  auto [command, argument] = command_of(message.text);
  if (one_of(command, {"CEK", "CHECK", "STATUS"})) {
    if (argument.empty()) {
      dialog.say(turn.conversation.language == Language::en ? "Type CHECK followed by the code, e.g. CHECK SGP-7KX3-QM2D."
                                                            : "Ketik CEK lalu kodenya, misalnya CEK SGP-7KX3-QM2D.");
    } else {
      turn.action = Action::track;
      turn.code = argument;
    }
    return turn;
  }
  if (one_of(command, {"BATAL", "CANCEL"}) && argument.empty()) {
    auto language = turn.conversation.language;
    turn.conversation = fresh(language, now);
    dialog.say(language == Language::en ? "Cancelled: nothing was sent. Write to us again whenever you like."
                                        : "Dibatalkan: tidak ada yang dikirim. Silakan menulis lagi kapan saja.");
    return turn;
  }
  if (one_of(command, {"ENGLISH", "INGGRIS"}) && argument.empty()) {
    turn.conversation.language = Language::en;
    if (turn.conversation.step == Step::start) turn.conversation.step = Step::category;
    dialog.ask();
    return turn;
  }
  if (one_of(command, {"INDONESIA", "INDONESIAN"}) && argument.empty()) {
    turn.conversation.language = Language::id;
    if (turn.conversation.step == Step::start) turn.conversation.step = Step::category;
    dialog.ask();
    return turn;
  }
  if (one_of(command, {"LAPOR", "REPORT"}) && !argument.empty()) {
    dialog.quick_report(argument);
    return turn;
  }
  dialog.text(trim(message.text));
  return turn;
}

Turn submitted(const Conversation& conversation, const std::string& code, const std::string& tracking_url,
               TimePoint now) {
  Turn turn;
  turn.conversation = fresh(conversation.language, now);
  const bool en = conversation.language == Language::en;
  turn.replies.push_back(
      {fmt::format(fmt::runtime(en ? "Thank you, your report was received. Its code is {}. Follow it at {} or type CHECK {}. "
                        "We will tell you here when it moves on."
                      : "Terima kasih, aduan Anda diterima dengan kode {}. Pantau di {} atau ketik CEK {}. "
                        "Kami kabari di sini setiap ada perkembangan."),
                   code, tracking_url, code),
       {}});
  return turn;
}

Turn submit_failed(const Conversation& conversation, const Text& why, bool description_at_fault, TimePoint now) {
  Turn turn;
  turn.conversation = conversation;
  turn.conversation.updated_at = now;
  const bool en = conversation.language == Language::en;
  std::string text = fmt::format(fmt::runtime(en ? "Your report could not be filed: {}" : "Aduan Anda belum dapat dicatat: {}"),
                                 why.in(conversation.language));
  if (description_at_fault) {
    turn.conversation.step = Step::description;
    text += en ? " Please write what happened again." : " Silakan tulis lagi uraiannya.";
  } else {
    text += en ? " Reply YES to try again, or CANCEL." : " Balas YA untuk mencoba lagi, atau BATAL.";
  }
  turn.replies.push_back({std::move(text), {}});
  return turn;
}

Reply track_answer(Language language, const TrackFacts& facts) {
  return {fmt::format(fmt::runtime(language == Language::en ? "Report {}: {}. Handled by {}. Last change: {}."
                                               : "Aduan {}: {}. Ditangani oleh {}. Perubahan terakhir: {}."),
                      facts.code, facts.status.in(language), facts.unit, facts.updated),
          {}};
}

Reply track_typo(Language language, const std::string& typed) {
  return {fmt::format(fmt::runtime(language == Language::en
                          ? "The code \"{}\" seems to have a typo. Please check it (it looks like SGP-7KX3-QM2D)."
                          : "Kode \"{}\" sepertinya salah ketik. Periksa lagi (bentuknya seperti SGP-7KX3-QM2D)."),
                      shortened(typed, 40)),
          {}};
}

Reply track_not_found(Language language, const std::string& typed) {
  return {fmt::format(fmt::runtime(language == Language::en ? "We have no report with the code \"{}\"."
                                               : "Tidak ada aduan dengan kode \"{}\"."),
                      shortened(typed, 40)),
          {}};
}

Reply not_understood(const Conversation& conversation, const Catalog& catalog) {
  auto reply = prompt(conversation, catalog);
  reply.text = (conversation.language == Language::en ? "Sorry, we cannot read that kind of message. "
                                                      : "Maaf, pesan jenis itu tidak dapat kami baca. ") +
               reply.text;
  return reply;
}

}  // namespace sigap::domain::conversations
