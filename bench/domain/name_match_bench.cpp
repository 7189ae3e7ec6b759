// name_match_score over the 107 kelurahan (village-level) names of Palembang: what one region
// search costs in pure matching, before storage and HTTP. Names come from
// data/palembang/regions.csv (rows whose code has four parts, 16.71.KK.DDDD).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.hpp"
#include "domain/master_data/name_match.hpp"

namespace {

namespace dm = sigap::domain::master_data;

std::vector<std::string> load_kelurahan_names() {
  const std::string path = SIGAP_SOURCE_DIR "/data/palembang/regions.csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto rows = sigap::csv::parse(text.str());
  if (!rows) {
    std::fprintf(stderr, "cannot parse %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<std::string> names;
  bool header = true;
  for (const auto& row : *rows) {
    if (header) {
      header = false;
      continue;
    }
    if (row.size() < 3) continue;
    if (std::count(row[0].begin(), row[0].end(), '.') == 3) names.push_back(row[2]);
  }
  return names;
}

const std::vector<std::string>& kelurahan_names() {
  static const std::vector<std::string> names = load_kelurahan_names();
  return names;
}

// What people type into the search box: exact, lower case, a typo, a prefix, words out of
// order, digits for a spelled-out numeral, and something that matches nothing.
const std::vector<std::string_view>& queries() {
  static const std::vector<std::string_view> list{
      "Talangbetutu", "sukarami", "sukarame", "talang", "ilir tiga puluh lima", "35 ilir", "xyzzy kampung"};
  return list;
}

// One query scored against every kelurahan name, keeping the best (what a search does).
void BM_NameMatchAllKelurahan(benchmark::State& state) {
  const auto& names = kelurahan_names();
  const auto query = queries()[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(std::string(query));
  for (auto _ : state) {
    int best = 0;
    for (const auto& name : names) best = std::max(best, dm::name_match_score(query, name));
    benchmark::DoNotOptimize(best);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
  state.counters["names"] = static_cast<double>(names.size());
}
BENCHMARK(BM_NameMatchAllKelurahan)->DenseRange(0, 6);

// fold_name over every kelurahan name: the normalisation share of the cost above.
void BM_FoldAllKelurahan(benchmark::State& state) {
  const auto& names = kelurahan_names();
  for (auto _ : state) {
    for (const auto& name : names) benchmark::DoNotOptimize(dm::fold_name(name));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_FoldAllKelurahan);

}  // namespace

BENCHMARK_MAIN();
