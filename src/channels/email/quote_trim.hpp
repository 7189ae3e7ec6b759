#pragma once

#include <string>
#include <string_view>

namespace sigap::channels::email {

/// The new text of a mail body (lines separated by "\n"), without what the mail program added
/// below it: everything from an attribution line on ("On 3 Mar 2026, Sigap <...> wrote:",
/// "Pada 3 Mar 2026 ... menulis:", also when the attribution is wrapped over two lines), from
/// "-----Original Message-----" / "-----Pesan Asli-----", from a signature separator ("-- "
/// or "--" alone on a line), and every line quoted with ">". Only simple, common shapes are
/// recognised: a reply written below the quote keeps its text, a quote without ">" and without
/// an attribution stays. The result is tidied (tidy_lines). Pure; thread-safe.
std::string trim_quoted_reply(std::string_view text);

}  // namespace sigap::channels::email
