#include "app/complaints/generated_texts.hpp"

#include <array>
#include <map>

namespace sigap::app::complaints {

namespace {

using Phrases = std::vector<std::string_view>;

template <typename List>
std::string_view pick(std::mt19937_64& random, const List& list) {
  return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
}

int number(std::mt19937_64& random, int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); }

const Phrases kOpenings{
    "Assalamualaikum, saya mau melapor.", "Selamat pagi Bapak/Ibu,", "Mohon perhatian dari dinas terkait.",
    "Kami warga setempat mengeluhkan", "Izin melapor,", "Tolong dibantu,", "Sudah beberapa kali kami sampaikan,",
    "Selamat siang, admin.", "Warga resah karena", "Mohon maaf mengganggu,", "Laporan dari warga:", "",
    "Saya ingin menyampaikan keluhan.", "Bapak Wali Kota yang kami hormati,"};

const Phrases kStreets{"Jalan Jenderal Sudirman", "Jalan Demang Lebar Daun", "Jalan Kapten A. Rivai", "Jalan Veteran",
                       "Jalan Merdeka", "Jalan Basuki Rahmat", "Jalan Angkatan 45", "Jalan R. Soekamto",
                       "Jalan Mayor Ruslan", "Jalan Kolonel Atmo", "Jalan Letkol Iskandar",
                       "Jalan Residen Abdul Rozak", "Jalan Sultan Mahmud Badaruddin II",
                       "Jalan Alamsyah Ratu Prawiranegara", "Jalan KH Ahmad Dahlan", "Jalan Srijaya Negara",
                       "Jalan DI Panjaitan", "Jalan Sukabangun", "Jalan Macan Lindungan", "Jalan Tanjung Api-Api"};

const Phrases kLandmarks{"SD Negeri {n}", "SMP Negeri {n}", "Masjid Al-Ikhlas", "Masjid Nurul Iman", "Pasar 16 Ilir",
                         "Pasar Cinde", "Pasar Lemabang", "Pasar Kuto", "Pasar KM 5", "Puskesmas {k}",
                         "kantor lurah {k}", "simpang empat lampu merah", "halte Trans Musi", "Lorong Sepakat",
                         "Lorong Bersama", "perumahan Griya {k} blok {b}", "RT {n} RW {m}", "jembatan Ampera",
                         "pinggir Sungai Musi", "Gang Mawar", "musala Al-Falah", "rumah makan Pindang Pegagan"};

const Phrases kSince{"sudah dua minggu", "sejak bulan lalu", "sudah tiga hari", "sudah lebih dari sebulan",
                     "sejak musim hujan", "sejak kemarin", "sudah hampir setahun", "sudah seminggu lebih",
                     "dari awal bulan", "sejak lebaran"};

const Phrases kAsks{"Mohon segera ditindaklanjuti.", "Mohon bantuannya, terima kasih.", "Tolong segera diperbaiki.",
                    "Kami mohon petugas turun langsung ke lokasi.", "Mohon kejelasan kapan akan ditangani.",
                    "Terima kasih atas perhatiannya.", "Semoga cepat ditangani sebelum ada korban.",
                    "Warga sudah melapor ke RT tapi belum ada tindakan.", "", "Mohon dicek ke lapangan."};

// Per category: problems as a reader would say them (title, then sentence pieces).
const std::map<std::string_view, std::pair<Phrases, Phrases>>& category_phrases() {
  static const std::map<std::string_view, std::pair<Phrases, Phrases>> phrases{
      {"jalan-rusak",
       {{"Jalan berlubang", "Jalan rusak parah", "Aspal mengelupas", "Jalan amblas"},
        {"jalan berlubang cukup dalam", "aspal jalan rusak dan mengelupas", "jalan amblas dan retak",
         "lubang besar di tengah jalan sering membuat pengendara motor jatuh", "jalan bergelombang dan licin saat hujan",
         "jalan rusak berat, banyak batu lepas", "genangan di lubang jalan membahayakan anak sekolah"}}},
      {"banjir-drainase",
       {{"Banjir setiap hujan", "Drainase tersumbat", "Got meluap", "Saluran air mampet"},
        {"saluran air tersumbat sampah", "banjir setinggi lutut setiap hujan deras", "got meluap ke rumah warga",
         "drainase tidak berfungsi dan air menggenang", "gorong-gorong tertutup lumpur", "air sungai meluap ke jalan"}}},
      {"sampah",
       {{"Sampah menumpuk", "Sampah tidak diangkut", "TPS penuh", "Bau sampah"},
        {"sampah menumpuk dan tidak diangkut", "TPS penuh dan sampah meluber ke jalan", "bau busuk dari tumpukan sampah",
         "truk sampah tidak datang", "warga membuang sampah sembarangan di lahan kosong", "sampah dibakar dan asapnya mengganggu"}}},
      {"lampu-jalan",
       {{"Lampu jalan mati", "PJU padam", "Jalan gelap"},
        {"lampu jalan mati dan jalan gelap gulita", "PJU padam sehingga rawan begal", "lampu penerangan jalan berkedip",
         "tiang lampu miring hampir roboh", "beberapa lampu jalan tidak menyala di malam hari"}}},
      {"pohon-taman",
       {{"Pohon hampir tumbang", "Dahan patah", "Taman tidak terawat"},
        {"pohon besar miring dan hampir tumbang", "dahan pohon patah menimpa kabel listrik", "taman kota tidak terawat",
         "rumput liar tinggi di taman", "akar pohon merusak trotoar"}}},
      {"lalu-lintas-parkir",
       {{"Macet parah", "Parkir liar", "Lampu lalu lintas rusak"},
        {"kemacetan parah setiap sore", "parkir liar memakan badan jalan", "lampu lalu lintas mati",
         "juru parkir liar memungut tarif tinggi", "kendaraan berat lewat di jam sibuk"}}},
      {"air-bersih",
       {{"Air PDAM mati", "Air keruh", "Pipa bocor"},
        {"air PDAM tidak mengalir", "air keruh dan berbau", "pipa bocor di pinggir jalan",
         "tagihan air naik padahal air sering mati", "tekanan air sangat kecil"}}},
      {"adminduk",
       {{"KTP belum jadi", "Antrean Disdukcapil", "Blangko KTP habis"},
        {"e-KTP belum jadi padahal sudah rekam", "pengurusan KK sangat lama", "antrean di Disdukcapil terlalu panjang",
         "blangko KTP katanya habis", "akta kelahiran anak belum terbit"}}},
      {"kesehatan",
       {{"Pelayanan puskesmas", "Obat kosong", "Antrean rumah sakit"},
        {"pelayanan puskesmas lambat", "obat di puskesmas kosong", "antrean rumah sakit sangat panjang",
         "petugas puskesmas tidak ramah", "pasien BPJS ditolak"}}},
      {"demam-berdarah",
       {{"Kasus DBD", "Minta fogging"},
        {"banyak warga terkena demam berdarah", "mohon fogging karena nyamuk banyak", "ada anak dirawat karena DBD",
         "genangan air jadi sarang nyamuk"}}},
      {"pendidikan",
       {{"Pungutan sekolah", "PPDB zonasi", "Gedung sekolah rusak"},
        {"pungutan di sekolah memberatkan orang tua", "masalah zonasi PPDB", "atap sekolah bocor",
         "guru sering tidak masuk kelas", "seragam sekolah wajib dibeli di sekolah"}}},
      {"pelayanan-pegawai",
       {{"Pungli pelayanan", "Pegawai tidak ramah", "Calo di kantor"},
        {"ada pungli saat mengurus surat", "pegawai tidak ramah dan pelayanan lambat", "calo berkeliaran di kantor pelayanan",
         "berkas kami sengaja diperlambat"}}},
      {"ketertiban-umum",
       {{"PKL di trotoar", "Gangguan ketertiban", "Balap liar"},
        {"pedagang kaki lima berjualan di trotoar", "balap liar setiap malam minggu", "anak punk mengganggu pengguna jalan",
         "bangunan liar di bantaran sungai"}}},
  };
  return phrases;
}

std::string fill(std::string_view pattern, std::mt19937_64& random, std::string_view place) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      switch (pattern[i + 1]) {
        case 'n': out += std::to_string(number(random, 1, 60)); break;
        case 'm': out += std::to_string(number(random, 1, 12)); break;
        case 'b': out += static_cast<char>('A' + number(random, 0, 7)); break;
        case 'k': out += place; break;
        default: break;
      }
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

GeneratedText generated_text(std::mt19937_64& random, std::string_view category_code, std::string_view category_name,
                             const std::vector<std::string>& keywords, std::string_view place_name) {
  GeneratedText text;
  std::string problem;
  const auto& phrases = category_phrases();
  if (auto found = phrases.find(category_code); found != phrases.end()) {
    text.title = pick(random, found->second.first);
    problem = pick(random, found->second.second);
  } else {
    text.title = std::string(category_name);
    problem = keywords.empty() ? "masalah " + std::string(category_name)
                               : "masalah " + std::string(pick(random, keywords)) + " yang belum selesai";
  }
  std::string where = number(random, 0, 1) ? "di " + std::string(pick(random, kStreets)) + " dekat " +
                                                 fill(pick(random, kLandmarks), random, place_name)
                                           : "di depan " + fill(pick(random, kLandmarks), random, place_name);
  text.title += " di " + std::string(place_name);
  std::string opening(pick(random, kOpenings));
  // After a full stop the problem starts a sentence; after "Warga resah karena" or a comma it goes on.
  std::string sentence = opening.empty() || opening.back() == '.' ? capitalised(problem) : problem;
  text.description = (opening.empty() ? "" : opening + " ") + sentence + " " + where + ", kelurahan " +
                     std::string(place_name) + ", " + std::string(pick(random, kSince)) + ". " +
                     std::string(pick(random, kAsks));
  while (!text.description.empty() && text.description.back() == ' ') text.description.pop_back();
  return text;
}

std::string generated_name(std::mt19937_64& random) {
  static constexpr std::array<std::string_view, 24> kFirst{
      "Ahmad", "Siti", "Muhammad", "Nur", "Rahmat", "Dewi", "Budi", "Sri", "Agus", "Rina", "Hendra", "Yuliana",
      "Fajar", "Putri", "Rizki", "Indah", "Eko", "Wulandari", "Andi", "Ratna", "Dedi", "Maya", "Irwan", "Lestari"};
  static constexpr std::array<std::string_view, 16> kLast{
      "Saputra", "Hidayat", "Lestari", "Pratama", "Wijaya", "Kurniawan", "Rahmawati", "Setiawan", "Nugroho",
      "Sari", "Fauzi", "Harahap", "Siregar", "Syahputra", "Anggraini", "Firmansyah"};
  return std::string(pick(random, kFirst)) + " " + std::string(pick(random, kLast));
}

std::string generated_address(std::mt19937_64& random) {
  return std::string(pick(random, kStreets)) + " No. " + std::to_string(number(random, 1, 250)) + ", RT " +
         std::to_string(number(random, 1, 40));
}

}  // namespace sigap::app::complaints
