#pragma once

#include <string>
#include <string_view>

namespace sigap::channels::email {

/// The readable text of an HTML mail body, for a report that came without a text/plain part.
/// Tags are dropped (the contents of script, style, head, title and comments with them);
/// entities are decoded (the common named ones, decimal and hex numbers; a number that is no
/// character becomes U+FFFD); white space runs collapse to one space outside <pre>; br, p, div,
/// headings, list items, table rows and the like break lines (one blank line at most between
/// paragraphs), list items start with "- ", and the lines inside a <blockquote> start with "> "
/// so that quote trimming removes a quoted earlier message. Never fails: malformed HTML gives
/// what text it holds. Pure; thread-safe.
std::string html_to_text(std::string_view html);

}  // namespace sigap::channels::email
